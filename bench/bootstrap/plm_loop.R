# The R comparison of bench/bootstrap: the same cluster bootstrap written as a plain plm loop (what an applied
# user would write): draw 30 units with replacement, give the copies new ids, refit the two-way within model.
# Usage: Rscript bench/bootstrap/plm_loop.R FILE [replications]   (timed with system.time; also lm() with dummies)
suppressPackageStartupMessages(library(plm))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1]); B <- if (length(args) > 1) as.integer(args[2]) else 500L
units <- unique(d$unit); G <- length(units)
byunit <- split(d, d$unit)[as.character(units)]
f <- y ~ x1 + x2 + x3 + x4 + x5 + x6
set.seed(20250521)
resample <- function() { dr <- sample.int(G, G, replace = TRUE)
  do.call(rbind, lapply(seq_len(G), function(k) { r <- byunit[[dr[k]]]; r$unit <- k; r })) }
tp <- system.time(bp <- t(replicate(B, coef(plm(f, data = resample(), index = c("unit", "year"),
                                               model = "within", effect = "twoways")))))
tl <- system.time(bl <- t(replicate(B, coef(lm(update(f, . ~ . + factor(unit) + factor(year)), data = resample()))[2:7])))
cat(sprintf("R %s, plm %s: %d replications\n", getRversion(), packageVersion("plm"), B))
cat(sprintf("plm loop: %.2f s (%.2f ms per replicate; 5000 replicates ~ %.1f s)\n", tp[["elapsed"]], 1000 * tp[["elapsed"]] / B,
            5000 * tp[["elapsed"]] / B))
cat(sprintf("lm loop:  %.2f s (%.2f ms per replicate; 5000 replicates ~ %.1f s)\n", tl[["elapsed"]], 1000 * tl[["elapsed"]] / B,
            5000 * tl[["elapsed"]] / B))
cat("bootstrap SEs (plm):", sprintf("%.4f", apply(bp, 2, sd)), "\n")
