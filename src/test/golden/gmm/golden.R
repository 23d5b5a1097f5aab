# Golden values for dev.repro.estimate.gmm (GmmGoldenTest): R plm::pgmm on the models of
# src/test/golden/gmm/models.tsv (the same file the Java test reads: our formula syntax and plm's side by side).
# Run from the repository root after export_data.R:  Rscript src/test/golden/gmm/golden.R
# Reads a model's dataset beside itself (grunfeld_gaps.csv) or else from src/test/golden/datasets/.
# Writes src/test/golden/gmm/golden.csv (long format: model, quantity, term, value, 17 significant digits).
# Quantities: estimate and stdError per regressor (summary(): robust SEs, Windmeijer-corrected for two steps),
# sargan statistic/df/p (sargan(): two-step weights), ar1/ar2 statistic/p (mtest() with the robust vcov, as
# summary() computes them), nobs (residuals != 0, as plm counts), groups (pdim n), instruments (ncol(W)).
suppressPackageStartupMessages(library(plm))
dir <- "src/test/golden/gmm"
data_file <- function(name) {
  f <- file.path(dir, paste0(name, ".csv"))
  if (file.exists(f)) f else file.path("src/test/golden/datasets", paste0(name, ".csv"))
}
models <- read.delim(file.path(dir, "models.tsv"), stringsAsFactors = FALSE, quote = "")
rows <- list()
add <- function(model, quantity, term, value) {
  rows[[length(rows) + 1L]] <<- data.frame(model = model, quantity = quantity, term = term,
    value = trimws(formatC(value, digits = 17, format = "g")), stringsAsFactors = FALSE)
}
datasets <- list()
for (i in seq_len(nrow(models))) {
  m <- models[i, ]
  if (is.null(datasets[[m$dataset]])) {
    d <- read.csv(data_file(m$dataset), na.strings = c("", "NA"))
    datasets[[m$dataset]] <- pdata.frame(d, index = names(d)[1:2])
  }
  fit <- pgmm(as.formula(m$plm), data = datasets[[m$dataset]], effect = m$effect,
              model = if (m$steps == 1) "onestep" else "twosteps", transformation = m$transformation,
              collapse = as.logical(m$collapse))
  s <- summary(fit, robust = TRUE)
  cf <- s$coefficients
  # our canonical term labels, in formula order (regressors only; time dummies are not reported)
  terms <- trimws(strsplit(sub("^[^~]*~", "", m$formula), "\\+")[[1]])
  labels <- unlist(lapply(terms, function(t) {
    r <- regmatches(t, regexec("^L\\((.*), ([0-9]+):([0-9]+)\\)$", t))[[1]]
    if (length(r) == 0) return(t)
    sapply(as.integer(r[3]):as.integer(r[4]), function(k) if (k == 0) r[2] else sprintf("L(%s, %d)", r[2], k))
  }))
  stopifnot(length(labels) <= nrow(cf))
  for (j in seq_along(labels)) {
    add(m$id, "estimate", labels[j], cf[j, 1])
    add(m$id, "stdError", labels[j], cf[j, 2])
  }
  add(m$id, "sargan.statistic", "", s$sargan$statistic)
  add(m$id, "sargan.df", "", s$sargan$parameter)
  add(m$id, "sargan.p", "", s$sargan$p.value)
  add(m$id, "ar1.statistic", "", s$m1$statistic)
  add(m$id, "ar1.p", "", s$m1$p.value)
  add(m$id, "ar2.statistic", "", s$m2$statistic)
  add(m$id, "ar2.p", "", s$m2$p.value)
  add(m$id, "nobs", "", nobs(fit))
  add(m$id, "groups", "", pdim(fit)$nT$n)
  add(m$id, "instruments", "", ncol(fit$W[[1]]))
  cat(sprintf("%-10s %s\n", m$id, paste(sprintf("%s=%.6g", labels, cf[seq_along(labels), 1]), collapse = " ")))
}
out <- do.call(rbind, rows)
con <- file(file.path(dir, "golden.csv"), "w")
writeLines(sprintf("# generator: src/test/golden/gmm/golden.R; %s; plm %s", R.version.string, packageVersion("plm")), con)
write.csv(out, con, row.names = FALSE)
close(con)
