package dev.repro.estimate.linear;

import dev.repro.numeric.Effect;
import dev.repro.numeric.Effects;
import java.util.ArrayList;
import java.util.List;

/**
 * Degrees of freedom of a linear fit: the absorbed parameters (reghdfe's exact count for two effects, or the
 * fixest/plm count) and the K of the hc1 and cluster small-sample factors, which leave out effects nested in a
 * cluster variable under the Stata convention.
 *
 * @param absorbed absorbed fixed-effect parameters counted in dfResid (0 without absorbed effects)
 * @param dfResid residual degrees of freedom
 * @param kHc K of the hc1 factor n / (n - K)
 * @param kCluster K of the cluster factor (n - 1) / (n - K)
 * @param nested names of absorbed effects nested in a cluster variable
 */
record DegreesOfFreedom(int absorbed, int dfResid, int kHc, int kCluster, List<String> nested) {
    /** Absorbed parameters and K of each covariance, by the convention chosen. */
    static DegreesOfFreedom of(EstimationSample sample, boolean noAbsorb, int kS) {
        LinearOptions o = sample.options();
        List<Effect> fe = sample.fe();
        List<Effect> cl = sample.cl();
        int n = sample.n();
        SmallSample ss = o.smallSample();
        boolean[] nested = new boolean[fe.size()];
        List<String> nestedNames = new ArrayList<>();
        for (int k = 0; k < fe.size(); k++) {
            for (Effect c : cl) {
                if (nestedIn(fe.get(k), c)) {
                    nested[k] = true;
                }
            }
            if (nested[k]) {
                nestedNames.add(fe.get(k).name());
            }
        }
        int absorbed = noAbsorb ? 1 : Effects.absorbedRank(fe, ss == SmallSample.STATA);
        List<Effect> nonNested = new ArrayList<>();
        for (int k = 0; k < fe.size(); k++) {
            if (!nested[k]) {
                nonNested.add(fe.get(k));
            }
        }
        int absorbedCluster = noAbsorb || nonNested.isEmpty() ? 1 : Effects.absorbedRank(nonNested, ss == SmallSample.STATA);
        int dfResid = n - kS - absorbed;
        if (dfResid <= 0) {
            throw new LinearModelException(n + " observations are too few for " + kS + " regressors"
                + (noAbsorb ? " and a constant" : " and " + absorbed + " absorbed fixed-effect levels")
                + ": the residual degrees of freedom would be " + dfResid + "; use fewer regressors or fixed effects");
        }
        int kHc;
        int kCluster;
        if (ss == SmallSample.PLM || ss == SmallSample.NONE) {
            kHc = kS + (fe.isEmpty() ? 1 : 0);
            kCluster = kHc;
        } else {
            kHc = kS + absorbed;
            kCluster = kS + absorbedCluster;
        }
        return new DegreesOfFreedom(noAbsorb ? 0 : absorbed, dfResid, kHc, kCluster, nestedNames);
    }

    /** True when every level of {@code e} lies within a single cluster of {@code c}. */
    static boolean nestedIn(Effect e, Effect c) {
        return Effects.nestedIn(e, c);
    }
}
