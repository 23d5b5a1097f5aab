package dev.repro.estimate.linear;

import dev.repro.numeric.Dense;
import dev.repro.numeric.Effect;
import dev.repro.numeric.Effects;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * From a least-squares solution to the reported fit: the covariance of the chosen kind (iid s^2 (X'X)^-1;
 * hc1 and cluster the sandwich (X'X)^-1 M (X'X)^-1, multiway clusters by Cameron, Gelbach and Miller 2011,
 * with the small-sample factors of {@link SmallSample}), the intercept and its variance back on the uncentred
 * model, t tests on dfTest and the Wald F on all slopes.
 */
final class Inference {
    private Inference() {
    }

    /** The means removed before the fit: the intercept of the uncentred model is my - xm'b + intercept'. */
    record Shift(double my, double[] xm) {
    }

    /** The fit of {@code estimator} ("ols", "within", "re") from its QR solution on the centred columns. */
    static LinearFit finish(EstimationSample sample, String estimator, QrSolution s, List<Integer> keptSlopes,
                            boolean intercept, Shift shift, DegreesOfFreedom dof, List<String> dropped, double r2,
                            double r2w, int groups, int iterations, RandomEffects re) {
        LinearProblem p = sample.problem();
        LinearOptions o = sample.options();
        int n = sample.n();
        List<Effect> fe = sample.fe();
        List<Effect> cl = sample.cl();
        int pd = s.rank;
        double[][] bread = s.bread();
        double[] e = s.resid;
        double[][] v;
        int dfTest = dof.dfResid();
        SmallSample ss = o.smallSample();
        Covariance.Kind kind = p.covariance().kind();
        List<double[]> design = s.keptColumns();
        int[] clusterCounts = new int[cl.size()];
        Covariance reported = p.covariance();
        if (kind == Covariance.Kind.HAC) {
            // Newey-West on one time series: the Driscoll-Kraay meat with one observation per period; the hc1 factor
            // N/(N-K) unless dof: none (Stata newey; sandwich::NeweyWest adjust = TRUE), so hac(0) is hc1
            int lag = reported.lag() == Covariance.DEFAULT_LAG ? SerialMeat.timeSeriesDefaultLag(n) : reported.lag();
            lag = Math.min(lag, n - 1);
            reported = reported.withLag(lag);
            v = Dense.sandwich(bread, SerialMeat.driscollKraay(design, e, sample.time(), lag));
            if (ss != SmallSample.NONE) {
                v = Dense.scaled(v, (double) n / (n - dof.kHc()));
            }
        } else if (kind == Covariance.Kind.DRISCOLL_KRAAY || kind == Covariance.Kind.NEWEY_WEST) {
            // plm's HC0 form under every dof convention; t on dfResid as lmtest::coeftest on a plm fit
            int lag = reported.lag() == Covariance.DEFAULT_LAG ? SerialMeat.defaultLag(sample.unit()) : reported.lag();
            lag = Math.min(lag, sample.time().levels() - 1);
            reported = reported.withLag(lag);
            double[][] meat = kind == Covariance.Kind.DRISCOLL_KRAAY
                ? SerialMeat.driscollKraay(design, e, sample.time(), lag)
                : SerialMeat.neweyWest(design, e, sample.time(), sample.unit(), lag);
            v = Dense.sandwich(bread, meat);
        } else if (kind == Covariance.Kind.IID) {
            double s2 = Dense.dot(e, e) / dof.dfResid();
            v = Dense.scaled(bread, s2);
        } else if (kind == Covariance.Kind.HC1) {
            double[][] meat = RobustMeat.meat(design, e, null);
            v = Dense.sandwich(bread, meat);
            if (ss != SmallSample.NONE) {
                v = Dense.scaled(v, (double) n / (n - dof.kHc()));
            }
        } else {
            for (int c = 0; c < cl.size(); c++) {
                clusterCounts[c] = cl.get(c).levels();
            }
            int gmin = Arrays.stream(clusterCounts).min().orElseThrow();
            v = new double[pd][pd];
            int q = cl.size();
            for (int mask = 1; mask < (1 << q); mask++) {
                List<Effect> sub = new ArrayList<>();
                for (int c = 0; c < q; c++) {
                    if ((mask & (1 << c)) != 0) {
                        sub.add(cl.get(c));
                    }
                }
                Effect g = sub.size() == 1 ? sub.get(0) : Effects.intersection(sub);
                double[][] vs = Dense.sandwich(bread, RobustMeat.meat(design, e, g));
                double sign = sub.size() % 2 == 1 ? 1.0 : -1.0;
                double f = sign;
                if (ss == SmallSample.PLM) {
                    double gg = g.levels();
                    f *= gg / (gg - 1) * (n - 1.0) / (n - dof.kCluster());
                }
                Dense.addScaled(v, vs, f);
            }
            if (ss == SmallSample.STATA || ss == SmallSample.FIXEST) {
                v = Dense.scaled(v, (n - 1.0) / (n - dof.kCluster()) * gmin / (gmin - 1.0));
                dfTest = ss == SmallSample.STATA ? Math.min(dof.dfResid(), gmin - 1) : Math.max(gmin - 1, 1);
            }
            if (q > 1 && o.fixNonPsd()) {
                v = RobustMeat.fixPsd(v);
            }
        }
        // back to the parameters of the uncentred model: intercept = my - xm'b + intercept'
        int interceptPos = intercept ? 0 : -1;
        double[] beta = s.beta.clone();
        if (shift != null) {
            double[][] a = Dense.identity(pd);
            double c0 = shift.my;
            for (int d = 0; d < pd; d++) {
                if (d != interceptPos) {
                    int j = keptSlopes.get(d - (intercept ? 1 : 0));
                    a[interceptPos][d] = -shift.xm[j];
                    c0 -= shift.xm[j] * beta[d];
                }
            }
            beta[interceptPos] += c0;
            v = Dense.mul(Dense.mul(a, v), Dense.transpose(a));
        }
        // reorder: slopes in formula order, then the intercept
        int[] order = new int[pd];
        int at = 0;
        for (int d = 0; d < pd; d++) {
            if (d != interceptPos) {
                order[at++] = d;
            }
        }
        if (interceptPos >= 0) {
            order[at] = interceptPos;
        }
        double[][] vo = new double[pd][pd];
        double[] bo = new double[pd];
        for (int a = 0; a < pd; a++) {
            bo[a] = beta[order[a]];
            for (int b = 0; b < pd; b++) {
                vo[a][b] = v[order[a]][order[b]];
            }
        }
        TDistribution tdist = new TDistribution(null, Math.max(dfTest, 1));
        List<Coefficient> coefs = new ArrayList<>();
        for (int a = 0; a < pd; a++) {
            String name = a < keptSlopes.size() ? p.names().get(keptSlopes.get(a)) : LinearFit.INTERCEPT;
            double se = Covariance.standardError(vo[a][a]);
            double t = bo[a] / se;
            double pv = 2 * tdist.cumulativeProbability(-Math.abs(t));
            coefs.add(new Coefficient(name, bo[a], se, t, pv));
        }
        int kS = keptSlopes.size();
        double fStat = wald(bo, vo, kS);
        double fP = Double.isNaN(fStat) ? Double.NaN
            : 1 - new FDistribution(null, kS, Math.max(dfTest, 1)).cumulativeProbability(fStat);
        double adj = 1 - (1 - r2) * (n - 1) / dof.dfResid();
        int[] levels = new int[fe.size()];
        for (int k = 0; k < levels.length; k++) {
            levels[k] = fe.get(k).levels();
        }
        // the residuals keep the row order of the estimation sample; weighted fits report y - xb, not sqrt(w)(y - xb)
        double[] resid = e;
        if (sample.weights() != null) {
            resid = new double[n];
            for (int i = 0; i < n; i++) {
                resid[i] = e[i] / Math.sqrt(sample.weights()[i]);
            }
        }
        return new LinearFit(p.dependent(), estimator, reported.label(), coefs, dropped, n, groups, clusterCounts,
            r2, r2w, adj, dof.dfResid(), dfTest, fStat, kS, fP, vo, resid, sample.rows(), sample.singletons(), dof.absorbed(), levels,
            dof.nested(), iterations, re, null);
    }

    /** Wald F = b'V^-1 b / q on the first q coefficients (the slopes), via Cholesky of the correlation matrix. */
    private static double wald(double[] b, double[][] v, int q) {
        if (q == 0) {
            return Double.NaN;
        }
        double[] z = new double[q];
        double[][] c = new double[q][q];
        for (int a = 0; a < q; a++) {
            double sa = Math.sqrt(v[a][a]);
            if (!(sa > 0)) {
                return Double.NaN;
            }
            z[a] = b[a] / sa;
        }
        for (int a = 0; a < q; a++) {
            for (int bb = 0; bb < q; bb++) {
                c[a][bb] = v[a][bb] / Math.sqrt(v[a][a] * v[bb][bb]);
            }
        }
        // Cholesky c = L L'
        double[][] l = new double[q][q];
        for (int i = 0; i < q; i++) {
            for (int j = 0; j <= i; j++) {
                double s = c[i][j];
                for (int m = 0; m < j; m++) {
                    s -= l[i][m] * l[j][m];
                }
                if (i == j) {
                    if (s <= 1e-12) {
                        return Double.NaN;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[] u = new double[q];
        double w = 0;
        for (int i = 0; i < q; i++) {
            double s = z[i];
            for (int m = 0; m < i; m++) {
                s -= l[i][m] * u[m];
            }
            u[i] = s / l[i][i];
            w += u[i] * u[i];
        }
        return w / q;
    }
}
