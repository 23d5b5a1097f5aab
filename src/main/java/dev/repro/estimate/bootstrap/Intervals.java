package dev.repro.estimate.bootstrap;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Erf;

/**
 * Summaries of a bootstrap distribution theta*_1..theta*_B of an estimate theta-hat (Efron and Tibshirani 1993).
 * Replicates that are NaN (could not be computed) are left out; {@code B} is the number of valid ones.
 */
public final class Intervals {
    private static final NormalDistribution N01 = new NormalDistribution(null, 0, 1);

    private Intervals() {
    }

    /** The valid replicates, sorted ascending. */
    public static double[] valid(double[] draws) {
        return Arrays.stream(draws).filter(d -> !Double.isNaN(d)).sorted().toArray();
    }

    /** Bootstrap standard error: the standard deviation of the replicates with divisor B - 1 (Stata's bootstrap). */
    public static double se(double[] sorted) {
        int b = sorted.length;
        if (b < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double d : sorted) {
            mean += d;
        }
        mean /= b;
        double ss = 0;
        for (double d : sorted) {
            ss += (d - mean) * (d - mean);
        }
        return Math.sqrt(ss / (b - 1));
    }

    /** R's quantile(type = 7): x[h] interpolated at h = (B - 1) p, zero-based. */
    public static double quantile(double[] sorted, double p) {
        int b = sorted.length;
        if (b == 0) {
            return Double.NaN;
        }
        double h = (b - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= b - 1) {
            return sorted[b - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    /** Percentile interval: the alpha/2 and 1 - alpha/2 quantiles of the replicates, alpha = 1 - level. */
    public static double[] percentile(double[] sorted, double level) {
        double a = (1 - level) / 2;
        return new double[] {quantile(sorted, a), quantile(sorted, 1 - a)};
    }

    /**
     * Bias-corrected interval (Efron 1982): {@code z0 = Phi^-1(#{theta* < theta-hat} / B)}; the bounds are the quantiles at
     * Phi(2 z0 + z_(alpha/2)) and Phi(2 z0 + z_(1-alpha/2)). NaN when every replicate is on one side of theta-hat.
     */
    public static double[] biasCorrected(double[] sorted, double estimate, double level) {
        int b = sorted.length;
        int below = 0;
        while (below < b && sorted[below] < estimate) {
            below++;
        }
        if (below == 0 || below == b) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double z0 = N01.inverseCumulativeProbability((double) below / b);
        double za = N01.inverseCumulativeProbability((1 - level) / 2);
        return new double[] {quantile(sorted, N01.cumulativeProbability(2 * z0 + za)),
            quantile(sorted, N01.cumulativeProbability(2 * z0 - za))};
    }

    /** Normal-approximation p-value 2 P(Z > |theta-hat / se|), as Stata's bootstrap table (the seed paper's Table 8). */
    public static double normalP(double estimate, double se) {
        double z = estimate / se;
        return Double.isNaN(z) ? Double.NaN : Erf.erfc(Math.abs(z) / Math.sqrt(2.0));
    }

    /** Percentile p-value: {@code 2 min(#{theta* <= 0}, #{theta* >= 0}) / B}, capped at 1. */
    public static double percentileP(double[] sorted) {
        int b = sorted.length;
        if (b == 0) {
            return Double.NaN;
        }
        int le = 0;
        int ge = 0;
        for (double d : sorted) {
            if (d <= 0) {
                le++;
            }
            if (d >= 0) {
                ge++;
            }
        }
        return Math.min(1.0, 2.0 * Math.min(le, ge) / b);
    }
}
