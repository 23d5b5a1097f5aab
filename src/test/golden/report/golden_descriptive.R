# Golden values for dev.repro.report descriptive statistics (Moments) and yearly summaries (YearlySummary).
# Run from the repository root:  Rscript src/test/golden/report/golden_descriptive.R
# Writes grunfeld_na_shift.csv (input) and golden-moments.csv, golden-yearly.csv beside itself; Produc is read
# from the shared copy src/test/golden/datasets/produc.csv.
suppressPackageStartupMessages(library(plm))
out <- "src/test/golden/report"
data("Grunfeld", package = "plm")
data("Produc", package = "plm")
# Grunfeld with a few values knocked out so that missing handling is exercised (rows chosen by a fixed rule)
g <- Grunfeld
g$capital[seq(7, nrow(g), by = 37)] <- NA
# a shifted copy of inv: large mean relative to the spread, where a one-pass variance loses digits
g$invshift <- g$inv + 1e9
write.csv(g, file.path(out, "grunfeld_na_shift.csv"), row.names = FALSE, na = "")
# statistics from the CSV files as written, so the Java side reads exactly the same doubles
g <- read.csv(file.path(out, "grunfeld_na_shift.csv"))
p <- read.csv("src/test/golden/datasets/produc.csv")

ver <- paste0("generator: src/test/golden/report/golden_descriptive.R; R ", R.version$major, ".", R.version$minor,
              "; plm ", packageVersion("plm"))
stats <- function(ds, name, vars) {
  do.call(rbind, lapply(vars, function(v) {
    x <- ds[[v]][!is.na(ds[[v]])]
    data.frame(dataset = name, variable = v, n = length(x), mean = mean(x), sd = sd(x), min = min(x), max = max(x))
  }))
}
m <- rbind(stats(g, "grunfeld", c("inv", "value", "capital", "invshift")),
           stats(p, "produc", c("pcap", "hwy", "water", "util", "pc", "gsp", "emp", "unemp")))
con <- file(file.path(out, "golden-moments.csv"), "w")
writeLines(c(paste0("# ", ver), "# mean(), sd() (n-1), min(), max() over non-missing values"), con)
write.csv(format(m, digits = 17), con, row.names = FALSE, quote = FALSE)
close(con)

yearly <- function(ds, name, v, t) {
  do.call(rbind, lapply(sort(unique(ds[[t]])), function(y) {
    x <- ds[[v]][ds[[t]] == y & !is.na(ds[[v]])]
    data.frame(dataset = name, variable = v, time = y, n = length(x), mean = mean(x), sd = sd(x), min = min(x), max = max(x))
  }))
}
yy <- rbind(yearly(g, "grunfeld", "capital", "year"), yearly(p, "produc", "unemp", "year"))
con <- file(file.path(out, "golden-yearly.csv"), "w")
writeLines(c(paste0("# ", ver), "# per year: mean(), sd() (n-1), min(), max() over non-missing values"), con)
write.csv(format(yy, digits = 17), con, row.names = FALSE, quote = FALSE)
close(con)
