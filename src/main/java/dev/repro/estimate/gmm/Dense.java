package dev.repro.estimate.gmm;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/** Small dense matrix helpers on row-major {@code double[][]}; sizes are instruments x instruments at most. */
final class Dense {
    /** R's MASS::ginv tolerance: singular values below sqrt(machine epsilon) times the largest count as zero. */
    private static final double GINV_TOL = Math.sqrt(Math.ulp(1.0));

    private Dense() {
    }

    static double[][] zeros(int r, int c) {
        return new double[r][c];
    }

    /** a b */
    static double[][] mul(double[][] a, double[][] b) {
        int n = a.length;
        int m = b.length;
        int p = m == 0 ? 0 : b[0].length;
        double[][] out = new double[n][p];
        for (int i = 0; i < n; i++) {
            double[] oi = out[i];
            double[] ai = a[i];
            for (int k = 0; k < m; k++) {
                double v = ai[k];
                if (v == 0) {
                    continue;
                }
                double[] bk = b[k];
                for (int j = 0; j < p; j++) {
                    oi[j] += v * bk[j];
                }
            }
        }
        return out;
    }

    /** a' b */
    static double[][] tmul(double[][] a, double[][] b) {
        int m = a.length;
        int n = m == 0 ? 0 : a[0].length;
        int p = m == 0 ? 0 : b[0].length;
        double[][] out = new double[n][p];
        for (int k = 0; k < m; k++) {
            double[] ak = a[k];
            double[] bk = b[k];
            for (int i = 0; i < n; i++) {
                double v = ak[i];
                if (v == 0) {
                    continue;
                }
                double[] oi = out[i];
                for (int j = 0; j < p; j++) {
                    oi[j] += v * bk[j];
                }
            }
        }
        return out;
    }

    /** a v */
    static double[] mul(double[][] a, double[] v) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            double[] ai = a[i];
            for (int j = 0; j < v.length; j++) {
                s += ai[j] * v[j];
            }
            out[i] = s;
        }
        return out;
    }

    /** a' v */
    static double[] tmul(double[][] a, double[] v) {
        int n = a.length == 0 ? 0 : a[0].length;
        double[] out = new double[n];
        for (int k = 0; k < a.length; k++) {
            double vk = v[k];
            if (vk == 0) {
                continue;
            }
            double[] ak = a[k];
            for (int i = 0; i < n; i++) {
                out[i] += ak[i] * vk;
            }
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double[][] transpose(double[][] a) {
        int n = a.length;
        int p = n == 0 ? 0 : a[0].length;
        double[][] out = new double[p][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                out[j][i] = a[i][j];
            }
        }
        return out;
    }

    static void addTo(double[][] acc, double[][] a) {
        for (int i = 0; i < acc.length; i++) {
            for (int j = 0; j < acc[i].length; j++) {
                acc[i][j] += a[i][j];
            }
        }
    }

    static void addTo(double[] acc, double[] a) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] += a[i];
        }
    }

    static void scale(double[][] a, double f) {
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= f;
            }
        }
    }

    /** Adds v v' (times f) to acc. */
    static void addOuter(double[][] acc, double[] v, double f) {
        for (int i = 0; i < v.length; i++) {
            double vi = v[i] * f;
            if (vi == 0) {
                continue;
            }
            double[] row = acc[i];
            for (int j = 0; j < v.length; j++) {
                row[j] += vi * v[j];
            }
        }
    }

    /** The inverse by LU (R's solve); throws on an exactly singular matrix. */
    static double[][] inverse(double[][] a) {
        RealMatrix m = new Array2DRowRealMatrix(a, true);
        return new LUDecomposition(m, 0.0).getSolver().getInverse().getData();
    }

    /** Eigenvalues of a symmetric matrix (symmetrised first). */
    static double[] symmetricEigenvalues(double[][] a) {
        int n = a.length;
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] = 0.5 * (a[i][j] + a[j][i]);
            }
        }
        return new EigenDecomposition(new Array2DRowRealMatrix(s, false)).getRealEigenvalues();
    }

    static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) {
            m = Math.min(m, d);
        }
        return m;
    }

    static double minAbs(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) {
            m = Math.min(m, Math.abs(d));
        }
        return m;
    }

    /** Moore-Penrose inverse as R's MASS::ginv: V diag(1/d) U' over singular values d > sqrt(eps) d_max. */
    static double[][] ginv(double[][] a) {
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(a, false));
        double[] d = svd.getSingularValues();
        double[][] u = svd.getU().getData();
        double[][] v = svd.getV().getData();
        double cut = d.length == 0 ? 0 : Math.max(GINV_TOL * d[0], 0);
        int r = a.length;
        int c = a[0].length;
        double[][] out = new double[c][r];
        for (int k = 0; k < d.length; k++) {
            if (!(d[k] > cut)) {
                continue;
            }
            double inv = 1.0 / d[k];
            for (int i = 0; i < c; i++) {
                double vik = v[i][k] * inv;
                if (vik == 0) {
                    continue;
                }
                for (int j = 0; j < r; j++) {
                    out[i][j] += vik * u[j][k];
                }
            }
        }
        return out;
    }
}
