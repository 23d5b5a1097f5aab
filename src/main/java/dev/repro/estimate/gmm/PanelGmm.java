package dev.repro.estimate.gmm;

import dev.repro.numeric.Dense;
import java.util.ArrayList;
import java.util.List;
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
 * <p>Layout as plm: the panel is filled to units x periods; TL1 = max(largest regressor lag + 1, smallest GMM
 * lag) is the first differenced period used, TL2 = TL1 - 1 the first level period; a row with any missing
 * value in the dependent or a regressor is zeroed (with its instruments); a missing instrument is 0.
 */
public final class PanelGmm {
    private static final double EPS = 1e-9;

    private PanelGmm() {
    }

    public static GmmFit fit(GmmProblem pr) throws GmmException {
        try {
            return new Layout(pr).estimate();
        } catch (org.apache.commons.math3.linear.SingularMatrixException e) {
            throw new GmmException("the GMM normal equations are singular: a regressor is collinear with the others "
                    + "or has no variation after differencing; remove it");
        }
    }

    /** The stacked per-unit matrices and the estimation on them. */
    private static final class Layout {
        final GmmProblem pr;
        final GmmOptions o;
        final boolean ld;
        final int n;
        final int T;
        final int tl1;
        final int tl2;
        final int nd;
        final int nl;
        final int rows;
        final int k;
        final int kt;
        final int kall;
        final List<String> timeNames = new ArrayList<>();
        int[] diffCols;     // per GMM variable: its differenced-equation instrument columns
        int[] levelCols;    // per GMM variable (LD): its level-equation instrument columns
        int ld0;            // first level GMM column
        int tdCol;          // first time-dummy instrument column
        int ivCol;          // first ordinary instrument column
        int ncol;
        double[][] y;       // [unit][row]
        double[][][] x;     // [unit][row][col]
        double[][][] w;     // [unit][row][col]
        final List<String> warnings = new ArrayList<>();

        Layout(GmmProblem pr) throws GmmException {
            this.pr = pr;
            this.o = pr.options();
            this.ld = o.transformation() == GmmOptions.Transformation.LD;
            this.n = pr.units();
            this.T = pr.periods();
            int maxLag = 0;
            for (int l : pr.xLags()) {
                maxLag = Math.max(maxLag, l);
            }
            int gmmMin = Integer.MAX_VALUE;
            for (GmmVariable g : pr.gmm()) {
                gmmMin = Math.min(gmmMin, g.minLag());
            }
            // plm: TL1 = max(main.maxlag + 1, gmm.minlag), TL2 = max(main.maxlag, gmm.minlag - 1)
            tl1 = Math.max(maxLag + 1, gmmMin);
            tl2 = Math.max(maxLag, gmmMin - 1);
            nd = T - tl1;
            nl = ld ? T - tl2 : 0;
            if (nd < 1) {
                throw new GmmException("the sample has " + T + " periods (" + pr.times()[0] + " to " + pr.times()[T - 1]
                        + "), too few for the lags of the model: its first differenced equation needs period number " + (tl1 + 1)
                        + "; use fewer lags or more periods");
            }
            rows = nd + nl;
            k = pr.names().size();
            if (o.twoways()) {
                if (ld) {
                    timeNames.add("(Intercept)");
                    for (int t = tl2 + 1; t < T; t++) {
                        timeNames.add(Long.toString(pr.times()[t]));
                    }
                } else {
                    for (int t = tl1; t < T; t++) {
                        timeNames.add(Long.toString(pr.times()[t]));
                    }
                }
            }
            kt = timeNames.size();
            kall = k + kt;
            columns();
            build();
        }

        private void columns() {
            int c = 0;
            int gv = pr.gmm().size();
            diffCols = new int[gv + 1];
            for (int g = 0; g < gv; g++) {
                diffCols[g] = c;
                c += diffWidth(pr.gmm().get(g));
            }
            diffCols[gv] = c;
            ld0 = c;
            levelCols = new int[gv + 1];
            if (ld) {
                for (int g = 0; g < gv; g++) {
                    levelCols[g] = c;
                    c += o.collapse() ? 1 : Math.max(0, T - levelStart() + 1);
                }
            }
            levelCols[gv] = c;
            tdCol = c;
            c += kt;
            ivCol = c;
            c += pr.iv().length * (ld ? 2 : 1);
            ncol = c;
        }

        /** 1-based first period with its own level instrument column (plm: periods 3..T when TL2 <= 2). */
        private int levelStart() {
            return Math.max(3, tl2 + 1);
        }

        /** The 1-based positions of the instruments of the differenced equation at 1-based period p (plm's makegmm). */
        private int lo(GmmVariable g, int p) {
            return Math.max(1, p - g.maxLag());
        }

        private int hi(GmmVariable g, int p) {
            return p - g.minLag();
        }

        private int diffWidth(GmmVariable g) {
            if (o.collapse()) {
                return Math.max(0, Math.min(T - g.minLag(), g.maxLag() + 1 - g.minLag()));
            }
            int w = 0;
            for (int t = tl1; t < T; t++) {
                w += Math.max(0, hi(g, t + 1) - lo(g, t + 1) + 1);
            }
            return w;
        }

