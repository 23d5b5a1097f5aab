# Wild cluster restricted bootstrap (WCR) reference, written from Roodman, MacKinnon, Nielsen and Webb (2019),
# "Fast and wild: bootstrap inference in Stata using boottest", Stata Journal 19(1), sec. 3 (fwildclusterboot is
# not installed here). Slow and obviously correct: every draw is a refit of the model by least squares (all draws at
# once as the columns of one outcome matrix). With Rademacher weights and 2^G <= B all 2^G sign vectors are
# enumerated, so the result is exact and seed-free and the Java implementation must agree to rounding.
# Conventions (as dev.repro.estimate.wild.WildBootstrap): t* = (b*_j - beta0) / se*_j with se* the cluster-robust
# standard error of the refit (the small-sample factor cancels between t and t* and is left out); symmetric
# p = mean(|t*| >= |t| - 1e-9 max(1, |t|)); equal-tailed p = 2 min(mean(t* <= t + tie), mean(t* >= t - tie));
# the 95% interval is {beta0: symmetric p >= 0.05}, each end found by doubling steps of se away from b and then
# bisection until the midpoint no longer moves.
# Weighted models: see wcrWeighted below.
# Writes panel.csv (held-in data made here with a fixed seed) and golden.csv.
# Run from the repository root: Rscript src/test/golden/wild/wild.R
dir <- "src/test/golden/wild"
set.seed(20261206)
G <- 10; Tn <- 5
id <- rep(1:G, each = Tn); year <- rep(1:Tn, G)
x1 <- round(rnorm(G * Tn) + rnorm(G)[id], 6)
x2 <- round(runif(G * Tn), 6)
y <- round(1 + 0.15 * x1 - 0.5 * x2 + rnorm(G, 0, 0.8)[id] + rnorm(Tn, 0, 0.3)[year] + rnorm(G * Tn) * (1 + (id %% 3)), 6)
w <- round(runif(G * Tn, 0.5, 3), 6)  # drawn after the outcome, so the unweighted data stay as they were
d <- data.frame(id = id, year = year, x1 = x1, x2 = x2, y = y, w = w)
write.csv(d, file.path(dir, "panel.csv"), row.names = FALSE, quote = FALSE)
d <- read.csv(file.path(dir, "panel.csv"))

