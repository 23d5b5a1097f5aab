package dev.repro.estimate.paneltest;

/**
 * Least squares by Householder QR (the factorisation R's lm.fit uses), for the small per-unit regressions of
 * the panel tests. With X = QR, the coefficients solve R b = (Q'y)[0..k); a t statistic of coefficient j is
 * b_j / (s sqrt([(R'R)^-1]_jj)), and the Wald statistic of the last m coefficients is ||(Q'y)[k-m..k)||^2 / s^2,
 * which needs no matrix inverse.
 */
final class Ols {
    /** Relative size of a diagonal element of R below which its column is taken as collinear with earlier ones. */
    static final double COLLINEAR = 1e-10;

    final int n;
    final int k;
    final double[] beta;
    final double[] resid;
    final double rss;
    final double[] qty;
    final double[][] r;

    private Ols(int n, int k, double[] beta, double[] resid, double rss, double[] qty, double[][] r) {
        this.n = n;
        this.k = k;
        this.beta = beta;
        this.resid = resid;
        this.rss = rss;
        this.qty = qty;
        this.r = r;
    }

    /** Thrown when a regressor is (numerically) a combination of earlier ones. */
    static final class SingularException extends Exception {
        private static final long serialVersionUID = 1L;
        final int column;

        SingularException(int column) {
            super("regressor " + column + " is collinear");
            this.column = column;
        }
    }

    /**
     * Fits y on the columns x[0..k); the columns are not changed.
     *
     * @throws SingularException when a column is collinear with the earlier ones, or n < k
     */
    static Ols fit(double[][] x, double[] y) throws SingularException {
        int k = x.length;
        int n = y.length;
        if (n < k) {
            throw new SingularException(n);
        }
        double[][] a = new double[k][];
        for (int j = 0; j < k; j++) {
            a[j] = x[j].clone();
        }
        double[] qy = y.clone();
        double[][] r = new double[k][k];
        for (int j = 0; j < k; j++) {
            double[] col = a[j];
            double orig = 0;
            for (double v : x[j]) {
                orig += v * v;
            }
            orig = Math.sqrt(orig);
            double norm = 0;
            for (int i = j; i < n; i++) {
                norm += col[i] * col[i];
            }
            norm = Math.sqrt(norm);
            if (!(norm > COLLINEAR * orig) || orig == 0) {
                throw new SingularException(j);
            }
            double alpha = col[j] > 0 ? -norm : norm;
            // v = col[j..n) - alpha e_1, stored in place; H = I - 2 v v' / (v'v)
            col[j] -= alpha;
            double vtv = 0;
            for (int i = j; i < n; i++) {
                vtv += col[i] * col[i];
            }
            for (int c = j + 1; c < k; c++) {
                reflect(col, a[c], j, n, vtv);
            }
            reflect(col, qy, j, n, vtv);
            r[j][j] = alpha;
            for (int c = j + 1; c < k; c++) {
                r[j][c] = a[c][j];
            }
        }
        double[] beta = new double[k];
        for (int j = k - 1; j >= 0; j--) {
            double s = qy[j];
            for (int c = j + 1; c < k; c++) {
                s -= r[j][c] * beta[c];
            }
            beta[j] = s / r[j][j];
        }
        double[] resid = new double[n];
        for (int i = 0; i < n; i++) {
            double f = 0;
            for (int j = 0; j < k; j++) {
                f += x[j][i] * beta[j];
            }
            resid[i] = y[i] - f;
        }
        // RSS from the rotated y: the part of Q'y beyond the first k components (accurate even when the fit is close)
        double rss = 0;
        for (int i = k; i < n; i++) {
            rss += qy[i] * qy[i];
        }
        double[] qty = new double[k];
        System.arraycopy(qy, 0, qty, 0, k);
        return new Ols(n, k, beta, resid, rss, qty, r);
    }

    private static void reflect(double[] v, double[] target, int from, int n, double vtv) {
        double dot = 0;
        for (int i = from; i < n; i++) {
            dot += v[i] * target[i];
        }
        double f = 2 * dot / vtv;
        for (int i = from; i < n; i++) {
            target[i] -= f * v[i];
        }
    }

    /** (X'X)^-1 = R^-1 R^-T. */
    double[][] xtxInverse() {
        double[][] ri = new double[k][k];
        for (int j = 0; j < k; j++) {
            ri[j][j] = 1 / r[j][j];
            for (int i = j - 1; i >= 0; i--) {
                double s = 0;
                for (int c = i + 1; c <= j; c++) {
                    s += r[i][c] * ri[c][j];
                }
                ri[i][j] = -s / r[i][i];
            }
        }
        double[][] out = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                double s = 0;
                for (int c = j; c < k; c++) {
                    s += ri[i][c] * ri[j][c];
                }
                out[i][j] = s;
                out[j][i] = s;
            }
        }
        return out;
    }

    /** Sum of squares of the last m components of Q'y: the explained sum of squares of the last m regressors given the others. */
    double lastSumOfSquares(int m) {
        double s = 0;
        for (int j = k - m; j < k; j++) {
            s += qty[j] * qty[j];
        }
        return s;
    }

    /** t statistic of the last coefficient with residual variance s2: sign(R_kk) (Q'y)_k / s. */
    double tLast(double s2) {
        double rk = r[k - 1][k - 1];
        return Math.signum(rk) * qty[k - 1] / Math.sqrt(s2);
    }

    /** Standard error of the last coefficient with residual variance s2. */
    double seLast(double s2) {
        return Math.sqrt(s2) / Math.abs(r[k - 1][k - 1]);
    }
}
