package dev.repro.estimate.ppml;

import dev.repro.numeric.Dense;
import dev.repro.numeric.Effect;
import java.util.ArrayList;
import java.util.List;

/**
 * Separation by the regressors (Correia, Guimaraes and Zylkin 2021, "Verifying the existence of maximum likelihood
 * estimates for generalized linear models", sec. 4.2, the iterative rectifier "ReLU" method of ppmlhdfe). The Poisson
 * estimate does not exist when some combination z = X g (fixed effects included) is 0 wherever y &gt; 0 and &gt;= 0
 * wherever y = 0, positive somewhere: along g the likelihood keeps rising, and the observations with z &gt; 0 are
 * separated (their mean tends to 0). Dropping them leaves the estimate of every other parameter unchanged.
 *
 * <p>The method: u = 1 where y = 0, else 0; repeat: regress u on X and the effects by least squares weighted
 * {@value #POSITIVE_WEIGHT} where y &gt; 0 and 1 where y = 0 (which holds the fit at 0 on the positive outcomes), giving
 * z; values within {@value #ZERO} of 0 count as 0; if no z on a zero outcome is negative, stop: the separated
 * observations are those with z &gt; 0; else set u = max(z, 0) on the zero outcomes (the rectifier) and repeat, at
 * most {@value #MAX_ITERATIONS} times. Without separation z goes to 0 and nothing is dropped.
 */
final class RegressorSeparation {
    static final double POSITIVE_WEIGHT = 1e8;
    static final double ZERO = 1e-6;
    static final int MAX_ITERATIONS = 1000;

    private RegressorSeparation() {
    }

    /**
     * The observations separated by the regressors, or null when none is (or the method did not settle).
     *
     * @param y the outcome on the sample (after the separation by fixed effects)
     * @param x the regressor columns, the constant among them when nothing is absorbed
     * @param fe the absorbed effects on the sample
     */
    static boolean[] find(double[] y, List<double[]> x, List<Effect> fe) {
        int n = y.length;
        double[] w = new double[n];
        double[] u = new double[n];
        boolean anyZero = false;
        for (int i = 0; i < n; i++) {
            boolean zero = y[i] == 0;
            anyZero |= zero;
            w[i] = zero ? 1 : POSITIVE_WEIGHT;
            u[i] = zero ? 1 : 0;
        }
        if (!anyZero) {
            return null;
        }
        List<double[]> xt = partialled(x, fe, w);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] z = fitted(u, xt, fe, w);
            boolean negative = false;
            boolean positive = false;
            for (int i = 0; i < n; i++) {
                if (y[i] == 0) {
                    negative |= z[i] < -ZERO;
                    positive |= z[i] > ZERO;
                }
            }
            if (!negative) {
                if (!positive) {
                    return null;
                }
                boolean[] separated = new boolean[n];
                for (int i = 0; i < n; i++) {
                    separated[i] = y[i] == 0 && z[i] > ZERO;
                }
                return separated;
            }
            for (int i = 0; i < n; i++) {
                u[i] = y[i] == 0 ? Math.max(z[i], 0) : 0;
            }
        }
        return null;
    }

    private static List<double[]> partialled(List<double[]> x, List<Effect> fe, double[] w) {
        List<double[]> out = new ArrayList<>();
        WeightedDemeaner d = fe.isEmpty() ? null : new WeightedDemeaner(fe, w, 1e-14, 10_000);
        for (double[] col : x) {
            double[] c = col.clone();
            if (d != null) {
                d.project(c);
            }
            out.add(c);
        }
        return out;
    }

    /** The weighted least-squares fit of u on the regressors and the effects (by Frisch-Waugh-Lovell). */
    private static double[] fitted(double[] u, List<double[]> xt, List<Effect> fe, double[] w) {
        int n = u.length;
        double[] ut = u.clone();
        if (!fe.isEmpty()) {
            new WeightedDemeaner(fe, w, 1e-14, 10_000).project(ut);
        }
        int k = xt.size();
        double[] z = new double[n];
        if (k > 0) {
            double[][] xwx = new double[k][k];
            double[] xwu = new double[k];
            for (int a = 0; a < k; a++) {
                double[] xa = xt.get(a);
                for (int c = 0; c <= a; c++) {
                    double[] xc = xt.get(c);
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += xa[i] * w[i] * xc[i];
                    }
                    xwx[a][c] = s;
                    xwx[c][a] = s;
                }
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += xa[i] * w[i] * ut[i];
                }
                xwu[a] = s;
            }
            double[] g = Dense.mul(Dense.sweepInverse(xwx, 1e-13), xwu);
            for (int a = 0; a < k; a++) {
                double[] xa = xt.get(a);
                for (int i = 0; i < n; i++) {
                    z[i] += xa[i] * g[a];
                }
            }
        }
        // fitted = u - (partialled u - partialled X g)
        for (int i = 0; i < n; i++) {
            z[i] = u[i] - (ut[i] - z[i]);
        }
        return z;
    }
}
