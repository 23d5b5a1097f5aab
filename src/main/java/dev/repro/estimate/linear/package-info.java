/**
 * Linear panel estimators with the conventions of Stata (regress, xtreg, reghdfe) and R (lm, plm, fixest):
 * pooled OLS, the within estimator absorbing any number of fixed effects ({@link
 * dev.repro.estimate.linear.FixedEffectsProjector}), Swamy-Arora random effects; iid, hc1 and multiway cluster
 * covariances with the small-sample conventions of {@link dev.repro.estimate.linear.SmallSample}; and the one
 * parser of a {@code vcov:} value, {@link dev.repro.estimate.linear.Covariance#parse}. Entry point: {@link
 * dev.repro.estimate.linear.LinearModel#fit}, arrays in ({@link dev.repro.estimate.linear.LinearProblem}),
 * a typed {@link dev.repro.estimate.linear.LinearFit} out.
 *
 * <p>Layer 6 (estimate): may use {@code dev.repro.numeric}, {@code dev.repro.diag} and Apache Commons Math;
 * never study, report, drift, results or pipeline.
 */
package dev.repro.estimate.linear;
