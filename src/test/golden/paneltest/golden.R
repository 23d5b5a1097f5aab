# Golden values of the panel specification tests (package dev.repro.estimate.paneltest).
# Run from the repository root:  Rscript src/test/golden/paneltest/golden.R
# Writes golden_*.csv beside itself. The panels come from R plm (public); the Java side reads the same values,
# rows and order from the shared copies in src/test/golden/datasets/ (written by datasets/export.R).
# References: plm::purtest (levinlin, ips, madwu, invnormal, logit, Pm with p.approx = "MacKinnon1994"),
# plm::pgrangertest, plm::phtest (chisq and aux), urca::ur.pp, and direct computations of Stata's
# dfuller / pperron per-unit statistics with MacKinnon (1994) p-values (plm:::padf).
suppressPackageStartupMessages({ library(plm); library(urca) })
out <- "src/test/golden/paneltest"
versions <- sprintf("# generator: src/test/golden/paneltest/golden.R; %s; plm %s; urca %s; lmtest %s; sandwich %s", R.version.string, packageVersion("plm"),
                    packageVersion("urca"), packageVersion("lmtest"), packageVersion("sandwich"))
fmt <- function(x) if (is.character(x)) x else ifelse(is.na(x), "NA", trimws(formatC(x, digits = 17, format = "g")))
lst <- function(v) paste(fmt(v), collapse = ";")
write_golden <- function(rows, file) {
  con <- file(file.path(out, file), "w")
  writeLines(versions, con)
  df <- do.call(rbind, lapply(rows, function(r) as.data.frame(lapply(r, fmt), stringsAsFactors = FALSE)))
  write.csv(df, con, row.names = FALSE, quote = FALSE)
  close(con)
}

data("Grunfeld", "Produc", "EmplUK", "Cigar", package = "plm")
sets <- list(
  grunfeld = Grunfeld[, c("firm", "year", "inv", "value", "capital")],
  produc = Produc[, c("state", "year", "gsp", "pcap", "pc", "emp", "unemp")],
  empluk = EmplUK[, c("firm", "year", "emp", "wage", "capital", "output")],
  cigar = Cigar[, c("state", "year", "price", "pop", "ndi", "sales")])
for (nm in names(sets)) {
  d <- sets[[nm]]
  d <- d[order(d[[1]], d[[2]]), ]
  d[[1]] <- as.character(d[[1]])
  sets[[nm]] <- d
}
# a panel subset as the Java test builds it: name[_from<year>][_ub][_gaps] (_ub: states 1-10 start in 1970;
# _gaps: Grunfeld without firm 2's 1940, firm 5's 1945-1946 and firm 9's 1936, gaps inside the units)
panel <- function(spec) {
  parts <- strsplit(spec, "_")[[1]]
  d <- sets[[parts[1]]]
  for (p in parts[-1]) {
    if (startsWith(p, "from")) d <- d[d$year >= as.integer(sub("from", "", p)), ]
    if (p == "ub") d <- d[!(as.integer(d$state) <= 10 & d$year < 70), ]
    if (p == "gaps") d <- d[!((d$firm == "2" & d$year == 1940) | (d$firm == "5" & d$year %in% c(1945, 1946)) |
                              (d$firm == "9" & d$year == 1936)), ]
  }
  d
}
value <- function(d, v) if (startsWith(v, "log(")) log(d[[sub("\\)$", "", sub("^log\\(", "", v))]]) else d[[v]]
series <- function(spec, v) {
  d <- panel(spec)
  x <- value(d, v)
  split(x, factor(d[[1]], levels = unique(d[[1]])))
}

