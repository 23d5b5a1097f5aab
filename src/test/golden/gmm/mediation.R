# Golden values for dev.repro.estimate.mediation (MediationGoldenTest), computed independently in R:
# lm() with factor dummies for the absorbed effects, the covariance conventions of docs/linear.md written out
# (iid: lm; hc1: sandwich HC1; cluster(g): G/(G-1) (N-1)/(N-K) HC0-cluster with K = slopes + 1 + levels of the
# effects not nested in g less one each, t on G-1 df), product-of-coefficients mediation with Sobel (1982),
# Aroian (1947) and Goodman (1960) tests, the chain's delta-method SE, and a cluster bootstrap whose draws come
# from an R re-implementation of SplitMix64 (16-bit limbs) with the plugin's seeding rule, every replicate
# refitted by lm() with new ids for repeated units; intervals: quantile type 7 percentile and bias-corrected.
# Run from the repository root:  Rscript src/test/golden/gmm/mediation.R (data: src/test/golden/datasets/).
suppressPackageStartupMessages({ library(sandwich) })
dir <- "src/test/golden/gmm"
specs <- read.delim(file.path(dir, "mediation_specs.tsv"), stringsAsFactors = FALSE, quote = "", na.strings = character())
SEED <- 20250521; LEVEL <- 0.95

## ---- SplitMix64 on 4 limbs of 16 bits (low first) ----
limbs <- function(hex) { hex <- sprintf("%016s", hex); hex <- gsub(" ", "0", hex)
  rev(sapply(0:3, function(i) strtoi(substr(hex, 1 + 4 * i, 4 + 4 * i), 16L))) }
from_num <- function(x) { out <- numeric(4); for (i in 1:4) { out[i] <- x %% 65536; x <- x %/% 65536 }; out }
norm4 <- function(acc) { for (k in 1:4) { carry <- acc[k] %/% 65536; acc[k] <- acc[k] %% 65536
  if (k < 4) acc[k + 1] <- acc[k + 1] + carry }; acc }
add64 <- function(a, b) norm4(a + b)
mul64 <- function(a, b) { acc <- numeric(4)
  for (i in 1:4) for (j in 1:(5 - i)) { p <- a[i] * b[j]; k <- i + j - 1
    acc[k] <- acc[k] + p %% 65536; if (k < 4) acc[k + 1] <- acc[k + 1] + p %/% 65536 }
  norm4(acc) }
bits <- function(a) unlist(lapply(a, function(v) as.integer(intToBits(as.integer(v)))[1:16]))
unbits <- function(b) sapply(0:3, function(i) sum(b[(16 * i + 1):(16 * i + 16)] * 2^(0:15)))
shr <- function(a, s) { b <- bits(a); unbits(c(b[(s + 1):64], rep(0L, s))) }
xor64 <- function(a, b) as.numeric(bitwXor(as.integer(a), as.integer(b)))
M1 <- limbs("BF58476D1CE4E5B9"); M2 <- limbs("94D049BB133111EB"); GOLDEN <- limbs("9E3779B97F4A7C15")
mix <- function(z) { z <- mul64(xor64(z, shr(z, 30)), M1); z <- mul64(xor64(z, shr(z, 27)), M2); xor64(z, shr(z, 31)) }
draw_units <- function(seed, b, G) {
  state <- mix(add64(from_num(seed), mul64(GOLDEN, from_num(b + 1))))
  out <- integer(G)
  for (g in 1:G) repeat {
    state <- add64(state, GOLDEN); v <- shr(mix(state), 33); bits31 <- v[1] + v[2] * 65536
    val <- bits31 %% G
    if (bits31 - val + (G - 1) <= 2^31 - 1) { out[g] <- val; break }
  }
  out }

