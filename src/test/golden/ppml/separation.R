# PPML golden values for separation by the regressors (Correia, Guimaraes and Zylkin 2021): held-in data where
# z = x2 - x1 is 0 wherever y > 0 and on most zeros, and 1 on the 6 observations marked sep (all y = 0). On the full
# data the maximum likelihood estimate does not exist: glm's coefficient of x2 runs off (written below as evidence),
# and the observations with z > 0 get fitted means of numerically 0. The reference is glm on the non-separated
# subset, where x2 = x1 exactly, so x2 is aliased (NA) and omitted, as ppmlhdfe does. Models: no absorbed effect
# (constant), and g absorbed (5 groups, g as factor dummies); covariances iid and hc1 (sandwich), and cluster(g)
# under ppmlhdfe's convention (g nested in the cluster: K = slopes + 1, see golden.R).
# Writes separation.csv (data) and separation-golden.csv. Run from the repository root: Rscript src/test/golden/ppml/separation.R
suppressPackageStartupMessages(library(sandwich))
dir <- "src/test/golden/ppml"
set.seed(20261207)
n <- 80
g <- rep(1:5, each = 16)
x1 <- round(rnorm(n), 6)
x3 <- round(runif(n), 6)
sep <- seq_len(n) %in% c(3, 17, 30, 44, 58, 71)
x2 <- x1 + ifelse(sep, 1, 0)
y <- rpois(n, exp(0.5 + 0.4 * x1 - 0.6 * x3 + 0.3 * (g %% 3)))
y[sep] <- 0
d <- data.frame(g = g, x1 = x1, x2 = x2, x3 = x3, y = y)
write.csv(d, file.path(dir, "separation.csv"), row.names = FALSE, quote = FALSE)
d <- read.csv(file.path(dir, "separation.csv"))
ctl <- glm.control(epsilon = 1e-15, maxit = 100)
full <- suppressWarnings(glm(y ~ x1 + x2 + x3, family = poisson, data = d, control = glm.control(maxit = 100)))
kept <- d[d$x2 == d$x1, ]
rows <- list()
add <- function(case, vcovName, fit, V, terms) {
  for (t in terms) {
    rows[[length(rows) + 1]] <<- data.frame(case = case, vcov = vcovName, term = t,
      estimate = sprintf("%.17g", coef(fit)[[t]]), stdError = sprintf("%.17g", sqrt(diag(V))[[t]]))
  }
}
# x2 is aliased on the kept rows (glm with its default control says NA); the reference fits leave it out, because
# with epsilon = 1e-15 glm's weighted QR misses the exact collinearity and runs x1 and x2 off in opposite directions
stopifnot(is.na(coef(glm(y ~ x1 + x2 + x3, family = poisson, data = kept))[["x2"]]))
f0 <- glm(y ~ x1 + x3, family = poisson, data = kept, control = ctl)
terms0 <- c("x1", "x3", "(Intercept)")
add("pooled", "iid", f0, vcov(f0), terms0)
add("pooled", "hc1", f0, vcovHC(f0, type = "HC1"), terms0)
f1 <- glm(y ~ x1 + x3 + factor(g), family = poisson, data = kept, control = ctl)
add("g", "iid", f1, vcov(f1), c("x1", "x3"))
add("g", "hc1", f1, vcovHC(f1, type = "HC1"), c("x1", "x3"))
add("g", "cluster_g", f1, vcovCL(f1, cluster = kept$g, type = "HC1", cadjust = TRUE) * (nobs(f1) - f1$rank) / (nobs(f1) - 3),
    c("x1", "x3"))
info <- data.frame(case = "evidence", vcov = c("full_glm_x2", "nobs_kept"), term = "",
  estimate = c(sprintf("%.17g", coef(full)[["x2"]]), nrow(kept)), stdError = "")
con <- file(file.path(dir, "separation-golden.csv"), "w")
writeLines(sprintf("# generator: src/test/golden/ppml/separation.R; %s; sandwich %s", R.version.string, packageVersion("sandwich")), con)
writeLines("# data: separation.csv; rows with x2 != x1 (6, all y = 0) are separated by x2 - x1; references fit on the rest, x2 aliased", con)
write.csv(rbind(do.call(rbind, rows), info), con, row.names = FALSE, quote = FALSE)
close(con)
