# Golden values for dev.repro.index.entropy.EntropyIndex, computed independently in R with the textbook
# formulas: min-max normalisation by direction, p_ij = x'_ij / sum_i x'_ij, e_j = -(1/ln n) sum_i p_ij ln p_ij,
# d_j = 1 - e_j, w_j = d_j / sum d, composite sum_j w_j x'_ij.
# Data: plm::Produc (Munnell 1990, 48 US states 1970-1986) plus a 0/1 indicator 'ftz' (1 for regions 1 and 2
# from 1980 on) that is constant within the early years, to exercise the constant-indicator rule.
# Run from the repository root: Rscript src/test/golden/index/entropy.R (writes produc_ftz.csv and golden-entropy.json)
suppressPackageStartupMessages({library(plm); library(jsonlite)})
data("Produc", package = "plm")
d <- data.frame(state = as.character(Produc$state), year = Produc$year, region = as.character(Produc$region),
                pcap = Produc$pcap, hwy = Produc$hwy, water = Produc$water, util = Produc$util, pc = Produc$pc,
                gsp = Produc$gsp, emp = Produc$emp, unemp = Produc$unemp)
d$ftz <- as.numeric(d$region %in% c("1", "2") & d$year >= 1980)
write.csv(d, "src/test/golden/index/produc_ftz.csv", row.names = FALSE, quote = FALSE)

indicators <- c("pcap", "hwy", "water", "util", "pc", "gsp", "emp", "unemp", "ftz")
negative <- c("unemp")

entropy_scope <- function(X, zeros, shift, score) {
  n <- nrow(X)
  out <- list(); norm <- matrix(0, n, ncol(X))
  e <- numeric(ncol(X))
  for (j in seq_len(ncol(X))) {
    x <- X[, j]; lo <- min(x); hi <- max(x)
    if (hi > lo) {
      xn <- if (colnames(X)[j] %in% negative) (hi - x) / (hi - lo) else (x - lo) / (hi - lo)
    } else {
      xn <- rep(0, n)
    }
    norm[, j] <- xn
    q <- if (zeros == "shift") xn + shift else xn
    if (sum(q) == 0) {
      e[j] <- 1
    } else {
      p <- q / sum(q)
      terms <- ifelse(p > 0, p * log(p), 0)
      e[j] <- -sum(terms) / log(n)
    }
  }
  dj <- 1 - e
  w <- dj / sum(dj)
  s <- if (score == "shifted") (norm + shift) %*% w else norm %*% w
  list(e = e, d = dj, w = w, score = as.numeric(s))
}

run <- function(weighting, zeros, shift, score) {
  X <- as.matrix(d[, indicators])
  idx <- rep(NA_real_, nrow(d))
  weights <- list()
  scopes <- if (weighting == "pooled") list(all = seq_len(nrow(d))) else split(seq_len(nrow(d)), d$year)
  for (nm in names(scopes)) {
    rows <- scopes[[nm]]
    r <- entropy_scope(X[rows, , drop = FALSE], zeros, shift, score)
    idx[rows] <- r$score
    weights[[length(weights) + 1]] <- data.frame(scope = nm, indicator = indicators, entropy = r$e,
                                                 divergence = r$d, weight = r$w)
  }
  years <- do.call(rbind, lapply(split(idx, d$year), function(v)
    data.frame(n = length(v), mean = mean(v), sd = sd(v), min = min(v), max = max(v))))
  years$year <- rownames(years)
  list(weights = do.call(rbind, weights), index = idx, years = years)
}

configs <- list(
  pooled_shift = list("pooled", "shift", 1e-4, "normalized"),
  pooled_limit = list("pooled", "limit", 0, "normalized"),
  pooled_shift_scored = list("pooled", "shift", 1e-4, "shifted"),
  peryear_shift = list("per-year", "shift", 1e-4, "normalized"),
  peryear_limit = list("per-year", "limit", 0, "normalized"),
  pooled_shift1 = list("pooled", "shift", 1, "normalized"))
res <- lapply(configs, function(cfg) run(cfg[[1]], cfg[[2]], cfg[[3]], cfg[[4]]))
out <- list(
  generator = sprintf("src/test/golden/index/entropy.R; R %s.%s; plm %s; jsonlite %s", R.version$major, R.version$minor,
                      packageVersion("plm"), packageVersion("jsonlite")),
  data = "plm::Produc with ftz = region in {1,2} and year >= 1980; negative indicator: unemp",
  configs = lapply(names(configs), function(nm) c(list(name = nm, weighting = configs[[nm]][[1]], zeros = configs[[nm]][[2]],
                                                      shift = configs[[nm]][[3]], score = configs[[nm]][[4]]), res[[nm]])))
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, dataframe = "rows", pretty = TRUE),
           "src/test/golden/index/golden-entropy.json")