## ---------------------------------------------------------------- unit roots, R plm conventions
ur <- list()
ur_case <- function(test, spec, v, exo, lags, pmax = 10, dfcor = FALSE) {
  d <- panel(spec)
  pd <- pdata.frame(data.frame(id = factor(d[[1]], levels = unique(d[[1]])), time = d$year, y = value(d, v)),
                    index = c("id", "time"))
  lg <- if (is.character(lags)) lags else as.integer(lags)
  run <- function(t) suppressWarnings(purtest(pd$y, test = t, exo = exo, lags = lg, pmax = pmax,
                                              dfcor = dfcor, p.approx = "MacKinnon1994"))
  r <- list(test = test, panel = spec, variable = v, exo = exo, lags = as.character(lags), pmax = pmax,
            dfcor = if (dfcor) "true" else "false")
  if (test == "llc") {
    x <- run("levinlin")
    z <- x$statistic
    # delta, its t and the adjustment as plm computes them (purtest keeps only the statistic)
    r$statistic <- z$statistic; r$p <- z$p.value
    # plm keeps the normalised auxiliary residuals; the pooled regression gives delta and its standard error
    pooled <- plm:::my.lm.fit(as.matrix(unlist(lapply(x$idres, function(u) u$resid$resid.level))),
                              unlist(lapply(x$idres, function(u) u$resid$resid.diff)), dfcor = dfcor)
    r$delta <- pooled$coef; r$seDelta <- pooled$se
    r$unitLags <- lst(sapply(x$idres, function(u) u$lags))
    r$sigmaLT2 <- lst(x$sigma2[, "sigma2LT"]); r$sigmaST2 <- lst(x$sigma2[, "sigma2ST"])
  } else if (test == "ips") {
    x <- run("ips")
    r$statistic <- x$statistic$statistic; r$p <- x$statistic$p.value
    r$unitLags <- lst(sapply(x$idres, function(u) u$lags))
    r$unitT <- lst(sapply(x$idres, function(u) u$trho))
  } else {
    a <- run("madwu"); b <- run("invnormal"); cc <- run("logit"); d <- run("Pm")
    r$statistic <- a$statistic$statistic; r$p <- a$statistic$p.value
    r$z <- b$statistic$statistic; r$pZ <- b$statistic$p.value
    r$lstar <- cc$statistic$statistic; r$pLstar <- cc$statistic$p.value
    r$pm <- d$statistic$statistic; r$pPm <- d$statistic$p.value
    r$unitLags <- lst(sapply(a$idres, function(u) u$lags))
    r$unitP <- lst(sapply(a$idres, function(u) u$p.trho))
  }
  for (k in c("statistic", "p", "delta", "seDelta", "z", "pZ", "lstar", "pLstar", "pm", "pPm", "unitLags", "unitP", "unitT",
              "sigmaLT2", "sigmaST2")) if (is.null(r[[k]])) r[[k]] <- NA
  ur[[length(ur) + 1]] <<- r
}
cases <- list(
  list("grunfeld", "inv"), list("grunfeld", "log(value)"), list("grunfeld", "log(capital)"),
  list("produc", "log(gsp)"), list("produc", "unemp"),
  list("cigar", "sales"), list("cigar_from66", "log(price)"))
for (cs in cases) for (exo in c("none", "intercept", "trend")) {
  for (lags in list(0, 1, 2)) {
    ur_case("llc", cs[[1]], cs[[2]], exo, lags)
    ur_case("madwu", cs[[1]], cs[[2]], exo, lags)
    if (exo != "none") ur_case("ips", cs[[1]], cs[[2]], exo, lags)
  }
  for (sel in c("AIC", "SIC", "Hall")) {
    ur_case("llc", cs[[1]], cs[[2]], exo, sel, pmax = 3)
    ur_case("madwu", cs[[1]], cs[[2]], exo, sel, pmax = 3)
    if (exo != "none") ur_case("ips", cs[[1]], cs[[2]], exo, sel, pmax = 3)
  }
}
for (cs in list(list("grunfeld", "inv"), list("produc", "log(gsp)"))) for (exo in c("intercept", "trend")) {
  ur_case("llc", cs[[1]], cs[[2]], exo, 1, dfcor = TRUE)
  ur_case("madwu", cs[[1]], cs[[2]], exo, 1, dfcor = TRUE)
  ur_case("ips", cs[[1]], cs[[2]], exo, 1, dfcor = TRUE)
}
# unbalanced panels: IPS and Fisher only (plm refuses LLC)
for (v in c("log(emp)", "log(wage)")) for (lags in list(0, 1)) {
  ur_case("ips", "empluk", v, "intercept", lags)
  ur_case("madwu", "empluk", v, "intercept", lags)
  ur_case("madwu", "empluk", v, "none", lags)
}
write_golden(ur, "golden_unitroot.csv")

