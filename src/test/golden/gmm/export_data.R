# Writes grunfeld_gaps.csv beside itself (run from the repository root: Rscript src/test/golden/gmm/export_data.R):
# plm's Grunfeld (the copy in src/test/golden/datasets/grunfeld.csv) with 5 rows removed (gaps inside units)
# and one value set missing, to exercise unbalanced panels and unavailable lags. EmplUK, Grunfeld and Produc
# themselves are exported once, by src/test/golden/datasets/export.R.
suppressPackageStartupMessages(library(plm))
out <- "src/test/golden/gmm"
data("Grunfeld", package = "plm")
g <- Grunfeld[, c("firm", "year", "inv", "value", "capital")]
drop <- (g$firm == 3 & g$year == 1940) | (g$firm == 5 & g$year %in% c(1945, 1946)) |
        (g$firm == 8 & g$year == 1950) | (g$firm == 10 & g$year == 1935)
gg <- g[!drop, ]
gg$value[gg$firm == 2 & gg$year == 1942] <- NA
write.csv(gg, file.path(out, "grunfeld_gaps.csv"), row.names = FALSE, na = "")
