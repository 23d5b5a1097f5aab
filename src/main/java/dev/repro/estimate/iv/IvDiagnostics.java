package dev.repro.estimate.iv;

import dev.repro.estimate.linear.Covariance;
import dev.repro.numeric.Dense;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The statistics around an IV fit (docs/iv.md gives each formula and its source): the LIML root, the first stages,
 * the Cragg-Donald and Kleibergen-Paap weak-identification F, Sargan's and Hansen's over-identification tests and the
 * Durbin-Wu-Hausman endogeneity test. A tilde below is "after partialling out X1 (and the absorbed effects)".
 */
final class IvDiagnostics {
    private IvDiagnostics() {
    }

    /** LIML: kappa the smallest eigenvalue of (W'M_Z W)^-1 W'M_X1 W, W = [y X2] (Anderson and Rubin 1949). */
    static double limlKappa(Iv.Data d) {
        int[] wy = Iv.Data.concat(new int[] {0}, d.x2);
        double[][] mz = residualCross(d, wy, d.z);
        double[][] mx1 = residualCross(d, wy, d.x1);
        RealMatrix l = new CholeskyDecomposition(new Array2DRowRealMatrix(mz), 1e-14, 1e-300).getL();
        double[][] li = Dense.inverse(l.getData());
        double[][] s = Dense.mul(Dense.mul(li, mx1), Dense.transpose(li));
        return Dense.eigenvaluesAscending(symmetrised(s))[0];
    }

    /** A'M_B A for columns A and B: A'A - A'B (B'B)^-1 B'A (A'A when B is empty). */
    static double[][] residualCross(Iv.Data d, int[] a, int[] b) {
        double[][] aa = d.gram(a, a);
        if (b.length == 0) {
            return aa;
        }
        double[][] ab = d.gram(a, b);
        double[][] bbi = Dense.sweepInverse(d.gram(b, b), Iv.COLLINEAR);
        double[][] out = Dense.mul(Dense.mul(ab, bbi), Dense.transpose(ab));
        for (int i = 0; i < aa.length; i++) {
            for (int j = 0; j < aa.length; j++) {
                out[i][j] = aa[i][j] - out[i][j];
            }
        }
        return out;
    }

    /**
     * The first stage of each endogenous regressor on Z = [X1 Z2]: coefficients (Z2 first, then X1) with the model's
     * covariance and small-sample factor on K = L, the partial R2 1 - v'v / x~'x~ and the F of the excluded instruments
     * (Wald / L2 on (L2, n - L - A) degrees of freedom, G - 1 for cluster). Returns Gamma (L x K2), the coefficients in
     * Z order; the covariance of vec(Gamma) without small-sample factor is kept for Kleibergen-Paap.
     */
    static double[][] firstStages(Iv.Data d, List<IvFit.FirstStage> out) {
        int l = d.z.length;
        int l2 = d.z2.length;
        int k2 = d.x2.length;
        double[][] zzi = d.inverse(d.z, "instruments and exogenous regressors");
        double[][] gamma = Dense.mul(zzi, d.gram(d.z, d.x2));
        double[][] partial = residualCross(d, d.x2, d.x1);
        int dfFirst = d.n - l - d.absorbed;
        int dfTest = d.dfTest(dfFirst);
        d.firstStageCov = null;
        double[][][] vj = new double[k2][][];
        if (d.cov.robust()) {
            double[][] vGamma = firstStageCovariance(d, gamma, zzi);
            d.firstStageCov = vGamma;
            double f = d.factor(l);
            for (int j = 0; j < k2; j++) {
                vj[j] = Dense.scaled(block(vGamma, j * l, j * l, l), f);
            }
        } else {
            for (int j = 0; j < k2; j++) {
                double rss = d.g[d.x2[j]][d.x2[j]] - Dense.dot(d.gramColumn(d.z, d.x2[j]), column(gamma, j));
                vj[j] = Dense.scaled(zzi, rss / dfFirst);
            }
        }
        TDistribution t = new TDistribution(null, Math.max(dfTest, 1));
        for (int j = 0; j < k2; j++) {
            double[] gj = column(gamma, j);
            double rss = d.g[d.x2[j]][d.x2[j]] - Dense.dot(d.gramColumn(d.z, d.x2[j]), gj);
            List<IvFit.Coefficient> coefs = new ArrayList<>();
            int[] order = Iv.Data.concat(range(d.x1.length, l2), range(0, d.x1.length));
            for (int a : order) {
                double se = Covariance.standardError(vj[j][a][a]);
                double tv = gj[a] / se;
                coefs.add(new IvFit.Coefficient(d.names.get(d.z[a]), gj[a], se, tv, 2 * t.cumulativeProbability(-Math.abs(tv))));
            }
            double[] b2 = new double[l2];
            for (int a = 0; a < l2; a++) {
                b2[a] = gj[d.x1.length + a];
            }
            double wald = quadratic(b2, block(vj[j], d.x1.length, d.x1.length, l2));
            double fStat = wald / l2;
            double p = 1 - new FDistribution(null, l2, Math.max(dfTest, 1)).cumulativeProbability(fStat);
            out.add(new IvFit.FirstStage(d.names.get(d.x2[j]), coefs, 1 - rss / partial[j][j],
                    new IvFit.Test("F", fStat, l2, dfTest, p)));
        }
        return gamma;
    }

