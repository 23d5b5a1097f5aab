# Golden values for factors and interactions in formulas (i(), factor(), x:z, x*z, i(f):x, event studies),
# against R lm with factor() and ':' and plm's within estimator. Run from the repository root:
#   Rscript src/test/golden/formula-factors/golden.R
# Writes panel.csv (the data, an unbalanced panel) and golden.csv (model, quantity, term, value) with our
# coefficient keys; the R name of each coefficient is mapped to the key in `key()` below.
suppressPackageStartupMessages({ library(plm); library(sandwich) })
dir <- "src/test/golden/formula-factors"
set.seed(20261206)
units <- 1:30
years <- 2010:2019
d <- expand.grid(year = years, unit = units)[, c("unit", "year")]
regions <- c("west", "north", "south", "east")          # written out of order: levels sort to east, north, south, west
unit_region <- sample(regions, length(units), replace = TRUE)
unit_treated <- as.integer(units %% 3 == 0)
d$region <- unit_region[d$unit]
d$treated <- unit_treated[d$unit]
d$x <- round(rnorm(nrow(d)), 6)
d$z <- round(runif(nrow(d), 0, 2), 6)
d$w <- round(rnorm(nrow(d), 1), 6)
# grade: level 'd' occurs only in 2019, so the sample year <= 2018 leaves it empty
d$grade <- sample(c("a", "b", "c"), nrow(d), replace = TRUE)
d$grade[d$year == 2019 & d$unit %% 2 == 0] <- "d"
alpha <- rnorm(length(units))[d$unit]
gamma <- rnorm(length(years))[d$year - 2009]
post <- as.integer(d$year >= 2016)
d$y <- round(alpha + gamma + 0.5 * d$x - 0.3 * d$z + 0.2 * d$x * d$z + 0.8 * d$treated * post
             + c(east = 0, north = 0.4, south = -0.2, west = 0.1)[d$region] + rnorm(nrow(d), sd = 0.5), 6)
d <- d[sample(nrow(d), round(0.85 * nrow(d))), ]          # unbalanced, rows shuffled
d <- d[order(runif(nrow(d))), ]
write.csv(d, file.path(dir, "panel.csv"), row.names = FALSE, quote = TRUE)
d <- read.csv(file.path(dir, "panel.csv"))               # exactly the values the test reads

out <- list()
emit <- function(model, fit, keys, vc_iid, vc_hc1) {
  b <- coef(fit)
  for (r in names(keys)) {
    k <- keys[[r]]
    out[[length(out) + 1]] <<- data.frame(model = model, quantity = c("estimate", "se_iid", "se_hc1"), term = k,
      value = c(b[[r]], sqrt(vc_iid[r, r]), sqrt(vc_hc1[r, r])))
  }
  out[[length(out) + 1]] <<- data.frame(model = model, quantity = "nobs", term = "", value = nobs(fit))
}
lmfit <- function(model, formula, data, keys) {
  fit <- lm(formula, data = data)
  emit(model, fit, keys, vcov(fit), vcovHC(fit, type = "HC1"))
}
# R's name -> our key
k_region <- function(prefix, levels, suffix = "", ours = "i(region)") {
  setNames(paste0(ours, "::", levels), paste0(prefix, levels, suffix))
}

lmfit("dummies", y ~ x + factor(region), d, c(x = "x", k_region("factor(region)", c("north", "south", "west"))))
lmfit("star", y ~ x * z + w, d, c(x = "x", z = "z", w = "w", "x:z" = "x:z"))
lmfit("slopes", y ~ factor(region):x, d, k_region("factor(region)", c("east", "north", "south", "west"), ":x", "i(region, x)"))
lmfit("factor_star", y ~ factor(region) * x, d,
      c(k_region("factor(region)", c("north", "south", "west")), x = "x",
        k_region("factor(region)", c("north", "south", "west"), ":x", "i(region, x)")))
d$region_s <- relevel(factor(d$region), ref = "south")
lmfit("ref_text", y ~ x + region_s, d, c(x = "x", k_region("region_s", c("east", "north", "west"), "", "i(region, ref = 'south')")))
sub <- d[d$year <= 2018, ]
lmfit("empty_level", y ~ x + factor(grade), sub, c(x = "x", setNames(paste0("i(grade)::", c("b", "c")), paste0("factor(grade)", c("b", "c")))))

# event study, two-way within (unit + year): lm with the dummies written out equals the within estimator
ev <- setdiff(years, 2015)
for (yr in ev) d[[paste0("ev", yr)]] <- d$treated * (d$year == yr)
evf <- as.formula(paste("y ~", paste(paste0("ev", ev), collapse = " + "), "+ x + factor(unit) + factor(year)"))
lmfit("event", evf, d, c(setNames(paste0("i(year, treated, ref = 2015)::", ev), paste0("ev", ev)), x = "x"))

# within (unit) on the unbalanced panel with a factor, sample year <= 2018: plm for the estimates and iid errors;
# the HC1 errors in the Stata (reghdfe) convention, n / (n - k - absorbed levels), are lm's with the unit dummies
# (plm's vcovHC(type = "HC1") divides by n - k instead)
p <- plm(y ~ x + factor(grade), data = pdata.frame(sub, index = c("unit", "year")), model = "within")
dummies <- lm(y ~ x + factor(grade) + factor(unit), data = sub)
stopifnot(all.equal(coef(p), coef(dummies)[names(coef(p))], tolerance = 1e-12))
keys <- c(x = "x", "factor(grade)b" = "i(grade)::b", "factor(grade)c" = "i(grade)::c")
emit("plm_within", p, keys, vcov(p), vcovHC(dummies, type = "HC1"))

g <- do.call(rbind, out)
con <- file(file.path(dir, "golden.csv"), "w")
writeLines(paste0("# generator: src/test/golden/formula-factors/golden.R; ", R.version.string, "; plm ",
                  packageVersion("plm"), "; sandwich ", packageVersion("sandwich")), con)
write.csv(transform(g, value = sprintf("%.17g", value)), con, row.names = FALSE)
close(con)