## ---------------------------------------------------------------- Fisher tests, Stata conventions
# Per unit, Stata's dfuller regression D.y on L.y, L(1/k)D.y (and a constant, and a trend) by lm(), t with
# the usual OLS standard error; pperron's Z(t) with Newey-West lags int(4 (n/100)^(2/9)) or as given;
# MacKinnon (1994) approximate p-values (plm:::padf, p.approx = "MacKinnon1994"); then the four
# combinations of Maddala-Wu (1999) and Choi (2001).
exo_nm <- function(exo) switch(exo, none = "none", intercept = "intercept", trend = "trend")
adf_unit <- function(y, k, exo) {
  n <- length(y); dy <- c(NA, diff(y)); ly <- c(NA, y[-n]); tr <- seq_len(n)
  X <- cbind(ly)
  if (k > 0) for (j in 1:k) X <- cbind(X, c(rep(NA, j), dy[seq_len(n - j)]))
  keep <- (k + 2):n
  X <- X[keep, , drop = FALSE]; yy <- dy[keep]; tt <- tr[keep]
  f <- switch(exo, none = lm(yy ~ 0 + X), intercept = lm(yy ~ X), trend = lm(yy ~ X + tt))
  co <- summary(f)$coefficients
  co[if (exo == "none") 1 else 2, 3]
}
pp_unit <- function(y, q, exo, urca_check = FALSE) {
  n0 <- length(y); yt <- y[-1]; yl <- y[-n0]; n <- n0 - 1; tt <- seq_len(n)
  f <- switch(exo, none = lm(yt ~ 0 + yl), intercept = lm(yt ~ yl), trend = lm(yt ~ yl + tt))
  co <- summary(f)$coefficients; row <- if (exo == "none") 1 else 2
  rho <- co[row, 1]; se <- co[row, 2]
  u <- residuals(f); k <- length(coef(f))
  if (q < 0) q <- floor(4 * (n / 100)^(2 / 9))
  g0 <- sum(u^2) / n
  lam2 <- g0
  if (q > 0) for (j in 1:q) lam2 <- lam2 + 2 * (1 - j / (q + 1)) * sum(u[(j + 1):n] * u[1:(n - j)]) / n
  s <- sqrt(sum(u^2) / (n - k))
  zt <- sqrt(g0 / lam2) * (rho - 1) / se - 0.5 * (lam2 - g0) / sqrt(lam2) * n * se / s
  if (urca_check && exo == "intercept" && q > 0) {
    # urca's ur.pp uses sum((y_t - mean)^2) where pperron uses the lagged level; with that one change the
    # computation above must give urca's Z-tau exactly (validates the formula against urca)
    alt <- sqrt(g0 / lam2) * (rho - 1) / se - 0.5 * (lam2 - g0) / sqrt(lam2) / sqrt(sum((yt - mean(yt))^2) / n^2)
    ref <- ur.pp(y, type = "Z-tau", model = "constant", use.lag = q)@teststat
    stopifnot(abs(alt - ref) < 1e-9 * abs(ref))
  }
  c(zt = zt, q = q)
}
# the same regression with time-aware lags (plm's lag() and diff() on a pdata.frame shift by time, so a gap
# makes the lags across it missing, as Stata's L. and D.)
adf_unit_gaps <- function(d, k, exo) {
  pd <- pdata.frame(data.frame(id = "u", time = d$year, y = d$y), index = c("id", "time"))
  y <- pd$y; dy <- diff(y); X <- cbind(lag(y, 1))
  if (k > 0) for (j in 1:k) X <- cbind(X, lag(dy, j))
  tt <- d$year - min(d$year) + 1
  f <- switch(exo, none = lm(as.numeric(dy) ~ 0 + X), intercept = lm(as.numeric(dy) ~ X), trend = lm(as.numeric(dy) ~ X + tt))
  summary(f)$coefficients[if (exo == "none") 1 else 2, 3]
}
fs <- list()
fisher_stata <- function(method, spec, v, exo, lags) {
  s <- series(spec, v)
  if (method == "adf" && grepl("gaps", spec)) {
    d <- panel(spec); d$y <- value(d, v)
    st <- sapply(split(d, factor(d[[1]], levels = unique(d[[1]]))), adf_unit_gaps, k = lags, exo = exo)
    q <- rep(lags, length(st))
  } else if (method == "adf") {
    st <- sapply(s, adf_unit, k = lags, exo = exo); q <- rep(lags, length(s))
  } else {
    r <- sapply(s, pp_unit, q = lags, exo = exo, urca_check = TRUE); st <- r["zt", ]; q <- r["q", ]
  }
  # the surface is evaluated at tau clamped to the turning points of its polynomials (small-p quadratic:
  # -19.04 / -18.83 / -16.18; large-p cubic: none / 2.74 / 0.70 for nc / c / ct), where it is flat: p stays
  # monotone in tau and inside (0, 1) (the bounds statsmodels' mackinnonp uses; the plugin's convention)
  lo <- c(none = -19.04, intercept = -18.83, trend = -16.18)[[exo]]
  hi <- c(none = Inf, intercept = 2.74, trend = 0.70)[[exo]]
  p <- plm:::padf(pmin(pmax(st, lo), hi), exo = exo_nm(exo), p.approx = "MacKinnon1994")
  N <- length(p)
  P <- -2 * sum(log(p)); Z <- sum(qnorm(p)) / sqrt(N)
  kk <- 3 * (5 * N + 4) / (pi^2 * N * (5 * N + 2)); L <- sqrt(kk) * sum(log(p / (1 - p)))
  Pm <- sum(-2 * log(p) - 2) / (2 * sqrt(N))
  fs[[length(fs) + 1]] <<- list(method = method, panel = spec, variable = v, exo = exo, lags = lags,
    statistic = P, p = pchisq(P, 2 * N, lower.tail = FALSE), z = Z, pZ = pnorm(Z), lstar = L,
    pLstar = pt(L, 5 * N + 4), pm = Pm, pPm = pnorm(Pm, lower.tail = FALSE), unitLags = lst(q),
    unitStat = lst(st), unitP = lst(p))
}
for (cs in cases) for (exo in c("none", "intercept", "trend")) {
  for (k in 0:2) fisher_stata("adf", cs[[1]], cs[[2]], exo, k)
  for (q in c(-1, 0, 2)) fisher_stata("pp", cs[[1]], cs[[2]], exo, q)
}
for (v in c("inv", "log(value)")) for (exo in c("none", "intercept", "trend")) for (k in 0:2)
  fisher_stata("adf", "grunfeld_gaps", v, exo, k)