    /**
     * The covariance of vec(Gamma) (endogenous regressor j's coefficients at rows j L .. j L + L - 1) without
     * small-sample factor: (I (x) (Z'Z)^-1) [sum over clusters of (v_g (x) z_g)(v_g (x) z_g)'] (I (x) (Z'Z)^-1), v the
     * first-stage residuals.
     */
    private static double[][] firstStageCovariance(Iv.Data d, double[][] gamma, double[][] zzi) {
        int l = d.z.length;
        int k2 = d.x2.length;
        double[][] meat;
        if (k2 == 1) {
            meat = d.cov.meat(columns(d, d.z), d.residuals(d.x2[0], d.z, column(gamma, 0)));
        } else {
            List<double[]> scores = new ArrayList<>();
            for (int j = 0; j < k2; j++) {
                double[] v = d.residuals(d.x2[j], d.z, column(gamma, j));
                for (int a = 0; a < l; a++) {
                    double[] za = d.cols[d.z[a]];
                    double[] s = new double[d.n];
                    for (int i = 0; i < d.n; i++) {
                        s[i] = za[i] * v[i];
                    }
                    scores.add(s);
                }
            }
            double[] ones = new double[d.n];
            Arrays.fill(ones, 1.0);
            meat = d.cov.meat(scores, ones);
        }
        double[][] bread = new double[l * k2][l * k2];
        for (int j = 0; j < k2; j++) {
            for (int a = 0; a < l; a++) {
                System.arraycopy(zzi[a], 0, bread[j * l + a], j * l, l);
            }
        }
        return Dense.sandwich(bread, meat);
    }

    /**
     * Cragg and Donald (1993) as ivreg2: cd the smallest eigenvalue r^2 of (X2~'X2~)^-1 X2~'P X2~ (P the projection on
     * Z2~), F = r^2 / (1 - r^2) (n - L - A) / L2 (Stock and Yogo 2005; equal to the iid first-stage F with one
     * endogenous regressor).
     */
    static IvFit.Test craggDonald(Iv.Data d) {
        double[][] total = residualCross(d, d.x2, d.x1);
        double[][] unexplained = residualCross(d, d.x2, d.z);
        double[][] explained = new double[total.length][total.length];
        for (int i = 0; i < total.length; i++) {
            for (int j = 0; j < total.length; j++) {
                explained[i][j] = total[i][j] - unexplained[i][j];
            }
        }
        RealMatrix l = new CholeskyDecomposition(new Array2DRowRealMatrix(total), 1e-14, 1e-300).getL();
        double[][] li = Dense.inverse(l.getData());
        double r2 = Dense.eigenvaluesAscending(symmetrised(Dense.mul(Dense.mul(li, explained), Dense.transpose(li))))[0];
        int l2 = d.z2.length;
        double f = r2 / (1 - r2) * (d.n - d.z.length - d.absorbed) / l2;
        return new IvFit.Test("Cragg-Donald Wald F", f, l2, d.n - d.z.length - d.absorbed, Double.NaN);
    }

