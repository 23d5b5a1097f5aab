# Exports the public panels used by the GMM golden tests to CSV (run from the repository root:
#   Rscript src/test/r/gmm/export_data.R).
# EmplUK: R package plm, data("EmplUK"): the UK company panel of Arellano and Bond (1991), 140 firms,
#   1976-1984, unbalanced (7 to 9 years per firm).
# Grunfeld: R package plm, data("Grunfeld"): Grunfeld (1958) investment data as distributed by Baltagi,
#   10 firms, 1935-1954. grunfeld_gaps.csv is the same panel with 5 rows removed (gaps inside units)
#   and one value set missing, to exercise unbalanced panels and unavailable lags.
# Produc: R package plm, data("Produc"): Munnell (1990) US state production panel, 48 states, 1970-1986.
suppressPackageStartupMessages(library(plm))
out <- "src/test/resources/gmm"
data("EmplUK", package = "plm")
write.csv(EmplUK, file.path(out, "emplUK.csv"), row.names = FALSE)
data("Grunfeld", package = "plm")
g <- Grunfeld[, c("firm", "year", "inv", "value", "capital")]
write.csv(g, file.path(out, "grunfeld.csv"), row.names = FALSE)
drop <- (g$firm == 3 & g$year == 1940) | (g$firm == 5 & g$year %in% c(1945, 1946)) |
        (g$firm == 8 & g$year == 1950) | (g$firm == 10 & g$year == 1935)
gg <- g[!drop, ]
gg$value[gg$firm == 2 & gg$year == 1942] <- NA
write.csv(gg, file.path(out, "grunfeld_gaps.csv"), row.names = FALSE, na = "")
data("Produc", package = "plm")
write.csv(Produc[, c("state", "year", "pcap", "pc", "gsp", "emp", "unemp")], file.path(out, "produc.csv"),
          row.names = FALSE)
