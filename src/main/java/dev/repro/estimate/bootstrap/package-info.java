/**
 * The cluster (block) bootstrap engine: replicate draws from {@link dev.repro.numeric.SplitMix64} seeded per
 * replicate, replicates run on {@link dev.repro.numeric.Parallel} (same output at any thread count), fast
 * per-unit cross products for refitting two-way fixed-effects regressions, and the percentile, bias-corrected
 * and normal intervals.
 *
 * <p>Layer 6 (estimate): may use {@code dev.repro.numeric}, {@code dev.repro.diag} and Apache Commons Math;
 * never study, report, drift, results or pipeline.
 */
package dev.repro.estimate.bootstrap;
