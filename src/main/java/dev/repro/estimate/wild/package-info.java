/**
 * The wild cluster restricted bootstrap for one coefficient of a linear model (Cameron, Gelbach and Miller 2008;
 * Roodman, MacKinnon, Nielsen and Webb 2019, "Fast and wild", Stata Journal 19(1)): symmetric and equal-tailed
 * p-values, the confidence interval by test inversion, full enumeration of the Rademacher draws when there are few
 * clusters. Entry point: {@link dev.repro.estimate.wild.WildBootstrap#run}, arrays in ({@link
 * dev.repro.estimate.wild.WildProblem}), a {@link dev.repro.estimate.wild.WildResult} out.
 *
 * <p>Layer 6 (estimate): may use {@code dev.repro.numeric} and {@code dev.repro.diag}; never study, report, drift,
 * results or pipeline.
 */
package dev.repro.estimate.wild;
