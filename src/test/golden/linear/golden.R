# Golden values for dev.repro.estimate.linear (LinearModelGoldenTest).
# Run from the repository root:  Rscript src/test/golden/linear/golden.R (data: src/test/golden/datasets/).
# Writes src/test/golden/linear/golden.csv (long format) and golden_crosscheck.txt.
#
# Reference implementation: R plm (pooling / within / random with random.method = "swar"), with the
# heteroskedasticity- and cluster-robust pieces taken from plm's vcovHC/vcovDC in their unadjusted HC0
# form. The Stata small-sample factors (regress / xtreg, fe / reghdfe; see docs/linear.md) are then
# applied EXPLICITLY below, so that each convention is visible in one line:
#   iid     V = SSR/(N - k - A) (X~'X~)^-1,             A = rank of the absorbed dummies (1 for pooled OLS)
#   hc1     V = N/(N - K) V_HC0,                         K = k + A
#   cluster V = G/(G-1) (N-1)/(N-K) V_HC0(g),            K = k + rank of the effects NOT nested in g (>= 1)
#   2-way   V = Gmin/(Gmin-1) (N-1)/(N-K) (V_g1 + V_g2 - V_g1#g2), K with effects nested in g1 or g2 removed
# plm's own conventions (type = "sss", "HC1", vcovDC) and the unadjusted HC0 are recorded as dof = plm / none;
# fixest's default small-sample conventions (fixest is not packaged for this R) are written out as dof = fixest.
# Coefficients of every fixed-effects model are cross-checked against lm() with factor dummies.
suppressPackageStartupMessages({ library(plm); library(sandwich); library(lmtest) })
res_dir <- "src/test/golden/linear"
data_dir <- "src/test/golden/datasets"
rows <- list()
add <- function(dataset, sample, model, vcov, dof, quantity, term, value) {
  rows[[length(rows) + 1L]] <<- data.frame(dataset = dataset, sample = sample, model = model, vcov = vcov,
    dof = dof, quantity = quantity, term = term, value = trimws(formatC(value, digits = 17, format = "g")),
    stringsAsFactors = FALSE)
}
cross <- character()
check <- function(label, a, b) {
  d <- max(abs(a - b) / pmax(abs(b), 1e-300))
  cross <<- c(cross, sprintf("%-60s max rel diff %.3e", label, d))
}

grunfeld <- read.csv(file.path(data_dir, "grunfeld.csv"))
grunfeld <- data.frame(id = grunfeld$firm, year = grunfeld$year, y = grunfeld$inv,
                       x1 = grunfeld$value, x2 = grunfeld$capital)
produc <- read.csv(file.path(data_dir, "produc.csv"))
produc <- data.frame(id = produc$state, year = produc$year, y = log(produc$gsp), x1 = log(produc$pc),
                     x2 = log(produc$emp), x3 = produc$unemp)
sets <- list(
  grunfeld = list(data = grunfeld, terms = c("value", "capital")),
  produc = list(data = produc, terms = c("log(pc)", "log(emp)", "unemp")))

# samples: full; unbal = drop every 7th row (rows 7, 14, ... in file order); short = first 3 years
samples <- list(
  full = function(d) d,
  unbal = function(d) d[seq_len(nrow(d)) %% 7L != 0L, ],
  short = function(d) d[d$year <= min(d$year) + 2L, ])

dummy_rank <- function(d, effects) {
  if (length(effects) == 0L) return(1L)
  f <- as.formula(paste("~", paste(sprintf("factor(%s)", effects), collapse = " + ")))
  qr(model.matrix(f, d))$rank
}
nested_in <- function(fe, cl) all(tapply(cl, fe, function(v) length(unique(v))) == 1L)
wald_f <- function(b, V) {
  # Stata leaves F missing when the covariance of the slopes is singular (e.g. fewer clusters than slopes)
  ev <- eigen(cov2cor(V), symmetric = TRUE, only.values = TRUE)$values
  if (min(ev) < 1e-12 * max(ev)) return(NaN)
  as.numeric(t(b) %*% solve(V, b)) / length(b)
}

