# Golden values for weighted least squares in dev.repro.estimate.linear (WeightsGoldenTest).
# Run from the repository root:  Rscript src/test/golden/linear/golden_weights.R
# Writes src/test/golden/linear/golden_weights.csv (long format, the layout of golden.csv).
#
# Weights w_i = 1 + 0.5 * (i mod 5), i the row of the dataset file (1-based), set before any sample rule.
# Reference: lm(y ~ x + factor(id) [+ factor(year)], weights = w) (weighted least squares; Stata aweight/pweight
# give the same estimates and, with the same small-sample factors, the same covariances), with
#   iid      vcov(lm): sum w e^2 / (N - p) (X'WX)^-1            (dof stata: p = k + A)
#   hc1      sandwich::vcovHC(type = "HC0") times N/(N - K), K = k + A (dof stata), or unadjusted (dof none)
#   cluster  sandwich::vcovCL(type = "HC0", cadjust = FALSE) times G/(G-1) (N-1)/(N-K), K = k + rank of the
#            effects not nested in the cluster (1 if all nested) (dof stata), or unadjusted (dof none)
# Pooled estimates and iid standard errors are cross-checked against plm(model = "pooling", weights = w). plm's
# weighted WITHIN model is not this estimator: plm 2.6.2 demeans without the weights and then weights the
# demeaned data, so it differs from weighted least squares with dummies (= reghdfe/fixest with weights; the
# difference is recorded in the header below). plm's vcovHC/vcovSCC refuse weighted models, so the robust
# covariances come from lm + sandwich.
suppressPackageStartupMessages({ library(plm); library(sandwich); library(lmtest) })
res_dir <- "src/test/golden/linear"
data_dir <- "src/test/golden/datasets"
rows <- list()
add <- function(dataset, sample, model, vcov, dof, quantity, term, value) {
  rows[[length(rows) + 1L]] <<- data.frame(dataset = dataset, sample = sample, model = model, vcov = vcov,
    dof = dof, quantity = quantity, term = term, value = trimws(formatC(value, digits = 17, format = "g")),
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
  unbal = function(d) d[seq_len(nrow(d)) %% 7L != 0L, ])
models <- list(ols = character(), fe1 = "id", fe2 = c("id", "year"))
rank_of <- function(d, effects) {
  if (length(effects) == 0L) return(1L)
  qr(model.matrix(as.formula(paste("~", paste(sprintf("factor(%s)", effects), collapse = " + "))), d))$rank
}
nested_in <- function(fe, cl) all(tapply(cl, fe, function(v) length(unique(v))) == 1L)
maxdiff <- 0
plmwithin <- 0
for (ds in names(sets)) {
  s <- sets[[ds]]
  s$data$w <- 1 + 0.5 * (seq_len(nrow(s$data)) %% 5L)
  xs <- grep("^x", names(s$data), value = TRUE)
  for (smp in names(samples)) {
    d <- samples[[smp]](s$data)
    N <- nrow(d)
    for (mn in names(models)) {
      fe <- models[[mn]]
      f <- as.formula(paste("y ~", paste(c(xs, sprintf("factor(%s)", fe)), collapse = " + ")))
      fit <- lm(f, data = d, weights = w)
      k <- length(xs)
      A <- rank_of(d, fe)
      keep <- c(if (length(fe) == 0L) "(Intercept)", xs)
      out <- ifelse(keep == "(Intercept)", "(Intercept)", s$terms[match(keep, xs)])
      b <- coef(fit)[keep]
      pf <- plm(as.formula(paste("y ~", paste(xs, collapse = " + "))), data = pdata.frame(d, index = c("id", "year")),
                model = if (length(fe) == 0L) "pooling" else "within",
                effect = if (length(fe) == 2L) "twoways" else "individual", weights = w)
      diff <- max(abs(coef(pf)[xs] - b[xs]) / abs(b[xs]))
      if (length(fe) == 0L) {
        maxdiff <- max(maxdiff, diff, abs(sqrt(diag(vcov(pf)))[xs] - sqrt(diag(vcov(fit)))[xs]) / sqrt(diag(vcov(fit)))[xs])
      } else {
        plmwithin <- max(plmwithin, diff)
      }
      nonnested <- fe[!vapply(fe, function(e) nested_in(d[[e]], d$id), logical(1))]
      Kc <- k + rank_of(d, nonnested)
      G <- length(unique(d$id))
      covs <- list(
        list("iid", "stata", vcov(fit)),
        list("hc1", "stata", vcovHC(fit, type = "HC0") * N / (N - k - A)),
        list("hc1", "none", vcovHC(fit, type = "HC0")),
        list("cluster(id)", "stata", vcovCL(fit, cluster = ~id, type = "HC0", cadjust = FALSE) * G / (G - 1) * (N - 1) / (N - Kc)),
        list("cluster(id)", "none", vcovCL(fit, cluster = ~id, type = "HC0", cadjust = FALSE)))
      for (cv in covs) {
        V <- cv[[3]][keep, keep, drop = FALSE]
        for (j in seq_along(keep)) {
          add(ds, smp, mn, cv[[1]], cv[[2]], "estimate", out[j], b[j])
          add(ds, smp, mn, cv[[1]], cv[[2]], "stdError", out[j], sqrt(V[j, j]))
        }
        add(ds, smp, mn, cv[[1]], cv[[2]], "nobs", "", N)
        add(ds, smp, mn, cv[[1]], cv[[2]], "dfResid", "", N - k - A)
      }
    }
  }
}
if (maxdiff > 1e-10) stop("plm(weights =) and lm(weights =) disagree: ", maxdiff)
out <- do.call(rbind, rows)
con <- file(file.path(res_dir, "golden_weights.csv"), "w")
writeLines(sprintf("# generator: src/test/golden/linear/golden_weights.R; %s; plm %s; sandwich %s; lmtest %s",
  R.version.string, packageVersion("plm"), packageVersion("sandwich"), packageVersion("lmtest")), con)
writeLines(sprintf("# data: plm::Grunfeld, plm::Produc; weights 1 + 0.5 (row mod 5); pooled agrees with plm(weights =) to %.1e; plm's weighted within differs by up to %.1e relative (see the script)", maxdiff, plmwithin), con)
write.csv(out, con, row.names = FALSE)
close(con)
