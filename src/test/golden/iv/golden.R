# IV golden values (docs/iv.md). Writes panel.csv (held-in data made here with a fixed seed) and golden.csv.
# Coefficients and standard errors: estimatr::iv_robust with fixed_effects = (se_type "classical" for iid, "stata" for
# hc1 and, with clusters =, for cluster), checked against the textbook k-class formulas below on the absorbed effects
# as factor dummies. LIML (which estimatr lacks) and every diagnostic come from those formulas, written from the
# sources: first stages = lm + sandwich (vcovHC HC1, vcovCL HC1); Cragg-Donald F and Kleibergen-Paap rk Wald F as
# ivreg2/ivreghdfe (Baum, Schaffer and Stillman 2007, Stata Journal 7(4); Kleibergen and Paap 2006, J. Econometrics
# 133, eqs. 9-22, the SVD construction below); Sargan (1958) and Hansen (1982) J as ivreg2; Durbin-Wu-Hausman as the
# control-function F (Wooldridge 2010 sec. 6.3.1). Where estimatr's diagnostics exist (the first-stage F with one
# endogenous regressor, the endogeneity F, Sargan with iid) the script checks the formulas against them on the
# dummy-variable model (estimatr returns no diagnostics with fixed_effects =).
# Run from the repository root: Rscript src/test/golden/iv/golden.R
suppressPackageStartupMessages({library(estimatr); library(sandwich)})
dir <- "src/test/golden/iv"
set.seed(20261207)
n <- 400
f <- sample(1:20, n, TRUE); g <- sample(1:8, n, TRUE); cl <- sample(1:30, n, TRUE)
z1 <- rnorm(n); z2 <- rnorm(n); z3 <- rnorm(n); w <- rnorm(n); u <- rnorm(n); hz <- exp(0.5 * z1)
x <- 0.6 * z1 + 0.4 * z2 + 0.2 * w + 0.7 * u + f / 10 + rnorm(n)
x2 <- 0.3 * z1 - 0.5 * z3 + 0.5 * u + g / 5 + rnorm(n)
y <- 1 + 1.5 * x - 0.5 * x2 - w + u * hz + f / 7 + g / 3 + rnorm(n)
d <- data.frame(f = f, g = g, cl = cl, w = round(w, 6), z1 = round(z1, 6), z2 = round(z2, 6), z3 = round(z3, 6),
                x = round(x, 6), x2 = round(x2, 6), y = round(y, 6))
write.csv(d, file.path(dir, "panel.csv"), row.names = FALSE, quote = FALSE)
d <- read.csv(file.path(dir, "panel.csv"))

