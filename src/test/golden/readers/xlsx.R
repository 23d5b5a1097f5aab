# Golden .xlsx files for XlsxReaderGoldenTest: written by openxlsx, read back by readxl; the values readxl
# reads are written beside each file as <file>.<sheet>.expected.tsv (dates as their calendar year,
# missing as NA). Run from this directory: Rscript xlsx.R
suppressMessages({library(openxlsx); library(readxl)})
wb <- createWorkbook()
addWorksheet(wb, "Provinces")
d <- data.frame(province = c("Anhui", "Beijing", "Chongqing", "Fujian"),
                year = c(2015L, 2015L, 2016L, 2016L),
                gdp = c(22005.6, 23014.59, NA, 0.1),
                day = as.Date(c("2015-03-04", "2015-12-31", "2016-01-01", "1960-01-01")),
                note = c("a", NA, "x y", "Zürich"), stringsAsFactors = FALSE)
writeData(wb, "Provinces", d)
addWorksheet(wb, "Yearbook")
writeData(wb, "Yearbook", "Table 3-1 Gross Regional Product", startRow = 1, startCol = 1)
writeData(wb, "Yearbook", data.frame(region = c("North", "South"), v2015 = c(1.5, 2.5), v2016 = c(3, 4)), startRow = 3, startCol = 2)
writeFormula(wb, "Yearbook", x = c("C4+D4", "C5+D5"), startCol = 5, startRow = 4)
writeData(wb, "Yearbook", "total", startRow = 3, startCol = 5)
saveWorkbook(wb, "openxlsx.xlsx", overwrite = TRUE)
out <- function(x, name) {
  cols <- lapply(x, function(v) {
    if (inherits(v, "POSIXct") || inherits(v, "Date")) ifelse(is.na(v), "NA", format(v, "%Y"))
    else if (is.numeric(v)) ifelse(is.na(v), "NA", sprintf("%.17g", v))
    else ifelse(is.na(v), "NA", v)
  })
  lines <- c(paste(names(x), collapse = "\t"), do.call(paste, c(cols, sep = "\t")))
  con <- file(name, "wb"); writeLines(enc2utf8(lines), con, useBytes = TRUE); close(con)
}
out(read_excel("openxlsx.xlsx", sheet = "Provinces"), "openxlsx.xlsx.Provinces.expected.tsv")
out(read_excel("openxlsx.xlsx", sheet = "Yearbook", range = "B3:D5"), "openxlsx.xlsx.Yearbook.expected.tsv")
cat("generator: openxlsx", as.character(packageVersion("openxlsx")), "readxl", as.character(packageVersion("readxl")), "\n",
    file = "xlsx.generator.txt")
# Merged header cells: a yearbook-style sheet whose header row 2 has "GDP" merged over C2:E2 (three years below
# in row 3 are not the header here) and "province" merged vertically over A1:A2; written by openxlsx::mergeCells.
# readxl does not name merged cells (it reads the text in the first column only), so the expected names are the
# reader's rule, written out here: a merged area's later columns get _2, _3; the values are what readxl reads.
wb <- createWorkbook()
addWorksheet(wb, "Merged")
writeData(wb, "Merged", "province", startRow = 1, startCol = 1)
mergeCells(wb, "Merged", cols = 1, rows = 1:2)
writeData(wb, "Merged", "year", startRow = 2, startCol = 2)
writeData(wb, "Merged", "GDP", startRow = 2, startCol = 3)
mergeCells(wb, "Merged", cols = 3:5, rows = 2)
writeData(wb, "Merged", data.frame(p = c("Anhui", "Beijing"), y = c(2015L, 2016L), a = c(1.5, 2.5), b = c(3, 4), c = c(5.25, NA)),
          startRow = 3, startCol = 1, colNames = FALSE)
saveWorkbook(wb, "openxlsx-merged.xlsx", overwrite = TRUE)
m <- read_excel("openxlsx-merged.xlsx", sheet = "Merged", range = "A3:E4", col_names = FALSE)
names(m) <- c("province", "year", "GDP", "GDP_2", "GDP_3")
out(m, "openxlsx-merged.xlsx.Merged.expected.tsv")
