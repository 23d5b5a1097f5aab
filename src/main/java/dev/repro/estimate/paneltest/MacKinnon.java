package dev.repro.estimate.paneltest;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * MacKinnon's (1994) approximate asymptotic p-values of the Dickey-Fuller / Phillips-Perron tau statistic
 * ("MacKinnon approximate p-value for Z(t)" of Stata's dfuller and pperron).
 *
 * <p>Source: J. G. MacKinnon (1994), "Approximate asymptotic distribution functions for unit-root and
 * cointegration tests", Journal of Business and Economic Statistics 12(2), 167-176, Table 3 (one variable,
 * N = 1): the inverse normal of the p-value is a quadratic in tau left of tau* (the small-p surface) and a
 * cubic right of it (the large-p surface), p = Phi(g0 + g1 tau + g2 tau^2 [+ g3 tau^3]). The same numbers are
 * in R plm's padf(p.approx = "MacKinnon1994") and Python statsmodels' mackinnonp.
 *
 * <p>The quadratic turns at tau_min and the cubic at tau_max (the bounds statsmodels' mackinnonp uses);
 * beyond them the polynomials would make the p-value non-monotone. {@link #pValue} therefore evaluates the
 * surface at tau clamped to [tau_min, tau_max], where it is flat: the p-value stays monotone and strictly
 * inside (0, 1), so that the Fisher combinations (ln p, Phi^-1(p), ln(p/(1-p))) stay finite. R plm applies
 * the polynomials without bounds ({@link #pValueUnbounded}); the two differ only for tau below about -16
 * (p below 1e-20) or above 0.7 (trend), 2.74 (intercept).
 */
public final class MacKinnon {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    // rows: nc, c, ct (MacKinnon 1994, Table 3, N = 1)
    private static final double[][] SMALL = {
        {0.6344, 1.2378, 3.2496e-2},
        {2.1659, 1.4412, 3.8269e-2},
        {3.2512, 1.6047, 4.9588e-2},
    };
    private static final double[][] LARGE = {
        {0.4797, 9.3557e-1, -0.6999e-1, 3.3066e-2},
        {1.7339, 9.3202e-1, -1.2745e-1, -1.0368e-2},
        {2.5261, 6.1654e-1, -3.7956e-1, -6.0285e-2},
    };
    private static final double[] TAU_STAR = {-1.04, -1.61, -2.89};
    private static final double[] TAU_MIN = {-19.04, -18.83, -16.18};
    private static final double[] TAU_MAX = {Double.POSITIVE_INFINITY, 2.74, 0.70};

    private MacKinnon() {
    }

    /** The approximate p-value {@code P(tau_dist <= tau)}, tau clamped to [tau_min, tau_max] (see the class comment). */
    public static double pValue(double tau, Deterministic d) {
        int c = d.ordinal();
        return pValueUnbounded(Math.min(Math.max(tau, TAU_MIN[c]), TAU_MAX[c]), d);
    }

    /** The polynomials without bounds (R plm padf, p.approx = "MacKinnon1994"). */
    public static double pValueUnbounded(double tau, Deterministic d) {
        int c = d.ordinal();
        double z;
        if (tau <= TAU_STAR[c]) {
            double[] g = SMALL[c];
            z = g[0] + tau * (g[1] + tau * g[2]);
        } else {
            double[] g = LARGE[c];
            z = g[0] + tau * (g[1] + tau * (g[2] + tau * g[3]));
        }
        return NORMAL.cumulativeProbability(z);
    }
}