for (v in c("log(emp)", "log(wage)")) for (exo in c("none", "intercept")) {
  fisher_stata("adf", "empluk", v, exo, 1)
  fisher_stata("pp", "empluk", v, exo, -1)
}
write_golden(fs, "golden_fisher_stata.csv")

## ---------------------------------------------------------------- Dumitrescu-Hurlin
dh <- list()
dh_case <- function(spec, effect, cause, K) {
  d <- panel(spec)
  pd <- pdata.frame(data.frame(id = factor(d[[1]], levels = unique(d[[1]])), time = d$year, y = value(d, effect), x = value(d, cause)),
                    index = c("id", "time"))
  w <- pgrangertest(y ~ x, data = pd, order = K, test = "Wbar")
  zb <- tryCatch(pgrangertest(y ~ x, data = pd, order = K, test = "Zbar"), error = function(e) NULL)
  zt <- tryCatch(pgrangertest(y ~ x, data = pd, order = K, test = "Ztilde"), error = function(e) NULL)
  dh[[length(dh) + 1]] <<- list(panel = spec, effect = effect, cause = cause, lags = K,
    wbar = w$statistic, zbar = if (is.null(zb)) NA else zb$statistic,
    pZbar = if (is.null(zb)) NA else zb$p.value, zbarTilde = if (is.null(zt)) NA else zt$statistic,
    pZbarTilde = if (is.null(zt)) NA else zt$p.value, unitW = lst(w$indgranger$Chisq),
    unitP = lst(w$indgranger[["p-value"]]))
}
for (K in 1:5) {
  dh_case("grunfeld", "inv", "value", K)
  dh_case("grunfeld", "value", "inv", K)
}
for (K in 1:3) dh_case("grunfeld", "log(capital)", "log(inv)", K)
for (K in 1:4) {
  dh_case("produc", "log(gsp)", "log(pcap)", K)
  dh_case("produc", "unemp", "log(emp)", K)
}
for (K in 1:3) {
  dh_case("cigar", "log(sales)", "log(price)", K)
  dh_case("cigar_ub", "log(sales)", "log(price)", K)
  dh_case("cigar_ub", "log(price)", "log(ndi)", K)
}
write_golden(dh, "golden_dh.csv")

