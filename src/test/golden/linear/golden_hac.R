# Golden values for the time-series HAC covariance (vcov: hac(lag)) of dev.repro.estimate.linear
# (HacGoldenTest). Run from the repository root:  Rscript src/test/golden/linear/golden_hac.R
# Writes src/test/golden/linear/usmacro.csv (input; t the quarter's index 1..204, a whole-number time column) and golden_hac.csv (long format, the layout of golden.csv).
#
# Reference: sandwich::NeweyWest(lm_fit, lag = L, prewhite = FALSE, adjust = TRUE | FALSE): Bartlett weights
# 1 - l/(L + 1) on the autocovariances of the scores x_t e_t taken in row order (the rows are one per period, in
# time order, no gap); adjust = TRUE multiplies by n/(n - k), k = ncol(model matrix) (Stata's newey; our dof: stata),
# adjust = FALSE is HC0-type (our dof: none). t tests as lmtest::coeftest(fit, vcov = V): on df.residual(fit) = n - k.
# Default lag: floor(4 (T/100)^(2/9)) (Newey and West 1994), T = observations.
# The absorbed model (fe1) is lm with factor(period) dummies and no separate intercept; its slope block equals the
# within fit's by Frisch-Waugh-Lovell, the scores being the same residuals times the projected regressors.
suppressPackageStartupMessages({ library(sandwich); library(lmtest); library(AER) })
res_dir <- "src/test/golden/linear"
data_dir <- "src/test/golden/datasets"
rows <- list()
add <- function(dataset, sample, model, vcov, dof, quantity, term, value) {
  rows[[length(rows) + 1L]] <<- data.frame(dataset = dataset, sample = sample, model = model, vcov = vcov,
    dof = dof, quantity = quantity, term = term, value = trimws(formatC(value, digits = 17, format = "g")),
    stringsAsFactors = FALSE)
}
data("USMacroG", package = "AER")
usmacro <- data.frame(t = seq_len(nrow(USMacroG)), quarter = as.numeric(time(USMacroG)), consumption = as.numeric(USMacroG[, "consumption"]),
                      dpi = as.numeric(USMacroG[, "dpi"]), tbill = as.numeric(USMacroG[, "tbill"]))
write.csv(usmacro, file.path(res_dir, "usmacro.csv"), row.names = FALSE)
longley <- read.csv(file.path(data_dir, "longley.csv"))
sets <- list(
  # log(consumption) ~ log(dpi) + tbill, quarterly 1950-2000; absorbed: decade
  usmacro = list(d = data.frame(time = usmacro$quarter, y = log(usmacro$consumption), x1 = log(usmacro$dpi),
                                x2 = usmacro$tbill, period = floor(usmacro$quarter / 10)),
                 terms = c("log(dpi)", "tbill")),
  # Longley: y ~ GNP + Unemployed, annual 1947-1962; absorbed: four-year periods
  longley = list(d = data.frame(time = longley$x6, y = longley$y, x1 = longley$x2, x2 = longley$x3,
                                period = floor((longley$x6 - 1947) / 4)),
                 terms = c("x2", "x3")))
samples <- list(full = function(d) d, first100 = function(d) d[seq_len(min(100L, nrow(d))), ],
                weighted = function(d) d)
# weighted: lm(weights = w), w = 1 + 0.5 (t mod 3) with t the row's index (usmacro only); the scores are w x e
weight_of <- function(n) 1 + 0.5 * (seq_len(n) %% 3)
lags <- list("hac" = NA, "hac(0)" = 0, "hac(1)" = 1, "hac(4)" = 4)
for (ds in names(sets)) {
  s <- sets[[ds]]
  for (smp in names(samples)) {
    if (smp != "full" && ds != "usmacro") next
    d <- samples[[smp]](s$d)
    d <- d[order(d$time), ]
    d$w <- if (smp == "weighted") weight_of(nrow(d)) else rep(1, nrow(d))
    for (mn in c("ols", "fe1")) {
      fit <- if (mn == "ols") lm(y ~ x1 + x2, data = d, weights = w) else lm(y ~ x1 + x2 + factor(period) - 1, data = d, weights = w)
      for (vn in names(lags)) {
        lag <- if (is.na(lags[[vn]])) floor(4 * (nrow(d) / 100)^(2 / 9)) else lags[[vn]]
        for (dof in c("stata", "none")) {
          V <- NeweyWest(fit, lag = lag, prewhite = FALSE, adjust = dof == "stata")
          ct <- coeftest(fit, vcov = V)
          keep <- rownames(ct) %in% c("(Intercept)", "x1", "x2")
          for (j in which(keep)) {
            term <- if (rownames(ct)[j] == "(Intercept)") "(Intercept)" else s$terms[match(rownames(ct)[j], c("x1", "x2"))]
            add(ds, smp, mn, vn, dof, "estimate", term, ct[j, 1])
            add(ds, smp, mn, vn, dof, "stdError", term, ct[j, 2])
            add(ds, smp, mn, vn, dof, "t", term, ct[j, 3])
            add(ds, smp, mn, vn, dof, "p", term, ct[j, 4])
          }
          add(ds, smp, mn, vn, dof, "dfTest", "", df.residual(fit))
          add(ds, smp, mn, vn, dof, "lag", "", lag)
        }
      }
    }
  }
}
out <- do.call(rbind, rows)
con <- file(file.path(res_dir, "golden_hac.csv"), "w")
writeLines(paste0("# generator: src/test/golden/linear/golden_hac.R; ", R.version.string, "; sandwich ",
                  packageVersion("sandwich"), "; lmtest ", packageVersion("lmtest"), "; AER ", packageVersion("AER")), con)
writeLines("# data: AER::USMacroG (log(consumption) ~ log(dpi) + tbill, written to usmacro.csv), datasets::longley (y ~ x2 + x3, ../datasets/longley.csv)", con)
write.csv(out, con, row.names = FALSE)
close(con)