# One textbook implementation: y, X1 (exogenous, dummies and constant included), X2, Z2; kappa = 1 is 2SLS.
kclass <- function(yv, X1, X2, Z2, vcov, clus, liml = FALSE, absorbedCluster = NULL) {
  X <- cbind(X1, X2); Z <- cbind(X1, Z2); nn <- length(yv); k <- ncol(X); l <- ncol(Z)
  P <- Z %*% solve(crossprod(Z), t(Z)); M <- diag(nn) - P
  kappa <- 1
  if (liml) {
    W <- cbind(yv, X2); MX1 <- diag(nn) - X1 %*% solve(crossprod(X1), t(X1))
    kappa <- min(Re(eigen(solve(t(W) %*% M %*% W, t(W) %*% MX1 %*% W))$values))
  }
  A <- t(X) %*% (diag(nn) - kappa * M)
  bread <- solve(A %*% X); b <- drop(bread %*% A %*% yv); e <- drop(yv - X %*% b)
  Xt <- t(A)
  if (vcov == "iid") V <- sum(e^2) / (nn - k) * bread
  else if (vcov == "hc1") V <- nn / (nn - k) * bread %*% crossprod(Xt * e) %*% bread
  else { s <- rowsum(Xt * e, clus); G <- nrow(s)
    kc <- if (is.null(absorbedCluster)) k else absorbedCluster
    V <- (nn - 1) / (nn - kc) * G / (G - 1) * bread %*% crossprod(s) %*% bread }
  list(b = b, se = sqrt(diag(V)), e = e, kappa = kappa, X = X, Z = Z)
}
# Covariance of an OLS fit under each convention (sandwich HC1 / CL HC1, Stata's small-sample factors).
olsV <- function(fit, vcov, clus) {
  if (vcov == "iid") vcov(fit) else if (vcov == "hc1") vcovHC(fit, type = "HC1")
  else vcovCL(fit, cluster = clus, type = "HC1", cadjust = TRUE)
}
wald <- function(b, V) drop(t(b) %*% solve(V, b))
msqrt <- function(m) { e <- eigen((m + t(m)) / 2, symmetric = TRUE); e$vectors %*% diag(sqrt(pmax(e$values, 0)), nrow(m)) %*% t(e$vectors) }
# Kleibergen and Paap (2006), the rk Wald statistic of H0: rank(Pi) = K2 - 1, written from the paper
kp_rk <- function(X1, X2, Z2, vcov, clus) {
  part <- function(m) m - X1 %*% solve(crossprod(X1), crossprod(X1, m))
  X2t <- part(X2); Z2t <- part(Z2); l2 <- ncol(Z2); k2 <- ncol(X2)
  Pi <- solve(crossprod(Z2t), crossprod(Z2t, X2t)); V <- X2t - Z2t %*% Pi
  sc <- do.call(cbind, lapply(seq_len(k2), function(j) Z2t * V[, j]))
  meat <- if (vcov == "hc1") crossprod(sc) else crossprod(rowsum(sc, clus))
  Bk <- kronecker(diag(k2), solve(crossprod(Z2t))); Vpi <- Bk %*% meat %*% Bk
  G <- msqrt(crossprod(Z2t)); Fh <- msqrt(crossprod(X2t)); Theta <- G %*% Pi %*% t(Fh)
  s <- svd(Theta, nu = l2, nv = k2); q <- k2 - 1
  U2 <- s$u[, (q + 1):l2, drop = FALSE]; u22 <- s$u[(q + 1):l2, (q + 1):l2, drop = FALSE]
  v22 <- s$v[(q + 1):k2, (q + 1):k2, drop = FALSE]; V2 <- s$v[, (q + 1):k2, drop = FALSE]
  Aq <- U2 %*% solve(u22) %*% msqrt(u22 %*% t(u22)); Bq <- msqrt(v22 %*% t(v22)) %*% solve(t(v22)) %*% t(V2)
  lam <- kronecker(Bq, t(Aq)) %*% as.vector(Theta); K <- kronecker(Bq, t(Aq)) %*% kronecker(Fh, G)
  drop(t(lam) %*% solve(K %*% Vpi %*% t(K), lam))
}

cases <- list(
  list(id = "pooled", formula = "y ~ w | x ~ z1 + z2", fe = c(), endog = "x", inst = c("z1", "z2")),
  list(id = "twofe", formula = "y ~ w | f + g | x ~ z1 + z2", fe = c("f", "g"), endog = "x", inst = c("z1", "z2")),
  list(id = "exact", formula = "y ~ w | f + g | x ~ z1", fe = c("f", "g"), endog = "x", inst = c("z1")),
  list(id = "twoendog", formula = "y ~ w | f | x + x2 ~ z1 + z2 + z3", fe = c("f"), endog = c("x", "x2"), inst = c("z1", "z2", "z3")),
  list(id = "liml", formula = "y ~ w | f + g | x ~ z1 + z2 + z3", fe = c("f", "g"), endog = "x", inst = c("z1", "z2", "z3"), liml = TRUE))