## ---- regressions ----
term_col <- function(d, t) eval(parse(text = t), d)
fit_eq <- function(d, dep, regs, absorb, vcov) {
  X <- sapply(regs, function(t) term_col(d, t)); colnames(X) <- paste0("v", seq_along(regs))
  df <- data.frame(yy = term_col(d, dep), X)
  rhs <- colnames(X)
  for (a in absorb) { df[[a]] <- factor(d[[a]]); rhs <- c(rhs, a) }
  fit <- lm(as.formula(paste("yy ~", paste(rhs, collapse = " + "))), data = df)
  N <- nobs(fit); k <- length(regs)
  if (vcov == "iid") { V <- vcov(fit); dfr <- fit$df.residual
  } else if (vcov == "hc1") { V <- vcovHC(fit, type = "HC1"); dfr <- fit$df.residual
  } else { g <- sub("cluster\\((.*)\\)", "\\1", vcov); cl <- d[[g]]; G <- length(unique(cl))
    nested <- sapply(absorb, function(a) all(tapply(d[[a]], d[[a]], function(z) TRUE)) &&
      all(tapply(cl, d[[a]], function(z) length(unique(z)) == 1)))
    K <- k + 1 + sum(sapply(absorb[!nested], function(a) length(unique(d[[a]])) - 1))
    V <- vcovCL(fit, cluster = cl, type = "HC0", cadjust = FALSE) * G / (G - 1) * (N - 1) / (N - K); dfr <- G - 1 }
  b <- coef(fit)[colnames(X)]; se <- sqrt(diag(V)[colnames(X)]); t <- b / se
  names(b) <- names(se) <- names(t) <- regs
  list(b = b, se = se, t = t, p = 2 * pt(-abs(t), dfr)) }
coefs_only <- function(d, dep, regs, absorb) {
  X <- sapply(regs, function(t) term_col(d, t)); colnames(X) <- paste0("v", seq_along(regs))
  df <- data.frame(yy = term_col(d, dep), X); rhs <- colnames(X)
  for (a in absorb) { df[[a]] <- factor(d[[a]]); rhs <- c(rhs, a) }
  b <- coef(lm(as.formula(paste("yy ~", paste(rhs, collapse = " + "))), data = df))[colnames(X)]; names(b) <- regs; b }

rows <- list()
add <- function(id, key, value) rows[[length(rows) + 1L]] <<- data.frame(id = id, key = key,
  value = trimws(formatC(value, digits = 17, format = "g")), stringsAsFactors = FALSE)
ntest <- function(id, key, est, se) { z <- est / se; add(id, paste0(key, ".se"), se); add(id, paste0(key, ".z"), z)
  add(id, paste0(key, ".p"), 2 * pnorm(-abs(z))) }
coefrow <- function(id, key, f, term) { add(id, paste0(key, ".estimate"), f$b[[term]]); add(id, paste0(key, ".stdError"), f$se[[term]])
  add(id, paste0(key, ".t"), f$t[[term]]); add(id, paste0(key, ".p"), f$p[[term]]) }
stats <- function(d, X, M, Y, C, absorb) {  # the bootstrap statistics, as the plugin orders them
  cc <- coefs_only(d, Y, c(X, C), absorb)[[X]]
  a1 <- coefs_only(d, M[1], c(X, C), absorb)[[X]]
  o <- coefs_only(d, Y, c(X, M, C), absorb)
  if (length(M) == 1) return(c(a1 * o[[M[1]]], o[[X]], cc))
  f2 <- coefs_only(d, M[2], c(X, M[1], C), absorb)
  chain <- a1 * f2[[M[1]]] * o[[M[2]]]; s1 <- a1 * o[[M[1]]]; s2 <- f2[[X]] * o[[M[2]]]
  c(chain, o[[X]], cc, s1, s2, chain + s1 + s2) }

