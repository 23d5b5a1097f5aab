package dev.repro.estimate.linear;

import dev.repro.numeric.Effect;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * The meat of the covariances robust to serial and cross-sectional dependence in a panel, with Bartlett weights
 * w_l = 1 - l / (L + 1), s_it = z_it e_it the score of observation (i, t), time periods indexed by their position
 * among the periods present in the estimation sample (as plm 2.6.2 vcovG):
 * <ul>
 *   <li>Driscoll and Kraay (1998), {@code plm::vcovSCC}, Stata {@code xtscc}: with S_t = sum_i s_it,
 *       M = sum_t S_t S_t' + sum_{l=1..L} w_l sum_t (S_t S_{t-l}' + S_{t-l} S_t');</li>
 *   <li>panel Newey-West, {@code plm::vcovNW} (Newey and West 1987 within each unit, Arellano 1987 for L = T-1):
 *       M = sum_i [sum_t s_it s_it' + sum_{l=1..L} w_l sum_t (s_it s_{i,t-l}' + s_{i,t-l} s_it')].</li>
 *   <li>time-series HAC, {@code sandwich::NeweyWest}, Stata {@code newey}: the Driscoll-Kraay meat of a series with one
 *       observation per period (Newey and West 1987).</li>
 * </ul>
 * No small-sample factor is applied (plm's default type "HC0"). The default L is plm's
 * floor(max_i T_i ^ (1/4)), T_i the observations of unit i. Public for the IV estimator, whose scores are the same products.
 */
public final class SerialMeat {
    private SerialMeat() {
    }

    /** plm's default lag: the largest L with {@code L^4 <= max_i T_i}, computed in integers (exact floor). */
    public static int defaultLag(Effect unit) {
        int[] counts = new int[unit.levels()];
        for (int c : unit.codes()) {
            counts[c]++;
        }
        long maxT = Arrays.stream(counts).max().orElse(0);
        int lag = 0;
        while ((long) (lag + 1) * (lag + 1) * (lag + 1) * (lag + 1) <= maxT) {
            lag++;
        }
        return lag;
    }

    /**
     * The default lag of a time-series HAC covariance with T observations: floor(4 (T/100)^(2/9)), the rule of thumb of
     * Newey and West (1994, section 3) for the Bartlett kernel (also Stata xtscc's and pperron's default), computed
     * exactly in integers: the largest L with 100^2 L^9 <= 4^9 T^2.
     */
    static int timeSeriesDefaultLag(int observations) {
        BigInteger bound = BigInteger.valueOf(observations).pow(2).multiply(BigInteger.valueOf(4).pow(9));
        int lag = 0;
        while (BigInteger.valueOf(lag + 1L).pow(9).multiply(BigInteger.valueOf(10_000)).compareTo(bound) <= 0) {
            lag++;
        }
        return lag;
    }

    /** Driscoll-Kraay meat: Bartlett-weighted autocovariances of the cross-sectional sums of the scores. */
    public static double[][] driscollKraay(List<double[]> z, double[] e, Effect time, int lag) {
        int k = z.size();
        int periods = time.levels();
        double[][] sums = new double[periods][k];
        int[] t = time.codes();
        for (int a = 0; a < k; a++) {
            double[] za = z.get(a);
            for (int i = 0; i < e.length; i++) {
                sums[t[i]][a] += za[i] * e[i];
            }
        }
        double[][] m = new double[k][k];
        for (int l = 0; l <= lag; l++) {
            double w = l == 0 ? 1.0 : 1.0 - l / (lag + 1.0);
            for (int p = l; p < periods; p++) {
                addOuter(m, sums[p], sums[p - l], w, l > 0);
            }
        }
        return m;
    }

    /** Panel Newey-West meat: Bartlett-weighted autocovariances of the scores within each unit. */
    public static double[][] neweyWest(List<double[]> z, double[] e, Effect time, Effect unit, int lag) {
        int k = z.size();
        int n = e.length;
        int[] t = time.codes();
        int[] u = unit.codes();
        // rows ordered by unit, then time, so that the lags of a row are the rows just before it
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> u[a] != u[b] ? Integer.compare(u[a], u[b]) : Integer.compare(t[a], t[b]));
        double[][] scores = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < k; a++) {
                scores[i][a] = z.get(a)[i] * e[i];
            }
        }
        double[][] m = new double[k][k];
        for (int r = 0; r < n; r++) {
            int i = boxed[r];
            addOuter(m, scores[i], scores[i], 1.0, false);
            for (int q = r - 1; q >= 0; q--) {
                int j = boxed[q];
                int l = t[i] - t[j];
                if (u[j] != u[i] || l > lag) {
                    break;
                }
                if (l > 0) {
                    addOuter(m, scores[i], scores[j], 1.0 - l / (lag + 1.0), true);
                }
            }
        }
        return m;
    }

    /** m += w a b' (and its transpose w b a' when {@code symmetric}). */
    private static void addOuter(double[][] m, double[] a, double[] b, double w, boolean symmetric) {
        int k = a.length;
        for (int r = 0; r < k; r++) {
            for (int c = 0; c < k; c++) {
                double v = a[r] * b[c];
                if (symmetric) {
                    v += b[r] * a[c];
                }
                m[r][c] += w * v;
            }
        }
    }
}
