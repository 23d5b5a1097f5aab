package dev.repro.estimate.paneltest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

/**
 * Published moment tables of the panel unit-root statistics, looked up as R plm does: linear interpolation
 * in T between the tabulated values, the first (last) column below (above) the table with a note.
 */
final class MomentTables {
    private MomentTables() {
    }

    /**
     * Levin, Lin and Chu (2002), Table 2: mean adjustment mu* and standard deviation adjustment sigma* of the
     * t statistic, by T, for the models without constant, with intercept and with trend. (R plm's adj.levinlin.)
     */
    private static final double[] LLC_T = {25, 30, 35, 40, 45, 50, 60, 70, 80, 90, 100, 250, 500};
    private static final double[][][] LLC = {
        { // none: mu, sigma
            {0.004, 0.003, 0.002, 0.002, 0.001, 0.001, 0.001, 0.000, 0.000, 0.000, 0.000, 0.000, 0.000},
            {1.049, 1.035, 1.027, 1.021, 1.017, 1.014, 1.011, 1.008, 1.007, 1.006, 1.005, 1.001, 1.000},
        },
        { // intercept
            {-0.554, -0.546, -0.541, -0.537, -0.533, -0.531, -0.527, -0.524, -0.521, -0.520, -0.518, -0.509, -0.500},
            {0.919, 0.889, 0.867, 0.850, 0.837, 0.826, 0.810, 0.798, 0.789, 0.782, 0.776, 0.742, 0.707},
        },
        { // trend
            {-0.703, -0.674, -0.653, -0.637, -0.624, -0.614, -0.598, -0.587, -0.578, -0.571, -0.566, -0.533, -0.500},
            {1.003, 0.949, 0.906, 0.871, 0.842, 0.818, 0.780, 0.751, 0.728, 0.710, 0.695, 0.603, 0.500},
        },
    };

    /**
     * Im, Pesaran and Shin (2003), Table 3: mean and variance of the individual ADF t statistic by the
     * number of lags (0..8, rows) and T (columns) for the models with intercept and with trend; NaN where
     * the paper gives no value. (R plm's adj.ips.wtbar.)
     */
    private static final double[] IPS_T = {10, 15, 20, 25, 30, 40, 50, 60, 70, 100};
    private static final double N = Double.NaN;
    private static final double[][][][] IPS = {
        { // intercept
            { // mean
                {-1.504, -1.514, -1.522, -1.520, -1.526, -1.523, -1.527, -1.519, -1.524, -1.532},
                {-1.488, -1.503, -1.516, -1.514, -1.519, -1.520, -1.524, -1.519, -1.522, -1.530},
                {-1.319, -1.387, -1.428, -1.443, -1.460, -1.476, -1.493, -1.490, -1.498, -1.514},
                {-1.306, -1.366, -1.413, -1.433, -1.453, -1.471, -1.489, -1.486, -1.495, -1.512},
                {-1.171, -1.260, -1.329, -1.363, -1.394, -1.428, -1.454, -1.458, -1.470, -1.495},
                {N, N, -1.313, -1.351, -1.384, -1.421, -1.451, -1.454, -1.467, -1.494},
                {N, N, N, -1.289, -1.331, -1.380, -1.418, -1.427, -1.444, -1.476},
                {N, N, N, -1.273, -1.319, -1.371, -1.411, -1.423, -1.441, -1.474},
                {N, N, N, -1.212, -1.266, -1.329, -1.377, -1.393, -1.415, -1.456},
            },
            { // variance
                {1.069, 0.923, 0.851, 0.809, 0.789, 0.770, 0.760, 0.749, 0.736, 0.735},
                {1.255, 1.011, 0.915, 0.861, 0.831, 0.803, 0.781, 0.770, 0.753, 0.745},
                {1.421, 1.078, 0.969, 0.905, 0.865, 0.830, 0.798, 0.789, 0.766, 0.754},
                {1.759, 1.181, 1.037, 0.952, 0.907, 0.858, 0.819, 0.802, 0.782, 0.761},
                {2.080, 1.279, 1.097, 1.005, 0.946, 0.886, 0.842, 0.819, 0.801, 0.771},
                {N, N, 1.171, 1.055, 0.980, 0.912, 0.863, 0.839, 0.814, 0.781},
                {N, N, N, 1.114, 1.023, 0.942, 0.886, 0.858, 0.834, 0.795},
                {N, N, N, 1.164, 1.062, 0.968, 0.910, 0.875, 0.851, 0.806},
                {N, N, N, 1.217, 1.105, 0.996, 0.929, 0.896, 0.871, 0.818},
            },
        },
        { // trend
            { // mean
                {-2.166, -2.167, -2.168, -2.167, -2.172, -2.173, -2.176, -2.174, -2.174, -2.177},
                {-2.173, -2.169, -2.172, -2.172, -2.173, -2.177, -2.180, -2.178, -2.176, -2.179},
                {-1.914, -1.999, -2.047, -2.074, -2.095, -2.120, -2.137, -2.143, -2.146, -2.158},
                {-1.922, -1.977, -2.032, -2.065, -2.091, -2.117, -2.137, -2.142, -2.146, -2.158},
                {-1.750, -1.823, -1.911, -1.968, -2.009, -2.057, -2.091, -2.103, -2.114, -2.135},
                {N, N, -1.888, -1.955, -1.998, -2.051, -2.087, -2.101, -2.111, -2.135},
                {N, N, N, -1.868, -1.923, -1.995, -2.042, -2.065, -2.081, -2.113},
                {N, N, N, -1.851, -1.912, -1.986, -2.036, -2.063, -2.079, -2.112},
                {N, N, N, -1.761, -1.835, -1.925, -1.987, -2.024, -2.046, -2.088},
            },
            { // variance
                {1.132, 0.869, 0.763, 0.713, 0.690, 0.655, 0.633, 0.621, 0.610, 0.597},
                {1.453, 0.975, 0.845, 0.769, 0.734, 0.687, 0.654, 0.641, 0.627, 0.605},
                {1.627, 1.036, 0.882, 0.796, 0.756, 0.702, 0.661, 0.653, 0.634, 0.613},
                {2.482, 1.214, 0.983, 0.861, 0.808, 0.735, 0.688, 0.674, 0.650, 0.625},
                {3.947, 1.332, 1.052, 0.913, 0.845, 0.759, 0.705, 0.685, 0.662, 0.629},
                {N, N, 1.165, 0.991, 0.899, 0.792, 0.730, 0.705, 0.673, 0.638},
                {N, N, N, 1.055, 0.945, 0.828, 0.753, 0.725, 0.689, 0.650},
                {N, N, N, 1.145, 1.009, 0.872, 0.786, 0.747, 0.713, 0.661},
                {N, N, N, 1.208, 1.063, 0.902, 0.808, 0.766, 0.728, 0.670},
            },
        },
    };