for (i in seq_len(nrow(specs))) {
  s <- specs[i, ]; id <- s$id
  d <- read.csv(file.path("src/test/golden/datasets", paste0(s$dataset, ".csv")))
  split <- function(x) if (is.na(x) || x == "") character() else strsplit(x, ",")[[1]]
  X <- s$treatment; M <- split(s$mediators); Y <- s$outcome; C <- split(s$controls); A <- split(s$absorb)
  tot <- fit_eq(d, Y, c(X, C), A, s$vcov); coefrow(id, "c", tot, X)
  if (length(M) == 1) {
    fa <- fit_eq(d, M, c(X, C), A, s$vcov); fo <- fit_eq(d, Y, c(X, M, C), A, s$vcov)
    coefrow(id, "a", fa, X); coefrow(id, "b", fo, M); coefrow(id, "cPrime", fo, X)
    a <- fa$b[[X]]; b <- fo$b[[M]]; sa <- fa$se[[X]]; sb <- fo$se[[M]]; ind <- a * b
    add(id, "indirect.estimate", ind)
    ntest(id, "indirect.sobel", ind, sqrt(b^2 * sa^2 + a^2 * sb^2))
    ntest(id, "indirect.aroian", ind, sqrt(b^2 * sa^2 + a^2 * sb^2 + sa^2 * sb^2))
    ntest(id, "indirect.goodman", ind, sqrt(b^2 * sa^2 + a^2 * sb^2 - sa^2 * sb^2))
    add(id, "proportionMediated", ind / tot$b[[X]])
    ests <- c(ind, fo$b[[X]], tot$b[[X]])
  } else {
    f1 <- fit_eq(d, M[1], c(X, C), A, s$vcov); f2 <- fit_eq(d, M[2], c(X, M[1], C), A, s$vcov)
    fo <- fit_eq(d, Y, c(X, M, C), A, s$vcov)
    coefrow(id, "a1", f1, X); coefrow(id, "a2", f2, X); coefrow(id, "d21", f2, M[1])
    coefrow(id, "b1", fo, M[1]); coefrow(id, "b2", fo, M[2]); coefrow(id, "cPrime", fo, X)
    a1 <- f1$b[[X]]; d21 <- f2$b[[M[1]]]; b2 <- fo$b[[M[2]]]; ind <- a1 * d21 * b2
    add(id, "indirect.estimate", ind)
    ntest(id, "indirect.delta", ind, sqrt((d21 * b2)^2 * f1$se[[X]]^2 + (a1 * b2)^2 * f2$se[[M[1]]]^2 + (a1 * d21)^2 * fo$se[[M[2]]]^2))
    s1 <- a1 * fo$b[[M[1]]]; s2 <- f2$b[[X]] * b2
    add(id, "indirectM1.estimate", s1); add(id, "indirectM2.estimate", s2); add(id, "totalIndirect.estimate", ind + s1 + s2)
    add(id, "proportionMediated", (ind + s1 + s2) / tot$b[[X]])
    ests <- c(ind, fo$b[[X]], tot$b[[X]], s1, s2, ind + s1 + s2)
  }
  B <- as.integer(s$bootstrap)
  if (B > 0) {
    unit <- names(d)[1]; units <- sort(unique(d[[unit]])); G <- length(units)
    reps <- matrix(NA_real_, B, length(ests))
    for (b in 0:(B - 1)) {
      dr <- draw_units(SEED, b, G)
      if (b < 3) add(id, sprintf("draws.%d", b), paste(dr, collapse = " "))
      parts <- lapply(seq_len(G), function(k) { r <- d[d[[unit]] == units[dr[k] + 1], ]; r[[unit]] <- k; r })
      reps[b + 1, ] <- stats(do.call(rbind, parts), X, M, Y, C, A)
    }
    targets <- if (length(M) == 1) c("indirect", "direct", "total") else
      c("indirect", "direct", "total", "indirectM1", "indirectM2", "totalIndirect")
    for (j in seq_along(targets)) {
      r <- sort(reps[, j]); key <- targets[j]; est <- ests[j]; se <- sd(r)
      add(id, paste0(key, ".se"), se); add(id, paste0(key, ".p"), 2 * pnorm(-abs(est / se)))
      q <- quantile(r, c((1 - LEVEL) / 2, 1 - (1 - LEVEL) / 2), type = 7, names = FALSE)
      add(id, paste0(key, ".percentile.0"), q[1]); add(id, paste0(key, ".percentile.1"), q[2])
      z0 <- qnorm(mean(r < est)); za <- qnorm((1 - LEVEL) / 2)
      bc <- quantile(r, pnorm(c(2 * z0 + za, 2 * z0 - za)), type = 7, names = FALSE)
      add(id, paste0(key, ".bc.0"), bc[1]); add(id, paste0(key, ".bc.1"), bc[2])
      add(id, paste0(key, ".pPercentile"), min(1, 2 * min(sum(r <= 0), sum(r >= 0)) / B))
      if (j == 1) add(id, "replicate.0", reps[1, 1])
    }
  }
  cat(id, "done\n")
}
out <- do.call(rbind, rows)
con <- file(file.path(dir, "mediation_golden.csv"), "w")
writeLines(sprintf("# generator: src/test/golden/gmm/mediation.R; %s; sandwich %s", R.version.string, packageVersion("sandwich")), con)
write.csv(out, con, row.names = FALSE)
close(con)
