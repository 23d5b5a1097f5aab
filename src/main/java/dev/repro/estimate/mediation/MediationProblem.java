package dev.repro.estimate.mediation;

import dev.repro.estimate.linear.Covariance;
import dev.repro.numeric.Effect;
import dev.repro.estimate.linear.LinearOptions;
import java.util.List;
import java.util.Objects;

/**
 * A mediation analysis on one estimation sample (complete rows of every variable): treatment X, one mediator M
 * (simple mediation) or two, M1 then M2 (the chain X -> M1 -> M2 -> Y), outcome Y, controls, absorbed effects
 * and the covariance of the linear regressions.
 *
 * @param units the panel unit of each row: the bootstrap resamples whole units; null without a bootstrap
 * @param bootstrap the bootstrap, or null for none
 */
public record MediationProblem(String treatment, List<String> mediators, String outcome, List<String> controls,
                               double[] x, double[][] m, double[] y, double[][] c, List<Effect> absorb,
                               Covariance covariance, LinearOptions options, Effect units, Bootstrap bootstrap) {
    /**
     * @param replications number of bootstrap replicates
     * @param level confidence level of the intervals, e.g. 0.95
     * @param intervals "percentile" and/or "bc"; the first is the one reported as ciLower/ciUpper
     * @param seed the study's seed; replicate b draws from SplitMix64(seed, b)
     */
    public record Bootstrap(int replications, double level, List<String> intervals, long seed) {
        public Bootstrap {
            intervals = List.copyOf(intervals);
            if (replications < 2) {
                throw new IllegalArgumentException("a bootstrap needs at least 2 replications");
            }
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("level must be in (0, 1)");
            }
            for (String i : intervals) {
                if (!i.equals("percentile") && !i.equals("bc")) {
                    throw new IllegalArgumentException("unknown interval " + i);
                }
            }
            if (intervals.isEmpty()) {
                throw new IllegalArgumentException("name at least one interval");
            }
        }
    }

    public MediationProblem {
        Objects.requireNonNull(treatment, "treatment");
        mediators = List.copyOf(mediators);
        Objects.requireNonNull(outcome, "outcome");
        controls = List.copyOf(controls);
        absorb = List.copyOf(absorb);
        Objects.requireNonNull(covariance, "covariance");
        Objects.requireNonNull(options, "options");
        if (mediators.size() != m.length || mediators.isEmpty() || mediators.size() > 2) {
            throw new IllegalArgumentException("one or two mediators, with their columns");
        }
        if (controls.size() != c.length) {
            throw new IllegalArgumentException(controls.size() + " control names for " + c.length + " columns");
        }
        int n = y.length;
        if (x.length != n) {
            throw new IllegalArgumentException("treatment has " + x.length + " rows for " + n);
        }
        for (double[] col : m) {
            if (col.length != n) {
                throw new IllegalArgumentException("a mediator has " + col.length + " rows for " + n);
            }
        }
        for (double[] col : c) {
            if (col.length != n) {
                throw new IllegalArgumentException("a control has " + col.length + " rows for " + n);
            }
        }
        if (bootstrap != null && (units == null || units.codes().length != n)) {
            throw new IllegalArgumentException("a bootstrap needs the panel unit of every row");
        }
    }

    public boolean chain() {
        return mediators.size() == 2;
    }
}
