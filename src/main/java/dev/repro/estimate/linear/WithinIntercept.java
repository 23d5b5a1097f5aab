package dev.repro.estimate.linear;

import dev.repro.numeric.Dense;
import dev.repro.numeric.Effect;
import dev.repro.numeric.Parallel;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The overall constant of a within model, as Stata's {@code xtreg, fe} prints it ({@code _cons}) and R's
 * {@code plm::within_intercept} computes it (Gaure 2013, sec. 6; plm documentation of within_intercept):
 * <pre>
 *   a = mean(y) - mean(x)' b
 * </pre>
 * over the estimation sample, with b the within slopes. Its variance is that of the auxiliary pooled regression
 * of (y~ + mean(y)) on (1, x~ + mean(x)) with the within residuals e; x~ are the columns with the fixed effects
 * projected out. As x~ sums to zero, the constant's influence weights are u_i = 1/N - mean(x)'(x~'x~)^-1 x~_i and
 * <pre>
 *   iid:      V(a) = s^2 sum_i u_i^2            s^2 = SSR / dfResid of the within model
 *   hc1:      V(a) = c sum_i (u_i e_i)^2
 *   cluster:  V(a) = c sum_g (sum_{i in g} u_i e_i)^2
 * </pre>
 * where c is the model's own small-sample factor, read off its slopes (their unadjusted sandwich has the same
 * weights with u replaced by the rows of (x~'x~)^-1 x~'), so the constant follows whatever convention the
 * slopes follow. iid is plm's {@code within_intercept(model)}; the robust forms are
 * {@code within_intercept(model, vcov = function(m) c * vcovHC(m, type = "HC0", ...))}
 * (src/test/golden/linear/within_intercept.R). Multiway clustering is not covered: null.
 */
public final class WithinIntercept {
    private WithinIntercept() {
    }

    /**
     * The constant of a within fit with its standard error, t and p on the model's test degrees of freedom;
     * null for a model that is not a within model or is clustered on more than one variable.
     */
    public static Coefficient of(LinearProblem p, LinearFit fit) {
        if (!"within".equals(fit.estimator()) || p.covariance().clusters().size() > 1) {
            return null;
        }
        int[] rows = fit.rows();
        int n = rows.length;
        boolean allRows = n == p.nobs(); // rows are increasing: then they are 0..n-1 and the columns are used as they are
        List<Coefficient> slopes = fit.coefficients();
        int k = slopes.size();
        double[] y = allRows ? p.y() : subset(p.y(), rows);
        double a = Dense.mean(y);
        double[] xm = new double[k];
        List<double[]> xt = new ArrayList<>();
        double[][] projected = fit.withinRegressors();
        for (int j = 0; j < k; j++) {
            int column = p.names().indexOf(slopes.get(j).term());
            double[] x = allRows ? p.x()[column] : subset(p.x()[column], rows);
            xm[j] = Dense.mean(x);
            a -= xm[j] * slopes.get(j).estimate();
            // the fit's projection of the centred column: the constant lies in the span of the effects, so it is x~ too
            xt.add(projected != null ? projected[column] : allRows ? x.clone() : x);
        }
        if (projected == null) {
            List<Effect> fe = new ArrayList<>();
            for (Effect e : p.absorb()) {
                fe.add(LinearModel.compact(e, rows, allRows));
            }
            FixedEffectsProjector projector = new FixedEffectsProjector(fe, p.options().tolerance(), p.options().maxIterations());
            projector.projectAll(xt, p.options().threads()); // one column per thread: the same bits at any count
        }
        double[][] xtx = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                xtx[i][j] = Dense.dot(xt.get(i), xt.get(j));
            }
        }
        double[][] inv = k == 0 ? new double[0][0] : Dense.inverse(xtx);
        double[] h = Dense.mul(inv, xm);
        // u_i: weight of observation i in a; w[j][i]: in slope j (for the small-sample factor)
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = 1.0 / n;
            for (int j = 0; j < k; j++) {
                u[i] -= h[j] * xt.get(j)[i];
            }
        }
        double[] e = fit.residuals();
        double var;
        if (p.covariance().kind() == Covariance.Kind.IID) {
            var = Dense.dot(e, e) / fit.dfResid() * Dense.dot(u, u);
        } else {
            if (k == 0) {
                return null;
            }
            Effect g = p.covariance().kind() == Covariance.Kind.CLUSTER ? p.covariance().clusters().get(0) : null;
            int[] codes = g == null ? null : allRows ? g.codes() : subsetCodes(g.codes(), rows);
            int levels = g == null ? 0 : g.levels();
            // task 0: the constant's raw variance; task 1 + j: slope j's, with its weights w_i = row j of (x~'x~)^-1 x~'
            // (each task sums on its own thread in row order: the same bits at any thread count)
            double[] raws = new double[1 + k];
            Parallel.forEach(1 + k, p.options().threads(), t -> {
                if (t == 0) {
                    raws[0] = scoreSquares(u, e, codes, levels);
                    return;
                }
                double[] w = new double[n];
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    for (int m = 0; m < k; m++) {
                        s += inv[t - 1][m] * xt.get(m)[i];
                    }
                    w[i] = s;
                }
                raws[t] = scoreSquares(w, e, codes, levels);
            });
            double raw = raws[0];
            // the model's factor from its best-determined slope: V_b[j][j] = c * raw_b[j][j]
            int best = 0;
            double bestRaw = -1;
            for (int j = 0; j < k; j++) {
                double r = raws[1 + j];
                if (r > bestRaw) {
                    bestRaw = r;
                    best = j;
                }
            }
            if (!(bestRaw > 0)) {
                return null;
            }
            double c = fit.vcov()[best][best] / bestRaw;
            var = c * raw;
        }
        double se = Covariance.standardError(var);
        double t = a / se;
        double pv = 2 * new TDistribution(null, Math.max(fit.dfTest(), 1)).cumulativeProbability(-Math.abs(t));
        return new Coefficient("(Intercept)", a, se, t, pv);
    }

    /** sum_g (sum_{i in g} v_i e_i)^2, or sum_i (v_i e_i)^2 without clusters. */
    private static double scoreSquares(double[] v, double[] e, int[] codes, int levels) {
        if (codes == null) {
            double s = 0;
            for (int i = 0; i < v.length; i++) {
                double q = v[i] * e[i];
                s += q * q;
            }
            return s;
        }
        double[] sums = new double[levels];
        for (int i = 0; i < v.length; i++) {
            sums[codes[i]] += v[i] * e[i];
        }
        return Dense.dot(sums, sums);
    }

    private static double[] subset(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }

    private static int[] subsetCodes(int[] v, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }
}