for (ds in names(sets)) {
  for (sm in names(samples)) {
    d <- samples[[sm]](sets[[ds]]$data)
    terms <- sets[[ds]]$terms
    xs <- paste0("x", seq_along(terms))
    f <- as.formula(paste("y ~", paste(xs, collapse = " + ")))
    pd <- pdata.frame(d, index = c("id", "year"))
    N <- nrow(d)
    tss <- sum((d$y - mean(d$y))^2)
    for (mod in c("ols", "fe1", "fe2")) {
      m <- switch(mod,
        ols = plm(f, pd, model = "pooling"),
        fe1 = plm(f, pd, model = "within", effect = "individual"),
        fe2 = plm(f, pd, model = "within", effect = "twoways"))
      absorb <- switch(mod, ols = character(), fe1 = "id", fe2 = c("id", "year"))
      if (mod != "ols") {
        lf <- as.formula(paste("y ~", paste(c(xs, sprintf("factor(%s)", absorb)), collapse = " + ")))
        check(paste(ds, sm, mod, "coef plm vs lm dummies"), coef(m)[xs], coef(lm(lf, d))[xs])
      }
      b <- coef(m)
      X <- model.matrix(m)
      e <- as.numeric(residuals(m))
      k <- length(xs)
      A <- dummy_rank(d, absorb)
      Asimple <- if (length(absorb) == 0L) 1L else sum(sapply(absorb, function(a) length(unique(d[[a]])))) - (length(absorb) - 1L)
      check(paste(ds, sm, mod, "rank of dummies vs simple count"), A, Asimple)
      dfr <- N - k - A
      ssr <- sum(e^2)
      bread <- solve(crossprod(X))
      ord <- c(xs, if (mod == "ols") "(Intercept)")
      names_out <- c(terms, if (mod == "ols") "(Intercept)")
      r2 <- 1 - ssr / tss
      r2w <- if (mod == "ols") r2 else as.numeric(r.squared(m))
      if (mod != "ols") check(paste(ds, sm, mod, "plm r.squared vs 1-SSR/sum(y~^2)"), r2w,
                              1 - ssr / sum(as.numeric(pmodel.response(m))^2))
      V0 <- list(
        hc = vcovHC(m, method = "white1", type = "HC0"),
        id = vcovHC(m, method = "arellano", type = "HC0", cluster = "group"),
        year = vcovHC(m, method = "arellano", type = "HC0", cluster = "time"))
      # manual HC0 meat as a cross-check of plm's pieces
      manual <- function(cl) { S <- rowsum(X * e, cl); bread %*% crossprod(S) %*% bread }
      check(paste(ds, sm, mod, "plm HC0 cluster(id) vs manual"), V0$id, manual(d$id))
      check(paste(ds, sm, mod, "plm HC0 cluster(year) vs manual"), V0$year, manual(d$year))
      check(paste(ds, sm, mod, "plm HC0 white vs manual"), V0$hc, manual(seq_len(N)))
      check(paste(ds, sm, mod, "vcovDC HC0 vs pieces"), vcovDC(m, type = "HC0"), V0$id + V0$year - V0$hc)
      G <- c(id = length(unique(d$id)), year = length(unique(d$year)))
      kcl <- function(cls) {
        if (mod == "ols") return(k + 1L)
        nn <- absorb[!sapply(absorb, function(a) any(sapply(cls, function(g) nested_in(d[[a]], d[[g]]))))]
        k + (if (length(nn) == 0L) 1L else dummy_rank(d, nn))
      }
      out <- list()
      # STATA
      out[["iid|stata"]] <- list(V = ssr / dfr * bread, df = dfr)
      out[["hc1|stata"]] <- list(V = V0$hc * N / (N - (k + A)), df = dfr)
      for (g in c("id", "year")) {
        K <- kcl(g)
        out[[sprintf("cluster(%s)|stata", g)]] <- list(V = V0[[g]] * G[[g]] / (G[[g]] - 1) * (N - 1) / (N - K),
                                                      df = min(dfr, G[[g]] - 1))
      }
      K2 <- kcl(c("id", "year")); Gmin <- min(G)
      out[["cluster(id, year)|stata"]] <- list(V = (V0$id + V0$year - V0$hc) * Gmin / (Gmin - 1) * (N - 1) / (N - K2),
                                               df = min(dfr, Gmin - 1))
      # FIXEST (fixest's default ssc: fixef.K = "nested", cluster.df = "min", t.df = "min"): as STATA but the
      # absorbed levels counted as sum(levels) - (number of effects - 1), and t on G - 1 (Gmin - 1) when clustered
      kclf <- function(cls) {
        if (mod == "ols") return(k + 1L)
        nn <- absorb[!sapply(absorb, function(a) any(sapply(cls, function(g) nested_in(d[[a]], d[[g]]))))]
        k + (if (length(nn) == 0L) 1L else sum(sapply(nn, function(a) length(unique(d[[a]])))) - (length(nn) - 1L))
      }
      out[["iid|fixest"]] <- list(V = ssr / (N - k - Asimple) * bread, df = N - k - Asimple)
      out[["hc1|fixest"]] <- list(V = V0$hc * N / (N - (k + Asimple)), df = N - k - Asimple)
      Kf <- kclf("id")
      out[["cluster(id)|fixest"]] <- list(V = V0$id * G[["id"]] / (G[["id"]] - 1) * (N - 1) / (N - Kf), df = G[["id"]] - 1)
      Kf2 <- kclf(c("id", "year"))
      out[["cluster(id, year)|fixest"]] <- list(V = (V0$id + V0$year - V0$hc) * Gmin / (Gmin - 1) * (N - 1) / (N - Kf2),
                                                df = Gmin - 1)
      # PLM (plm's own functions) and NONE (HC0)
      dfp <- df.residual(m)
      out[["iid|plm"]] <- list(V = vcov(m), df = dfp)
      out[["hc1|plm"]] <- list(V = vcovHC(m, method = "white1", type = "HC1"), df = dfp)
      out[["cluster(id)|plm"]] <- list(V = vcovHC(m, method = "arellano", type = "sss", cluster = "group"), df = dfp)
      out[["cluster(year)|plm"]] <- list(V = vcovHC(m, method = "arellano", type = "sss", cluster = "time"), df = dfp)
      out[["cluster(id, year)|plm"]] <- list(V = vcovDC(m, type = "sss"), df = dfp)
      out[["hc1|none"]] <- list(V = V0$hc, df = dfp)
      out[["cluster(id)|none"]] <- list(V = V0$id, df = dfp)
      out[["cluster(id, year)|none"]] <- list(V = V0$id + V0$year - V0$hc, df = dfp)
      for (key in names(out)) {
        parts <- strsplit(key, "|", fixed = TRUE)[[1]]
        V <- out[[key]]$V[ord, ord]
        se <- sqrt(diag(V))
        for (j in seq_along(ord)) {
          add(ds, sm, mod, parts[1], parts[2], "estimate", names_out[j], b[[ord[j]]])
          add(ds, sm, mod, parts[1], parts[2], "stdError", names_out[j], se[j])
        }
        add(ds, sm, mod, parts[1], parts[2], "dfTest", "", out[[key]]$df)
        add(ds, sm, mod, parts[1], parts[2], "F", "", wald_f(b[xs], V[xs, xs]))
      }
      add(ds, sm, mod, "iid", "stata", "nobs", "", N)
      add(ds, sm, mod, "iid", "stata", "dfResid", "", dfr)
      add(ds, sm, mod, "iid", "plm", "dfResid", "", dfp)
      add(ds, sm, mod, "iid", "stata", "r2", "", r2)
      add(ds, sm, mod, "iid", "stata", "r2Within", "", r2w)
      add(ds, sm, mod, "iid", "stata", "adjR2", "", 1 - (1 - r2) * (N - 1) / dfr)
      if (mod == "ols") check(paste(ds, sm, "ols adj R2 vs lm"), 1 - (1 - r2) * (N - 1) / dfr,
                              summary(lm(f, d))$adj.r.squared)
    }
    # random effects, Swamy-Arora (plm)
    re <- plm(f, pd, model = "random", random.method = "swar")
    fe <- plm(f, pd, model = "within", effect = "individual")
    b <- coef(re)
    ord <- c(xs, "(Intercept)")
    names_out <- c(terms, "(Intercept)")
    er <- ercomp(re)
    outs <- list("iid|plm" = vcov(re),
                 "cluster(id)|plm" = vcovHC(re, method = "arellano", type = "sss", cluster = "group"),
                 "cluster(id)|none" = vcovHC(re, method = "arellano", type = "HC0", cluster = "group"))
    for (key in names(outs)) {
      parts <- strsplit(key, "|", fixed = TRUE)[[1]]
      V <- outs[[key]][ord, ord]
      for (j in seq_along(ord)) {
        add(ds, sm, "re", parts[1], parts[2], "estimate", names_out[j], b[[ord[j]]])
        add(ds, sm, "re", parts[1], parts[2], "stdError", names_out[j], sqrt(V[j, j]))
      }
      add(ds, sm, "re", parts[1], parts[2], "dfTest", "", df.residual(re))
    }
    add(ds, sm, "re", "iid", "plm", "nobs", "", N)
    add(ds, sm, "re", "iid", "plm", "dfResid", "", df.residual(re))
    add(ds, sm, "re", "iid", "plm", "sigma2Idiosyncratic", "", er$sigma2[["idios"]])
    add(ds, sm, "re", "iid", "plm", "sigma2Individual", "", er$sigma2[["id"]])
    add(ds, sm, "re", "iid", "plm", "thetaMin", "", min(er$theta))
    add(ds, sm, "re", "iid", "plm", "thetaMax", "", max(er$theta))
    add(ds, sm, "re", "iid", "plm", "r2", "", as.numeric(r.squared(re)))
    add(ds, sm, "re", "iid", "plm", "hausman", "", as.numeric(phtest(fe, re)$statistic))
    # Stata xtreg, re within R^2: corr(within y, within X b_RE)^2
    yw <- as.numeric(Within(pd$y)); Xw <- sapply(xs, function(v) as.numeric(Within(pd[[v]])))
    add(ds, sm, "re", "iid", "plm", "r2Within", "", cor(yw, Xw %*% b[xs])^2)
  }
}
golden <- do.call(rbind, rows)
con <- file(file.path(res_dir, "golden.csv"), "w")
writeLines(c(sprintf("# generator: src/test/golden/linear/golden.R; %s; plm %s; sandwich %s; lmtest %s",
                     R.version.string, packageVersion("plm"), packageVersion("sandwich"), packageVersion("lmtest")),
             "# data: plm::Grunfeld (inv ~ value + capital), plm::Produc (log(gsp) ~ log(pc) + log(emp) + unemp)"), con)
write.csv(golden, con, row.names = FALSE, quote = TRUE)
close(con)
writeLines(c(sprintf("# generator: src/test/golden/linear/golden.R; %s; plm %s", R.version.string, packageVersion("plm")), cross),
           file.path(res_dir, "golden_crosscheck.txt"))
cat(length(rows), "golden rows;", "worst cross-check:", max(as.numeric(sub(".*diff ", "", cross))), "\n")
