# Writes the it/readers inputs from the committed Grunfeld CSV (R 4.2.2, haven 2.5, openxlsx 4.2):
# a Stata 15 .dta (format 119 would need >32,767 variables; version 15 writes 119 only then, else 118) and a
# workbook whose sheet "Grunfeld" has a title row above the header. Run from the repository root:
#   Rscript it/readers/make-data.R
g <- read.csv("src/test/golden/datasets/grunfeld.csv")
d <- g
attr(d$value, "label") <- "Market value"      # Stata variable labels: the tables' default display labels
attr(d$capital, "label") <- "Capital stock"   # (the study's labels: gives capital another one, which wins)
haven::write_dta(d, "it/readers/data/grunfeld.dta", version = 15)
wb <- openxlsx::createWorkbook()
openxlsx::addWorksheet(wb, "Grunfeld")
openxlsx::writeData(wb, "Grunfeld", "Grunfeld (1958) investment data", startRow = 1)
openxlsx::writeData(wb, "Grunfeld", g, startRow = 3)
openxlsx::saveWorkbook(wb, "it/readers/data/grunfeld.xlsx", overwrite = TRUE)
fe <- plm::plm(inv ~ value + capital, data = g, index = c("firm", "year"), model = "within")
cat(sprintf("%.15g %.15g\n", coef(fe)[["value"]], coef(fe)[["capital"]]))
