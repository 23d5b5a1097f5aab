# Golden values for dev.repro.estimate.paneltest.
#
# Run from the repository root:  Rscript src/test/r/paneltest/golden.R
# Writes src/test/resources/paneltest/{grunfeld,grunfeld_unbal,produc,empluk}.csv (the data, from R plm)
# and golden.csv (one row per quantity; the first lines record the R and package versions).
#
# References:
#   LLC, IPS, Fisher (plm convention): plm::purtest; Granger: plm::pgrangertest; Hausman: plm::phtest.
#   Fisher (Stata convention), ADF: per-unit OLS with lm() (t from the usual standard error, as Stata's
#     dfuller), cross-checked against urca::ur.df; p-values from MacKinnon (1994) Table 3 computed below.
#   Fisher (Stata convention), PP: Stata pperron's Z(t) formula computed directly with lm(); urca::ur.pp's
#     Z-tau uses sum((y_t - mean y_t)^2) where Phillips-Perron and Stata use y_{t-1}: its values are written
#     to pp_urca.csv for the documentation, not used as golden values.
suppressPackageStartupMessages({
  library(plm)
  library(urca)
  library(lmtest)
})

out <- "src/test/resources/paneltest"
dir.create(out, showWarnings = FALSE, recursive = TRUE)

versions <- sprintf("# %s; plm %s; urca %s; lmtest %s; sandwich %s",
                    R.version.string, packageVersion("plm"), packageVersion("urca"),
                    packageVersion("lmtest"), packageVersion("sandwich"))

## ---------------------------------------------------------------- data
data("Grunfeld", package = "plm")
data("Produc", package = "plm")
data("EmplUK", package = "plm")

grunfeld <- Grunfeld[, c("firm", "year", "inv", "value", "capital")]
produc <- data.frame(state = as.character(Produc$state), year = Produc$year,
                     lgsp = log(Produc$gsp), lpcap = log(Produc$pcap), lpc = log(Produc$pc),
                     lemp = log(Produc$emp), unemp = Produc$unemp)
empluk <- EmplUK[, c("firm", "year", "emp", "wage", "capital", "output")]
# unbalanced without gaps: firm f loses its first f %% 4 and its last (f + 1) %% 3 years
keep <- with(grunfeld, year >= 1935 + firm %% 4 & year <= 1954 - (firm + 1) %% 3)
grunfeld_unbal <- grunfeld[keep, ]
# interior gaps: firm f (1..7) without year 1938 + f, firm 9 without 1950 and 1951
gap <- with(grunfeld, (firm <= 7 & year == 1938 + firm) | (firm == 9 & year %in% c(1950, 1951)))
grunfeld_gaps <- grunfeld[!gap, ]

panels <- list(
  grunfeld = pdata.frame(grunfeld, index = c("firm", "year")),
  grunfeld_unbal = pdata.frame(grunfeld_unbal, index = c("firm", "year")),
  produc = pdata.frame(produc, index = c("state", "year")),
  empluk = pdata.frame(empluk, index = c("firm", "year"))
)
stopifnot(all(sapply(panels, function(d) all(is.pconsecutive(d)))))
panels$grunfeld_gaps <- pdata.frame(grunfeld_gaps, index = c("firm", "year"))

# rows in the panels' (unit, year) order, so that units are numbered as R's factor levels by first appearance
write_data <- function(name, source) {
  d <- as.data.frame(panels[[name]])
  f <- file.path(out, paste0(name, ".csv"))
  writeLines(c(sprintf("# %s; exported by src/test/r/paneltest/golden.R", source), versions), f)
  suppressWarnings(write.table(d, f, sep = ",", row.names = FALSE, append = TRUE, quote = FALSE))
}
write_data("grunfeld", "R plm::Grunfeld (Grunfeld 1958, Baltagi 2005 Table 2.1 data)")
write_data("grunfeld_unbal", "R plm::Grunfeld, firm f without its first f%%4 and last (f+1)%%3 years")
write_data("produc", "R plm::Produc (Munnell 1990), logs taken in R")
write_data("empluk", "R plm::EmplUK (Arellano and Bond 1991)")
write_data("grunfeld_gaps", "R plm::Grunfeld, firm f <= 7 without year 1938 + f, firm 9 without 1950-1951")

