/**
 * Instrumental variables with any number of absorbed fixed effects: two-stage least squares and LIML (the k-class
 * estimators of Stata's ivreghdfe/ivreg2 and R's estimatr::iv_robust), optionally weighted, iid, hc1, one- and
 * two-way cluster covariances in the Stata convention and the linear models' Driscoll-Kraay and panel Newey-West, the
 * first stages (coefficients, partial R2, F per endogenous regressor), the weak-instrument statistics (Cragg-Donald and Kleibergen-Paap rk Wald F), the over-identification test (Sargan, Hansen J) and the
 * Durbin-Wu-Hausman endogeneity test. Entry point: {@link dev.repro.estimate.iv.Iv#fit}, arrays in ({@link
 * dev.repro.estimate.iv.IvProblem}), a typed {@link dev.repro.estimate.iv.IvFit} out; formulas in docs/iv.md.
 *
 * <p>Layer 6 (estimate): may use {@code dev.repro.numeric}, the fixed-effects projector, covariance choice, robust
 * and serial meats of {@code dev.repro.estimate.linear} and Apache Commons Math; never study, report, drift, results or
 * pipeline.
 */
package dev.repro.estimate.iv;
