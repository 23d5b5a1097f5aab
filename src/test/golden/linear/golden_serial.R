# Golden values for the Driscoll-Kraay and panel Newey-West covariances of dev.repro.estimate.linear
# (SerialCovarianceGoldenTest). Run from the repository root:  Rscript src/test/golden/linear/golden_serial.R
# Writes src/test/golden/linear/golden_serial.csv (long format, the layout of golden.csv).
#
# Reference: R plm::vcovSCC (dk) and plm::vcovNW (nw) with their defaults (type = "HC0": no small-sample factor;
# weights 1 - j/(maxlag + 1); maxlag = NULL -> floor(max(Ti)^(1/4)), Ti the observations per individual), on
# plm's pooling, within (one-way, two-way) and random (swar) fits. t tests as lmtest::coeftest(fit, vcov = ...):
# on df.residual(fit).
suppressPackageStartupMessages({ library(plm); library(sandwich); library(lmtest) })
res_dir <- "src/test/golden/linear"
data_dir <- "src/test/golden/datasets"
rows <- list()
add <- function(dataset, sample, model, vcov, quantity, term, value) {
  rows[[length(rows) + 1L]] <<- data.frame(dataset = dataset, sample = sample, model = model, vcov = vcov,
    dof = "stata", quantity = quantity, term = term, value = trimws(formatC(value, digits = 17, format = "g")),
    stringsAsFactors = FALSE)
}
grunfeld <- read.csv(file.path(data_dir, "grunfeld.csv"))
grunfeld <- data.frame(id = grunfeld$firm, year = grunfeld$year, y = grunfeld$inv,
                       x1 = grunfeld$value, x2 = grunfeld$capital)
produc <- read.csv(file.path(data_dir, "produc.csv"))
produc <- data.frame(id = produc$state, year = produc$year, y = log(produc$gsp), x1 = log(produc$pc),
                     x2 = log(produc$emp), x3 = produc$unemp)
sets <- list(
  grunfeld = list(data = grunfeld, terms = c("value", "capital")),
  produc = list(data = produc, terms = c("log(pc)", "log(emp)", "unemp")))
samples <- list(
  full = function(d) d,
  unbal = function(d) d[seq_len(nrow(d)) %% 7L != 0L, ],
  short = function(d) d[d$year <= min(d$year) + 2L, ])
models <- list(
  ols = list(model = "pooling", effect = "individual"),
  fe1 = list(model = "within", effect = "individual"),
  fe2 = list(model = "within", effect = "twoways"),
  re = list(model = "random", effect = "individual"))
vcovs <- list(
  "dk" = function(m) vcovSCC(m),
  "dk(0)" = function(m) vcovSCC(m, maxlag = 0),
  "dk(3)" = function(m) vcovSCC(m, maxlag = 3),
  "nw" = function(m) vcovNW(m),
  "nw(2)" = function(m) vcovNW(m, maxlag = 2))

for (ds in names(sets)) {
  s <- sets[[ds]]
  rhs <- paste(grep("^x", names(s$data), value = TRUE), collapse = " + ")
  for (smp in names(samples)) {
    d <- pdata.frame(samples[[smp]](s$data), index = c("id", "year"))
    for (mn in names(models)) {
      mm <- models[[mn]]
      fit <- plm(as.formula(paste("y ~", rhs)), data = d, model = mm$model, effect = mm$effect,
                 random.method = "swar")
      lag <- floor(max(pdim(fit)$Tint$Ti)^(1/4))
      for (vn in names(vcovs)) {
        if (grepl("\\(3\\)", vn) && length(unique(d$year)) <= 3) next
        V <- vcovs[[vn]](fit)
        ct <- coeftest(fit, vcov = V)
        terms <- rownames(ct)
        names_out <- ifelse(terms == "(Intercept)", "(Intercept)", s$terms[match(terms, paste0("x", seq_along(s$terms)))])
        for (j in seq_along(terms)) {
          add(ds, smp, mn, vn, "estimate", names_out[j], ct[j, 1])
          add(ds, smp, mn, vn, "stdError", names_out[j], ct[j, 2])
          add(ds, smp, mn, vn, "t", names_out[j], ct[j, 3])
          add(ds, smp, mn, vn, "p", names_out[j], ct[j, 4])
        }
        add(ds, smp, mn, vn, "dfTest", "", df.residual(fit))
        add(ds, smp, mn, vn, "lag", "", if (grepl("\\(", vn)) as.numeric(sub(".*\\((\\d+)\\)", "\\1", vn)) else lag)
      }
    }
  }
}
out <- do.call(rbind, rows)
con <- file(file.path(res_dir, "golden_serial.csv"), "w")
writeLines(sprintf("# generator: src/test/golden/linear/golden_serial.R; %s; plm %s; sandwich %s; lmtest %s",
  R.version.string, packageVersion("plm"), packageVersion("sandwich"), packageVersion("lmtest")), con)
writeLines("# data: plm::Grunfeld (inv ~ value + capital), plm::Produc (log(gsp) ~ log(pc) + log(emp) + unemp)", con)
write.csv(out, con, row.names = FALSE)
close(con)