rows <- list()
add <- function(test, dataset, variable, exo, lags, options, quantity, value) {
  rows[[length(rows) + 1]] <<- data.frame(test = test, dataset = dataset, variable = variable, exo = exo,
                                          lags = as.character(lags), options = options, quantity = quantity,
                                          value = sprintf("%.17g", value), stringsAsFactors = FALSE)
}
# per-unit values of the first 10 units (all of them with all = TRUE), to keep the file small
add_units <- function(test, dataset, variable, exo, lags, options, prefix, v, all = FALSE) {
  for (i in seq_len(if (all) length(v) else min(10, length(v)))) {
    add(test, dataset, variable, exo, lags, options, paste0(prefix, ".", i), v[i])
  }
}
lag_arg <- function(l) if (l %in% c("AIC", "SIC", "Hall")) l else as.integer(l)

## ---------------------------------------------------------------- MacKinnon (1994), Table 3, N = 1
mk_small <- rbind(none = c(0.6344, 1.2378, 3.2496e-2), intercept = c(2.1659, 1.4412, 3.8269e-2),
                  trend = c(3.2512, 1.6047, 4.9588e-2))
mk_large <- rbind(none = c(0.4797, 0.93557, -0.06999, 0.033066), intercept = c(1.7339, 0.93202, -0.12745, -0.010368),
                  trend = c(2.5261, 0.61654, -0.37956, -0.060285))
mk_star <- c(none = -1.04, intercept = -1.61, trend = -2.89)
mk_min <- c(none = -19.04, intercept = -18.83, trend = -16.18)
mk_max <- c(none = Inf, intercept = 2.74, trend = 0.70)
mackinnon <- function(tau, exo, bounded = TRUE) {
  if (bounded) tau <- pmin(pmax(tau, mk_min[exo]), mk_max[exo])
  s <- mk_small[exo, ]; l <- mk_large[exo, ]
  z <- ifelse(tau <= mk_star[exo], s[1] + s[2] * tau + s[3] * tau^2,
              l[1] + l[2] * tau + l[3] * tau^2 + l[4] * tau^3)
  unname(pnorm(z))
}
for (exo in c("none", "intercept", "trend")) {
  for (tau in c(-25, -18, -10, -6, -4.5, -3, -2.5, -2, -1.5, -1, -0.5, 0, 0.5, 1, 2, 3)) {
    add("mackinnon", "-", "-", exo, 0, "bounded", sprintf("p(%g)", tau), mackinnon(tau, exo, TRUE))
    add("mackinnon", "-", "-", exo, 0, "unbounded", sprintf("p(%g)", tau), mackinnon(tau, exo, FALSE))
  }
  # an independent approximation of the same distribution: MacKinnon (1996) numerical distribution functions
  # (urca::punitroot, asymptotic); the two surfaces agree to a few 1e-3 in p
  for (tau in c(-6, -5, -4.5, -4, -3.5, -3, -2.5, -2, -1.5, -1, -0.5, 0, 0.5)) {
    add("mackinnon", "-", "-", exo, 0, "mackinnon1996", sprintf("p(%g)", tau),
        urca::punitroot(tau, N = Inf, trend = c(none = "nc", intercept = "c", trend = "ct")[[exo]]))
  }
}
# the unbounded formula is plm's padf(p.approx = "MacKinnon1994")
stopifnot(isTRUE(all.equal(mackinnon(c(-5, -2, 0, 1), "trend", FALSE),
                           as.numeric(plm:::padf(c(-5, -2, 0, 1), exo = "trend", p.approx = "MacKinnon1994")), tolerance = 1e-14)))

## ---------------------------------------------------------------- LLC (plm)
llc_cases <- list(grunfeld = c("inv", "value", "capital"), produc = c("lgsp", "lpc", "unemp"))
for (ds in names(llc_cases)) for (v in llc_cases[[ds]]) for (exo in c("none", "intercept", "trend")) {
  x <- panels[[ds]][[v]]
  T <- length(unique(index(panels[[ds]])[[2]]))
  for (l in c("0", "1", "2", "AIC", "SIC", "Hall")) {
    variants <- list(list(opt = "plm", dfcor = FALSE, q = NULL))
    if (l == "1") {
      variants[[2]] <- list(opt = "dfcor", dfcor = TRUE, q = NULL)
      variants[[3]] <- list(opt = sprintf("q=%d", floor(3.21 * T^(1/3))), dfcor = FALSE, q = floor(3.21 * T^(1/3)))
    }
    for (va in variants) {
      r <- suppressWarnings(purtest(x, test = "levinlin", exo = exo, lags = lag_arg(l), pmax = 3,
                                    dfcor = va$dfcor, q = va$q))
      opt <- va$opt
      add("llc", ds, v, exo, l, opt, "statistic", r$statistic$statistic)
      add("llc", ds, v, exo, l, opt, "p", r$statistic$p.value)
      add_units("llc", ds, v, exo, l, opt, "unitLag", sapply(r$idres, function(z) z$lags))
      add_units("llc", ds, v, exo, l, opt, "sigmaST", sqrt(r$sigma2[, "sigma2ST"]))
      add_units("llc", ds, v, exo, l, opt, "sigmaLT", sqrt(r$sigma2[, "sigma2LT"]))
    }
  }
}

