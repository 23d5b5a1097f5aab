/**
 * Numerical building blocks shared by the estimators, one of each: {@link dev.repro.numeric.Dense} (dense
 * matrix and vector algebra, the sandwich B M B, inverses, eigenvalues), {@link dev.repro.numeric.SplitMix64}
 * (the bootstrap generator), {@link dev.repro.numeric.Parallel} (the thread helper whose results do not depend
 * on the thread count), {@link dev.repro.numeric.Effect} (a categorical variable coded 0..levels-1) and
 * {@link dev.repro.numeric.Effects} (the rank of absorbed dummies, the clusters of multiway clustering).
 *
 * <p>Layer 3: may use {@code dev.repro.diag}, {@code dev.repro.io}, {@code dev.repro.config} and Apache
 * Commons Math; knows no data set, formula, estimator or study.
 */
package dev.repro.numeric;