TIE <- 1e-9
wcr <- function(X, y, j, cluster, level = 0.95) {
  G <- max(cluster)
  V <- sapply(0:(2^G - 1), function(r) ifelse(bitwAnd(r, 2^(0:(G - 1))) == 0, 1, -1))  # G x 2^G, as the Java order
  XtXi <- solve(crossprod(X))
  cj <- XtXi[, j]
  b <- drop(XtXi %*% crossprod(X, y)); names(b) <- NULL
  uhat <- drop(y - X %*% b)
  se <- sqrt(sum(rowsum(drop(X %*% cj) * uhat, cluster)^2))
  tstars <- function(beta0) {
    yr <- y - beta0 * X[, j]
    fitR <- lm.fit(X[, -j, drop = FALSE], yr)
    util <- fitR$residuals
    ytil <- y - util
    Ystar <- ytil + util * V[cluster, , drop = FALSE]
    Bstar <- XtXi %*% crossprod(X, Ystar)                 # the refit of every draw
    Ustar <- Ystar - X %*% Bstar
    sc <- rowsum(drop(X %*% cj) * Ustar, cluster)
    (Bstar[j, ] - beta0) / sqrt(colSums(sc^2))
  }
  psym <- function(beta0) {
    t <- abs((b[j] - beta0) / se)
    mean(abs(tstars(beta0)) >= t - TIE * max(1, t))
  }
  peq <- function(beta0) {
    t <- (b[j] - beta0) / se; tie <- TIE * max(1, abs(t)); ts <- tstars(beta0)
    min(1, 2 * min(mean(ts <= t + tie), mean(ts >= t - tie)))
  }
  alpha <- 1 - level
  bound <- function(side) {
    inside <- b[j]; outside <- NA
    for (m in 0:60) {
      cand <- b[j] + side * se * 2^m
      if (psym(cand) < alpha) { outside <- cand; break }
      inside <- cand
    }
    if (is.na(outside)) return(NA)
    for (it in 1:200) {
      mid <- (inside + outside) / 2
      if (mid == inside || mid == outside) break
      if (psym(mid) < alpha) outside <- mid else inside <- mid
    }
    unname((inside + outside) / 2)
  }
  c(p = psym(0), pEqualTailed = peq(0), ciLow = bound(-1), ciHigh = bound(1), draws = ncol(V))
}
# The weighted model (analytic or sampling weights w): boottest multiplies y and X by sqrt(w) and bootstraps that
# model (boottest.mata), i.e. draw y* = y~ + u~ v_g with y~, u~ from the weighted restricted fit, each draw refitted by
# weighted least squares. Here every fit is lm(weights = w): the restricted fit, the sample fit and the refit of every
# draw (all draws at once as the columns of a matrix outcome; lm fits each column separately). The score of cluster g
# for coefficient j is c' X_g' W u_g with c = (X'WX)^-1 e_j, the j-th row of the weighted cluster sandwich.
wcrWeighted <- function(X, y, w, j, cluster, level = 0.95) {
  G <- max(cluster)
  V <- sapply(0:(2^G - 1), function(r) ifelse(bitwAnd(r, 2^(0:(G - 1))) == 0, 1, -1))
  cj <- solve(crossprod(X, w * X))[, j]
  fit <- lm(y ~ X - 1, weights = w)
  b <- unname(coef(fit))
  se <- sqrt(sum(rowsum(w * drop(X %*% cj) * residuals(fit), cluster)^2))
  tstars <- function(beta0) {
    yr <- y - beta0 * X[, j]
    Xr <- X[, -j, drop = FALSE]
    fitR <- lm(yr ~ Xr - 1, weights = w)
    util <- unname(residuals(fitR))
    ytil <- y - util
    Ystar <- ytil + util * V[cluster, , drop = FALSE]
    fitStar <- lm(Ystar ~ X - 1, weights = w)            # the weighted refit of every draw
    sc <- rowsum(w * drop(X %*% cj) * residuals(fitStar), cluster)
    (coef(fitStar)[j, ] - beta0) / sqrt(colSums(sc^2))
  }
  psym <- function(beta0) {
    t <- abs((b[j] - beta0) / se)
    mean(abs(tstars(beta0)) >= t - TIE * max(1, t))
  }
  peq <- function(beta0) {
    t <- (b[j] - beta0) / se; tie <- TIE * max(1, abs(t)); ts <- tstars(beta0)
    min(1, 2 * min(mean(ts <= t + tie), mean(ts >= t - tie)))
  }
  alpha <- 1 - level
  bound <- function(side) {
    inside <- b[j]; outside <- NA
    for (m in 0:60) {
      cand <- b[j] + side * se * 2^m
      if (psym(cand) < alpha) { outside <- cand; break }
      inside <- cand
    }
    if (is.na(outside)) return(NA)
    for (it in 1:200) {
      mid <- (inside + outside) / 2
      if (mid == inside || mid == outside) break
      if (psym(mid) < alpha) outside <- mid else inside <- mid
    }
    unname((inside + outside) / 2)
  }
  c(p = psym(0), pEqualTailed = peq(0), ciLow = bound(-1), ciHigh = bound(1), draws = ncol(V))
}
rows <- list()
add <- function(case, r) {
  for (nm in names(r)) rows[[length(rows) + 1]] <<- data.frame(case = case, quantity = nm, value = sprintf("%.17g", r[[nm]]))
}
# two-way fixed effects (id nested in the cluster, year not), cluster(id), test x1
X2 <- model.matrix(~ x1 + x2 + factor(id) + factor(year), d)
add("twfe_x1", wcr(X2, d$y, 2, d$id))
# pooled with a constant, cluster(id), test x2
X0 <- model.matrix(~ x1 + x2, d)
add("pooled_x2", wcr(X0, d$y, 3, d$id))
# the same two models weighted by w
add("twfe_x1_weighted", wcrWeighted(X2, d$y, d$w, 2, d$id))
add("pooled_x2_weighted", wcrWeighted(X0, d$y, d$w, 3, d$id))
# Published example (Roodman et al. 2019; boottest's help file and unit-test log): Stata's nlsw88, regress wage tenure
# ttl_exp collgrad, cluster(industry), test tenure; rows with a missing value are dropped (2217 left, 12 industries),
# all 2^12 = 4096 draws enumerated. See nlsw88-PROVENANCE.md.
n88 <- read.csv(file.path(dir, "nlsw88.csv"))
n88 <- n88[complete.cases(n88[, c("wage", "tenure", "ttl_exp", "collgrad", "industry")]), ]
Xn <- cbind(n88$tenure, n88$ttl_exp, n88$collgrad, 1)
add("nlsw88_tenure", wcr(Xn, n88$wage, 1, match(n88$industry, sort(unique(n88$industry)))))
con <- file(file.path(dir, "golden.csv"), "w")
writeLines(sprintf("# generator: src/test/golden/wild/wild.R; %s", R.version.string), con)
writeLines("# data: panel.csv (made by this script); 10 clusters (id), 2^10 = 1024 enumerated Rademacher draws", con)
writeLines("# nlsw88_tenure: nlsw88.csv (Stata's nlsw88 extract); 12 clusters (industry), 2^12 = 4096 enumerated draws", con)
write.csv(do.call(rbind, rows), con, row.names = FALSE, quote = FALSE)
close(con)
