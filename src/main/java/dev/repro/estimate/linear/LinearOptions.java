package dev.repro.estimate.linear;

import dev.repro.numeric.Effect;

import java.util.Objects;

/**
 * Options of {@link LinearModel#fit(LinearProblem)}; {@link #defaults()} gives the contract's conventions.
 *
 * @param estimator pooled/within or random effects
 * @param panel the panel unit (required for {@link Estimator#RANDOM}; otherwise only reported as groups), or null
 * @param smallSample small-sample conventions of the covariance
 * @param singletons keep or drop singleton observations of absorbed effects
 * @param tolerance convergence tolerance of the fixed-effects projection
 * @param maxIterations iteration limit of the fixed-effects projection
 * @param threads threads for projecting columns (results identical for any value)
 * @param fixNonPsd for multiway clustering: set negative eigenvalues of V to zero (Cameron, Gelbach, Miller 2011)
 * @param collinearityTolerance a regressor is dropped when its part not explained by the earlier regressors
 *        (and the absorbed effects) has a norm below this fraction of its own centred norm
 * @param weights analytic/probability weights, one per observation of the problem (weighted least squares, as
 *        Stata aweight/pweight and R lm(weights =)), or null
 */
public record LinearOptions(Estimator estimator, Effect panel, SmallSample smallSample, Singletons singletons,
                            double tolerance, int maxIterations, int threads, boolean fixNonPsd,
                            double collinearityTolerance, double[] weights) {
    public static final double DEFAULT_COLLINEARITY_TOLERANCE = 1e-9;

    public LinearOptions {
        Objects.requireNonNull(estimator, "estimator");
        Objects.requireNonNull(smallSample, "smallSample");
        Objects.requireNonNull(singletons, "singletons");
        if (!(tolerance > 0) || maxIterations < 1 || threads < 1 || !(collinearityTolerance > 0)) {
            throw new IllegalArgumentException("tolerance and collinearityTolerance must be > 0, maxIterations and threads >= 1");
        }
    }

    public static LinearOptions defaults() {
        return new LinearOptions(Estimator.LINEAR, null, SmallSample.STATA, Singletons.KEEP,
            FixedEffectsProjector.DEFAULT_TOLERANCE, FixedEffectsProjector.DEFAULT_MAX_ITERATIONS,
            Math.max(1, Runtime.getRuntime().availableProcessors()), false, DEFAULT_COLLINEARITY_TOLERANCE, null);
    }

    public LinearOptions withEstimator(Estimator e) {
        return new LinearOptions(e, panel, smallSample, singletons, tolerance, maxIterations, threads, fixNonPsd, collinearityTolerance, weights);
    }

    public LinearOptions withPanel(Effect p) {
        return new LinearOptions(estimator, p, smallSample, singletons, tolerance, maxIterations, threads, fixNonPsd, collinearityTolerance, weights);
    }

    public LinearOptions withSmallSample(SmallSample s) {
        return new LinearOptions(estimator, panel, s, singletons, tolerance, maxIterations, threads, fixNonPsd, collinearityTolerance, weights);
    }

    public LinearOptions withSingletons(Singletons s) {
        return new LinearOptions(estimator, panel, smallSample, s, tolerance, maxIterations, threads, fixNonPsd, collinearityTolerance, weights);
    }

    public LinearOptions withThreads(int t) {
        return new LinearOptions(estimator, panel, smallSample, singletons, tolerance, maxIterations, t, fixNonPsd, collinearityTolerance, weights);
    }

    public LinearOptions withFixNonPsd(boolean f) {
        return new LinearOptions(estimator, panel, smallSample, singletons, tolerance, maxIterations, threads, f, collinearityTolerance, weights);
    }

    /** Weighted least squares with these weights (positive and finite; one per observation), or null for none. */
    public LinearOptions withWeights(double[] w) {
        return new LinearOptions(estimator, panel, smallSample, singletons, tolerance, maxIterations, threads, fixNonPsd, collinearityTolerance, w);
    }
}
