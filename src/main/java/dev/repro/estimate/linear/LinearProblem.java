package dev.repro.estimate.linear;

import dev.repro.numeric.Effect;

import java.util.List;
import java.util.Objects;

/**
 * A linear model ready to estimate: no missing values, regressors as columns.
 * Without absorbed effects a constant is added (pooled OLS); with them, every effect is projected out.
 * Random effects ({@link Estimator#RANDOM} in the options) take the panel unit from the options and
 * absorb nothing.
 *
 * @param dependent name of y
 * @param y the dependent variable, n values
 * @param names regressor names in formula order
 * @param x regressor columns, {@code x[j]} has n values
 * @param absorb absorbed fixed effects (may be empty)
 * @param covariance the covariance estimator
 * @param options estimator, conventions and numerical options
 */
public record LinearProblem(String dependent, double[] y, List<String> names, double[][] x,
                            List<Effect> absorb, Covariance covariance, LinearOptions options) {
    public LinearProblem {
        Objects.requireNonNull(dependent, "dependent");
        Objects.requireNonNull(y, "y");
        names = List.copyOf(names);
        absorb = List.copyOf(absorb);
        Objects.requireNonNull(covariance, "covariance");
        Objects.requireNonNull(options, "options");
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
        for (Effect e : covariance.clusters()) {
            if (e.codes().length != y.length) {
                throw new IllegalArgumentException("cluster " + e.name() + " has " + e.codes().length + " codes for " + y.length + " observations");
            }
        }
        for (Effect e : new Effect[] {covariance.time(), covariance.unit()}) {
            if (e != null && e.codes().length != y.length) {
                throw new IllegalArgumentException("panel index " + e.name() + " has " + e.codes().length + " codes for " + y.length + " observations");
            }
        }
        if (options.panel() != null && options.panel().codes().length != y.length) {
            throw new IllegalArgumentException("panel " + options.panel().name() + " has " + options.panel().codes().length + " codes for " + y.length + " observations");
        }
        if (options.weights() != null && options.weights().length != y.length) {
            throw new IllegalArgumentException(options.weights().length + " weights for " + y.length + " observations");
        }
        if (options.estimator() == Estimator.RANDOM) {
            if (options.weights() != null) {
                throw new IllegalArgumentException("random effects take no weights");
            }
            if (options.panel() == null) {
                throw new IllegalArgumentException("random effects need the panel unit in the options");
            }
            if (!absorb.isEmpty()) {
                throw new IllegalArgumentException("random effects absorb no fixed effect");
            }
        }
    }

    /** A pooled or within model with the default options. */
    public LinearProblem(String dependent, double[] y, List<String> names, double[][] x,
                         List<Effect> absorb, Covariance covariance) {
        this(dependent, y, names, x, absorb, covariance, LinearOptions.defaults());
    }

    public int nobs() {
        return y.length;
    }
}