## ---------------------------------------------------------------- IPS (plm, Wtbar)
ips_cases <- list(grunfeld = c("inv", "value"), produc = c("lgsp", "unemp"), grunfeld_unbal = c("inv"),
                  empluk = c("emp"))
for (ds in names(ips_cases)) for (v in ips_cases[[ds]]) for (exo in c("intercept", "trend")) {
  lagset <- if (ds == "empluk") c("0", "1") else c("0", "1", "2", "AIC")
  for (l in lagset) {
    r <- suppressWarnings(purtest(panels[[ds]][[v]], test = "ips", exo = exo, lags = lag_arg(l), pmax = 2))
    add("ips", ds, v, exo, l, "plm", "statistic", r$statistic$statistic)
    add("ips", ds, v, exo, l, "plm", "p", r$statistic$p.value)
    add("ips", ds, v, exo, l, "plm", "tbar", mean(sapply(r$idres, function(z) z$trho)))
    add_units("ips", ds, v, exo, l, "plm", "unitLag", sapply(r$idres, function(z) z$lags))
  }
}

## ---------------------------------------------------------------- Fisher, plm convention (MacKinnon 1994)
fisher_cases <- list(grunfeld = c("inv", "value"), produc = c("lgsp", "unemp"), grunfeld_unbal = c("inv"),
                     empluk = c("emp", "wage"))
mk96 <- list()
for (ds in names(fisher_cases)) for (v in fisher_cases[[ds]]) for (exo in c("none", "intercept", "trend")) {
  lagset <- if (ds == "empluk") c("0", "1") else c("0", "1", "2", "AIC")
  for (l in lagset) for (dfcor in c(FALSE, TRUE)) {
    opt <- if (dfcor) "plm;dfcor" else "plm"
    x <- panels[[ds]][[v]]
    for (tst in c("madwu", "invnormal", "logit", "Pm")) {
      r <- suppressWarnings(purtest(x, test = tst, exo = exo, lags = lag_arg(l), pmax = 2, dfcor = dfcor,
                                    p.approx = "MacKinnon1994"))
      key <- c(madwu = "statistic", invnormal = "z", logit = "lstar", Pm = "pm")[tst]
      pkey <- c(madwu = "p", invnormal = "pZ", logit = "pLstar", Pm = "pPm")[tst]
      add("fisher-adf", ds, v, exo, l, opt, key, r$statistic$statistic)
      add("fisher-adf", ds, v, exo, l, opt, pkey, r$statistic$p.value)
      if (tst == "madwu") {
        add_units("fisher-adf", ds, v, exo, l, opt, "unitStatistic", sapply(r$idres, function(z) z$trho))
        add_units("fisher-adf", ds, v, exo, l, opt, "unitP", sapply(r$idres, function(z) z$p.trho))
        add_units("fisher-adf", ds, v, exo, l, opt, "unitLag", sapply(r$idres, function(z) z$lags))
        if (!dfcor) {
          r96 <- suppressWarnings(purtest(x, test = tst, exo = exo, lags = lag_arg(l), pmax = 2))
          mk96[[length(mk96) + 1]] <- data.frame(dataset = ds, variable = v, exo = exo, lags = l,
            P_1994 = r$statistic$statistic, P_1996 = r96$statistic$statistic,
            maxAbsDiffUnitP = max(abs(sapply(r$idres, function(z) z$p.trho) - sapply(r96$idres, function(z) z$p.trho))))
        }
      }
    }
  }
}

