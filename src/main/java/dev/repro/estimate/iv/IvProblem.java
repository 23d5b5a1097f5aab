package dev.repro.estimate.iv;

import dev.repro.estimate.linear.Covariance;
import dev.repro.numeric.Effect;
import java.util.List;
import java.util.Objects;

/**
 * An IV model ready to estimate: no missing values, every variable a column of n values. Without absorbed effects a
 * constant is added to the exogenous regressors (and so to the instruments), reported last as "(Intercept)".
 *
 * @param dependent name of y
 * @param exogenousNames the included exogenous regressors (they instrument themselves)
 * @param exogenous their columns, {@code exogenous[j]} has n values
 * @param endogenousNames the endogenous regressors
 * @param endogenous their columns
 * @param instrumentNames the excluded instruments, at least as many as endogenous regressors
 * @param instruments their columns
 * @param absorb absorbed fixed effects (may be empty)
 * @param covariance iid, hc1, one- or two-way cluster, Driscoll-Kraay or panel Newey-West
 * @param method two-stage least squares or LIML
 * @param weights analytic/probability weights, positive and finite, one per observation (weighted least squares in
 *        both stages, as Stata's aweight/pweight and R's weights =), or null
 */
public record IvProblem(String dependent, double[] y, List<String> exogenousNames, double[][] exogenous, List<String> endogenousNames,
                        double[][] endogenous, List<String> instrumentNames, double[][] instruments, List<Effect> absorb,
                        Covariance covariance, Method method, double[] weights) {
    /** The k-class member: 2SLS (kappa = 1) or LIML (kappa the smallest root of Anderson and Rubin 1949). */
    public enum Method { TWO_SLS, LIML }

    public IvProblem {
        Objects.requireNonNull(dependent, "dependent");
        Objects.requireNonNull(y, "y");
        exogenousNames = List.copyOf(exogenousNames);
        endogenousNames = List.copyOf(endogenousNames);
        instrumentNames = List.copyOf(instrumentNames);
        absorb = List.copyOf(absorb);
        Objects.requireNonNull(covariance, "covariance");
        Objects.requireNonNull(method, "method");
        check(exogenousNames, exogenous, y.length);
        check(endogenousNames, endogenous, y.length);
        check(instrumentNames, instruments, y.length);
        if (endogenous.length == 0 || instruments.length < endogenous.length) {
            throw new IllegalArgumentException(endogenous.length + " endogenous regressors and " + instruments.length + " instruments");
        }
        if (covariance.kind() == Covariance.Kind.HAC) {
            throw new IllegalArgumentException("IV takes iid, hc1, cluster, dk or nw covariances, not " + covariance.label());
        }
        if (covariance.clusters().size() > 2) {
            throw new IllegalArgumentException("IV takes one- or two-way cluster covariances, not " + covariance.label());
        }
        if (weights != null) {
            if (weights.length != y.length) {
                throw new IllegalArgumentException(weights.length + " weights for " + y.length + " observations");
            }
            for (double w : weights) {
                if (!(w > 0) || !Double.isFinite(w)) {
                    throw new IllegalArgumentException("weight " + w + ": weights must be positive and finite");
                }
            }
        }
        for (Effect e : absorb) {
            if (e.codes().length != y.length) {
                throw new IllegalArgumentException("effect " + e.name() + " has " + e.codes().length + " codes for " + y.length + " rows");
            }
        }
    }

    /** An unweighted model. */
    public IvProblem(String dependent, double[] y, List<String> exogenousNames, double[][] exogenous, List<String> endogenousNames,
                     double[][] endogenous, List<String> instrumentNames, double[][] instruments, List<Effect> absorb,
                     Covariance covariance, Method method) {
        this(dependent, y, exogenousNames, exogenous, endogenousNames, endogenous, instrumentNames, instruments, absorb, covariance,
                method, null);
    }

    private static void check(List<String> names, double[][] cols, int n) {
        if (cols.length != names.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + cols.length + " columns");
        }
        for (double[] c : cols) {
            if (c.length != n) {
                throw new IllegalArgumentException("column of length " + c.length + " for " + n + " observations");
            }
        }
    }

    int n() {
        return y.length;
    }
}
