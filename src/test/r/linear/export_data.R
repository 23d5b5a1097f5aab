# Exports the public datasets used by the linear-estimator golden tests to CSV.
# Grunfeld and Produc: R package plm (data("Grunfeld"), data("Produc")), originally Grunfeld (1958) as
# distributed by Baltagi, and Munnell (1990) as distributed by Baltagi.
# Longley: NIST StRD Longley.dat; R's datasets::longley holds the same numbers scaled (Employed and GNP
# and Population by 1/1000, Unemployed and Armed.Forces by 1/10); we undo the scaling exactly.
# Run from the repository root: Rscript src/test/r/linear/export_data.R
suppressPackageStartupMessages(library(plm))
out <- "src/test/resources/linear"
data("Grunfeld", package = "plm")
write.csv(Grunfeld[, c("firm", "year", "inv", "value", "capital")], file.path(out, "grunfeld.csv"), row.names = FALSE)
data("Produc", package = "plm")
write.csv(Produc[, c("state", "year", "region", "pcap", "hwy", "water", "util", "pc", "gsp", "emp", "unemp")],
          file.path(out, "produc.csv"), row.names = FALSE, quote = TRUE)
L <- datasets::longley
nist <- data.frame(y = round(L$Employed * 1000), x1 = L$GNP.deflator, x2 = round(L$GNP * 1000),
                   x3 = round(L$Unemployed * 10), x4 = round(L$Armed.Forces * 10),
                   x5 = round(L$Population * 1000), x6 = L$Year)
write.csv(nist, file.path(out, "longley.csv"), row.names = FALSE)