## ---------------------------------------------------------------- Fisher, Stata convention: per-unit regressions in R
unit_series <- function(ds, v) {
  d <- panels[[ds]]
  idx <- index(d)
  split(as.numeric(d[[v]]), idx[[1]], drop = TRUE)
}
fisher_combine <- function(p) {
  n <- length(p)
  P <- -2 * sum(log(p))
  Z <- sum(qnorm(p)) / sqrt(n)
  k <- 3 * (5 * n + 4) / (pi^2 * n * (5 * n + 2))
  L <- sqrt(k) * sum(log(p / (1 - p)))
  Pm <- sum(-2 * log(p) - 2) / (2 * sqrt(n))
  c(statistic = P, p = pchisq(P, 2 * n, lower.tail = FALSE), z = Z, pZ = pnorm(Z), lstar = L,
    pLstar = pt(L, 5 * n + 4), pm = Pm, pPm = pnorm(Pm, lower.tail = FALSE))
}
adf_t <- function(y, lags, exo) {
  n <- length(y)
  dy <- diff(y)
  rows <- (lags + 2):n               # positions of y_t used
  d <- data.frame(dy = dy[rows - 1], ylag = y[rows - 1], trend = rows)
  for (j in seq_len(lags)) d[[paste0("dl", j)]] <- dy[rows - 1 - j]
  rhs <- c("ylag", if (lags > 0) paste0("dl", seq_len(lags)), if (exo == "trend") "trend")
  f <- as.formula(paste("dy ~", paste(rhs, collapse = " + "), if (exo == "none") "- 1"))
  t <- coef(summary(lm(f, data = d)))["ylag", "t value"]
  type <- c(none = "none", intercept = "drift", trend = "trend")[exo]
  t_urca <- ur.df(y, type = type, lags = lags)@teststat[1]
  stopifnot(abs(t - t_urca) < 1e-9 * max(1, abs(t)))
  t
}
pp_zt <- function(y, exo, q) {
  n1 <- length(y)
  d <- data.frame(y = y[-1], ylag = y[-n1], trend = seq_len(n1 - 1))
  f <- switch(exo, none = y ~ ylag - 1, intercept = y ~ ylag, trend = y ~ ylag + trend)
  m <- lm(f, data = d)
  n <- nrow(d)
  u <- residuals(m)
  k <- length(coef(m))
  s <- sqrt(sum(u^2) / (n - k))
  rho <- coef(m)[["ylag"]]
  se <- coef(summary(m))["ylag", "Std. Error"]
  if (q < 0) q <- floor(4 * (n / 100)^(2 / 9))
  g0 <- sum(u^2) / n
  lam <- g0
  for (j in seq_len(q)) lam <- lam + 2 * (1 - j / (q + 1)) * sum(u[(j + 1):n] * u[1:(n - j)]) / n
  zt <- (rho - 1) / se * sqrt(g0 / lam) - 0.5 * (lam - g0) * (n * se / s) / sqrt(lam)
  c(zt = zt, q = q)
}
stata_cases <- list(grunfeld = c("inv", "value"), produc = c("lgsp", "unemp"), grunfeld_unbal = c("inv"),
                    empluk = c("emp", "wage"))
pp_urca <- list()
for (ds in names(stata_cases)) for (v in stata_cases[[ds]]) for (exo in c("none", "intercept", "trend")) {
  units <- unit_series(ds, v)
  lagset <- if (ds == "empluk") c(0, 1) else c(0, 1, 2)
  for (l in lagset) {
    t <- sapply(units, adf_t, lags = l, exo = exo)
    p <- mackinnon(t, exo)
    fc <- fisher_combine(p)
    for (nm in names(fc)) add("fisher-adf", ds, v, exo, l, "stata", nm, fc[[nm]])
    add_units("fisher-adf", ds, v, exo, l, "stata", "unitStatistic", t)
    add_units("fisher-adf", ds, v, exo, l, "stata", "unitP", p)
  }
  for (q in c(-1, 0, 1, 2)) {
    zq <- sapply(units, pp_zt, exo = exo, q = q)
    p <- mackinnon(zq["zt", ], exo)
    fc <- fisher_combine(p)
    lq <- if (q < 0) "default" else q
    for (nm in names(fc)) add("fisher-pp", ds, v, exo, lq, "stata", nm, fc[[nm]])
    add_units("fisher-pp", ds, v, exo, lq, "stata", "unitStatistic", zq["zt", ])
    add_units("fisher-pp", ds, v, exo, lq, "stata", "unitLag", zq["q", ])
    add_units("fisher-pp", ds, v, exo, lq, "stata", "unitP", p)
    if (exo != "none" && q > 0) {
      zu <- sapply(units, function(y) ur.pp(y, type = "Z-tau", model = if (exo == "trend") "trend" else "constant",
                                            use.lag = q)@teststat)
      pp_urca[[length(pp_urca) + 1]] <- data.frame(dataset = ds, variable = v, exo = exo, lags = q,
        maxAbsDiffZt = max(abs(zu - zq["zt", ])), maxAbsZt = max(abs(zq["zt", ])))
    }
  }
}

