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
