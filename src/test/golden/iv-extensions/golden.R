# IV golden values for weights, two-way clustering and the Driscoll-Kraay / panel Newey-West covariances
# (docs/iv.md, "Weights", "Two-way clusters", "Driscoll-Kraay and panel Newey-West"). Writes panel.csv (an
# unbalanced panel made here with a fixed seed), cases.tsv and golden.csv.
# References:
# - weights: estimatr::iv_robust(weights =, fixed_effects =, se_type "classical"/"stata", clusters =) for the 2SLS
#   coefficients and standard errors, cross-checked against AER::ivreg(weights =) with the effects as factor dummies
#   and sandwich (vcov, vcovHC HC1, vcovCL HC1); LIML and every diagnostic from the k-class and test formulas of
#   ../iv/golden.R applied to the sqrt(w)-scaled data (weighted least squares is least squares on sqrt(w) y,
#   sqrt(w) X; ivreg2 computes its statistics on aweighted cross-products the same way); the weighted first-stage F
#   and endogeneity F checked against estimatr's diagnostics on the dummy-variable model (crosscheck.txt);
# - two-way clusters cluster(id, c2): sandwich::vcovCL(AER::ivreg, cluster = ~ id + c2, multi0 = FALSE, type = "HC0",
#   cadjust = FALSE) (Cameron, Gelbach and Miller 2011: V(id) + V(c2) - V(id x c2)) times the single Stata factor
#   Gmin / (Gmin - 1) (N - 1) / (N - K) of the linear models (reghdfe, ivreg2; K without effects nested in a
#   cluster variable), t on Gmin - 1;
# - dk(L), nw(L): plm::plm with an IV formula (model "pooling"/"within", effect "individual"/"twoways") and
#   plm::vcovSCC / plm::vcovNW (type "HC0", no small-sample factor), as the linear models' golden_serial.R; the first
#   stages against plm fits of each endogenous regressor on every instrument with the same covariance.
# - singletons: drop: estimatr::iv_robust on the rows left by reghdfe's rule (case "singletons", effect g).
# Run from the repository root: Rscript src/test/golden/iv-extensions/golden.R
suppressPackageStartupMessages({library(estimatr); library(sandwich); library(AER); library(plm)})
dir <- "src/test/golden/iv-extensions"
set.seed(20261208)
units <- 30; years <- 2001:2012
d <- expand.grid(year = years, id = 1:units)[, c("id", "year")]
d <- d[runif(nrow(d)) > 0.1, ]   # unbalanced: about 10% of the unit-years missing
n <- nrow(d)
shock <- rnorm(length(years))[d$year - 2000]   # common shocks: cross-sectional dependence
u <- ave(rnorm(n), d$id, FUN = function(v) as.numeric(stats::filter(v, 0.5, method = "recursive")))   # AR(1) within unit
d$c2 <- sample(1:9, n, TRUE)
d$wt <- round(runif(n, 0.2, 3), 4)
d$w <- round(rnorm(n) + 0.5 * shock, 6)
d$z1 <- round(rnorm(n) + 0.3 * shock, 6); d$z2 <- round(rnorm(n), 6); d$z3 <- round(rnorm(n), 6)
d$x <- round(0.6 * d$z1 + 0.4 * d$z2 + 0.2 * d$w + 0.7 * u + d$id / 10 + rnorm(n), 6)
d$x2 <- round(0.3 * d$z1 - 0.5 * d$z3 + 0.5 * u + (d$year - 2000) / 5 + rnorm(n), 6)
d$y <- round(1 + 1.5 * d$x - 0.5 * d$x2 - d$w + u * exp(0.4 * d$z2) + d$id / 7 + shock + rnorm(n), 6)
# an effect with singletons (no random draw, so the columns above do not depend on it): six groups, every 41st row alone
d$g <- ifelse(seq_len(n) %% 41 == 0, 100 + seq_len(n), seq_len(n) %% 6 + 1)
write.csv(d, file.path(dir, "panel.csv"), row.names = FALSE, quote = FALSE)
d <- read.csv(file.path(dir, "panel.csv"))
tpos <- match(d$year, sort(unique(d$year)))   # periods by their position among those present

