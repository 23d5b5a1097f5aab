package dev.repro.index.winsor;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Percentiles by Stata's rule ({@code _pctile}, {@code summarize, detail}, {@code winsor2}; R's
 * {@code quantile(type = 2)}): for n sorted values and percent p, let P = n p / 100; if P is a whole number
 * the percentile is the average of the P-th and (P+1)-th values, otherwise the ceiling(P)-th value
 * (positions clamped to 1..n). P and its integrality are computed exactly in decimal from the percent as
 * written (BigDecimal), so that 1% of 300 values is exactly position 3 whatever binary rounding would do.
 */
public final class Percentiles {
    private Percentiles() {
    }

    /** The percentile of the first {@code n} entries of {@code sorted} (ascending, no NaN); NaN when n = 0. */
    public static double of(double[] sorted, int n, double percent) {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must be in [0, 100], was " + percent);
        }
        if (n == 0) {
            return Double.NaN;
        }
        BigDecimal p = BigDecimal.valueOf(percent).multiply(BigDecimal.valueOf(n)).divide(BigDecimal.valueOf(100));
        BigDecimal floor = p.setScale(0, RoundingMode.FLOOR);
        long j = floor.longValueExact();
        boolean whole = p.compareTo(floor) == 0;
        if (whole) {
            double a = sorted[clamp(j, n) - 1];
            double b = sorted[clamp(j + 1, n) - 1];
            return a == b ? a : (a + b) / 2;
        }
        return sorted[clamp(j + 1, n) - 1];
    }

    private static int clamp(long position, int n) {
        return (int) Math.max(1, Math.min(n, position));
    }
}
