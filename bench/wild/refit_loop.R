# bench/wild: the plain R loop an applied user would write for the wild cluster restricted bootstrap of x5 (true coefficient 0) in
# y ~ x1 + ... + x6 + factor(unit) + factor(year), clustered by unit, Webb weights: impose beta_x5 = 0, then for each
# draw build y* from the restricted fit and REFIT the model (lm.fit on the dummy design), t* from the refit's
# cluster-robust standard error. p-value only (the interval would repeat this for every candidate beta0).
# Usage: Rscript bench/wild/refit_loop.R FILE [B]
args <- commandArgs(trailingOnly = TRUE)
B <- if (length(args) > 1) as.integer(args[2]) else 99999L
d <- read.csv(args[1])
X <- model.matrix(~ x1 + x2 + x3 + x4 + x5 + x6 + factor(unit) + factor(year), d)
y <- d$y; cl <- d$unit; G <- length(unique(cl)); j <- 6   # x5 (column 1 is the intercept)
webb <- c(-sqrt(1.5), -1, -sqrt(0.5), sqrt(0.5), 1, sqrt(1.5))
tstat <- function(yy) {
  f <- lm.fit(X, yy)
  XtXi <- chol2inv(f$qr$qr[1:ncol(X), 1:ncol(X)])[, j]    # column j of (X'X)^-1 (no collinear columns here)
  sc <- rowsum(drop(X %*% XtXi) * f$residuals, cl)
  list(b = f$coefficients[j], se = sqrt(sum(sc^2)))
}
set.seed(20261206)
time <- system.time({
  f0 <- tstat(y); t0 <- f0$b / f0$se
  r <- lm.fit(X[, -j], y)                                   # restricted fit: beta_x5 = 0
  ytil <- y - r$residuals; util <- r$residuals
  tstar <- numeric(B)
  for (b in seq_len(B)) {
    v <- sample(webb, G, replace = TRUE)
    fb <- tstat(ytil + util * v[cl])
    tstar[b] <- fb$b / fb$se
  }
  p <- mean(abs(tstar) >= abs(t0))
})
cat(sprintf("R refit loop: %d draws: %.1f s (%.3f ms per draw)  t=%.5f p=%.5f\n", B, time[["elapsed"]],
            1000 * time[["elapsed"]] / B, t0, p))
