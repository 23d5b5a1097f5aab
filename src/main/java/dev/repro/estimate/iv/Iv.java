package dev.repro.estimate.iv;

import dev.repro.estimate.linear.Covariance;
import dev.repro.estimate.linear.FixedEffectsProjector;
import dev.repro.numeric.Dense;
import dev.repro.numeric.Effect;
import dev.repro.numeric.Effects;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Instrumental variables by the k-class estimator with absorbed fixed effects (docs/iv.md).
 *
 * <p>Every column (y, the exogenous regressors X1, the endogenous X2, the excluded instruments Z2) is first projected
 * off the absorbed effects by the one {@link FixedEffectsProjector} (Frisch-Waugh-Lovell; without effects a constant
 * joins X1). With X = [X1 X2], Z = [X1 Z2] and P = Z (Z'Z)^-1 Z':
 * <pre>
 *   b = (X'(I - kappa M_Z) X)^-1 X'(I - kappa M_Z) y,   M_Z = I - P
 * </pre>
 * kappa = 1 is two-stage least squares; LIML takes kappa the smallest eigenvalue of (W'M_Z W)^-1 W'M_X1 W,
 * W = [y X2] (Anderson and Rubin 1949; Davidson and MacKinnon 2004, sec. 8.5). The covariance is the sandwich
 * B M B with B = (X'(I - kappa M_Z) X)^-1 and M the meat ({@link IvCovariance}: robust, one- or two-way cluster,
 * Driscoll-Kraay or panel Newey-West) of the scores x~_i e_i, x~ = (I - kappa M_Z) X, e = y - X b; iid is s^2 B.
 * Small-sample factors as Stata's ivreghdfe with {@code small} and estimatr's {@code se_type = "stata"}:
 * s^2 = e'e / (n - K - A), hc1 n / (n - K - A), cluster (n - 1) / (n - K - A_c) G / (G - 1) with A the absorbed
 * parameters ({@link Effects#absorbedRank}) and A_c those of the effects not nested in a cluster variable (reghdfe);
 * t statistics on n - K - A degrees of freedom (G - 1 for cluster). With weights every column, the constant
 * included, is multiplied by sqrt(w) before the projection (weighted least squares in both stages, as
 * {@code FixedEffectsProjector} with weights for the absorbed effects), and every statistic is computed on the scaled
 * columns: the scores are w_i x_i e_i, as Stata's aweight/pweight and estimatr's {@code weights =}.
 *
 * <p>All cross-products come from one Gram matrix of the projected columns, so the cost beyond the projection is
 * one pass for the residuals and one per robust meat.
 */
public final class Iv {
    static final String INTERCEPT = "(Intercept)";
    /** A pivot of a cross-product matrix below this share of its diagonal is collinear. */
    static final double COLLINEAR = 1e-10;

    private Iv() {
    }

    /** Estimates the model; {@code threads} projects columns in parallel (same bytes for any count). */
    public static IvFit fit(IvProblem p, int threads) {
        Data d = Data.of(p, threads);
        IvFit.Test weak;
        double kappa = p.method() == IvProblem.Method.LIML ? IvDiagnostics.limlKappa(d) : 1.0;
        KClass k = kClass(d, kappa);
        double[] e = d.residuals(0, d.x, k.b);
        double rss = Dense.dot(e, e);
        int dfResid = d.n - d.x.length - d.absorbed;
        if (dfResid <= 0) {
            throw new IvException(d.n + " observations are too few for " + d.x.length + " regressors and " + d.absorbed
                    + " absorbed fixed-effect parameters; use fewer regressors or fixed effects");
        }
        double[][] meatW = d.cov.robust() ? d.cov.meat(d.wColumns(), e) : null;
        double[][] v;
        if (!d.cov.robust()) {
            v = Dense.scaled(k.bread, rss / dfResid);
        } else {
            double[][] t = new double[d.x.length][d.w.length];
            double[][] ex = d.selector(d.x);
            double[][] ez = d.selector(d.z);
            double[][] pit = Dense.transpose(k.pi);
            double[][] pez = Dense.mul(pit, ez);
            for (int a = 0; a < t.length; a++) {
                for (int c = 0; c < t[a].length; c++) {
                    t[a][c] = (1 - kappa) * ex[a][c] + kappa * pez[a][c];
                }
            }
            double[][] meat = Dense.mul(Dense.mul(t, meatW), Dense.transpose(t));
            v = Dense.scaled(Dense.sandwich(k.bread, meat), d.factor(d.x.length));
        }
        int dfTest = d.dfTest(dfResid);
        List<IvFit.Coefficient> coefs = coefficients(d, k.b, v, dfTest);
        double tss = d.tss;
        List<IvFit.FirstStage> first = new ArrayList<>();
        double[][] gamma = IvDiagnostics.firstStages(d, first);
        // Kleibergen-Paap under dk/nw: ivreg2's scaling of the rk statistic with a kernel covariance has no reference here
        weak = d.cov.serial() ? null : d.cov.robust() ? IvDiagnostics.kleibergenPaap(d, gamma) : IvDiagnostics.craggDonald(d);
        IvFit.Test overid = null;
        if (d.z.length > d.x.length) {
            double[][] meat2sls = meatW;
            KClass tsls = k;
            if (kappa != 1.0) {
                tsls = kClass(d, 1.0);
                meat2sls = d.cov.robust() ? d.cov.meat(d.wColumns(), d.residuals(0, d.x, tsls.b)) : null;
            }
            overid = IvDiagnostics.overidentification(d, tsls.b, meat2sls);
        }
        IvFit.Test endogeneity = IvDiagnostics.endogeneity(d, gamma);
        Integer clusters = d.cov.clustered() ? d.cov.minClusters() : null;
        String method = p.method() == IvProblem.Method.LIML ? "liml" : "2sls";
        return new IvFit(method, kappa, d.cov.label(), d.n, dfResid, d.absorbed, clusters, coefs, 1 - rss / tss, first, weak,
                overid, endogeneity);
    }

    /** The k-class solution: b, the bread (X'(I - kappa M_Z) X)^-1 and Pi = (Z'Z)^-1 Z'X. */
    private record KClass(double[] b, double[][] bread, double[][] pi) {
    }

    private static KClass kClass(Data d, double kappa) {
        double[][] zzi = d.inverse(d.z, "instruments and exogenous regressors");
        double[][] zx = d.gram(d.z, d.x);
        double[][] pi = Dense.mul(zzi, zx);
        double[][] xpx = Dense.mul(Dense.transpose(zx), pi);
        double[] xpy = Dense.tmul(pi, d.gramColumn(d.z, 0));
        double[][] xx = d.gram(d.x, d.x);
        double[] xy = d.gramColumn(d.x, 0);
        int k = d.x.length;
        double[][] a = new double[k][k];
        double[] r = new double[k];
        for (int i = 0; i < k; i++) {
            r[i] = kappa * xpy[i] + (1 - kappa) * xy[i];
            for (int j = 0; j < k; j++) {
                a[i][j] = kappa * xpx[i][j] + (1 - kappa) * xx[i][j];
            }
        }
        double[][] bread = d.invertRegressors(a);
        return new KClass(Dense.mul(bread, r), bread, pi);
    }

    /** Endogenous regressors first, then the exogenous ones, the constant last; t on {@code df}. */
    private static List<IvFit.Coefficient> coefficients(Data d, double[] b, double[][] v, int df) {
        TDistribution t = new TDistribution(null, Math.max(df, 1));
        List<IvFit.Coefficient> out = new ArrayList<>();
        int k1 = d.k1;
        List<Integer> order = new ArrayList<>();
        for (int j = k1; j < d.x.length; j++) {
            order.add(j);
        }
        for (int j = 0; j < k1; j++) {
            order.add(j);
        }
        for (int j : order) {
            double se = Covariance.standardError(v[j][j]);
            double tv = b[j] / se;
            out.add(new IvFit.Coefficient(d.names.get(d.x[j]), b[j], se, tv, 2 * t.cumulativeProbability(-Math.abs(tv))));
        }
        return out;
    }

    /**
     * The projected columns and their Gram matrix. Column 0 is y; {@code x}, {@code z} and {@code w} are indices
     * into the columns: X = [X1 X2], Z = [X1 Z2], W = [X1 X2 Z2] (the variables whose scores the meats sum).
     */
    static final class Data {
        final int n;
        final double[][] cols;
        final List<String> names;
        final double[][] g;
        final int k1;
        final int[] x;
        final int[] z;
        final int[] w;
        final int[] x1;
        final int[] x2;
        final int[] z2;
        final int absorbed;
        final int absorbedCluster;
        final IvCovariance cov;
        final boolean pooled;
        /** The total sum of squares of y (weighted): within the absorbed effects, or about its (weighted) mean. */
        final double tss;
        /** The covariance of vec(Gamma) without small-sample factor (robust and cluster covariances), set by the first stages. */
        double[][] firstStageCov;

        private Data(IvProblem p, int threads) {
            n = p.n();
            pooled = p.absorb().isEmpty();
            List<double[]> all = new ArrayList<>();
            List<String> nm = new ArrayList<>();
            all.add(p.y().clone());
            nm.add(p.dependent());
            for (int j = 0; j < p.exogenous().length; j++) {
                all.add(p.exogenous()[j].clone());
                nm.add(p.exogenousNames().get(j));
            }
            if (pooled) {
                double[] one = new double[n];
                Arrays.fill(one, 1.0);
                all.add(one);
                nm.add(INTERCEPT);
            }
            double[] weights = p.weights();
            k1 = all.size() - 1;
            for (int j = 0; j < p.endogenous().length; j++) {
                all.add(p.endogenous()[j].clone());
                nm.add(p.endogenousNames().get(j));
            }
            for (int j = 0; j < p.instruments().length; j++) {
                all.add(p.instruments()[j].clone());
                nm.add(p.instrumentNames().get(j));
            }
            if (weights != null) {
                // weighted least squares in both stages: every column (the constant too) times sqrt(w)
                double[] root = Arrays.stream(weights).map(Math::sqrt).toArray();
                for (double[] c : all) {
                    for (int i = 0; i < n; i++) {
                        c[i] *= root[i];
                    }
                }
            }
            double yMean = Dense.weightedMean(p.y(), weights);
            double aboutMean = 0;
            for (int i = 0; i < n; i++) {
                double dev = p.y()[i] - yMean;
                aboutMean += (weights == null ? 1 : weights[i]) * dev * dev;
            }
            if (!pooled) {
                FixedEffectsProjector projector = new FixedEffectsProjector(p.absorb(), FixedEffectsProjector.DEFAULT_TOLERANCE,
                        FixedEffectsProjector.DEFAULT_MAX_ITERATIONS, weights);
                List<FixedEffectsProjector.Outcome> outcomes = projector.projectAll(all, threads);
                for (int c = 0; c < outcomes.size(); c++) {
                    if (!outcomes.get(c).converged()) {
                        throw new IvException("projecting " + nm.get(c) + " off the absorbed effects did not converge in "
                                + FixedEffectsProjector.DEFAULT_MAX_ITERATIONS + " iterations; the effects may be poorly connected");
                    }
                }
            }
            cols = all.toArray(double[][]::new);
            names = List.copyOf(nm);
            int k2 = p.endogenous().length;
            int l2 = p.instruments().length;
            x1 = range(1, k1);
            x2 = range(1 + k1, k2);
            z2 = range(1 + k1 + k2, l2);
            x = concat(x1, x2);
            z = concat(x1, z2);
            w = concat(x, z2);
            g = gramAll(cols);
            tss = pooled ? aboutMean : g[0][0];
            cov = new IvCovariance(p.covariance());
            absorbed = Effects.absorbedRank(p.absorb(), true);
            List<Effect> notNested = new ArrayList<>();
            for (Effect e : p.absorb()) {
                if (cov.clusters().stream().noneMatch(c -> Effects.nestedIn(e, c))) {
                    notNested.add(e);
                }
            }
            absorbedCluster = pooled ? 0 : notNested.isEmpty() ? 1 : Effects.absorbedRank(notNested, true);
        }

        static Data of(IvProblem p, int threads) {
            return new Data(p, threads);
        }

        private static int[] range(int from, int count) {
            int[] out = new int[count];
            for (int i = 0; i < count; i++) {
                out[i] = from + i;
            }
            return out;
        }

        static int[] concat(int[] a, int[] b) {
            int[] out = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }

        private static double[][] gramAll(double[][] c) {
            int m = c.length;
            double[][] out = new double[m][m];
            for (int a = 0; a < m; a++) {
                for (int b = 0; b <= a; b++) {
                    out[a][b] = Dense.dot(c[a], c[b]);
                    out[b][a] = out[a][b];
                }
            }
            return out;
        }

        double[][] gram(int[] rows, int[] columns) {
            double[][] out = new double[rows.length][columns.length];
            for (int a = 0; a < rows.length; a++) {
                for (int b = 0; b < columns.length; b++) {
                    out[a][b] = g[rows[a]][columns[b]];
                }
            }
            return out;
        }

        double[] gramColumn(int[] rows, int column) {
            double[] out = new double[rows.length];
            for (int a = 0; a < rows.length; a++) {
                out[a] = g[rows[a]][column];
            }
            return out;
        }

        /** The rows of W selecting each of {@code of} (a 0/1 matrix, |of| x |W|). */
        double[][] selector(int[] of) {
            double[][] out = new double[of.length][w.length];
            for (int a = 0; a < of.length; a++) {
                for (int c = 0; c < w.length; c++) {
                    out[a][c] = of[a] == w[c] ? 1 : 0;
                }
            }
            return out;
        }

        List<double[]> wColumns() {
            List<double[]> out = new ArrayList<>(w.length);
            for (int c : w) {
                out.add(cols[c]);
            }
            return out;
        }

        /** column {@code yCol} less the combination {@code b} of the columns {@code of}. */
        double[] residuals(int yCol, int[] of, double[] b) {
            double[] e = cols[yCol].clone();
            for (int j = 0; j < of.length; j++) {
                double bj = b[j];
                double[] c = cols[of[j]];
                for (int i = 0; i < n; i++) {
                    e[i] -= bj * c[i];
                }
            }
            return e;
        }

        /** The inverse of the cross-products of {@code of}, or the collinear variable named in an {@link IvException}. */
        double[][] inverse(int[] of, String what) {
            double[][] m = gram(of, of);
            double[][] inv = Dense.sweepInverse(m, COLLINEAR);
            for (int a = 0; a < of.length; a++) {
                if (inv[a][a] == 0) {
                    throw new IvException(quoted(of[a]) + (pooled ? " is collinear with the constant and the other " + what
                            : " is constant within the absorbed effects or collinear with the other " + what) + "; remove it from the formula");
                }
            }
            return inv;
        }

        /** The inverse of X'(I - kappa M_Z) X; singular when the instruments do not identify the endogenous regressors. */
        double[][] invertRegressors(double[][] a) {
            double[][] inv = Dense.sweepInverse(a, COLLINEAR);
            for (int j = 0; j < a.length; j++) {
                if (inv[j][j] == 0) {
                    throw new IvException("the coefficient of " + quoted(x[j]) + " is not identified: the regressors are collinear after "
                            + "instrumenting; check that the excluded instruments move the endogenous regressors");
                }
            }
            return inv;
        }

        String quoted(int column) {
            return "'" + names.get(column) + "'";
        }

        /** The small-sample factor of a regression with {@code k} regressors besides the absorbed effects. */
        double factor(int k) {
            return cov.factor(n, k, absorbed, absorbedCluster);
        }

        /** Degrees of freedom of t and F tests: the residual ones, or G - 1 under a cluster covariance (Stata). */
        int dfTest(int dfResid) {
            return cov.dfTest(dfResid);
        }
    }
}
