# A published cross-check for IV (StockWatsonTable12Test): Stock and Watson, Introduction to Econometrics, 2nd edition
# (Pearson/Addison-Wesley 2007), Table 12.1 "Two Stage Least Squares Estimates of the Demand for Cigarettes Using
# Panel Data for 48 U.S. States", p. 448: 2SLS of the 1985-1995 change in log packs per capita on the change in the
# log real price (endogenous) and in log real income per capita, instruments the change in the real sales tax (1),
# the cigarette-specific tax (2) or both (3); heteroskedasticity-robust standard errors.
# Run from the repository root:  Rscript src/test/golden/iv/stock-watson.R
# Writes src/test/golden/iv/cigarettes-sw.csv (the 48 long differences, built as AER's help("StockWatson2007")
# example "Table 12.1, p. 448" builds them from AER::CigarettesSW) and stock-watson.csv (R's values of every
# statistic the test compares, at full precision).
suppressPackageStartupMessages(library(AER))
out_dir <- "src/test/golden/iv"
data("CigarettesSW", package = "AER")
c1985 <- subset(CigarettesSW, year == "1985")
c1995 <- subset(CigarettesSW, year == "1995")
stopifnot(identical(as.character(c1985$state), as.character(c1995$state)), nrow(c1985) == 48)
d <- data.frame(
  state = as.character(c1995$state),
  ydiff = log(c1995$packs) - log(c1985$packs),
  pricediff = log(c1995$price / c1995$cpi) - log(c1985$price / c1985$cpi),
  incdiff = log(c1995$income / c1995$population / c1995$cpi) - log(c1985$income / c1985$population / c1985$cpi),
  taxsdiff = (c1995$taxs - c1995$tax) / c1995$cpi - (c1985$taxs - c1985$tax) / c1985$cpi,
  taxdiff = c1995$tax / c1995$cpi - c1985$tax / c1985$cpi)
num <- function(v) trimws(formatC(v, digits = 17, format = "g"))
fixture <- d
for (v in names(d)[-1]) fixture[[v]] <- num(d[[v]])
write.csv(fixture, file.path(out_dir, "cigarettes-sw.csv"), row.names = FALSE, quote = c(1))

rows <- list()
add <- function(column, quantity, term, value) {
  rows[[length(rows) + 1L]] <<- data.frame(column = column, quantity = quantity, term = term, value = num(value))
}
instruments <- list("1" = "taxsdiff", "2" = "taxdiff", "3" = c("taxsdiff", "taxdiff"))
n <- nrow(d)
for (col in names(instruments)) {
  z <- instruments[[col]]
  fit <- ivreg(as.formula(paste("ydiff ~ pricediff + incdiff | incdiff +", paste(z, collapse = " + "))), data = d)
  V <- vcovHC(fit, type = "HC1")   # n/(n - k): Stata's ivreg2, robust small; estimatr se_type = "stata"
  for (term in c("pricediff", "incdiff", "(Intercept)")) {
    add(col, "estimate", term, coef(fit)[[term]])
    add(col, "stdError", term, sqrt(V[term, term]))
  }
  # first stage: HC1-robust Wald F of the excluded instruments (the book's "first-stage F-statistic")
  fs <- lm(as.formula(paste("pricediff ~", paste(z, collapse = " + "), "+ incdiff")), data = d)
  add(col, "firstStageF", "pricediff", linearHypothesis(fs, paste(z, "= 0"), vcov = vcovHC(fs, type = "HC1"))[2, "F"])
  if (length(z) > 1) {
    e <- residuals(fit)
    Z <- model.matrix(~ incdiff + taxsdiff + taxdiff, data = d)
    X <- model.matrix(~ pricediff + incdiff, data = d)
    Pe <- Z %*% solve(crossprod(Z), crossprod(Z, e))
    sargan <- n * sum(e * Pe) / sum(e^2)   # Sargan (1958): n R^2 of e on all instruments
    add(col, "sargan", "", sargan)
    # the book's J = m F, F the homoskedasticity-only F of the instruments in the regression of the 2SLS residuals on
    # all instruments and exogenous regressors (Key Concept 12.6), as AER's example computes it
    aux <- lm(e ~ incdiff + taxsdiff + taxdiff, data = d)
    jsw <- linearHypothesis(aux, c("taxsdiff = 0", "taxdiff = 0"), test = "Chisq")[2, "Chisq"]
    add(col, "jStockWatson", "", jsw)
    add(col, "jStockWatsonP", "", pchisq(jsw, df = 1, lower.tail = FALSE))
    # Hansen J (ivreg2 robust): two-step GMM with S = sum (z e)(z e)' at the 2SLS residuals
    S <- crossprod(Z * e)
    W <- solve(S)
    b <- solve(t(X) %*% Z %*% W %*% t(Z) %*% X, t(X) %*% Z %*% W %*% t(Z) %*% d$ydiff)
    g <- t(Z) %*% (d$ydiff - X %*% b)
    add(col, "hansenJ", "", drop(t(g) %*% W %*% g))
  }
}
out <- do.call(rbind, rows)
con <- file(file.path(out_dir, "stock-watson.csv"), "w")
writeLines(paste0("# generator: src/test/golden/iv/stock-watson.R; ", R.version.string, "; AER ", packageVersion("AER"),
                  "; sandwich ", packageVersion("sandwich"), "; car ", packageVersion("car")), con)
writeLines("# data: cigarettes-sw.csv (AER::CigarettesSW, 1995 minus 1985, 48 states)", con)
write.csv(out, con, row.names = FALSE)
close(con)
