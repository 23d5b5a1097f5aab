# Golden values for dev.repro.estimate.linear.WithinIntercept (WithinInterceptGoldenTest).
# Run from the repository root:  Rscript src/test/golden/linear/within_intercept.R
# Writes src/test/golden/linear/within_intercept.json.
#
# Reference: plm::within_intercept (plm 2.6), the overall constant of a within model with its standard error
# from the auxiliary pooled regression of (y~ + mean(y)) on (1, x~ + mean(x)). iid is within_intercept(fe)
# itself (s^2 of the within model). For the robust covariances the vcov function is the unadjusted HC0
# sandwich times the model's own small-sample factor (Stata's xtreg, fe / reghdfe conventions, docs/linear.md):
#   hc1      c = N/(N - K),                K = k + number of firms (reghdfe vce(robust))
#   cluster  c = G/(G-1) (N-1)/(N - K),    K = k + 1: firm effects nested in the firm clusters count only as the
#                                          constant (xtreg, fe vce(cluster); golden.R: K >= 1)
suppressPackageStartupMessages({ library(plm) })
g <- read.csv("src/test/golden/datasets/grunfeld.csv")
samples <- list(balanced = g, unbalanced = g[!(g$firm == 1 & g$year < 1940) & !(g$firm == 4 & g$year > 1950), ])
gen <- paste0("src/test/golden/linear/within_intercept.R with R ", getRversion(), ", plm ", packageVersion("plm"))
cases <- character()
num <- function(x) formatC(x, digits = 17, format = "g")
for (s in names(samples)) {
  d <- pdata.frame(samples[[s]], index = c("firm", "year"))
  fe <- plm(inv ~ value + capital, data = d, model = "within", effect = "individual")
  N <- nobs(fe); k <- length(coef(fe)); A <- pdim(fe)$nT$n; G <- A
  c_hc <- N / (N - (k + A))
  c_cl <- G / (G - 1) * (N - 1) / (N - (k + 1))
  iid <- within_intercept(fe)
  hc1 <- within_intercept(fe, vcov = function(m) c_hc * vcovHC(m, method = "white1", type = "HC0"))
  cl <- within_intercept(fe, vcov = function(m) c_cl * vcovHC(m, method = "arellano", type = "HC0", cluster = "group"))
  for (v in list(list("iid", iid), list("hc1", hc1), list("cluster", cl))) {
    cases <- c(cases, sprintf('    {"sample": "%s", "vcov": "%s", "nobs": %d, "constant": %s, "se": %s}',
      s, v[[1]], N, num(as.numeric(v[[2]])), num(attr(v[[2]], "se"))))
  }
}
writeLines(c("{", sprintf('  "generator": "%s",', gen), '  "cases": [', paste(cases, collapse = ",\n"), "  ]", "}"),
           "src/test/golden/linear/within_intercept.json")
