package dev.repro.estimate.gmm;

import dev.repro.numeric.Dense;
import java.util.List;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * Dynamic panel GMM: Arellano-Bond (1991) difference GMM and Blundell-Bond (1998) system GMM, one and two
 * steps, reproducing R plm::pgmm (plm 2.6.2) and its summary(), sargan() and mtest().
 *
 * <p>Per unit i, with Z_i the instruments, X_i the transformed regressors and y_i the transformed dependent:
 * one step b1 = (X'Z A1 Z'X)^-1 X'Z A1 Z'y with A1 = (sum Z_i' H Z_i)^-1, H the covariance of the
 * differenced (and level) errors under homoskedasticity (tridiagonal 2, -1; plm's FSM "full" for system GMM);
 * two steps replace A1 by A2 = (sum Z_i' e1_i e1_i' Z_i)^-1 from the one-step residuals. As plm, both are
 * inverted by solve() unless their smallest eigenvalue is below 1e-9, then by MASS::ginv.
 * Robust variances: one step B1 X'Z A1 (sum Z'e1e1'Z) A1 Z'X B1; two steps the Windmeijer (2005)
 * finite-sample correction B2 + D B2 + B2 D' + D V1 D' with D_k = -B2 X'Z A2 (dA2^-1/db_k) A2 Z'e2.
 * Sargan: (sum Z'e2)' A2 (sum Z'e2) on L - K degrees of freedom (with one step e2 is e1).
 * AR(m): Arellano-Bond (1991) m-statistic on the differenced residuals with the robust variance.
 *
 * <p>Layout as plm (see {@link GmmLayout}): the panel is filled to units x periods; TL1 = max(largest regressor
 * lag + 1, smallest GMM lag) is the first differenced period used, TL2 = TL1 - 1 the first level period; a row
 * with any missing value in the dependent or a regressor is zeroed (with its instruments); a missing instrument is 0.
 */
public final class PanelGmm {
    private static final double EPS = 1e-9;

    private PanelGmm() {
    }

    public static GmmFit fit(GmmProblem pr) throws GmmException {
        try {
            return new Estimation(new GmmLayout(pr)).estimate();
        } catch (SingularMatrixException e) {
            throw new GmmException("the GMM normal equations are singular: a regressor is collinear with the others "
                    + "or has no variation after differencing; remove it");
        }
    }

    /** The estimation on the stacked matrices of a {@link GmmLayout}. */
    private static final class Estimation {
        final GmmLayout layout;
        final GmmProblem pr;
        final GmmOptions o;
        final int n;
        final int nd;
        final int rows;
        final int kt;
        final int kall;
        final int ncol;
        final List<String> timeNames;
        final double[][] y;
        final double[][][] x;
        final double[][][] w;
        final List<String> warnings;

        Estimation(GmmLayout layout) {
            this.layout = layout;
            this.pr = layout.pr;
            this.o = layout.o;
            this.n = layout.n;
            this.nd = layout.nd;
            this.rows = layout.rows;
            this.kt = layout.kt;
            this.kall = layout.kall;
            this.ncol = layout.ncol;
            this.timeNames = layout.timeNames;
            this.y = layout.y;
            this.x = layout.x;
            this.w = layout.w;
            this.warnings = layout.warnings;
        }

        private double[][] invertChecked(double[][] a, String which) {
            double minEv = Dense.min(Dense.symmetricEigenvalues(a));
            if (minEv < EPS) {
                warnings.add("the " + which + " matrix is singular, a general inverse is used");
                return Dense.ginv(a);
            }
            return Dense.inverse(a);
        }

        GmmFit estimate() throws GmmException {
            if (ncol < kall) {
                throw new GmmException("the model has " + ncol + (ncol == 1 ? " instrument" : " instruments") + " for " + kall + " coefficients"
                        + (kt > 0 ? " (" + kt + " of them time effects)" : "") + "; add GMM lags or instruments");
            }
            int L = ncol;
            double[][] a1 = new double[L][L];
            double[][] wx = new double[L][kall];
            double[] wy = new double[L];
            for (int i = 0; i < n; i++) {
                Dense.addTo(a1, Dense.tmul(w[i], layout.hTimes(w[i])));
                Dense.addTo(wx, Dense.tmul(w[i], x[i]));
                Dense.addTo(wy, Dense.tmul(w[i], y[i]));
            }
            int nobsCheck = 0;
            for (int i = 0; i < n; i++) {
                for (int r = 0; r < rows; r++) {
                    if (y[i][r] != 0 || nonZero(x[i][r])) {
                        nobsCheck++;
                    }
                }
            }
            if (nobsCheck == 0) {
                throw new GmmException("no row has the dependent variable and every regressor; check the lags and missing values");
            }
            a1 = invertChecked(a1, "first-step");
            Dense.scale(a1, n);
            double[][] b1 = solveNormal(wx, a1);
            double[] coef1 = Dense.mul(b1, Dense.tmul(wx, Dense.mul(a1, wy)));
            double[][] e1 = residuals(coef1);
            double[][] ze1 = new double[n][];
            double[][] a2raw = new double[L][L];
            for (int i = 0; i < n; i++) {
                ze1[i] = Dense.tmul(w[i], e1[i]);
                Dense.addOuter(a2raw, ze1[i], 1.0);
            }
            double[][] a2 = invertChecked(a2raw, "second-step");
            double[] coef = coef1;
            double[][] e = e1;
            double[][] b2 = null;
            if (o.twoSteps()) {
                b2 = solveNormal(wx, a2);
                coef = Dense.mul(b2, Dense.tmul(wx, Dense.mul(a2, wy)));
                e = residuals(coef);
            }
            // vcovHC.pgmm: SA2 = solve(A2), or ginv(A2) when min |eigenvalue| < 1e-9
            double[][] sa2;
            if (Dense.minAbs(Dense.symmetricEigenvalues(a2)) < EPS) {
                warnings.add("a general inverse is used for the robust covariance");
                sa2 = Dense.ginv(a2);
            } else {
                sa2 = Dense.inverse(a2);
            }
            double[][] v1s = sandwich(b1, wx, a1, sa2);
            double[][] vr;
            double[][] vNonRobust;
            double[][] aw;
            if (o.twoSteps()) {
                vr = windmeijer(b2, wx, a2, e1, e, v1s);
                vNonRobust = b2;
                aw = a2;
            } else {
                vr = v1s;
                vNonRobust = b1;
                aw = a1;
            }
            double[] se = new double[kall];
            double[] z = new double[kall];
            double[] p = new double[kall];
            for (int j = 0; j < kall; j++) {
                se[j] = Math.sqrt(vr[j][j]);
                z[j] = coef[j] / se[j];
                p[j] = twoSided(z[j]);
            }
            // Sargan: plm::sargan(object, "twosteps") uses A2 with the final residuals
            double[] ze = new double[L];
            for (int i = 0; i < n; i++) {
                Dense.addTo(ze, Dense.tmul(w[i], e[i]));
            }
            double sarg = Dense.dot(ze, Dense.mul(a2, ze));
            int df = L - kall;
            GmmFit.Test sargan = new GmmFit.Test(sarg, df, df > 0 ? Gamma.regularizedGammaQ(df / 2.0, sarg / 2.0) : Double.NaN);
            // plm's summary: AR(1) always (needs 2 rows per unit), AR(2) when a unit has more than 2 transformed rows
            GmmFit.Test ar1 = mtest(1, e, vNonRobust, aw, vr, wx);
            GmmFit.Test ar2 = rows > 2 ? mtest(2, e, vNonRobust, aw, vr, wx) : null;
            int nobs = 0;
            for (double[] ei : e) {
                for (double v : ei) {
                    if (v != 0) {
                        nobs++;
                    }
                }
            }
            return new GmmFit(pr.dependent(), pr.names(), timeNames, coef, se, z, p, coef1, sargan, ar1, ar2, nobs, n, L, warnings);
        }

        private static boolean nonZero(double[] v) {
            for (double d : v) {
                if (d != 0) {
                    return true;
                }
            }
            return false;
        }

        /** (X'Z A Z'X)^-1 */
        private static double[][] solveNormal(double[][] wx, double[][] a) {
            return Dense.inverse(Dense.tmul(wx, Dense.mul(a, wx)));
        }

        private double[][] residuals(double[] b) {
            double[][] out = new double[n][rows];
            for (int i = 0; i < n; i++) {
                for (int r = 0; r < rows; r++) {
                    double fit = 0;
                    for (int j = 0; j < kall; j++) {
                        fit += x[i][r][j] * b[j];
                    }
                    out[i][r] = y[i][r] - fit;
                }
            }
            return out;
        }

        /** B (X'Z A S A Z'X) B */
        private static double[][] sandwich(double[][] b, double[][] wx, double[][] a, double[][] s) {
            double[][] awx = Dense.mul(a, wx);
            double[][] meat = Dense.tmul(awx, Dense.mul(s, awx));
            return Dense.sandwich(b, meat);
        }

        /**
         * Windmeijer (2005), as plm's vcovHC.pgmm: the derivative of the two-step weights with respect to b_k is
         * sum_i Z_i' (-x_ik e1_i' - e1_i x_ik') Z_i; only its product with A2 Z'e2 is needed, so no L x L matrix per k.
         */
        private double[][] windmeijer(double[][] b2, double[][] wx, double[][] a2, double[][] e1, double[][] e2, double[][] v1s) {
            int L = ncol;
            double[] we = new double[L];
            for (int i = 0; i < n; i++) {
                Dense.addTo(we, Dense.tmul(w[i], e2[i]));
            }
            double[] g = Dense.mul(a2, we);
            double[][] ze1 = new double[n][];
            for (int i = 0; i < n; i++) {
                ze1[i] = Dense.tmul(w[i], e1[i]);
            }
            double[][] left = Dense.mul(b2, Dense.transpose(Dense.mul(a2, wx))); // B2 X'Z A2 (K x L)
            double[][] d = new double[kall][kall];
            for (int j = 0; j < kall; j++) {
                double[] acc = new double[L];
                for (int i = 0; i < n; i++) {
                    double[] v = new double[L];
                    double[][] wi = w[i];
                    double[][] xi = x[i];
                    for (int r = 0; r < rows; r++) {
                        double xr = xi[r][j];
                        if (xr == 0) {
                            continue;
                        }
                        double[] wr = wi[r];
                        for (int c = 0; c < L; c++) {
                            v[c] += wr[c] * xr;
                        }
                    }
                    double ug = Dense.dot(ze1[i], g);
                    double vg = Dense.dot(v, g);
                    for (int c = 0; c < L; c++) {
                        acc[c] -= v[c] * ug + ze1[i][c] * vg;
                    }
                }
                double[] dk = Dense.mul(left, acc);
                for (int r = 0; r < kall; r++) {
                    d[r][j] = -dk[r];
                }
            }
            double[][] db2 = Dense.mul(d, b2);
            double[][] out = new double[kall][kall];
            double[][] dvd = Dense.mul(Dense.mul(d, v1s), Dense.transpose(d));
            for (int r = 0; r < kall; r++) {
                for (int c = 0; c < kall; c++) {
                    out[r][c] = b2[r][c] + db2[r][c] + db2[c][r] + dvd[r][c];
                }
            }
            return out;
        }

        /**
         * Arellano-Bond m-statistic of order m, as plm::mtest: on the differenced residuals (level rows set to 0)
         * and their m-th lag within the unit; denominator sum (e'e_m)^2 - 2 e_m'X Vnr X'Z A sum Z'e e'e_m
         * + e_m'X Vrobust X'e_m.
         */
        private GmmFit.Test mtest(int m, double[][] e, double[][] vnr, double[][] a, double[][] vr, double[][] wx) {
            if (m >= rows) {
                return null;
            }
            double eve = 0;
            double num = 0;
            double[] ex = new double[kall];
            double[] zve = new double[ncol];
            for (int i = 0; i < n; i++) {
                double[] res = new double[rows];
                double[] lag = new double[rows];
                for (int r = 0; r < nd; r++) {
                    res[r] = e[i][r];
                    if (r >= m) {
                        lag[r] = e[i][r - m];
                    }
                }
                double c = Dense.dot(res, lag);
                num += c;
                eve += c * c;
                Dense.addTo(ex, Dense.tmul(x[i], lag));
                double[] zr = Dense.tmul(w[i], res);
                for (int j = 0; j < ncol; j++) {
                    zve[j] += zr[j] * c;
                }
            }
            double[] exv = Dense.mul(vnr, ex);
            double[] xzaz = Dense.tmul(wx, Dense.mul(a, zve)); // X'Z A Z'V E (K)
            double mid = Dense.dot(exv, xzaz);
            double last = Dense.dot(ex, Dense.mul(vr, ex));
            double denom = eve - 2 * mid + last;
            double stat = num / Math.sqrt(denom);
            return new GmmFit.Test(stat, null, twoSided(stat));
        }
    }

    /** 2 P(Z > |z|) for a standard normal Z, accurate far in the tail. */
    static double twoSided(double z) {
        return Double.isNaN(z) ? Double.NaN : Erf.erfc(Math.abs(z) / Math.sqrt(2.0));
    }
}