rows <- list()
add <- function(case, vcov, key, value) rows[[length(rows) + 1]] <<- data.frame(case = case, vcov = vcov, key = key, value = sprintf("%.17g", value))
agree <- function(a, b, what) if (max(abs(a - b) / pmax(abs(b), 1e-300)) > 1e-9) stop(what, ": ", paste(a, collapse = " "), " vs ", paste(b, collapse = " "))
for (cs in cases) {
  liml <- isTRUE(cs$liml)
  dummies <- if (length(cs$fe)) model.matrix(as.formula(paste("~", paste0("factor(", cs$fe, ")", collapse = " + "))), d) else matrix(1, n, 1, dimnames = list(NULL, "(Intercept)"))
  X1 <- cbind(w = d$w, dummies); X2 <- as.matrix(d[, cs$endog, drop = FALSE]); Z2 <- as.matrix(d[, cs$inst, drop = FALSE])
  A <- if (length(cs$fe)) ncol(dummies) else 0   # absorbed parameters (the dummies and the constant)
  nnested <- A   # no absorbed effect is nested in cl here, so A_c = A
  for (vc in c("iid", "hc1", "cluster")) {
    fit <- kclass(d$y, X1, X2, Z2, vc, d$cl, liml)
    k <- ncol(X1) + ncol(X2); terms <- c(cs$endog, "w")
    b <- fit$b[terms]; se <- fit$se[terms]
    if (!length(cs$fe)) { b <- c(b, fit$b[["(Intercept)"]]); se <- c(se, fit$se[["(Intercept)"]]); terms <- c(terms, "(Intercept)") }
    if (!liml) {  # estimatr for the coefficients and standard errors
      fml <- as.formula(paste("y ~", paste(c(cs$endog, "w"), collapse = " + "), "|", paste(c(cs$inst, "w"), collapse = " + ")))
      args <- list(formula = fml, data = d, se_type = if (vc == "iid") "classical" else "stata")
      if (vc == "cluster") args$clusters <- d$cl
      if (length(cs$fe)) args$fixed_effects <- as.formula(paste("~", paste(cs$fe, collapse = " + ")))
      m <- do.call(iv_robust, args)
      agree(b, coef(m)[terms], paste(cs$id, vc, "estimatr coefficients")); agree(se, m$std.error[terms], paste(cs$id, vc, "estimatr SEs"))
      b <- coef(m)[terms]; se <- m$std.error[terms]
    }
    for (t in seq_along(terms)) { add(cs$id, vc, paste0("coef:", terms[t]), b[t]); add(cs$id, vc, paste0("se:", terms[t]), se[t]) }
    add(cs$id, vc, "kappa", fit$kappa)
    tss <- if (length(cs$fe)) sum(resid(lm(d$y ~ dummies - 1))^2) else sum((d$y - mean(d$y))^2)
    add(cs$id, vc, "r2", 1 - sum(fit$e^2) / tss)
    Z <- cbind(Z2, X1); l <- ncol(Z); l2 <- ncol(Z2); k2 <- ncol(X2)
    for (j in seq_len(k2)) {   # first stages
      fs <- lm(X2[, j] ~ Z - 1); Vf <- olsV(fs, vc, d$cl)
      cz <- coef(fs)[1:(l2 + 1)]; sz <- sqrt(diag(Vf))[1:(l2 + 1)]
      for (a in seq_len(l2 + 1)) { nm <- c(cs$inst, "w")[a]; add(cs$id, vc, paste0("fs:", cs$endog[j], ":coef:", nm), cz[a]); add(cs$id, vc, paste0("fs:", cs$endog[j], ":se:", nm), sz[a]) }
      Fj <- wald(coef(fs)[1:l2], Vf[1:l2, 1:l2, drop = FALSE]) / l2
      add(cs$id, vc, paste0("fs:", cs$endog[j], ":F"), Fj)
      restricted <- lm(X2[, j] ~ X1 - 1)
      add(cs$id, vc, paste0("fs:", cs$endog[j], ":partialR2"), 1 - sum(resid(fs)^2) / sum(resid(restricted)^2))
    }
    L <- ncol(X1) + l2   # every instrument, constant or dummies included
    if (vc == "iid") {   # Cragg-Donald
      part <- function(m) m - X1 %*% solve(crossprod(X1), crossprod(X1, m))
      X2t <- part(X2); Z2t <- part(Z2); Pz <- Z2t %*% solve(crossprod(Z2t), t(Z2t))
      r2 <- min(Re(eigen(solve(crossprod(X2t), t(X2t) %*% Pz %*% X2t))$values))
      add(cs$id, vc, "weak", r2 / (1 - r2) * (n - L) / l2)
    } else {
      rk <- kp_rk(X1, X2, Z2, vc, d$cl); G <- length(unique(d$cl))
      add(cs$id, vc, "weak", if (vc == "hc1") rk / n * (n - L) / l2 else rk / (n - 1) * (n - L) * (G - 1) / G / l2)
    }
    if (l2 > k2) {   # over-identification at the 2SLS residuals
      t2 <- kclass(d$y, X1, X2, Z2, "iid", d$cl); e <- t2$e; Zf <- t2$Z; Xf <- t2$X; yf <- d$y
      if (vc == "iid") ov <- n * sum(fitted(lm(e ~ Zf - 1))^2) / sum(e^2)
      else {
        if (length(cs$fe)) {   # Hansen J after partialling out the absorbed effects only, as ivreghdfe
          fe <- function(m) m - dummies %*% solve(crossprod(dummies), crossprod(dummies, m))
          Zf <- fe(cbind(w = d$w, Z2)); Xf <- fe(cbind(w = d$w, X2)); yf <- drop(fe(d$y))
        }
        sc <- Zf * e; S <- if (vc == "hc1") crossprod(sc) else crossprod(rowsum(sc, d$cl)); Si <- solve(S)
        bg <- solve(t(Xf) %*% Zf %*% Si %*% t(Zf) %*% Xf, t(Xf) %*% Zf %*% Si %*% t(Zf) %*% yf)
        gb <- t(Zf) %*% (yf - Xf %*% bg); ov <- drop(t(gb) %*% Si %*% gb) }
      add(cs$id, vc, "overid", ov)
    }
    Vhat <- sapply(seq_len(k2), function(j) resid(lm(X2[, j] ~ Z - 1)))   # Durbin-Wu-Hausman (control function)
    aug <- lm(d$y ~ cbind(X1, X2, Vhat) - 1); Va <- olsV(aug, vc, d$cl); idx <- (ncol(X1) + k2 + 1):(ncol(X1) + 2 * k2)
    dwh <- wald(coef(aug)[idx], Va[idx, idx, drop = FALSE]) / k2
    add(cs$id, vc, "dwh", dwh)
    if (!liml && k2 == 1) {   # estimatr's diagnostics on the dummy-variable model
      lhs <- paste(c(cs$endog, "w", if (length(cs$fe)) paste0("factor(", cs$fe, ")")), collapse = " + ")
      rhs <- paste(c(cs$inst, "w", if (length(cs$fe)) paste0("factor(", cs$fe, ")")), collapse = " + ")
      args <- list(formula = as.formula(paste("y ~", lhs, "|", rhs)), data = d, se_type = if (vc == "iid") "classical" else "stata", diagnostics = TRUE)
      if (vc == "cluster") args$clusters <- d$cl
      m <- do.call(iv_robust, args)
      agree(Fj, m$diagnostic_first_stage_fstatistic[["value"]], paste(cs$id, vc, "first-stage F vs estimatr"))
      agree(dwh, m$diagnostic_endogeneity_test[["value"]], paste(cs$id, vc, "endogeneity F vs estimatr"))
      if (vc == "iid" && l2 > k2) agree(ov, m$diagnostic_overid_test[["value"]], paste(cs$id, "Sargan vs estimatr"))
      if (vc != "iid") agree(rows[[which(sapply(rows, function(r) r$case == cs$id && r$vcov == vc && r$key == "weak"))]]$value |> as.numeric(), Fj, paste(cs$id, vc, "KP F = first-stage F with one endogenous regressor"))
    }
  }
}
out <- do.call(rbind, rows)
con <- file(file.path(dir, "golden.csv"), "w")
writeLines(paste0("# generator: src/test/golden/iv/golden.R; ", R.version.string, "; estimatr ", packageVersion("estimatr"),
                  "; sandwich ", packageVersion("sandwich")), con)
writeLines("# data: panel.csv (made by this script); formulas per case in cases.tsv", con)
write.csv(out, con, row.names = FALSE, quote = FALSE)
close(con)
cf <- do.call(rbind, lapply(cases, function(cs) data.frame(case = cs$id, formula = cs$formula, method = if (isTRUE(cs$liml)) "liml" else "2sls")))
con <- file(file.path(dir, "cases.tsv"), "w")
writeLines(paste0("# generator: src/test/golden/iv/golden.R; ", R.version.string), con)
write.table(cf, con, sep = "\t", row.names = FALSE, quote = FALSE)
close(con)
cat("wrote", nrow(out), "golden values\n")
