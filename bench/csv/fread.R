# The anchor of bench/csv: data.table::fread on the file CsvBench.java generated, timed by R itself.
# Usage: Rscript bench/csv/fread.R bench/out/bench-5000000.csv <threads> <repeats>
args <- commandArgs(trailingOnly = TRUE)
file <- args[1]
threads <- as.integer(args[2])
repeats <- as.integer(args[3])
suppressMessages(library(data.table))
setDTthreads(threads)
mb <- file.size(file) / 1e6
for (r in seq_len(repeats)) {
  invisible(gc())
  st <- system.time(d <- fread(file, showProgress = FALSE))
  t <- st[["elapsed"]]
  cpu <- st[["user.self"]] + st[["sys.self"]]
  cat(sprintf("fread threads %d run %d: %d rows x %d columns in %.2f s (CPU %.2f s) = %.0f rows/s, %.0f MB/s\n",
              getDTthreads(), r, nrow(d), ncol(d), t, cpu, nrow(d) / t, mb / t))
}
