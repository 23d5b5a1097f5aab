package dev.repro.estimate.paneltest;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Gamma;

/**
 * Distribution functions with full relative accuracy in the tails, where test p-values live: upper tails are
 * computed directly (never as 1 - cdf), and the normal quantile is refined by Newton steps on the cdf.
 */
final class Dist {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    private static final double INV_SQRT_2PI = 0.3989422804014327;

    private Dist() {
    }

    /** Phi(x). */
    static double normalCdf(double x) {
        return NORMAL.cumulativeProbability(x);
    }

    /** 1 - Phi(x), computed as Phi(-x). */
    static double normalUpper(double x) {
        return NORMAL.cumulativeProbability(-x);
    }

    /** Two-sided p-value 2 (1 - Phi(|x|)). */
    static double normalTwoSided(double x) {
        return 2 * NORMAL.cumulativeProbability(-Math.abs(x));
    }

    /**
     * Phi^-1(p) to a few ulps for any p in (0, 1): Commons Math's estimate (or, deep in the tail where it gives
     * up, -sqrt(-2 ln p)) polished by Newton steps on ln Phi(z) = ln p, which keep full relative accuracy for
     * p down to the smallest doubles. The upper half is mirrored (1 - p is exact there).
     */
    static double normalQuantile(double p) {
        if (p <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (p > 0.5) {
            return -normalQuantile(1 - p);
        }
        double z = NORMAL.inverseCumulativeProbability(p);
        if (!Double.isFinite(z) || z < -37) {
            z = -Math.sqrt(-2 * Math.log(p));
        }
        double lp = Math.log(p);
        for (int i = 0; i < 50; i++) {
            double cdf = normalCdf(z);
            double dens = Math.exp(-0.5 * z * z) * INV_SQRT_2PI;
            if (cdf <= 0 || dens == 0) {
                break;
            }
            double step = (Math.log(cdf) - lp) * cdf / dens;
            z -= step;
            if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(z))) {
                break;
            }
        }
        return z;
    }

    /** P(chi2(df) > x). */
    static double chiSquaredUpper(double x, double df) {
        if (x <= 0) {
            return 1.0;
        }
        return Gamma.regularizedGammaQ(df / 2, x / 2);
    }

    /** P(t(df) <= x). */
    static double tCdf(double x, double df) {
        return new TDistribution(null, df).cumulativeProbability(x);
    }
}
