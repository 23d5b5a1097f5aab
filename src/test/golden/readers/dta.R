# Golden .dta files for DtaReaderGoldenTest: written by haven::write_dta (versions 8-15) and
# readstata13::save.dta13 (byte/int/float types via compress), read back by haven::read_dta; the values R
# reads are written beside each file as <file>.expected.tsv (one column per variable, value labels as
# their text, dates as their calendar year, missing as NA, extended missing as .a-.z).
# Run from this directory: Rscript dta.R
suppressMessages({library(haven); library(readstata13)})
long <- paste(rep("long text ", 250), collapse = "")   # 2500 bytes: a strL from format 117 on
make <- function(strl) {
  d <- data.frame(
    id = c(1L, 1L, 2L, 2L, 3L),
    year = c(2015L, 2016L, 2015L, 2016L, 2015L),
    count = c(-5L, 0L, 7L, NA, 100000L),
    xv = c(1.5, -2.25, 1e300, NA, 0.1),
    name = c("a", "", "Zürich", "b c", "NA"),
    stringsAsFactors = FALSE)
  d$tagged <- c(1, tagged_na("a"), 3, tagged_na("z"), NA)
  d$lab <- labelled(c(1, 2, 1, 3, NA), c(low = 1, high = 2))
  d$day <- as.Date(c("2015-03-04", "1959-12-31", "2016-12-31", NA, "1960-01-01"))
  if (strl) d$note <- c(long, "short", long, "", "x")
  attr(d$xv, "label") <- "The x variable"
  d
}
expected <- function(file) {
  r <- read_dta(file)
  out <- list()
  for (nm in names(r)) {
    v <- r[[nm]]
    if (inherits(v, "Date")) {
      out[[nm]] <- ifelse(is.na(v), "NA", format(v, "%Y"))
    } else if (is.labelled(v) && !is.null(attr(v, "labels"))) {
      t <- as.character(as_factor(v, levels = "default"))
      out[[nm]] <- ifelse(is.na(t), "NA", t)
    } else if (is.numeric(v)) {
      tag <- na_tag(v)
      out[[nm]] <- ifelse(!is.na(tag), paste0(".", tag), ifelse(is.na(v), "NA", sprintf("%.17g", v)))
    } else {
      out[[nm]] <- ifelse(is.na(v), "NA", v)
    }
  }
  labels <- vapply(names(r), function(nm) { l <- attr(r[[nm]], "label", exact = TRUE); if (is.null(l)) "" else l }, "")
  lines <- c(paste(names(r), collapse = "\t"), paste(labels, collapse = "\t"),
             do.call(paste, c(out, sep = "\t")))
  con <- file(paste0(file, ".expected.tsv"), "wb"); writeLines(enc2utf8(lines), con, useBytes = TRUE); close(con)
}
for (v in 8:15) {
  f <- sprintf("haven-v%d.dta", v)
  write_dta(make(v >= 13), f, version = v)
  expected(f)
}
# every numeric storage type (byte, int, long, float, double) through readstata13's compress
types <- data.frame(vbyte = c(-127L, 0L, 100L, NA), vint = c(-32767L, 300L, 32740L, NA),
                    vlong = c(-2147483647L, 40000L, 2147483620L, NA), vfloat = c(1.5, -0.25, 2^100, NA),
                    vdouble = c(0.1, -1e-300, 8e307, NA))
for (v in c(114, 115, 117, 118, 119)) {
  f <- sprintf("readstata13-%d.dta", v)
  t <- types
  save.dta13(t, f, version = v, compress = TRUE, convert.factors = TRUE)
  expected(f)
}
cat("generator: haven", as.character(packageVersion("haven")), "readstata13", as.character(packageVersion("readstata13")), "\n",
    file = "dta.generator.txt")