        private void build() {
            y = new double[n][rows];
            x = new double[n][rows][kall];
            w = new double[n][rows][ncol];
            double[] ys = pr.y();
            double[][] xs = pr.x();
            double[][] zs = pr.iv();
            for (int i = 0; i < n; i++) {
                int base = i * T;
                double[] yi = y[i];
                double[][] xi = x[i];
                double[][] wi = w[i];
                // differenced rows: periods t = TL1..T-1 (0-based)
                for (int r = 0; r < nd; r++) {
                    int t = tl1 + r;
                    yi[r] = ys[base + t] - ys[base + t - 1];
                    for (int j = 0; j < k; j++) {
                        xi[r][j] = xs[j][base + t] - xs[j][base + t - 1];
                    }
                    if (o.twoways()) {
                        if (ld) {
                            // diff of [1, dummies of periods TL2+1..T-1]: the constant differences out
                            xi[r][k + t - tl2] = 1;
                            if (t - 1 >= tl2 + 1) {
                                xi[r][k + t - 1 - tl2] = -1;
                            }
                        } else {
                            xi[r][k + t - tl1] = 1;
                            if (t - 1 >= tl1) {
                                xi[r][k + t - 1 - tl1] = -1;
                            }
                            wi[r][tdCol + t - tl1] = 1;
                            if (t - 1 >= tl1) {
                                wi[r][tdCol + t - 1 - tl1] = -1;
                            }
                        }
                    }
                    int p = t + 1;
                    for (int g = 0; g < pr.gmm().size(); g++) {
                        GmmVariable gv = pr.gmm().get(g);
                        int lo = lo(gv, p);
                        int hi = hi(gv, p);
                        if (o.collapse()) {
                            for (int c = 0; hi - c >= lo; c++) {
                                wi[r][diffCols[g] + c] = zeroNaN(gv.series()[base + hi - c - 1]);
                            }
                        } else {
                            int off = diffCols[g];
                            for (int tt = tl1; tt < t; tt++) {
                                off += Math.max(0, hi(gv, tt + 1) - lo(gv, tt + 1) + 1);
                            }
                            for (int q = lo; q <= hi; q++) {
                                wi[r][off + q - lo] = zeroNaN(gv.series()[base + q - 1]);
                            }
                        }
                    }
                    for (int j = 0; j < zs.length; j++) {
                        wi[r][ivCol + j] = zeroNaN(zs[j][base + t] - zs[j][base + t - 1]);
                    }
                    finishRow(yi, xi, wi, r);
                }
                // level rows (LD): periods t = TL2..T-1
                for (int r = nd; r < rows; r++) {
                    int t = tl2 + (r - nd);
                    yi[r] = ys[base + t];
                    for (int j = 0; j < k; j++) {
                        xi[r][j] = xs[j][base + t];
                    }
                    if (o.twoways()) {
                        xi[r][k] = 1;
                        wi[r][tdCol] = 1;
                        if (t >= tl2 + 1) {
                            xi[r][k + t - tl2] = 1;
                            wi[r][tdCol + t - tl2] = 1;
                        }
                    }
                    int p = t + 1;
                    if (p >= 3) {
                        for (int g = 0; g < pr.gmm().size(); g++) {
                            double[] s = pr.gmm().get(g).series();
                            double d = zeroNaN(s[base + p - 2] - s[base + p - 3]);
                            if (o.collapse()) {
                                wi[r][levelCols[g]] = d;
                            } else if (p >= levelStart()) {
                                wi[r][levelCols[g] + p - levelStart()] = d;
                            }
                        }
                    }
                    for (int j = 0; j < zs.length; j++) {
                        wi[r][ivCol + zs.length + j] = zeroNaN(zs[j][base + t]);
                    }
                    finishRow(yi, xi, wi, r);
                }
            }
        }

        /** plm: a row with a missing dependent or regressor is zeroed, instruments included. */
        private static void finishRow(double[] yi, double[][] xi, double[][] wi, int r) {
            boolean na = Double.isNaN(yi[r]);
            for (double v : xi[r]) {
                na |= Double.isNaN(v);
            }
            if (na) {
                yi[r] = 0;
                java.util.Arrays.fill(xi[r], 0);
                java.util.Arrays.fill(wi[r], 0);
            }
        }

        private static double zeroNaN(double v) {
            return Double.isNaN(v) ? 0 : v;
        }

        /** H W for the unit's instruments: H is plm's first-step weight structure. */
        private double[][] hTimes(double[][] m) {
            int c = m[0].length;
            double[][] out = new double[rows][c];
            for (int r = 0; r < nd; r++) {
                for (int j = 0; j < c; j++) {
                    double v = 2 * m[r][j];
                    if (r > 0) {
                        v -= m[r - 1][j];
                    }
                    if (r + 1 < nd) {
                        v -= m[r + 1][j];
                    }
                    if (ld) {
                        // FD block: differenced row r pairs with level rows r (-1) and r + 1 (+1)
                        v += -m[nd + r][j] + m[nd + r + 1][j];
                    }
                    out[r][j] = v;
                }
            }
            for (int r = nd; r < rows; r++) {
                int q = r - nd;
                for (int j = 0; j < c; j++) {
                    double v = m[r][j];
                    if (q < nd) {
                        v -= m[q][j];
                    }
                    if (q >= 1) {
                        v += m[q - 1][j];
                    }
                    out[r][j] = v;
                }
            }
            return out;
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
                Dense.addTo(a1, Dense.tmul(w[i], hTimes(w[i])));
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
            return Dense.mul(Dense.mul(b, meat), b);
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