# ---- one implementation of every formula (as ../iv/golden.R), on columns already scaled by sqrt(w) ----
bartlett <- function(l, L) 1 - l / (L + 1)
meatOf <- function(sc, vc) {
  cl <- function(g) crossprod(rowsum(sc, g))
  switch(vc$kind,
    hc1 = crossprod(sc),
    cluster = cl(d$c2),
    cluster2 = cl(d$id) + cl(d$c2) - cl(interaction(d$id, d$c2, drop = TRUE)),
    dk = { S <- rowsum(sc, tpos); M <- crossprod(S)
      for (l in seq_len(vc$lag)) { A <- t(S[(l + 1):nrow(S), , drop = FALSE]) %*% S[1:(nrow(S) - l), , drop = FALSE]
        M <- M + bartlett(l, vc$lag) * (A + t(A)) }
      M },
    nw = { M <- crossprod(sc)
      for (l in seq_len(vc$lag)) for (i in unique(d$id)) {
        r <- which(d$id == i); tt <- tpos[r]
        for (a in seq_along(r)) { b <- which(tt == tt[a] - l)
          if (length(b)) { A <- outer(sc[r[a], ], sc[r[b], ]); M <- M + bartlett(l, vc$lag) * (A + t(A)) } } }
      M })
}
gmin <- function(vc) switch(vc$kind, cluster = length(unique(d$c2)), cluster2 = min(length(unique(d$id)), length(unique(d$c2))), NA)
# the small-sample factor with K = regressors + absorbed parameters (Kc for clusters: effects nested in a cluster left out)
factorOf <- function(vc, nn, K, Kc) switch(vc$kind, hc1 = nn / (nn - K), cluster = , cluster2 = (nn - 1) / (nn - Kc) * gmin(vc) / (gmin(vc) - 1), 1)
# sandwich covariance of scores Xt * e with bread B
sandwichV <- function(B, Xt, e, vc, nn, K, Kc) {
  if (vc$kind == "iid") return(sum(e^2) / (nn - K) * B)
  factorOf(vc, nn, K, Kc) * B %*% meatOf(Xt * e, vc) %*% B
}
kclass <- function(yv, X1, X2, Z2, vc, K, Kc, liml = FALSE) {
  X <- cbind(X1, X2); Z <- cbind(X1, Z2); nn <- length(yv)
  P <- Z %*% solve(crossprod(Z), t(Z)); M <- diag(nn) - P
  kappa <- 1
  if (liml) { W <- cbind(yv, X2); MX1 <- diag(nn) - X1 %*% solve(crossprod(X1), t(X1))
    kappa <- min(Re(eigen(solve(t(W) %*% M %*% W, t(W) %*% MX1 %*% W))$values)) }
  A <- t(X) %*% (diag(nn) - kappa * M); B <- solve(A %*% X); b <- drop(B %*% A %*% yv); e <- drop(yv - X %*% b)
  V <- sandwichV(B, t(A), e, vc, nn, K, Kc)
  list(b = b, se = sqrt(diag(V)), e = e, kappa = kappa, X = X, Z = Z)
}
wald <- function(b, V) drop(t(b) %*% solve(V, b))
msqrt <- function(m) { e <- eigen((m + t(m)) / 2, symmetric = TRUE); e$vectors %*% diag(sqrt(pmax(e$values, 0)), nrow(m)) %*% t(e$vectors) }
kp_rk <- function(X1, X2, Z2, vc) {   # Kleibergen and Paap (2006), as ../iv/golden.R with the meat of vc
  part <- function(m) m - X1 %*% solve(crossprod(X1), crossprod(X1, m))
  X2t <- part(X2); Z2t <- part(Z2); l2 <- ncol(Z2); k2 <- ncol(X2)
  Pi <- solve(crossprod(Z2t), crossprod(Z2t, X2t)); V <- X2t - Z2t %*% Pi
  sc <- do.call(cbind, lapply(seq_len(k2), function(j) Z2t * V[, j]))
  Bk <- kronecker(diag(k2), solve(crossprod(Z2t))); Vpi <- Bk %*% meatOf(sc, vc) %*% Bk
  G <- msqrt(crossprod(Z2t)); Fh <- msqrt(crossprod(X2t)); Theta <- G %*% Pi %*% t(Fh)
  s <- svd(Theta, nu = l2, nv = k2); q <- k2 - 1
  U2 <- s$u[, (q + 1):l2, drop = FALSE]; u22 <- s$u[(q + 1):l2, (q + 1):l2, drop = FALSE]
  v22 <- s$v[(q + 1):k2, (q + 1):k2, drop = FALSE]; V2 <- s$v[, (q + 1):k2, drop = FALSE]
  Aq <- U2 %*% solve(u22) %*% msqrt(u22 %*% t(u22)); Bq <- msqrt(v22 %*% t(v22)) %*% solve(t(v22)) %*% t(V2)
  lam <- kronecker(Bq, t(Aq)) %*% as.vector(Theta); K <- kronecker(Bq, t(Aq)) %*% kronecker(Fh, G)
  drop(t(lam) %*% solve(K %*% Vpi %*% t(K), lam))
}
ols <- function(yv, X, vc, K, Kc) { B <- solve(crossprod(X)); b <- drop(B %*% crossprod(X, yv)); e <- drop(yv - X %*% b)
  list(b = b, e = e, V = sandwichV(B, X, e, vc, length(yv), K, Kc)) }
