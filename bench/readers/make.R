# The data of ReadersBench: a panel of 5 million rows (50,000 units x 100 years; text unit, integer year,
# four doubles with 2% missing, an integer), written as bench/out/readers-<rows>.dta (haven, Stata 14 format
# 118) and bench/out/readers-<rows>.csv (write.csv), then read back by haven::read_dta and timed.
# Run from the repository root: Rscript bench/readers/make.R [rows]
suppressMessages(library(haven))
args <- commandArgs(trailingOnly = TRUE)
rows <- if (length(args) > 0) as.integer(args[1]) else 5000000L
set.seed(20251206)
units <- rows %/% 100L
d <- data.frame(unit = sprintf("u%06d", rep(seq_len(units), each = 100L)), year = rep(1901L:2000L, units),
                stringsAsFactors = FALSE)
for (x in c("x1", "x2", "x3", "x4")) {
  v <- signif(rexp(rows) * 100, 15)
  v[runif(rows) < 0.02] <- NA
  d[[x]] <- v
}
d$n <- as.integer(sample.int(1000L, rows, replace = TRUE))
dir.create("bench/out", showWarnings = FALSE)
dta <- sprintf("bench/out/readers-%d.dta", rows)
csv <- sprintf("bench/out/readers-%d.csv", rows)
if (!file.exists(dta)) write_dta(d, dta, version = 14)
if (!file.exists(csv)) write.csv(d, csv, row.names = FALSE, na = "NA")
rm(d); invisible(gc())
for (r in 1:3) {
  t <- system.time(x <- read_dta(dta))[["elapsed"]]
  cat(sprintf("haven::read_dta %s: %d rows in %.2f s (%.2f M rows/s)\n", dta, nrow(x), t, nrow(x) / t / 1e6))
  rm(x); invisible(gc())
}
