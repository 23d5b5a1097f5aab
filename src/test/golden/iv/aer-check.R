# Cross-check of golden.csv against a second reference: AER::ivreg with sandwich covariances (issue 17 names both
# estimatr::iv_robust and AER::ivreg). The absorbed effects enter as factor dummies. iid = vcov(ivreg) (sigma^2 on
# n - k), hc1 = sandwich::vcovHC(type = "HC1"), cluster = sandwich::vcovCL(cluster = ~cl, type = "HC1") (Stata's
# G/(G-1) (n-1)/(n-k)). Only 2SLS: AER has no LIML. Writes aer-check.txt: the largest relative difference per case
# and covariance over every coefficient and standard error golden.csv holds for the model's own regressors.
# Run from the repository root: Rscript src/test/golden/iv/aer-check.R
suppressPackageStartupMessages({library(AER); library(sandwich)})
dir <- "src/test/golden/iv"
d <- read.csv(file.path(dir, "panel.csv"))
g <- read.csv(file.path(dir, "golden.csv"), comment.char = "#", stringsAsFactors = FALSE)
cases <- list(
  pooled = list(f = y ~ w + x | w + z1 + z2, terms = c("x", "w", "(Intercept)")),
  twofe = list(f = y ~ w + factor(f) + factor(g) + x | w + factor(f) + factor(g) + z1 + z2, terms = c("x", "w")),
  exact = list(f = y ~ w + factor(f) + factor(g) + x | w + factor(f) + factor(g) + z1, terms = c("x", "w")),
  twoendog = list(f = y ~ w + factor(f) + x + x2 | w + factor(f) + z1 + z2 + z3, terms = c("x", "x2", "w")))
out <- c(sprintf("# generator: %s/aer-check.R; %s; AER %s; sandwich %s", dir, R.version.string,
                 packageVersion("AER"), packageVersion("sandwich")),
         "case,vcov,values,maxRelDiff")
for (id in names(cases)) {
  fit <- ivreg(cases[[id]]$f, data = d)
  V <- list(iid = vcov(fit), hc1 = vcovHC(fit, type = "HC1"), cluster = vcovCL(fit, cluster = ~cl, type = "HC1"))
  for (vc in names(V)) {
    worst <- 0; n <- 0
    for (t in cases[[id]]$terms) {
      ref <- c(coef(fit)[[t]], sqrt(V[[vc]][t, t]))
      gold <- c(g$value[g$case == id & g$vcov == vc & g$key == paste0("coef:", t)],
                g$value[g$case == id & g$vcov == vc & g$key == paste0("se:", t)])
      stopifnot(length(gold) == 2)
      worst <- max(worst, abs(ref - gold) / abs(gold)); n <- n + 2
    }
    out <- c(out, sprintf("%s,%s,%d,%.3e", id, vc, n, worst))
    if (worst > 1e-8) stop(sprintf("%s %s: AER differs from golden.csv by %.3e", id, vc, worst))
  }
}
writeLines(out, file.path(dir, "aer-check.txt"))