## ---------------------------------------------------------------- Dumitrescu-Hurlin (plm)
dh_cases <- list(list("grunfeld", "inv", "value"), list("grunfeld", "value", "inv"), list("grunfeld", "inv", "capital"),
                 list("produc", "lgsp", "lpcap"), list("produc", "unemp", "lemp"),
                 list("grunfeld_unbal", "inv", "value"), list("empluk", "emp", "wage"))
for (cs in dh_cases) {
  ds <- cs[[1]]; y <- cs[[2]]; x <- cs[[3]]
  f <- as.formula(paste(y, "~", x))
  for (K in 1:4) {
    variable <- paste0(x, "->", y)
    zt <- tryCatch(pgrangertest(f, data = panels[[ds]], test = "Ztilde", order = K), error = function(e) e)
    if (inherits(zt, "error")) {
      add("dh", ds, variable, "intercept", K, "plm", "ztildeError", NA)
      next
    }
    wb <- pgrangertest(f, data = panels[[ds]], test = "Wbar", order = K)
    add("dh", ds, variable, "intercept", K, "plm", "wbar", wb$statistic)
    add("dh", ds, variable, "intercept", K, "plm", "zbarTilde", zt$statistic)
    add("dh", ds, variable, "intercept", K, "plm", "pZbarTilde", zt$p.value)
    if (pdim(panels[[ds]])$balanced) {
      zb <- pgrangertest(f, data = panels[[ds]], test = "Zbar", order = K)
      add("dh", ds, variable, "intercept", K, "plm", "zbar", zb$statistic)
      add("dh", ds, variable, "intercept", K, "plm", "pZbar", zb$p.value)
    }
    add_units("dh", ds, variable, "intercept", K, "plm", "unitWald", wb$indgranger$Chisq)
    add_units("dh", ds, variable, "intercept", K, "plm", "unitP", wb$indgranger[["p-value"]])
  }
}

