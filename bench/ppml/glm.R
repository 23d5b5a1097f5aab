# bench/ppml: the R reference fit of the same model, glm(family = poisson) with the exporter and importer
# effects as factor dummies (what a user without fixest writes), coefficients and sandwich's clustered SEs
# rescaled to ppmlhdfe's convention (the exporter effect is nested in cluster(ex): see docs/ppml.md).
# Usage: Rscript bench/ppml/glm.R FILE
suppressPackageStartupMessages(library(sandwich))
d <- read.csv(commandArgs(trailingOnly = TRUE)[1])
time <- system.time(f <- glm(flow ~ x1 + x2 + x3 + factor(ex) + factor(im), family = poisson, data = d,
                             control = glm.control(epsilon = 1e-10, maxit = 100)))
tv <- system.time(V <- vcovCL(f, cluster = d$ex, type = "HC1", cadjust = TRUE))
n <- nobs(f); kc <- 3 + length(unique(d$im))              # slopes + the importer levels (ex nested in the cluster)
se <- sqrt(diag(V)[2:4] * (n - f$rank) / (n - kc))
cat(sprintf("R glm: n=%d, %d IRLS iterations: fit %.1f s, vcovCL %.1f s;%s\n", n, f$iter, time[["elapsed"]], tv[["elapsed"]],
            paste(sprintf(" %s=%.10f (%.10f)", names(coef(f))[2:4], coef(f)[2:4], se), collapse = "")))
