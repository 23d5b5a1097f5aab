# R anchor for the high-dimensional benchmark (bench/linear/README.md):
#   Rscript bench/linear/anchor.R target/bench-linear/hd.csv [threads]
# data.table::fread reads the CSV; collapse::fwithin demeans by product and by region-year in turn
# (plain alternating projections, as collapse/fixest users write them) until the largest change is
# below 1e-10; the slopes then come from QR on the demeaned columns. Prints the same timings as the Java run.
suppressPackageStartupMessages({ library(data.table); library(collapse) })
args <- commandArgs(trailingOnly = TRUE)
path <- if (length(args) >= 1) args[1] else "target/bench-linear/hd.csv"
threads <- if (length(args) >= 2) as.integer(args[2]) else 2L
setDTthreads(threads)
t0 <- proc.time()[["elapsed"]]
d <- fread(path)
t1 <- proc.time()[["elapsed"]]
g1 <- GRP(d$product)
g2 <- GRP(d$regionyear)
demean <- function(v, tol = 1e-10, maxit = 10000L) {
  for (it in seq_len(maxit)) {
    v0 <- v
    v <- fwithin(fwithin(v, g1), g2)
    if (max(abs(v - v0)) < tol) return(list(v = v, it = it))
  }
  stop("alternating projections did not converge")
}
yd <- demean(d$y); x1d <- demean(d$x1); x2d <- demean(d$x2)
X <- cbind(x1 = x1d$v, x2 = x2d$v)
b <- qr.coef(qr(X), yd$v)
t2 <- proc.time()[["elapsed"]]
cat(sprintf("R: rows %d, products %d, region-years %d; data.table %s, collapse %s, %s\n", nrow(d),
            length(unique(d$product)), length(unique(d$regionyear)), packageVersion("data.table"),
            packageVersion("collapse"), R.version.string))
cat(sprintf("R: %-3s %.10f\n", names(b), b), sep = "")
cat(sprintf("R: alternating-projection iterations y %d, x1 %d, x2 %d\n", yd$it, x1d$it, x2d$it))
cat(sprintf("R: read %.2f s, fit %.2f s, total %.2f s\n", t1 - t0, t2 - t1, t2 - t0))