## ---------------------------------------------------------------- gaps: lags across a gap are missing (Stata's L. and D.)
# plm's lag()/diff() on a pdata.frame shift by time (shift = "time"), so a lag across a gap is NA; each unit's
# regression uses the complete rows. (plm's purtest and pgrangertest instead treat the rows as consecutive.)
gp <- panels$grunfeld_gaps
tl <- function(x, k) if (k == 0) x else plm::lag(x, k)
gap_unit_rows <- function(v) {
  y <- gp[[v]]
  d <- data.frame(unit = index(gp)[[1]], time = as.integer(as.character(index(gp)[[2]])),
                  y = as.numeric(y), ylag = as.numeric(tl(y, 1)), dy = as.numeric(diff(y)))
  for (j in 1:2) d[[paste0("dl", j)]] <- as.numeric(tl(diff(y), j))
  d
}
gap_adf <- function(d, lags, exo) {
  rhs <- c("ylag", if (lags > 0) paste0("dl", seq_len(lags)), if (exo == "trend") "time")
  f <- as.formula(paste("dy ~", paste(rhs, collapse = " + "), if (exo == "none") "- 1"))
  sapply(split(d, d$unit), function(u) {
    u <- u[complete.cases(u[, c("dy", rhs)]), ]
    m <- lm(f, data = u)
    c(t = coef(summary(m))["ylag", "t value"], n = nrow(u), k = length(coef(m)))
  })
}
gap_pp <- function(d, exo, q) {
  f <- switch(exo, none = y ~ ylag - 1, intercept = y ~ ylag, trend = y ~ ylag + time)
  sapply(split(d, d$unit), function(u) {
    u <- u[!is.na(u$ylag), ]
    m <- lm(f, data = u)
    n <- nrow(u); e <- residuals(m); k <- length(coef(m))
    s <- sqrt(sum(e^2) / (n - k)); se <- coef(summary(m))["ylag", "Std. Error"]; rho <- coef(m)[["ylag"]]
    if (q < 0) q <- floor(4 * (n / 100)^(2 / 9))
    g0 <- sum(e^2) / n; lam <- g0
    for (j in seq_len(q)) {
      pos <- match(u$time - j, u$time)
      lam <- lam + 2 * (1 - j / (q + 1)) * sum(e * e[pos], na.rm = TRUE) / n
    }
    c(zt = (rho - 1) / se * sqrt(g0 / lam) - 0.5 * (lam - g0) * (n * se / s) / sqrt(lam), q = q)
  })
}
for (v in c("inv", "value")) {
  d <- gap_unit_rows(v)
  for (exo in c("none", "intercept", "trend")) {
    for (l in 0:2) {
      tn <- gap_adf(d, l, exo)
      p <- mackinnon(tn["t", ], exo)
      fc <- fisher_combine(p)
      for (nm in names(fc)) add("fisher-adf", "grunfeld_gaps", v, exo, l, "stata", nm, fc[[nm]])
      add_units("fisher-adf", "grunfeld_gaps", v, exo, l, "stata", "unitStatistic", tn["t", ])
      add_units("fisher-adf", "grunfeld_gaps", v, exo, l, "stata", "unitP", p)
      if (exo != "none" && l < 2) {
        m <- mapply(function(L, lg) plm:::adj.ips.wtbar.value(L, lg, exo = exo), tn["n", ], l)
        # plm's convention (dfcor = FALSE): t with sigma^2 = rss/n
        tb <- mean(tn["t", ] * sqrt(tn["n", ] / (tn["n", ] - tn["k", ])))
        w <- sqrt(ncol(tn)) * (tb - mean(m[1, ])) / sqrt(mean(m[2, ]))
        add("ips", "grunfeld_gaps", v, exo, l, "gaps", "statistic", w)
        add("ips", "grunfeld_gaps", v, exo, l, "gaps", "p", pnorm(w))
        add("ips", "grunfeld_gaps", v, exo, l, "gaps", "tbar", tb)
      }
    }
    for (q in c(-1, 1, 2)) {
      zq <- gap_pp(d, exo, q)
      p <- mackinnon(zq["zt", ], exo)
      fc <- fisher_combine(p)
      lq <- if (q < 0) "default" else q
      for (nm in names(fc)) add("fisher-pp", "grunfeld_gaps", v, exo, lq, "stata", nm, fc[[nm]])
      add_units("fisher-pp", "grunfeld_gaps", v, exo, lq, "stata", "unitStatistic", zq["zt", ])
      add_units("fisher-pp", "grunfeld_gaps", v, exo, lq, "stata", "unitLag", zq["q", ])
    }
  }
}
for (cs in list(c("inv", "value"), c("value", "inv"))) {
  y <- gp[[cs[1]]]; x <- gp[[cs[2]]]
  for (K in 1:2) {
    d <- data.frame(unit = index(gp)[[1]], y = as.numeric(y))
    for (j in 1:K) { d[[paste0("yl", j)]] <- as.numeric(plm::lag(y, j)); d[[paste0("xl", j)]] <- as.numeric(plm::lag(x, j)) }
    res <- sapply(split(d, d$unit), function(u) {
      u <- u[complete.cases(u), ]
      full <- lm(as.formula(paste("y ~", paste(c(paste0("yl", 1:K), paste0("xl", 1:K)), collapse = " + "))), data = u)
      rest <- lm(as.formula(paste("y ~", paste(paste0("yl", 1:K), collapse = " + "))), data = u)
      w <- waldtest(full, rest, test = "Chisq")[2, "Chisq"]
      c(w = w, Ti = nrow(u) + K)
    })
    W <- res["w", ]; Ti <- res["Ti", ]; N <- length(W); wbar <- mean(W)
    zbar <- sqrt(N / (2 * K)) * (wbar - K)
    zt <- sqrt(N) * (wbar - mean(K * (Ti - 3 * K - 1) / (Ti - 3 * K - 3))) /
      sqrt(mean(2 * K * ((Ti - 3 * K - 1)^2 * (Ti - 2 * K - 3)) / ((Ti - 3 * K - 3)^2 * (Ti - 3 * K - 5))))
    variable <- paste0(cs[2], "->", cs[1])
    add("dh", "grunfeld_gaps", variable, "intercept", K, "gaps", "wbar", wbar)
    add("dh", "grunfeld_gaps", variable, "intercept", K, "gaps", "zbar", zbar)
    add("dh", "grunfeld_gaps", variable, "intercept", K, "gaps", "pZbar", 2 * pnorm(abs(zbar), lower.tail = FALSE))
    add("dh", "grunfeld_gaps", variable, "intercept", K, "gaps", "zbarTilde", zt)
    add("dh", "grunfeld_gaps", variable, "intercept", K, "gaps", "pZbarTilde", 2 * pnorm(abs(zt), lower.tail = FALSE))
    add_units("dh", "grunfeld_gaps", variable, "intercept", K, "gaps", "unitWald", W)
  }
}