dummiesOf <- function(fe) if (length(fe)) model.matrix(as.formula(paste("~", paste0("factor(", fe, ")", collapse = " + "))), d) else matrix(1, n, 1, dimnames = list(NULL, "(Intercept)"))

vcovs <- list(iid = list(kind = "iid"), hc1 = list(kind = "hc1"), cluster = list(kind = "cluster"),
              twoway = list(kind = "cluster2"), dk0 = list(kind = "dk", lag = 0), dk2 = list(kind = "dk", lag = 2),
              nw1 = list(kind = "nw", lag = 1), nw3 = list(kind = "nw", lag = 3))   # cluster: cluster(c2); twoway: cluster(id, c2)
cases <- list(
  list(id = "pooled", formula = "y ~ w | x ~ z1 + z2", fe = c(), endog = "x", inst = c("z1", "z2")),
  list(id = "twofe", formula = "y ~ w | id + year | x ~ z1 + z2", fe = c("id", "year"), endog = "x", inst = c("z1", "z2")),
  list(id = "onefe", formula = "y ~ w | id | x + x2 ~ z1 + z2 + z3", fe = c("id"), endog = c("x", "x2"), inst = c("z1", "z2", "z3")),
  list(id = "liml", formula = "y ~ w | id + year | x ~ z1 + z2 + z3", fe = c("id", "year"), endog = "x", inst = c("z1", "z2", "z3"), liml = TRUE))
rows <- list()
add <- function(case, weighted, vcov, key, value) rows[[length(rows) + 1]] <<- data.frame(case = case, weights = weighted, vcov = vcov, key = key, value = sprintf("%.17g", value))
agree <- function(a, b, what, tol = 1e-9) { r <- max(abs(a - b) / pmax(abs(b), 1e-300)); if (r > tol) stop(what, ": ", paste(a, collapse = " "), " vs ", paste(b, collapse = " ")); r }
checks <- character()
check <- function(a, b, what) checks <<- c(checks, sprintf("%-60s largest relative difference %.1e", what, agree(a, b, what)))
pd <- pdata.frame(d, index = c("id", "year"))

