package dev.repro.report;

/**
 * Count, mean, sample standard deviation (n-1), minimum and maximum of the non-missing values of a column.
 *
 * <p>Why two passes: the one-pass textbook formula (sum of squares minus n times the squared mean) loses
 * every significant digit when the mean is large relative to the spread (emissions in the tens of
 * thousands). We use the corrected two-pass algorithm of Chan, Golub and LeVeque (1983, "Algorithms for
 * computing the sample variance", Am. Stat. 37(3)): mean m from a first pass, then
 * var = (sum (x-m)^2 - (sum (x-m))^2 / n) / (n - 1), where the second term removes the rounding error of m.
 * R's {@code var} (the reference for our golden values) also centres before squaring.
 */
public record Moments(long n, double mean, double sd, double min, double max) {

    /** The statistics of {@code values} skipping NaN (missing); mean, sd, min and max are NaN when n is 0, sd when n is 1. */
    public static Moments of(double[] values) {
        return of(values, null);
    }

    /** As {@link #of(double[])} over the rows where {@code rows[i]} is true (all rows when null). */
    public static Moments of(double[] values, boolean[] rows) {
        long n = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (Double.isNaN(v) || rows != null && !rows[i]) {
                continue;
            }
            n++;
            sum += v;
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
        }
        if (n == 0) {
            return new Moments(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double m = sum / n;
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (Double.isNaN(v) || rows != null && !rows[i]) {
                continue;
            }
            double d = v - m;
            s1 += d;
            s2 += d * d;
        }
        double mean = m + s1 / n;
        double sd = n < 2 ? Double.NaN : Math.sqrt(Math.max(0, (s2 - s1 * s1 / n) / (n - 1)));
        return new Moments(n, mean, sd, min, max);
    }

    /** The statistic by its table key: n, mean, sd, min or max. */
    public double get(String key) {
        return switch (key) {
            case "n" -> n;
            case "mean" -> mean;
            case "sd" -> sd;
            case "min" -> min;
            case "max" -> max;
            default -> throw new IllegalArgumentException("unknown statistic " + key);
        };
    }
}