    /**
     * Kleibergen and Paap (2006) rk Wald statistic of H0: rank(Pi) = K2 - 1, Pi the L2 x K2 coefficients of Z2~ in the
     * first stages. Theta = G Pi F' with G = (Z2~'Z2~)^(1/2), F = (X2~'X2~)^(1/2); Theta = U S V' (U completed to
     * L2 x L2); with q = K2 - 1, A = U_.2 U_22^-1 (U_22 U_22')^(1/2), B = (v_22 v_22')^(1/2) v_22'^-1 V_.2';
     * lambda = (B (x) A') vec(Theta) and rk = lambda' [(B (x) A')(F (x) G) V(vec Pi) (F (x) G)'(B (x) A')']^-1 lambda,
     * V(vec Pi) the robust or cluster covariance without small-sample factor. The F form follows ivreg2: rk / n (n - L - A)
     * / L2, or with a cluster covariance rk / (n - 1) (n - L - A) (G - 1) / G / L2.
     */
    static IvFit.Test kleibergenPaap(Iv.Data d, double[][] gamma) {
        int l = d.z.length;
        int l2 = d.z2.length;
        int k1 = d.x1.length;
        int k2 = d.x2.length;
        double[][] pi = new double[l2][k2];
        int[] idx = new int[l2 * k2];
        for (int j = 0; j < k2; j++) {
            for (int a = 0; a < l2; a++) {
                pi[a][j] = gamma[k1 + a][j];
                idx[j * l2 + a] = j * l + k1 + a;
            }
        }
        double[][] vPi = new double[idx.length][idx.length];
        for (int r = 0; r < idx.length; r++) {
            for (int c = 0; c < idx.length; c++) {
                vPi[r][c] = d.firstStageCov[idx[r]][idx[c]];
            }
        }
        double[][] gHalf = symmetricSqrt(residualCross(d, d.z2, d.x1));
        double[][] fHalf = symmetricSqrt(residualCross(d, d.x2, d.x1));
        double[][] theta = Dense.mul(Dense.mul(gHalf, pi), fHalf);
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(theta));
        double[][] u = completed(svd.getU().getData(), l2);
        double[][] v = svd.getV().getData();
        int q = k2 - 1;
        double[][] u2 = new double[l2][l2 - q];
        double[][] u22 = new double[l2 - q][l2 - q];
        for (int a = 0; a < l2; a++) {
            for (int c = q; c < l2; c++) {
                u2[a][c - q] = u[a][c];
                if (a >= q) {
                    u22[a - q][c - q] = u[a][c];
                }
            }
        }
        double[][] aq = Dense.mul(Dense.mul(u2, Dense.inverse(u22)), symmetricSqrt(Dense.mul(u22, Dense.transpose(u22))));
        double sign = Math.signum(v[q][q]);
        double[][] bq = new double[1][k2];
        for (int j = 0; j < k2; j++) {
            bq[0][j] = sign * v[j][q];
        }
        double[][] k = kron(Dense.mul(bq, fHalf), Dense.mul(Dense.transpose(aq), gHalf));
        double[] vecPi = new double[l2 * k2];
        for (int j = 0; j < k2; j++) {
            for (int a = 0; a < l2; a++) {
                vecPi[j * l2 + a] = pi[a][j];
            }
        }
        double[] lambda = Dense.mul(k, vecPi);
        double[][] omega = Dense.mul(Dense.mul(k, vPi), Dense.transpose(k));
        double rk = quadratic(lambda, omega);
        int n = d.n;
        int df2 = n - l - d.absorbed;
        double f;
        if (!d.cov.clustered()) {
            f = rk / n * df2 / l2;
        } else {
            double gc = d.cov.minClusters();
            f = rk / (n - 1.0) * df2 * (gc - 1) / gc / l2;
        }
        return new IvFit.Test("Kleibergen-Paap rk Wald F", f, l2, df2, Double.NaN);
    }

    /**
     * Over-identification from the 2SLS residuals e on chi2(L - K). iid: Sargan (1958) n e'P e / e'e. Otherwise Hansen
     * (1982) J: the two-step efficient GMM objective g' S^-1 g, g = Z'(y - X b_GMM), S the robust or cluster sum of
     * (z e)(z e)' at the 2SLS residuals (ivreg2's J for 2SLS).
     */
    static IvFit.Test overidentification(Iv.Data d, double[] b2sls, double[][] meatW) {
        int df = d.z.length - d.x.length;
        double[] zy = d.gramColumn(d.z, 0);
        double[][] zx = d.gram(d.z, d.x);
        ChiSquaredDistribution chi = new ChiSquaredDistribution(null, df);
        if (meatW == null) {
            double[] ze = minus(zy, Dense.mul(zx, b2sls));
            double[] xy = d.gramColumn(d.x, 0);
            double ee = d.g[0][0] - 2 * Dense.dot(b2sls, xy) + Dense.dot(b2sls, Dense.mul(d.gram(d.x, d.x), b2sls));
            double sargan = d.n * quadratic(ze, d.gram(d.z, d.z)) / ee;
            return new IvFit.Test("Sargan", sargan, df, null, 1 - chi.cumulativeProbability(sargan));
        }
        double[][] ez = d.selector(d.z);
        double[][] s = Dense.mul(Dense.mul(ez, meatW), Dense.transpose(ez));
        double[][] si = Dense.inverse(s);
        double[][] xzs = Dense.mul(Dense.transpose(zx), si);
        double[] bGmm = Dense.mul(Dense.inverse(Dense.mul(xzs, zx)), Dense.mul(xzs, zy));
        double[] gbar = minus(zy, Dense.mul(zx, bGmm));
        double j = Dense.dot(gbar, Dense.mul(si, gbar));
        return new IvFit.Test("Hansen J", j, df, null, 1 - chi.cumulativeProbability(j));
    }

    /**
     * Durbin-Wu-Hausman in its control-function form (Hausman 1978; Wooldridge 2010, sec. 6.3.1; estimatr's
     * endogeneity test): OLS of y on [X1 X2 V], V the first-stage residuals, and the Wald F of V's coefficients under the
     * model's covariance on (K2, n - K - K2 - A) degrees of freedom (G - 1 for cluster).
     */
    static IvFit.Test endogeneity(Iv.Data d, double[][] gamma) {
        int k = d.x.length;
        int k2 = d.x2.length;
        int p = d.w.length;
        double[][] ex = d.selector(d.x);
        double[][] ez = d.selector(d.z);
        double[][] r = new double[k + k2][];
        for (int a = 0; a < k; a++) {
            r[a] = ex[a];
        }
        double[][] gz = Dense.mul(Dense.transpose(gamma), ez);
        for (int j = 0; j < k2; j++) {
            double[] row = ex[d.x1.length + j].clone();
            for (int c = 0; c < p; c++) {
                row[c] -= gz[j][c];
            }
            r[k + j] = row;
        }
        double[][] gw = d.gram(d.w, d.w);
        double[][] rr = Dense.mul(Dense.mul(r, gw), Dense.transpose(r));
        double[][] rri = Dense.sweepInverse(rr, Iv.COLLINEAR);
        double[] ry = Dense.mul(r, d.gramColumn(d.w, 0));
        double[] c = Dense.mul(rri, ry);
        double[] onW = Dense.tmul(r, c);
        double[] u = d.residuals(0, d.w, onW);
        int dfResid = d.n - k - k2 - d.absorbed;
        double[][] v;
        if (!d.cov.robust()) {
            v = Dense.scaled(rri, Dense.dot(u, u) / dfResid);
        } else {
            double[][] meat = Dense.mul(Dense.mul(r, d.cov.meat(d.wColumns(), u)), Dense.transpose(r));
            v = Dense.scaled(Dense.sandwich(rri, meat), d.factor(k + k2));
        }
        double[] rho = new double[k2];
        for (int j = 0; j < k2; j++) {
            rho[j] = c[k + j];
        }
        double f = quadratic(rho, block(v, k, k, k2)) / k2;
        int df2 = d.dfTest(dfResid);
        double pv = 1 - new FDistribution(null, k2, Math.max(df2, 1)).cumulativeProbability(f);
        return new IvFit.Test("Durbin-Wu-Hausman", f, k2, df2, pv);
    }

    /** b' V^-1 b. */
    static double quadratic(double[] b, double[][] v) {
        double[] s = Dense.solveOrNull(v, b);
        return s == null ? Double.NaN : Dense.dot(b, s);
    }

    private static double[][] block(double[][] m, int row, int col, int size) {
        double[][] out = new double[size][size];
        for (int a = 0; a < size; a++) {
            System.arraycopy(m[row + a], col, out[a], 0, size);
        }
        return out;
    }

    private static double[] column(double[][] m, int j) {
        double[] out = new double[m.length];
        for (int a = 0; a < m.length; a++) {
            out[a] = m[a][j];
        }
        return out;
    }

    private static List<double[]> columns(Iv.Data d, int[] of) {
        List<double[]> out = new ArrayList<>();
        for (int c : of) {
            out.add(d.cols[c]);
        }
        return out;
    }

    private static int[] range(int from, int count) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = from + i;
        }
        return out;
    }

    private static double[] minus(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }

    private static double[][] symmetrised(double[][] m) {
        double[][] out = new double[m.length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m.length; j++) {
                out[i][j] = (m[i][j] + m[j][i]) / 2;
            }
        }
        return out;
    }

    /** The symmetric square root Q D^(1/2) Q' of a symmetric positive semi-definite matrix. */
    static double[][] symmetricSqrt(double[][] m) {
        EigenDecomposition ed = new EigenDecomposition(new Array2DRowRealMatrix(symmetrised(m)));
        double[][] q = ed.getV().getData();
        double[] ev = ed.getRealEigenvalues();
        int k = m.length;
        double[][] out = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double s = 0;
                for (int c = 0; c < k; c++) {
                    s += q[a][c] * Math.sqrt(Math.max(ev[c], 0)) * q[b][c];
                }
                out[a][b] = s;
            }
        }
        return out;
    }

    /** U (m x p, orthonormal columns) completed to an m x m orthogonal matrix by an orthonormal basis of its complement. */
    private static double[][] completed(double[][] u, int m) {
        int p = u[0].length;
        if (p == m) {
            return u;
        }
        double[][] comp = Dense.identity(m);
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                for (int c = 0; c < p; c++) {
                    comp[a][b] -= u[a][c] * u[b][c];
                }
            }
        }
        EigenDecomposition ed = new EigenDecomposition(new Array2DRowRealMatrix(symmetrised(comp)));
        double[] ev = ed.getRealEigenvalues();
        double[][] q = ed.getV().getData();
        double[][] out = new double[m][m];
        int at = p;
        for (int a = 0; a < m; a++) {
            System.arraycopy(u[a], 0, out[a], 0, p);
        }
        for (int c = 0; c < m && at < m; c++) {
            if (ev[c] > 0.5) {
                for (int a = 0; a < m; a++) {
                    out[a][at] = q[a][c];
                }
                at++;
            }
        }
        return out;
    }

    /** The Kronecker product a (x) b. */
    private static double[][] kron(double[][] a, double[][] b) {
        int ra = a.length;
        int ca = a[0].length;
        int rb = b.length;
        int cb = b[0].length;
        double[][] out = new double[ra * rb][ca * cb];
        for (int i = 0; i < ra; i++) {
            for (int j = 0; j < ca; j++) {
                for (int k = 0; k < rb; k++) {
                    for (int l = 0; l < cb; l++) {
                        out[i * rb + k][j * cb + l] = a[i][j] * b[k][l];
                    }
                }
            }
        }
        return out;
    }
}
