package dev.repro.estimate.mediation;

import dev.repro.estimate.linear.Coefficient;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mediation analysis as {@link Mediation#run} estimates it. A value that could not be computed is NaN.
 *
 * @param treatment X
 * @param mediators M, or M1 then M2 for a chain
 * @param outcome Y
 * @param controls the controls, empty when none
 * @param nobs rows of the common sample
 * @param paths the coefficients of the regressions
 * @param indirect a b (a chain: a1 d21 b2) with its normal tests
 * @param direct c'
 * @param total c
 * @param chain a chain's specific and total indirect effects, null for simple mediation
 * @param proportionMediated indirect (a chain: total indirect) over total effect
 * @param bootstrap the bootstrap's settings, null without one
 */
public record MediationFit(String treatment, List<String> mediators, String outcome, List<String> controls, int nobs,
                           Paths paths, EffectEstimate indirect, EffectEstimate direct, EffectEstimate total, ChainEffects chain,
                           double proportionMediated, BootstrapInfo bootstrap) {
    public MediationFit {
        mediators = List.copyOf(mediators);
        controls = List.copyOf(controls);
    }

    /**
     * The coefficients of interest: a (X on the mediator; a chain: a1), b (the mediator on Y; a chain: b2), c (total)
     * and c' (direct); a chain's a1, a2, d21, b1 and b2 (all null for simple mediation).
     */
    public record Paths(Coefficient a, Coefficient b, Coefficient c, Coefficient cPrime, Coefficient a1, Coefficient a2,
                        Coefficient d21, Coefficient b1, Coefficient b2) {
    }

    /**
     * One effect: its estimate, analytic normal tests of an indirect effect (Sobel, Aroian and Goodman for simple
     * mediation, the delta method for a chain; null otherwise) and the bootstrap summary (null without one).
     */
    public record EffectEstimate(double estimate, NormalTest sobel, NormalTest aroian, NormalTest goodman, NormalTest delta,
                         Bootstrapped bootstrapped) {
        static EffectEstimate of(double estimate) {
            return new EffectEstimate(estimate, null, null, null, null, null);
        }

        EffectEstimate withBootstrap(Bootstrapped b) {
            return new EffectEstimate(estimate, sobel, aroian, goodman, delta, b);
        }
    }

    /** A chain's specific indirect effects a1 b1 (through M1 only), a2 b2 (through M2 only) and their sum with a1 d21 b2. */
    public record ChainEffects(EffectEstimate indirectM1, EffectEstimate indirectM2, EffectEstimate totalIndirect) {
    }

    /** A normal test of an effect from an analytic standard error: z = estimate / se, two-sided p. */
    public record NormalTest(double se, double z, double p) {
    }

    /**
     * An effect's bootstrap summary: the standard error of the replicates, z = estimate / se, the interval of the
     * first method, the normal p-value from se, the percentile p-value, and every interval [lower, upper] by method.
     */
    public record Bootstrapped(double se, double z, double ciLower, double ciUpper, double p, double pPercentile,
                               Map<String, double[]> intervals) {
        public Bootstrapped {
            Map<String, double[]> copy = new LinkedHashMap<>();
            intervals.forEach((k, v) -> copy.put(k, v.clone()));
            intervals = Collections.unmodifiableMap(copy);
        }
    }

    /**
     * @param level confidence level
     * @param replications replicates drawn
     * @param validReplications replicates that gave every effect
     * @param intervals the interval methods, the first reported as ciLower/ciUpper
     * @param seed the study's seed
     * @param resampled the panel unit column whose units were drawn
     * @param units how many units the sample has
     */
    public record BootstrapInfo(double level, int replications, int validReplications, List<String> intervals, long seed,
                                String resampled, int units) {
        public BootstrapInfo {
            intervals = List.copyOf(intervals);
        }
    }
}
