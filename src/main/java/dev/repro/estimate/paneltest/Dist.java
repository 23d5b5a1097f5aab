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

    /** Phi^-1(p), accurate to a few ulps: Commons Math's estimate polished by Newton steps on the lower or upper tail. */
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
        for (int i = 0; i < 3; i++) {
            double f = normalCdf(z) - p;
            double d = Math.exp(-0.5 * z * z) * INV_SQRT_2PI;
            if (d == 0) {
                break;
            }
            double step = f / d;
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