for (cs in cases) for (weighted in c("none", "wt")) for (vn in names(vcovs)) {
  vc <- vcovs[[vn]]; liml <- isTRUE(cs$liml)
  serial <- vc$kind %in% c("dk", "nw")
  if (serial && (weighted == "wt" || liml)) next   # plm: no weights with vcovSCC/vcovNW, no LIML
  if (weighted == "none" && vc$kind %in% c("iid", "hc1", "cluster")) next   # in ../iv/golden.R
  r <- if (weighted == "wt") sqrt(d$wt) else rep(1, n)
  dummies <- dummiesOf(cs$fe)
  X1 <- cbind(w = d$w, dummies) * r; X2 <- as.matrix(d[, cs$endog, drop = FALSE]) * r; Z2 <- as.matrix(d[, cs$inst, drop = FALSE]) * r; yv <- d$y * r
  A <- if (length(cs$fe)) ncol(dummies) else 0
  # absorbed parameters of the effects not nested in a cluster variable (id is nested in cluster(id, c2))
  notNested <- setdiff(cs$fe, if (vc$kind == "cluster2") "id" else character())
  Ac <- if (!length(cs$fe)) 0 else if (!length(notNested)) 1 else ncol(dummiesOf(notNested))
  k2 <- ncol(X2); l2 <- ncol(Z2); kx <- 1 + k2; kxPooled <- if (length(cs$fe)) kx else kx + 1
  K <- kxPooled + A; Kc <- kxPooled + Ac
  fit <- kclass(yv, X1, X2, Z2, vc, K, Kc, liml)
  terms <- c(cs$endog, "w", if (!length(cs$fe)) "(Intercept)")
  b <- fit$b[terms]; se <- fit$se[terms]
  lhs <- paste(c(cs$endog, "w"), collapse = " + "); rhs <- paste(c(cs$inst, "w"), collapse = " + ")
  fed <- if (length(cs$fe)) paste0(" + ", paste0("factor(", cs$fe, ")", collapse = " + ")) else ""
  if (!liml && !serial) {
    m <- ivreg(as.formula(paste("y ~", lhs, fed, "|", rhs, fed)), data = d, weights = if (weighted == "wt") wt else NULL)
    Va <- switch(vc$kind, iid = vcov(m), hc1 = vcovHC(m, type = "HC1"), cluster = vcovCL(m, cluster = ~ c2, type = "HC1"),
                 cluster2 = vcovCL(m, cluster = ~ id + c2, multi0 = FALSE, type = "HC0", cadjust = FALSE) * factorOf(vc, n, K, Kc))
    check(b, coef(m)[terms], paste(cs$id, weighted, vn, "AER::ivreg coefficients"))
    check(se, sqrt(diag(Va))[terms], paste(cs$id, weighted, vn, "AER::ivreg + sandwich SEs"))
    if (vc$kind != "cluster2") {
      args <- list(formula = as.formula(paste("y ~", lhs, "|", rhs)), data = d, se_type = if (vc$kind == "iid") "classical" else "stata")
      if (weighted == "wt") args$weights <- d$wt
      if (vc$kind == "cluster") args$clusters <- d$c2
      if (length(cs$fe)) args$fixed_effects <- as.formula(paste("~", paste(cs$fe, collapse = " + ")))
      e <- do.call(iv_robust, args)
      check(b, coef(e)[terms], paste(cs$id, weighted, vn, "estimatr coefficients")); check(se, e$std.error[terms], paste(cs$id, weighted, vn, "estimatr SEs"))
      b <- coef(e)[terms]; se <- e$std.error[terms]
    }
  }
  if (serial) {   # plm with an IV formula
    effect <- if (length(cs$fe) == 2) "twoways" else "individual"
    m <- plm(as.formula(paste("y ~", lhs, "|", rhs)), data = pd, model = if (length(cs$fe)) "within" else "pooling", effect = effect)
    Vp <- if (vc$kind == "dk") vcovSCC(m, maxlag = vc$lag) else vcovNW(m, maxlag = vc$lag)
    check(b, coef(m)[terms], paste(cs$id, vn, "plm coefficients")); check(se, sqrt(diag(Vp))[terms], paste(cs$id, vn, "plm vcovSCC/vcovNW SEs"))
    b <- coef(m)[terms]; se <- sqrt(diag(Vp))[terms]
  }
  for (t in seq_along(terms)) { add(cs$id, weighted, vn, paste0("coef:", terms[t]), b[t]); add(cs$id, weighted, vn, paste0("se:", terms[t]), se[t]) }
  add(cs$id, weighted, vn, "kappa", fit$kappa)
  tss <- if (length(cs$fe)) sum(resid(lm(yv ~ X1[, -1] - 1))^2) else sum((yv - r * sum(r * yv) / sum(r^2))^2)
  add(cs$id, weighted, vn, "r2", 1 - sum(fit$e^2) / tss)
  Z <- cbind(Z2, X1); L <- ncol(Z)
  Lc <- l2 + 1 + (if (length(cs$fe)) Ac else 1)
  for (j in seq_len(k2)) {   # first stages: OLS of X2_j on Z with the model's covariance, K = L
    fs <- ols(X2[, j], Z, vc, L, Lc); cz <- fs$b[1:(l2 + 1)]; sz <- sqrt(diag(fs$V))[1:(l2 + 1)]
    if (serial && !liml) {   # plm first stage, same covariance
      fm <- plm(as.formula(paste(cs$endog[j], "~", rhs)), data = pd, model = if (length(cs$fe)) "within" else "pooling",
                effect = if (length(cs$fe) == 2) "twoways" else "individual")
      Vf <- if (vc$kind == "dk") vcovSCC(fm, maxlag = vc$lag) else vcovNW(fm, maxlag = vc$lag)
      nm <- c(cs$inst, "w"); check(cz, coef(fm)[nm], paste(cs$id, vn, "plm first stage", j)); check(sz, sqrt(diag(Vf))[nm], paste(cs$id, vn, "plm first-stage SEs", j))
    }
    for (a in seq_len(l2 + 1)) { nm <- c(cs$inst, "w")[a]; add(cs$id, weighted, vn, paste0("fs:", cs$endog[j], ":coef:", nm), cz[a]); add(cs$id, weighted, vn, paste0("fs:", cs$endog[j], ":se:", nm), sz[a]) }
    add(cs$id, weighted, vn, paste0("fs:", cs$endog[j], ":F"), wald(fs$b[1:l2], fs$V[1:l2, 1:l2, drop = FALSE]) / l2)
    add(cs$id, weighted, vn, paste0("fs:", cs$endog[j], ":partialR2"), 1 - sum(fs$e^2) / sum(ols(X2[, j], X1, list(kind = "iid"), 1, 1)$e^2))
  }
  if (vc$kind == "iid") {   # Cragg-Donald
    part <- function(m) m - X1 %*% solve(crossprod(X1), crossprod(X1, m))
    X2t <- part(X2); Z2t <- part(Z2); Pz <- Z2t %*% solve(crossprod(Z2t), t(Z2t))
    r2 <- min(Re(eigen(solve(crossprod(X2t), t(X2t) %*% Pz %*% X2t))$values))
    add(cs$id, weighted, vn, "weak", r2 / (1 - r2) * (n - L) / l2)
  } else if (!serial) {   # Kleibergen-Paap rk Wald F, ivreg2's scaling (Gmin clusters for two-way)
    rk <- kp_rk(X1, X2, Z2, vc)
    add(cs$id, weighted, vn, "weak", if (vc$kind == "hc1") rk / n * (n - L) / l2 else rk / (n - 1) * (n - L) * (gmin(vc) - 1) / gmin(vc) / l2)
  }
  if (l2 > k2) {   # over-identification at the 2SLS residuals
    t2 <- kclass(yv, X1, X2, Z2, list(kind = "iid"), K, Kc); e <- t2$e; Zf <- t2$Z; Xf <- t2$X; yf <- yv
    if (vc$kind == "iid") ov <- n * sum(fitted(lm(e ~ Zf - 1))^2) / sum(e^2)
    else {
      if (length(cs$fe)) { dm <- dummies * r   # Hansen J after partialling out the absorbed effects only, as ivreghdfe
        fe <- function(m) m - dm %*% solve(crossprod(dm), crossprod(dm, m))
        Zf <- fe(cbind(w = d$w * r, Z2)); Xf <- fe(cbind(w = d$w * r, X2)); yf <- drop(fe(yv)) }
      Si <- solve(meatOf(Zf * e, vc))
      bg <- solve(t(Xf) %*% Zf %*% Si %*% t(Zf) %*% Xf, t(Xf) %*% Zf %*% Si %*% t(Zf) %*% yf)
      gb <- t(Zf) %*% (yf - Xf %*% bg); ov <- drop(t(gb) %*% Si %*% gb) }
    add(cs$id, weighted, vn, "overid", ov)
  }
  Vhat <- sapply(seq_len(k2), function(j) ols(X2[, j], Z, list(kind = "iid"), 1, 1)$e)   # Durbin-Wu-Hausman
  aug <- ols(yv, cbind(X1, X2, Vhat), vc, K + k2, Kc + k2); idx <- (ncol(X1) + k2 + 1):(ncol(X1) + 2 * k2)
  dwh <- wald(aug$b[idx], aug$V[idx, idx, drop = FALSE]) / k2
  add(cs$id, weighted, vn, "dwh", dwh)
  # estimatr's weighted diagnostics on the dummy-variable model (its over-identification test is NA with weights)
  if (weighted == "wt" && !liml && k2 == 1 && vc$kind %in% c("iid", "hc1", "cluster")) {
    args <- list(formula = as.formula(paste("y ~", lhs, fed, "|", rhs, fed)), data = d, weights = d$wt,
                 se_type = if (vc$kind == "iid") "classical" else "stata", diagnostics = TRUE)
    if (vc$kind == "cluster") args$clusters <- d$c2
    e <- do.call(iv_robust, args)
    fsF <- as.numeric(rows[[which(sapply(rows, function(r) r$case == cs$id && r$weights == weighted && r$vcov == vn && r$key == "fs:x:F"))]]$value)
    check(fsF, e$diagnostic_first_stage_fstatistic[["value"]], paste(cs$id, weighted, vn, "first-stage F vs estimatr (weighted)"))
    check(dwh, e$diagnostic_endogeneity_test[["value"]], paste(cs$id, weighted, vn, "endogeneity F vs estimatr (weighted)"))
  }
}
# singletons: drop (reghdfe's and ivreghdfe's rule: observations alone in a level of an absorbed effect, repeatedly),
# then estimatr::iv_robust on the rows left
keep <- rep(TRUE, n)
repeat { alone <- keep & Reduce(`|`, lapply(c("id", "g"), function(v) { cnt <- table(d[[v]][keep]); cnt[as.character(d[[v]])] == 1 }))
  alone[is.na(alone)] <- FALSE; if (!any(alone)) break; keep <- keep & !alone }
