/**
 * Poisson pseudo-maximum likelihood with any number of absorbed fixed effects (Santos Silva and Tenreyro 2006; the
 * estimator of Stata's ppmlhdfe and R's fixest::fepois): iteratively reweighted least squares whose weighted least
 * squares step partials out the effects by weighted alternating projections ({@link
 * dev.repro.estimate.ppml.WeightedDemeaner}), the separation rule for fixed-effect groups whose outcome is always
 * zero, and iid, hc1 and (two-way) cluster covariances. Entry point: {@link dev.repro.estimate.ppml.Ppml#fit}, arrays
 * in ({@link dev.repro.estimate.ppml.PpmlProblem}), a typed {@link dev.repro.estimate.ppml.PpmlFit} out.
 *
 * <p>Layer 6 (estimate): may use {@code dev.repro.numeric}, {@code dev.repro.diag}, the covariance choice of
 * {@code dev.repro.estimate.linear} and Apache Commons Math; never study, report, drift, results or pipeline.
 */
package dev.repro.estimate.ppml;
