# Critical values of the coefficient plot's confidence intervals (Figures.critical): qt and qnorm.
# Run from the repository root:  Rscript src/test/golden/report/golden_critical.R
out <- "src/test/golden/report/golden-critical.csv"
con <- file(out, "w")
writeLines(c(paste0("# generator: src/test/golden/report/golden_critical.R; R ", R.version$major, ".", R.version$minor),
             "# qt(1 - (1 - level) / 2, df), qnorm for df = Inf"), con)
g <- expand.grid(level = c(0.9, 0.95, 0.99), df = c(1, 29, 45, 261, Inf))
g$critical <- ifelse(is.infinite(g$df), qnorm(1 - (1 - g$level) / 2), qt(1 - (1 - g$level) / 2, g$df))
write.csv(format(g, digits = 17), con, row.names = FALSE, quote = FALSE)
close(con)