## ---------------------------------------------------------------- Hausman (plm)
haus_cases <- list(list("grunfeld", inv ~ value + capital), list("grunfeld_unbal", inv ~ value + capital),
                   list("produc", lgsp ~ lpcap + lpc + lemp + unemp), list("empluk", emp ~ wage + capital))
for (cs in haus_cases) {
  ds <- cs[[1]]; f <- cs[[2]]
  variable <- deparse(f)
  fe <- plm(f, data = panels[[ds]], model = "within")
  re <- plm(f, data = panels[[ds]], model = "random")
  h <- phtest(fe, re)
  add("hausman", ds, variable, "-", 0, "chisq", "statistic", h$statistic)
  add("hausman", ds, variable, "-", 0, "chisq", "df", h$parameter)
  add("hausman", ds, variable, "-", 0, "chisq", "p", h$p.value)
  for (nm in names(coef(fe))) {
    add("hausman", ds, variable, "-", 0, "chisq", paste0("fe.coef.", nm), coef(fe)[[nm]])
    for (nm2 in names(coef(fe))) add("hausman", ds, variable, "-", 0, "chisq", paste0("fe.vcov.", nm, ".", nm2), vcov(fe)[nm, nm2])
  }
  for (nm in names(coef(re))) {
    add("hausman", ds, variable, "-", 0, "chisq", paste0("re.coef.", nm), coef(re)[[nm]])
    for (nm2 in names(coef(re))) add("hausman", ds, variable, "-", 0, "chisq", paste0("re.vcov.", nm, ".", nm2), vcov(re)[nm, nm2])
  }
  theta <- re$ercomp$theta
  th <- if (length(theta) == 1) rep(theta, pdim(panels[[ds]])$nT$n) else as.numeric(tapply(theta, index(re)[[1]], function(z) z[1]))
  add_units("hausman", ds, variable, "-", 0, "chisq", "theta", th, all = TRUE)
  a1 <- phtest(f, data = panels[[ds]], method = "aux")
  add("hausman", ds, variable, "-", 0, "aux-iid", "statistic", a1$statistic)
  add("hausman", ds, variable, "-", 0, "aux-iid", "df", a1$parameter)
  add("hausman", ds, variable, "-", 0, "aux-iid", "p", a1$p.value)
  a2 <- phtest(f, data = panels[[ds]], method = "aux", vcov = vcovHC)
  add("hausman", ds, variable, "-", 0, "aux-cluster", "statistic", a2$statistic)
  add("hausman", ds, variable, "-", 0, "aux-cluster", "df", a2$parameter)
  add("hausman", ds, variable, "-", 0, "aux-cluster", "p", a2$p.value)
}

## ---------------------------------------------------------------- write
g <- do.call(rbind, rows)
f <- file.path(out, "golden.csv")
writeLines(c("# golden values for dev.repro.estimate.paneltest, written by src/test/r/paneltest/golden.R", versions), f)
suppressWarnings(write.table(g, f, sep = ",", row.names = FALSE, append = TRUE, quote = TRUE))

f2 <- file.path(out, "mackinnon1996_vs_1994.csv")
writeLines(c("# plm purtest(test = 'madwu') P statistic with p.approx = 'MacKinnon1994' and plm's default with urca installed (MacKinnon 1996)", versions), f2)
suppressWarnings(write.table(do.call(rbind, mk96), f2, sep = ",", row.names = FALSE, append = TRUE))

f3 <- file.path(out, "pp_urca.csv")
writeLines(c("# largest |urca ur.pp Z-tau - Stata pperron Z(t)| over units (urca uses y_t, not y_{t-1}, in the correction)", versions), f3)
suppressWarnings(write.table(do.call(rbind, pp_urca), f3, sep = ",", row.names = FALSE, append = TRUE))
cat("wrote", nrow(g), "golden rows\n")
