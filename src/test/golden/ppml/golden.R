# PPML golden values: glm(family = poisson) with the absorbed effects as factor dummies (the maximum likelihood
# estimate ppmlhdfe and fixest::fepois compute by IRLS with demeaning; fixest is not installed here), covariances
# from sandwich: iid = vcov(glm poisson), hc1 = vcovHC(type = "HC1"), cluster = vcovCL(type = "HC1", cadjust = TRUE),
# two-way cluster = vcovCL(cluster = ~ a + b, multi0 = FALSE). Clustered covariances follow ppmlhdfe's convention
# (reghdfe's, fixest's ssc(fixef.K = "nested")): K of the factor (n - 1) / (n - K) leaves out the effects nested in a
# cluster variable (the constant counted once when all are), so sandwich's matrix (K = every dummy) is rescaled by
# (n - K_full) / (n - K_nested). Writes flows.csv (held-in data, made here with a fixed
# seed) and golden.csv. On the separated sample the reference is glm on the non-separated subset (exporters whose
# flows are all zero removed), as Correia, Guimaraes and Zylkin (2021) prescribe.
# Run from the repository root: Rscript src/test/golden/ppml/golden.R
suppressPackageStartupMessages(library(sandwich))
dir <- "src/test/golden/ppml"
set.seed(20261206)
ex <- rep(1:12, each = 20)
im <- rep(rep(1:10, each = 2), 12)
year <- rep(1:2, 120)
n <- length(ex)
dist <- round(exp(rnorm(n, 1, 0.5)), 4)
open <- rbinom(n, 1, 0.4)
fe_ex <- rnorm(12, 0, 0.7)[ex]
fe_im <- rnorm(10, 0, 0.7)[im]
mu <- exp(1 + fe_ex + fe_im - 0.8 * log(dist) + 0.3 * open)
flow <- rpois(n, mu) + round(runif(n), 3) * (runif(n) < 0.3)
# exporter 12 ships nothing: separated by the exporter effect
flow[ex == 12] <- 0
d <- data.frame(ex = ex, im = im, year = year, ldist = round(log(dist), 6), open = open, flow = flow)
write.csv(d, file.path(dir, "flows.csv"), row.names = FALSE, quote = FALSE)
d <- read.csv(file.path(dir, "flows.csv"))

ctl <- glm.control(epsilon = 1e-15, maxit = 100)
rows <- list()
add <- function(case, vcovName, fit, V, terms) {
  b <- coef(fit)[terms]
  se <- sqrt(diag(V)[terms])
  for (t in terms) {
    rows[[length(rows) + 1]] <<- data.frame(case = case, vcov = vcovName, term = t,
      estimate = sprintf("%.17g", b[[t]]), stdError = sprintf("%.17g", se[[t]]))
  }
}
# kEx, kExIm: K with the effects nested in cluster(ex), resp. cluster(ex, im), left out
covs <- function(case, fit, terms, data, kEx, kExIm) {
  n <- nobs(fit); kFull <- fit$rank
  add(case, "iid", fit, vcov(fit), terms)
  add(case, "hc1", fit, vcovHC(fit, type = "HC1"), terms)
  add(case, "cluster_ex", fit, vcovCL(fit, cluster = data$ex, type = "HC1", cadjust = TRUE) * (n - kFull) / (n - kEx), terms)
  add(case, "cluster_ex_im", fit, vcovCL(fit, cluster = ~ ex + im, type = "HC1", cadjust = TRUE, multi0 = FALSE) *
    (n - kFull) / (n - kExIm), terms)
}
kept <- d[d$ex != 12, ]
# no absorbed effect: the constant is estimated
f0 <- glm(flow ~ ldist + open, family = poisson, data = kept, control = ctl)
covs("pooled", f0, c("ldist", "open", "(Intercept)"), kept, 3, 3)
# one absorbed effect
f1 <- glm(flow ~ ldist + open + factor(ex), family = poisson, data = kept, control = ctl)
covs("ex", f1, c("ldist", "open"), kept, 2 + 1, 2 + 1)           # ex nested in ex: the slopes and the constant
# two absorbed effects
f2 <- glm(flow ~ ldist + open + factor(ex) + factor(im), family = poisson, data = kept, control = ctl)
covs("ex+im", f2, c("ldist", "open"), kept, 2 + 10, 2 + 1)       # cluster(ex): the 10 im levels count; (ex, im): none
# deviance and log-likelihood (sum y log mu - mu - lgamma(y + 1), defined for non-integer flows too) of the two-way model
info <- data.frame(case = "ex+im", vcov = "info", term = c("deviance", "logLik", "nobs"),
  estimate = c(sprintf("%.17g", deviance(f2)), sprintf("%.17g", with(list(y = kept$flow, m = fitted(f2)), sum(ifelse(y > 0, y * log(m), 0) - m - lgamma(y + 1)))), nrow(kept)), stdError = "")
out <- rbind(do.call(rbind, rows), info)
con <- file(file.path(dir, "golden.csv"), "w")
writeLines(sprintf("# generator: src/test/golden/ppml/golden.R; %s; sandwich %s", R.version.string,
  packageVersion("sandwich")), con)
writeLines("# data: flows.csv (made by this script); exporter 12 is separated (all flows 0); references fit on ex != 12", con)
write.csv(out, con, row.names = FALSE, quote = FALSE)
close(con)
