package dev.repro.estimate.ppml;

import dev.repro.estimate.linear.Covariance;
import dev.repro.numeric.Effect;
import java.util.List;
import java.util.Objects;

/**
 * A Poisson model ready to estimate: no missing values, the outcome 0 or more, regressors as columns. Without
 * absorbed effects a constant is added, reported last as "(Intercept)".
 *
 * @param dependent name of y
 * @param y the outcome (counts or any non-negative values, e.g. trade flows), n values
 * @param names regressor names in formula order
 * @param x regressor columns, {@code x[j]} has n values
 * @param absorb absorbed fixed effects (may be empty)
 * @param covariance iid, hc1 or one- or two-way cluster
 * @param tolerance IRLS stops when |dev - dev_previous| / (|dev| + 0.1) &lt; tolerance (glm's rule)
 * @param maxIterations IRLS iterations at most
 */
public record PpmlProblem(String dependent, double[] y, List<String> names, double[][] x, List<Effect> absorb,
                          Covariance covariance, double tolerance, int maxIterations) {
    /** The default convergence tolerance: tight enough for 1e-8 agreement of coefficients and standard errors. */
    public static final double DEFAULT_TOLERANCE = 1e-10;
    public static final int DEFAULT_MAX_ITERATIONS = 100;

    public PpmlProblem {
        Objects.requireNonNull(dependent, "dependent");
        Objects.requireNonNull(y, "y");
        names = List.copyOf(names);
        absorb = List.copyOf(absorb);
        Objects.requireNonNull(covariance, "covariance");
        if (x.length != names.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + x.length + " regressor columns");
        }
        for (double[] col : x) {
            if (col.length != y.length) {
                throw new IllegalArgumentException("regressor column of length " + col.length + " for " + y.length + " observations");
            }
        }
        for (Effect e : absorb) {
            if (e.codes().length != y.length) {
                throw new IllegalArgumentException("effect " + e.name() + " has " + e.codes().length + " codes for " + y.length + " observations");
            }
        }
        if (!(tolerance > 0) || maxIterations < 1) {
            throw new IllegalArgumentException("tolerance must be > 0 and maxIterations >= 1");
        }
    }

    /** The model with the default tolerance and iteration limit. */
    public PpmlProblem(String dependent, double[] y, List<String> names, double[][] x, List<Effect> absorb, Covariance covariance) {
        this(dependent, y, names, x, absorb, covariance, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }
}
