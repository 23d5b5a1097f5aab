# Records what R reads back from the CSV files of public panel datasets of R package plm: the reference for
# CsvReaderGoldenTest. Run from the repository root after src/test/golden/datasets/export.R:
#   Rscript src/test/golden/csv/export.R
# Reads src/test/golden/datasets/{cigar,produc}.csv; writes produc_edge.csv and golden-summary.json beside itself.
suppressPackageStartupMessages({ library(plm); library(jsonlite) })
out <- "src/test/golden/csv"
datasets <- "src/test/golden/datasets"

data(Cigar, package = "plm")    # Baltagi (2013): cigarette demand, 46 states x 30 years, integer state codes
data(Produc, package = "plm")   # Munnell (1990): US states' public capital, 48 states x 17 years, state names

produc <- Produc
produc$state <- as.character(produc$state)
produc$region <- as.character(produc$region)

# An edited copy that exercises the CSV rules: quotes and commas inside values, non-ASCII text,
# line breaks inside quoted values, and NA cells.
edge <- produc[, c("state", "year", "region", "unemp", "gsp")]
set.seed(20250101)
edge$unemp[sample(nrow(edge), 20)] <- NA
edge$label <- paste0(tolower(edge$state), ", region \"", edge$region, "\"")
edge$city <- ifelse(edge$year %% 2 == 0, "Z\u00fcrich", "S\u00e3o Paulo\nzona sul")

files <- list(cigar = Cigar, produc = produc, produc_edge = edge)
summary <- list()
for (name in names(files)) {
  path <- file.path(if (name == "produc_edge") out else datasets, paste0(name, ".csv"))
  # write.csv: RFC 4180 quoting with "" escapes, 15 significant digits, NA for missing (as datasets/export.R)
  if (name == "produc_edge") write.csv(files[[name]], path, row.names = FALSE, fileEncoding = "UTF-8")
  d <- read.csv(path, na.strings = c("NA", "", "."), stringsAsFactors = FALSE, encoding = "UTF-8")
  cols <- list()
  for (v in names(d)) {
    x <- d[[v]]
    if (is.numeric(x) || is.logical(x)) {
      ok <- x[!is.na(x)]
      cols[[v]] <- list(type = "numeric", n = length(ok), missing = sum(is.na(x)), sum = sum(ok),
                        min = min(ok), max = max(ok), first = x[1], last = x[length(x)])
    } else {
      cols[[v]] <- list(type = "text", missing = sum(is.na(x)), levels = unique(x[!is.na(x)]),
                        first = x[1], last = x[length(x)])
    }
  }
  # the physical line where each record starts: 1 + its row number, plus the line breaks inside
  # quoted values of the rows before it
  raw <- files[[name]]
  breaks <- rep(0L, nrow(raw))
  for (v in names(raw)) {
    if (is.character(raw[[v]])) breaks <- breaks + lengths(regmatches(raw[[v]], gregexpr("\n", raw[[v]])))
  }
  lines <- 1L + seq_len(nrow(raw)) + c(0L, cumsum(breaks)[-nrow(raw)])
  summary[[name]] <- list(rows = nrow(d), columns = names(d), lines = lines, data = cols)
}
meta <- list(r = R.version.string, plm = as.character(packageVersion("plm")), jsonlite = as.character(packageVersion("jsonlite")))
generator <- sprintf("src/test/golden/csv/export.R; %s; plm %s; jsonlite %s", meta$r, meta$plm, meta$jsonlite)
writeLines(toJSON(list(generator = generator, meta = meta, datasets = summary), auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"),
           file.path(out, "golden-summary.json"))
