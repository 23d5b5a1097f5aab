# Exports the public datasets shared by the golden tests, one copy each, to src/test/golden/datasets/.
# Run from the repository root:  Rscript src/test/golden/datasets/export.R
# Every area's script reads these files (or R's own copy of the same data); none writes here.
# Grunfeld and Produc: R package plm (data("Grunfeld"), data("Produc")), originally Grunfeld (1958) and
#   Munnell (1990) as distributed by Baltagi; 10 firms x 1935-1954 and 48 states x 1970-1986.
# Cigar: R package plm, data("Cigar"): Baltagi (2013) cigarette demand, 46 states x 30 years, integer codes.
# EmplUK: R package plm, data("EmplUK"): the UK company panel of Arellano and Bond (1991), 140 firms,
#   1976-1984, unbalanced (7 to 9 years per firm).
# Longley: NIST StRD Longley.dat; R's datasets::longley holds the same numbers scaled (Employed and GNP
#   and Population by 1/1000, Unemployed and Armed.Forces by 1/10); we undo the scaling exactly.
# write.csv: RFC 4180 quoting with "" escapes, 15 significant digits, NA for missing.
suppressPackageStartupMessages(library(plm))
out <- "src/test/golden/datasets"
data("Grunfeld", "Produc", "Cigar", "EmplUK", package = "plm")
write.csv(Grunfeld[, c("firm", "year", "inv", "value", "capital")], file.path(out, "grunfeld.csv"), row.names = FALSE)
produc <- Produc
produc$state <- as.character(produc$state)
produc$region <- as.character(produc$region)
write.csv(produc, file.path(out, "produc.csv"), row.names = FALSE, fileEncoding = "UTF-8")
# Produc with seven columns only: MediationPipelineTest names this column list in a message
write.csv(Produc[, c("state", "year", "pcap", "pc", "gsp", "emp", "unemp")], file.path(out, "produc_core.csv"), row.names = FALSE)
write.csv(Cigar, file.path(out, "cigar.csv"), row.names = FALSE, fileEncoding = "UTF-8")
write.csv(EmplUK, file.path(out, "emplUK.csv"), row.names = FALSE)
L <- datasets::longley
nist <- data.frame(y = round(L$Employed * 1000), x1 = L$GNP.deflator, x2 = round(L$GNP * 1000),
                   x3 = round(L$Unemployed * 10), x4 = round(L$Armed.Forces * 10),
                   x5 = round(L$Population * 1000), x6 = L$Year)
write.csv(nist, file.path(out, "longley.csv"), row.names = FALSE)
