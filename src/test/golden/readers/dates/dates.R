# Golden .dta files (src/test/golden/readers/dates) for the Stata date rules (DtaDatesGoldenTest): one variable per date format, %td, %tc, %tw,
# %tm, %tq, %th and %ty, with dates on both sides of 1960 and a missing value, written by haven::write_dta
# (versions 10, 13 and 14: formats 114, 117 and 118) with the display format set by the format.stata attribute.
# haven reads each back as its Stata count with the format kept; the expected integers are written beside the
# file as dates.expected.tsv: for each variable and observation the format R reads back, the count ('period',
# dates: period: Stata's days, weeks, months, quarters or half-years since 1960, the year for %ty, %tc
# milliseconds as days) and the calendar year ('year', dates: year, the default), computed here with R's
# calendar (as.Date for days and milliseconds, integer division for the other units: Stata gives every year 52
# weeks, 12 months, 4 quarters and 2 half-years). Run from this directory: Rscript dates.R
suppressMessages(library(haven))
d <- data.frame(
  day = as.numeric(as.Date(c("2015-03-04", "1959-12-31", "1960-01-01", "2016-12-31", NA)) - as.Date("1960-01-01")),  # %td
  ms = c(1000 * as.numeric(difftime(as.POSIXct("2015-03-04 05:30:00", tz = "UTC"), as.POSIXct("1960-01-01", tz = "UTC"),
                                    units = "secs")), -1, 0, 1.8e12, NA),                      # %tc: ms since 1960
  week = c(2850, -1, 0, 51, NA),            # %tw: 2014w43, 1959w52, 1960w1, 1960w52
  month = c(666, -1, 0, 683, NA),           # %tm: 2015m7, 1959m12, 1960m1, 2016m12
  quarter = c(222, -1, 0, 227, NA),         # %tq: 2015q3, 1959q4, 1960q1, 2016q4
  half = c(111, -1, 0, 113, NA),            # %th: 2015h2, 1959h2, 1960h1, 2016h2
  yr = c(2015, 1959, 1960, 2016, NA))       # %ty
formats <- c(day = "%td", ms = "%tc", week = "%tw", month = "%tm", quarter = "%tq", half = "%th", yr = "%ty")
for (nm in names(formats)) attr(d[[nm]], "format.stata") <- formats[[nm]]
origin <- as.Date("1960-01-01")
year <- function(v, f) {
  switch(f,
    "%td" = as.integer(format(origin + v, "%Y")),
    "%tc" = as.integer(format(origin + floor(v / 86400000), "%Y")),
    "%tw" = 1960 + v %/% 52, "%tm" = 1960 + v %/% 12, "%tq" = 1960 + v %/% 4, "%th" = 1960 + v %/% 2, "%ty" = v)
}
lines <- "file\tvariable\tformat\tobservation\tperiod\tyear"
for (v in c(10, 13, 14)) {
  f <- sprintf("dates-v%d.dta", v)
  write_dta(d, f, version = v)
  r <- read_dta(f)
  for (nm in names(r)) {
    x <- as.numeric(r[[nm]])
    if (inherits(r[[nm]], "Date")) x <- as.numeric(r[[nm]] - origin)              # haven reads %td as Date
    if (inherits(r[[nm]], "POSIXct")) x <- as.numeric(r[[nm]]) * 1000 + 315619200000   # and %tc as POSIXct
    fmt <- attr(r[[nm]], "format.stata")
    for (i in seq_along(x)) {
      period <- if (is.na(x[i])) NA else if (fmt == "%tc") floor(x[i] / 86400000) else x[i]
      lines <- c(lines, paste(f, nm, fmt, i, ifelse(is.na(period), "NA", sprintf("%.0f", period)),
                              ifelse(is.na(x[i]), "NA", sprintf("%.0f", year(x[i], fmt))), sep = "\t"))
    }
  }
}
con <- file("dates.expected.tsv", "wb"); writeLines(lines, con); close(con)
cat("generator: haven", as.character(packageVersion("haven")), "\n", file = "dates.generator.txt")