## ---------------------------------------------------------------- Hausman
hs <- list()
h_case <- function(spec, fml) {
  d <- panel(spec)
  d[[1]] <- factor(d[[1]], levels = unique(d[[1]]))
  # plm's aux method cannot take log() in the formula: logs become columns log_x
  for (v in names(d)[-(1:2)]) d[[paste0("log_", v)]] <- log(d[[v]])
  # phtest re-evaluates its call in the caller's frame: keep formula and data global
  pd <<- pdata.frame(d, index = names(d)[1:2])
  f <<- as.formula(gsub("log\\(([a-z]+)\\)", "log_\\1", fml))
  a <- phtest(f, data = pd)
  fe <- plm(f, data = pd, model = "within"); re <- plm(f, data = pd, model = "random")
  cn <- names(coef(fe)); dv <- vcov(fe)[cn, cn] - vcov(re)[cn, cn]; db <- coef(fe) - coef(re)[cn]
  signed <- as.numeric(t(db) %*% solve(dv) %*% db)
  b <- phtest(f, data = pd, method = "aux")
  cc <- phtest(f, data = pd, method = "aux", vcov = function(x) vcovHC(x, method = "arellano", type = "HC0"))
  hs[[length(hs) + 1]] <<- list(panel = spec, formula = fml, statistic = signed, df = a$parameter, p = a$p.value,
    auxStatistic = b$statistic, auxP = b$p.value, robustStatistic = cc$statistic, robustP = cc$p.value,
    minEigen = min(eigen(dv, symmetric = TRUE, only.values = TRUE)$values),
    fe = lst(coef(fe)), re = lst(coef(re)[cn]))
}
h_case("grunfeld", "inv ~ value + capital")
h_case("grunfeld", "log(inv) ~ log(value) + log(capital)")
h_case("produc", "log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp")
h_case("produc", "unemp ~ log(gsp) + log(pc)")
h_case("empluk", "log(emp) ~ log(wage) + log(capital) + log(output)")
h_case("empluk", "log(emp) ~ log(wage)")
h_case("cigar", "log(sales) ~ log(price) + log(ndi) + log(pop)")
h_case("cigar_ub", "log(sales) ~ log(price) + log(ndi)")
write_golden(hs, "golden_hausman.csv")
cat("golden files written to", out, "\n")
