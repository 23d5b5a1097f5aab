# Turns two of the generator's CSV files into the formats researchers keep their data in, so that the example
# reads one .xlsx and one .dta input: data/provinces.csv -> data/provinces.xlsx (openxlsx, sheet "provinces")
# and data/energy.csv -> data/energy.dta (haven::write_dta, Stata 14 format 118). The values are the same
# doubles, integers and texts R reads from the CSV files, so every result stays as it was.
# Run from example-project/: Rscript generator/formats.R
suppressMessages({library(openxlsx); library(haven)})
provinces <- read.csv("data/provinces.csv", stringsAsFactors = FALSE, encoding = "UTF-8")
wb <- createWorkbook()
addWorksheet(wb, "provinces")
writeData(wb, "provinces", "Provinces of the study (synthetic groupings; real pilot free trade zone years)", startRow = 1)
writeData(wb, "provinces", provinces, startRow = 3)
saveWorkbook(wb, "data/provinces.xlsx", overwrite = TRUE)
energy <- read.csv("data/energy.csv", stringsAsFactors = FALSE, encoding = "UTF-8")
write_dta(energy, "data/energy.dta", version = 14)
file.remove("data/provinces.csv", "data/energy.csv")
