# Reference values for dev.repro.formula: lags and differences within panel units by time value
# (R plm 2.6.2, lag()/diff() on a pdata.frame shift by time, so a gap gives NA), and a two-way
# fixed-effects regression on lagged and differenced terms evaluated before a sample filter.
#
# Run from the repository root:  Rscript src/test/golden/formula/golden-lags.R
# Writes {emplUK-gapped.csv, golden-lags.csv, cigar-gapped.csv, golden-model.csv} beside itself.
suppressPackageStartupMessages(library(plm))
out <- "src/test/golden/formula"
versions <- paste0("# generator: src/test/golden/formula/golden-lags.R; ", R.version.string, "; plm ", packageVersion("plm"))

write_with_header <- function(df, file, header) {
  con <- file(file, "w")
  writeLines(header, con)
  write.csv(df, con, row.names = FALSE, na = "")
  close(con)
}

## 1. EmplUK (plm; Arellano and Bond 1991): unbalanced, then 8% of rows dropped (gaps), 3% of emp and
##    wage set missing, rows shuffled so that lags cannot follow row order.
data("EmplUK", package = "plm")
set.seed(20250101)
d <- EmplUK[, c("firm", "year", "emp", "wage", "capital", "output")]
d <- d[runif(nrow(d)) > 0.08, ]
d$emp[runif(nrow(d)) < 0.03] <- NA
d$wage[runif(nrow(d)) < 0.03] <- NA
d <- d[sample(nrow(d)), ]
rownames(d) <- NULL
write.csv(d, file.path(out, "emplUK-gapped.csv"), row.names = FALSE, na = "")

p <- pdata.frame(d, index = c("firm", "year"))
emp <- p$emp
wage <- p$wage
g <- data.frame(
  firm = as.numeric(as.character(index(p)$firm)),
  year = as.numeric(as.character(index(p)$year)),
  `L(emp, 1)` = as.numeric(lag(emp, 1)),
  `L(emp, 2)` = as.numeric(lag(emp, 2)),
  `D(emp)` = as.numeric(diff(emp)),
  `D(emp, 2)` = as.numeric(diff(emp, 2)),
  `L(log(emp), 1)` = as.numeric(lag(log(emp), 1)),
  `D(log(wage))` = as.numeric(diff(log(wage))),
  `L(D(emp), 1)` = as.numeric(lag(diff(emp), 1)),
  `D(L(wage, 1))` = as.numeric(diff(lag(wage, 1))),
  `L(emp, 3)` = as.numeric(lag(emp, 3)),
  check.names = FALSE)
# back to the shuffled row order of the CSV
key <- paste(d$firm, d$year)
g <- g[match(key, paste(g$firm, g$year)), ]
write_with_header(g, file.path(out, "golden-lags.csv"),
  c(versions, "# rows in the order of emplUK-gapped.csv; empty = NA"))

## 2. Cigar (plm; Baltagi): 5% of rows dropped and shuffled; model
##    log(sales) ~ L(log(sales), 1) + log(price) + D(log(ndi)) | state + year with sample year <= 85,
##    lags taken on the full data first (Stata's if), two-way effects as factor dummies in lm.
data("Cigar", package = "plm")
set.seed(7)
c2 <- Cigar[, c("state", "year", "price", "ndi", "sales")]
c2 <- c2[runif(nrow(c2)) > 0.05, ]
c2 <- c2[sample(nrow(c2)), ]
rownames(c2) <- NULL
write.csv(c2, file.path(out, "cigar-gapped.csv"), row.names = FALSE, na = "")
pc <- pdata.frame(c2, index = c("state", "year"))
m <- data.frame(
  state = as.numeric(as.character(index(pc)$state)),
  year = as.numeric(as.character(index(pc)$year)),
  y = as.numeric(log(pc$sales)),
  l1 = as.numeric(lag(log(pc$sales), 1)),
  lp = as.numeric(log(pc$price)),
  dn = as.numeric(diff(log(pc$ndi))))
m <- m[m$year <= 85, ]
m <- m[complete.cases(m), ]
fit <- lm(y ~ l1 + lp + dn + factor(state) + factor(year), data = m)
cf <- coef(fit)[c("l1", "lp", "dn")]
res <- data.frame(
  quantity = c("L(log(sales), 1)", "log(price)", "D(log(ndi))", "nobs", "states", "years"),
  value = c(unname(cf), nrow(m), length(unique(m$state)), length(unique(m$year))))
write_with_header(res, file.path(out, "golden-model.csv"),
  c(versions, "# lm(log(sales) ~ lag(log(sales)) + log(price) + diff(log(ndi)) + factor(state) + factor(year)), year <= 85, lags before the filter"))
print(res, digits = 15)
