package dev.repro.estimate.linear;

import java.util.List;
import java.util.Objects;

/**
 * A linear model ready to estimate: no missing values, regressors as columns.
 * Without absorbed effects a constant is added (pooled OLS); with them, every effect is projected out.
 *
 * @param dependent name of y
 * @param y the dependent variable, n values
 * @param names regressor names in formula order
 * @param x regressor columns, {@code x[j]} has n values
 * @param absorb absorbed fixed effects (may be empty)
 * @param covariance the covariance estimator
 */
public record LinearProblem(String dependent, double[] y, List<String> names, double[][] x,
                            List<Effect> absorb, Covariance covariance) {
    public LinearProblem {
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
    }

    public int nobs() {
        return y.length;
    }
}
