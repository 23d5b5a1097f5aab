package dev.repro.pipeline;

/**
 * The mean of the dependent variable over a model's estimation sample, as Stata's {@code estadd ysumm} adds it for
 * esttab's "Mean of dep. var." ({@code summarize depvar [weight] if e(sample)}): weighted by the model's weights
 * when it has them. Summed with Neumaier's compensation so that the value does not depend on the row order's
 * rounding beyond the last bit.
 */
final class DependentMean {
    private DependentMean() {
    }

    /**
     * The (weighted) mean of {@code y} over {@code rows} (all of y when null); {@code weights} may be null, and are
     * indexed like y.
     */
    static Double of(double[] y, int[] rows, double[] weights) {
        int n = rows == null ? y.length : rows.length;
        if (n == 0) {
            return null;
        }
        double[] sum = new double[2];
        double[] wsum = new double[2];
        for (int k = 0; k < n; k++) {
            int i = rows == null ? k : rows[k];
            double w = weights == null ? 1 : weights[i];
            add(sum, w * y[i]);
            add(wsum, w);
        }
        double mean = (sum[0] + sum[1]) / (wsum[0] + wsum[1]);
        return Double.isFinite(mean) ? mean : null;
    }

    /** Neumaier's compensated addition: acc[0] the sum, acc[1] the running compensation. */
    private static void add(double[] acc, double v) {
        double t = acc[0] + v;
        acc[1] += Math.abs(acc[0]) >= Math.abs(v) ? (acc[0] - t) + v : (v - t) + acc[0];
        acc[0] = t;
    }
}
