# Golden values for dev.repro.index.winsor (Percentiles, Winsorizer): cut points by R's quantile(type = 2),
# which is Stata's _pctile / summarize, detail / winsor2 rule (average of the two order statistics when
# n p / 100 is a whole number, else the next order statistic), and the winsorized / trimmed columns.
# Data: plm::Produc (Munnell 1990) with a copy of unemp where every 7th value is missing (produc_na.csv),
# pooled and by year. Run from the repository root: Rscript src/test/golden/index/winsor.R
suppressPackageStartupMessages({library(plm); library(jsonlite)})
data("Produc", package = "plm")
d <- data.frame(state = as.character(Produc$state), year = Produc$year, region = as.character(Produc$region),
                pcap = Produc$pcap, gsp = Produc$gsp, emp = Produc$emp, unemp = Produc$unemp)
d$unemp_na <- d$unemp
d$unemp_na[seq(3, nrow(d), by = 7)] <- NA
write.csv(d, "src/test/golden/index/produc_na.csv", row.names = FALSE, quote = FALSE, na = "")

columns <- c("pcap", "gsp", "emp", "unemp", "unemp_na")
winsor <- function(cuts, by, trim) {
  groups <- if (is.null(by)) list(all = seq_len(nrow(d))) else split(seq_len(nrow(d)), d[[by]])
  out <- list(); treated <- list()
  for (col in columns) {
    w <- d[[col]]
    for (g in names(groups)) {
      rows <- groups[[g]]
      x <- d[[col]][rows]
      q <- quantile(x, probs = cuts / 100, type = 2, na.rm = TRUE, names = FALSE)
      below <- sum(x < q[1], na.rm = TRUE); above <- sum(x > q[2], na.rm = TRUE)
      y <- x
      if (trim) { y[!is.na(x) & (x < q[1] | x > q[2])] <- NA } else { y <- pmin(pmax(x, q[1]), q[2]) }
      w[rows] <- y
      out[[length(out) + 1]] <- data.frame(column = col, group = if (is.null(by)) "all" else paste0(by, "=", g),
                                           n = sum(!is.na(x)), lowerCut = q[1], upperCut = q[2], below = below, above = above)
    }
    treated[[col]] <- w
  }
  list(cuts = do.call(rbind, out), treated = treated)
}
configs <- list(list(name = "p1_99_all", cuts = c(1, 99), by = NULL, trim = FALSE),
                list(name = "p1_99_year", cuts = c(1, 99), by = "year", trim = FALSE),
                list(name = "p25_75_all", cuts = c(25, 75), by = NULL, trim = FALSE),
                list(name = "p12.5_87.5_year", cuts = c(12.5, 87.5), by = "year", trim = FALSE),
                list(name = "p5_95_year_trim", cuts = c(5, 95), by = "year", trim = TRUE),
                list(name = "p0_100_all", cuts = c(0, 100), by = NULL, trim = FALSE))
res <- lapply(configs, function(cfg) c(list(name = cfg$name, percent = cfg$cuts, trim = cfg$trim), list(by = if (is.null(cfg$by)) list() else list(cfg$by)),
                                       winsor(cfg$cuts, cfg$by, cfg$trim)))
out <- list(generator = sprintf("src/test/golden/index/winsor.R; R %s.%s; plm %s; jsonlite %s", R.version$major, R.version$minor,
                                packageVersion("plm"), packageVersion("jsonlite")),
            rule = "stats::quantile(type = 2, na.rm = TRUE)",
            configs = res)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, dataframe = "rows", pretty = TRUE, na = "null"),
           "src/test/golden/index/golden-winsor.json")
