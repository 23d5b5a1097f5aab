package dev.repro.estimate.linear;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * First estimator of the foundation: pooled OLS with a constant, or the within estimator for absorbed
 * effects by alternating projections (demeaning by each effect in turn until nothing changes), with
 * the iid covariance s^2 (X~'X~)^-1 and the absorbed levels counted in the residual degrees of freedom.
 * The full estimator (acceleration, hc1, clusters, collinearity) replaces this one.
 */
public final class LinearModel {
    private LinearModel() {
    }

    public static LinearFit fit(LinearProblem p) {
        int n = p.nobs();
        boolean pooled = p.absorb().isEmpty();
        List<String> names = new ArrayList<>(p.names());
        List<double[]> cols = new ArrayList<>();
        for (double[] c : p.x()) {
            cols.add(c.clone());
        }
        double[] y = p.y().clone();
        int absorbedDf = 0;
        if (pooled) {
            double[] one = new double[n];
            java.util.Arrays.fill(one, 1.0);
            cols.add(one);
            names.add("(Intercept)");
        } else {
            List<double[]> all = new ArrayList<>(cols);
            all.add(y);
            demean(all, p.absorb());
            for (Effect e : p.absorb()) {
                absorbedDf += e.levels();
            }
            absorbedDf -= p.absorb().size() - 1;
        }
        int k = cols.size();
        double[][] xtx = new double[k][k];
        double[] xty = new double[k];
        for (int a = 0; a < k; a++) {
            double[] ca = cols.get(a);
            for (int b = 0; b <= a; b++) {
                double[] cb = cols.get(b);
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += ca[i] * cb[i];
                }
                xtx[a][b] = s;
                xtx[b][a] = s;
            }
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += ca[i] * y[i];
            }
            xty[a] = s;
        }
        RealMatrix inv = new CholeskyDecomposition(new Array2DRowRealMatrix(xtx, false)).getSolver().getInverse();
        double[] beta = inv.operate(xty);
        double[] resid = new double[n];
        double ssr = 0;
        for (int i = 0; i < n; i++) {
            double f = 0;
            for (int a = 0; a < k; a++) {
                f += cols.get(a)[i] * beta[a];
            }
            resid[i] = y[i] - f;
            ssr += resid[i] * resid[i];
        }
        int dfResid = n - k - absorbedDf;
        double s2 = ssr / dfResid;
        double[][] v;
        int dfTest = dfResid;
        Covariance cov = p.covariance();
        if (cov.kind() == Covariance.Kind.IID) {
            v = inv.scalarMultiply(s2).getData();
        } else if (cov.kind() == Covariance.Kind.HC1) {
            // White's estimator times N/(N-K), K = slopes (+ constant) + absorbed levels less one per effect (reghdfe)
            double[][] meat = new double[k][k];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < k; a++) {
                    double xa = cols.get(a)[i] * resid[i];
                    for (int b = 0; b < k; b++) {
                        meat[a][b] += xa * cols.get(b)[i] * resid[i];
                    }
                }
            }
            int bigK = k + (pooled ? 0 : 1) + absorbedLevelsLessOne(p.absorb(), null);
            v = sandwich(inv, meat, (double) n / (n - bigK));
        } else {
            if (cov.clusters().size() != 1) {
                throw new IllegalArgumentException("two-way clustering is not available in this estimator");
            }
            // Stata xtreg, fe vce(cluster g): G/(G-1) (N-1)/(N-K) V_HC0, K counts absorbed levels not nested in g
            Effect g = cov.clusters().get(0);
            double[][] score = new double[g.levels()][k];
            for (int i = 0; i < n; i++) {
                double[] sg = score[g.codes()[i]];
                for (int a = 0; a < k; a++) {
                    sg[a] += cols.get(a)[i] * resid[i];
                }
            }
            double[][] meat = new double[k][k];
            int groups = 0;
            for (double[] sg : score) {
                boolean any = false;
                for (int a = 0; a < k; a++) {
                    any |= sg[a] != 0;
                    for (int b = 0; b < k; b++) {
                        meat[a][b] += sg[a] * sg[b];
                    }
                }
                groups++;
            }
            int bigK = k + (pooled ? 0 : 1) + absorbedLevelsLessOne(p.absorb(), g);
            double factor = (double) groups / (groups - 1) * (n - 1.0) / (n - bigK);
            v = sandwich(inv, meat, factor);
            dfTest = groups - 1;
        }
        double meanY = 0;
        double[] yOrig = p.y();
        for (double d : yOrig) {
            meanY += d;
        }
        meanY /= n;
        double tss = 0;
        for (double d : yOrig) {
            tss += (d - meanY) * (d - meanY);
        }
        double tssWithin = 0;
        double my = 0;
        for (double d : y) {
            my += d;
        }
        my /= n;
        for (double d : y) {
            tssWithin += pooled ? (d - my) * (d - my) : d * d;
        }
        double r2Within = 1 - ssr / tssWithin;
        double r2 = 1 - ssr / tss;
        double adj = 1 - (1 - r2) * (n - 1) / dfResid;
        TDistribution t = new TDistribution(dfTest);
        List<Coefficient> coefs = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            double se = Math.sqrt(v[a][a]);
            double tv = beta[a] / se;
            coefs.add(new Coefficient(names.get(a), beta[a], se, tv, 2 * t.cumulativeProbability(-Math.abs(tv))));
        }
        return new LinearFit(p.dependent(), coefs, List.of(), n, r2, r2Within, adj, dfResid, dfTest, v, resid);
    }

    private static double[][] sandwich(RealMatrix bread, double[][] meat, double factor) {
        RealMatrix m = new Array2DRowRealMatrix(meat, false);
        return bread.multiply(m).multiply(bread).scalarMultiply(factor).getData();
    }

    /** Sum over absorbed effects of (levels - 1), leaving out effects nested in the cluster variable. */
    static int absorbedLevelsLessOne(List<Effect> effects, Effect cluster) {
        int total = 0;
        for (Effect e : effects) {
            if (cluster != null && nested(e, cluster)) {
                continue;
            }
            total += e.levels() - 1;
        }
        return total;
    }

    /** True when every level of {@code e} lies within one level of {@code g}. */
    static boolean nested(Effect e, Effect g) {
        int[] owner = new int[e.levels()];
        java.util.Arrays.fill(owner, -1);
        for (int i = 0; i < e.codes().length; i++) {
            int c = e.codes()[i];
            int o = g.codes()[i];
            if (owner[c] < 0) {
                owner[c] = o;
            } else if (owner[c] != o) {
                return false;
            }
        }
        return true;
    }

    /** Alternating projections: subtract group means of each effect in turn until the change is below 1e-13. */
    static void demean(List<double[]> columns, List<Effect> effects) {
        for (double[] col : columns) {
            for (int iter = 0; iter < 10_000; iter++) {
                double change = 0;
                for (Effect e : effects) {
                    double[] sum = new double[e.levels()];
                    int[] cnt = new int[e.levels()];
                    int[] codes = e.codes();
                    for (int i = 0; i < col.length; i++) {
                        sum[codes[i]] += col[i];
                        cnt[codes[i]]++;
                    }
                    for (int g = 0; g < sum.length; g++) {
                        if (cnt[g] > 0) {
                            sum[g] /= cnt[g];
                            change = Math.max(change, Math.abs(sum[g]));
                        }
                    }
                    for (int i = 0; i < col.length; i++) {
                        col[i] -= sum[codes[i]];
                    }
                }
                if (effects.size() == 1 || change < 1e-13) {
                    break;
                }
            }
        }
    }
}
