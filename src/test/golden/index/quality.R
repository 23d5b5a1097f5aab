# Golden values for dev.repro.index.quality (ExportQuality, QualityEstimate): the demand-inversion export
# quality of the seed paper (eq. 1-5, Khandelwal-Schott-Wei), computed independently in R with lm() and
# explicit product and region-year dummies on the aggregated cells.
# Data: a synthetic firm-level export panel (seeded), region x product x year x firm, written to
# quality_flows.csv, with elasticities by HS6 code (quality_sigma6.csv) and by HS4 code (quality_sigma4.csv).
# Run from the repository root: Rscript src/test/golden/index/quality.R
suppressPackageStartupMessages(library(jsonlite))
set.seed(20240611)
regions <- c("Anhui", "Beijing", "Fujian", "Gansu", "Hebei", "Jiangsu")
hs4 <- c("0101", "0302", "2710", "6109", "8471", "8517", "9403")
products <- unlist(lapply(hs4, function(h) paste0(h, sprintf("%02d", sample(10:99, 4)))))
years <- 2015:2018
rows <- list()
for (r in regions) for (h in products) for (t in years) {
  if (runif(1) < 0.55) {
    nf <- sample(1:3, 1)
    for (f in seq_len(nf)) {
      q <- round(exp(rnorm(1, 6, 1.2)), 1)
      p <- round(exp(rnorm(1, 2 + 0.1 * match(r, regions), 0.5)), 3)
      rows[[length(rows) + 1]] <- data.frame(firm = paste0(r, "-", f), region = r, hs6 = h, year = t,
                                             value = round(p * q, 2), quantity = q)
    }
  }
}
flows <- do.call(rbind, rows)
flows <- flows[sample(nrow(flows)), ]
write.csv(flows, "src/test/golden/index/quality_flows.csv", row.names = FALSE, quote = TRUE)
sig6 <- data.frame(code = products, sigma = round(runif(length(products), 1.5, 8), 3))
write.csv(sig6, "src/test/golden/index/quality_sigma6.csv", row.names = FALSE, quote = TRUE)
sig4 <- data.frame(hs4 = hs4, sigma = round(runif(length(hs4), 1.5, 8), 3))
write.csv(sig4, "src/test/golden/index/quality_sigma4.csv", row.names = FALSE, quote = TRUE)

quality <- function(sigma_of, normalization) {
  cells <- aggregate(cbind(value, quantity) ~ region + hs6 + year, data = flows, FUN = sum)
  cells$price <- cells$value / cells$quantity
  cells$sigma <- sigma_of(cells$hs6)
  cells$y <- log(cells$quantity) + cells$sigma * log(cells$price)
  cells$ry <- paste(cells$region, cells$year)
  fit <- lm(y ~ factor(hs6) + factor(ry), data = cells)
  cells$residual <- residuals(fit)
  cells$quality <- cells$residual / (cells$sigma - 1)
  g <- if (normalization == "product-year") paste(cells$hs6, cells$year) else cells$hs6
  lo <- ave(cells$quality, g, FUN = min); hi <- ave(cells$quality, g, FUN = max)
  big <- ave(abs(cells$quality), g, FUN = max)
  flat <- !(hi - lo > 1e-12 * pmax(1, big))
  cells$std <- ifelse(flat, NA, (cells$quality - lo) / (hi - lo))
  inc <- !is.na(cells$std)
  ry <- aggregate(cbind(num = cells$value[inc] * cells$std[inc], value = cells$value[inc], products = 1) ~
                    region + year, data = data.frame(cells[inc, c("region", "year")]), FUN = sum)
  ry$quality <- ry$num / ry$value
  all_ry <- unique(cells[, c("region", "year")])
  ry <- merge(all_ry, ry[, c("region", "year", "quality", "products", "value")], all.x = TRUE)
  ry$products[is.na(ry$products)] <- 0
  ry$value[is.na(ry$value)] <- 0
  list(cells = cells[, c("region", "hs6", "year", "value", "quantity", "residual", "quality", "std")],
       regionYears = ry[order(ry$region, ry$year), ],
       flatCells = sum(!inc))
}
by6 <- function(h) sig6$sigma[match(h, sig6$code)]
by4 <- function(h) sig4$sigma[match(substr(h, 1, 4), sig4$hs4)]
configs <- list(
  c(list(name = "hs6_product_year", sigma = "quality_sigma6.csv", digits = 0, normalization = "product-year"), quality(by6, "product-year")),
  c(list(name = "hs6_product", sigma = "quality_sigma6.csv", digits = 0, normalization = "product"), quality(by6, "product")),
  c(list(name = "hs4_product_year", sigma = "quality_sigma4.csv", digits = 4, normalization = "product-year"), quality(by4, "product-year")))
out <- list(generator = sprintf("src/test/golden/index/quality.R; R %s.%s; jsonlite %s", R.version$major, R.version$minor,
                                packageVersion("jsonlite")),
            method = "lm(log(q) + sigma log(p) ~ factor(product) + factor(region-year)) residuals / (sigma - 1), min-max per group, value-share weights",
            configs = configs)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, dataframe = "rows", pretty = TRUE, na = "null"),
           "src/test/golden/index/golden-quality.json")
cat(nrow(flows), "flow rows,", nrow(configs[[1]]$cells), "cells; flat cells:", sapply(configs, function(c) c$flatCells), "\n")