    /** LLC's {mu*, sigma*} at T (plm interpolates at the series length T, not at T~). */
    static double[] llc(double t, Deterministic d, List<String> notes) {
        double[][] tab = LLC[d.ordinal()];
        return new double[] {lookup(LLC_T, tab[0], t, notes, "LLC (2002) Table 2"),
            lookup(LLC_T, tab[1], t, null, null)};
    }

    /** IPS's {E[t], Var[t]} for a unit with {@code lags} lags and T = {@code t} (plm: observations in the regression). */
    static double[] ips(double t, int lags, Deterministic d, List<String> notes) {
        if (d == Deterministic.NONE) {
            throw new IllegalArgumentException("IPS moments exist for intercept and trend only");
        }
        int row = Math.min(lags, 8);
        double[][][] tab = IPS[d.ordinal() - 1];
        return new double[] {lookup(IPS_T, tab[0][row], t, notes, "IPS (2003) Table 3"),
            lookup(IPS_T, tab[1][row], t, null, null)};
    }

    private static double lookup(double[] ts, double[] v, double t, List<String> notes, String table) {
        int last = ts.length - 1;
        if (t <= ts[0] || t >= ts[last]) {
            int i = t <= ts[0] ? 0 : last;
            if (t != ts[i] && notes != null) {
                String note = String.format(Locale.ROOT, "T = %s is %s the range of %s (%s to %s): the values at T = %s are used",
                        fmt(t), t < ts[0] ? "below" : "above", table, fmt(ts[0]), fmt(ts[last]), fmt(ts[i]));
                if (!notes.contains(note)) {
                    notes.add(note);
                }
            }
            return v[i];
        }
        int hi = 1;
        while (ts[hi] < t) {
            hi++;
        }
        if (ts[hi] == t) {
            return v[hi];
        }
        int lo = hi - 1;
        return v[lo] + (t - ts[lo]) / (ts[hi] - ts[lo]) * (v[hi] - v[lo]);
    }

    /** A number with 6 significant digits and no trailing zeros, for messages. */
    static String sig(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal b = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
        double a = Math.abs(v);
        return a >= 1e-4 && a < 1e9 ? b.toPlainString() : b.toString();
    }

    static String fmt(double t) {
        return t == Math.rint(t) ? Long.toString((long) t) : sig(t);
    }
}