ds <- d[keep, ]
for (vn in c("hc1", "cluster")) {
  args <- list(formula = y ~ x + w | z1 + z2 + w, data = ds, fixed_effects = ~ id + g, se_type = "stata")
  if (vn == "cluster") args$clusters <- ds$c2
  e <- do.call(iv_robust, args)
  r <- list(kind = vn); X1 <- cbind(w = ds$w, model.matrix(~ factor(id) + factor(g), ds))
  A <- ncol(X1) - 1; dsave <- d; d <- ds   # the formulas read the cluster variable from d
  f2 <- kclass(ds$y, X1, as.matrix(ds["x"]), as.matrix(ds[c("z1", "z2")]), vcovs[[vn]], 2 + A, 2 + A); d <- dsave
  check(f2$b[c("x", "w")], coef(e)[c("x", "w")], paste("singletons dropped", vn, "estimatr coefficients"))
  check(f2$se[c("x", "w")], e$std.error[c("x", "w")], paste("singletons dropped", vn, "estimatr SEs"))
  add("singletons", "none", vn, "nobs", nrow(ds))
  for (t in c("x", "w")) { add("singletons", "none", vn, paste0("coef:", t), coef(e)[[t]]); add("singletons", "none", vn, paste0("se:", t), e$std.error[[t]]) }
}
cases[[length(cases) + 1]] <- list(id = "singletons", formula = "y ~ w | id + g | x ~ z1 + z2")
out <- do.call(rbind, rows)
ver <- paste0(R.version.string, "; estimatr ", packageVersion("estimatr"), "; AER ", packageVersion("AER"), "; sandwich ",
              packageVersion("sandwich"), "; plm ", packageVersion("plm"))
con <- file(file.path(dir, "golden.csv"), "w")
writeLines(paste0("# generator: src/test/golden/iv-extensions/golden.R; ", ver), con)
writeLines("# data: panel.csv (made by this script); formulas per case in cases.tsv; weights none or the column wt", con)
write.csv(out, con, row.names = FALSE, quote = FALSE)
close(con)
cf <- do.call(rbind, lapply(cases, function(cs) data.frame(case = cs$id, formula = cs$formula, method = if (isTRUE(cs$liml)) "liml" else "2sls")))
con <- file(file.path(dir, "cases.tsv"), "w")
writeLines(paste0("# generator: src/test/golden/iv-extensions/golden.R; ", R.version.string), con)
write.table(cf, con, sep = "\t", row.names = FALSE, quote = FALSE)
close(con)
con <- file(file.path(dir, "crosscheck.txt"), "w")
writeLines(c(paste0("# generator: src/test/golden/iv-extensions/golden.R; ", ver),
             "# each reference against the formulas of the script (stops above 1e-9 relative)", checks), con)
close(con)
cat("wrote", nrow(out), "golden values,", length(checks), "cross-checks\n")
