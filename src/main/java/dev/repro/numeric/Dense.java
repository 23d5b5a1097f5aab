package dev.repro.numeric;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The one dense-algebra helper: small matrices as row-major {@code double[][]} (a few hundred rows at most),
 * vectors as {@code double[]}. Every product sums in increasing index order starting from +0 (a zero factor
 * is skipped, which leaves finite sums unchanged), so results are the same bits wherever they are used.
 */
public final class Dense {
    /** R's MASS::ginv tolerance: singular values below sqrt(machine epsilon) times the largest count as zero. */
    private static final double GINV_TOL = Math.sqrt(Math.ulp(1.0));

    private Dense() {
    }

    /** a b */
    public static double[][] mul(double[][] a, double[][] b) {
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
    public static double[][] tmul(double[][] a, double[][] b) {
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
    public static double[] mul(double[][] a, double[] v) {
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
    public static double[] tmul(double[][] a, double[] v) {
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

    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    public static double[][] transpose(double[][] a) {
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

    public static void addTo(double[][] acc, double[][] a) {
        for (int i = 0; i < acc.length; i++) {
            for (int j = 0; j < acc[i].length; j++) {
                acc[i][j] += a[i][j];
            }
        }
    }

    public static void addTo(double[] acc, double[] a) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] += a[i];
        }
    }

    public static void scale(double[][] a, double f) {
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= f;
            }
        }
    }

    /** Adds v v' (times f) to acc. */
    public static void addOuter(double[][] acc, double[] v, double f) {
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

    /** The sandwich B M B (bread symmetric), computed as (B M) B. */
    public static double[][] sandwich(double[][] bread, double[][] meat) {
        return mul(mul(bread, meat), bread);
    }

    /** A new matrix f m. */
    public static double[][] scaled(double[][] m, double f) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = new double[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                out[i][j] = m[i][j] * f;
            }
        }
        return out;
    }

    /** acc += f m. */
    public static void addScaled(double[][] acc, double[][] m, double f) {
        for (int i = 0; i < acc.length; i++) {
            for (int j = 0; j < acc[i].length; j++) {
                acc[i][j] += f * m[i][j];
            }
        }
    }

    /** The k x k identity. */
    public static double[][] identity(int k) {
        double[][] m = new double[k][k];
        for (int i = 0; i < k; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    /** Euclidean norm, scaled by the largest magnitude to avoid overflow for very large columns. */
    public static double norm(double[] a) {
        double scale = 0;
        for (double d : a) {
            scale = Math.max(scale, Math.abs(d));
        }
        if (scale == 0) {
            return 0;
        }
        double s = 0;
        for (double d : a) {
            double t = d / scale;
            s += t * t;
        }
        return scale * Math.sqrt(s);
    }

    /** The weighted mean (two passes: the mean, then the weighted mean of the deviations added), or the mean without weights. */
    public static double weightedMean(double[] v, double[] w) {
        double m = mean(v);
        if (w == null) {
            return m;
        }
        double sw = 0;
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            sw += w[i];
            s += w[i] * (v[i] - m);
        }
        return m + s / sw;
    }

    /** Two-pass mean (the second pass corrects the rounding of the first). */
    public static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        double m = s / v.length;
        double c = 0;
        for (double d : v) {
            c += d - m;
        }
        return m + c / v.length;
    }

    /** A new vector v - m. */
    public static double[] centred(double[] v, double m) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] - m;
        }
        return out;
    }

    /** The solution x of a x = b by LU, or null when a is singular (pivot threshold 1e-300). */
    public static double[] solveOrNull(double[][] a, double[] b) {
        DecompositionSolver lu = new LUDecomposition(new Array2DRowRealMatrix(a, false), 1e-300).getSolver();
        if (!lu.isNonSingular()) {
            return null;
        }
        return lu.solve(new ArrayRealVector(b, false)).toArray();
    }

    /** Eigenvalues of a symmetric matrix as given (not symmetrised), ascending; NaN when an entry is not finite. */
    public static double[] eigenvaluesAscending(double[][] m) {
        if (!allFinite(m)) {
            return nans(m.length);
        }
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(m, true)).getRealEigenvalues();
        Arrays.sort(ev);
        return ev;
    }

    /**
     * Generalized inverse of a symmetric matrix by the sweep operator (Goodnight 1979), pivots in order; a pivot
     * whose magnitude is at most {@code tolerance} times its original diagonal is not swept and its row and
     * column are zero in the result. For a nonsingular matrix this is the inverse.
     */
    public static double[][] sweepInverse(double[][] a0, double tolerance) {
        int k = a0.length;
        double[][] a = new double[k][];
        for (int i = 0; i < k; i++) {
            a[i] = a0[i].clone();
        }
        boolean[] swept = new boolean[k];
        for (int p = 0; p < k; p++) {
            double piv = a[p][p];
            if (Math.abs(piv) <= tolerance * Math.abs(a0[p][p]) || piv == 0) {
                continue;
            }
            swept[p] = true;
            double[] row = a[p];
            for (int i = 0; i < k; i++) {
                if (i == p) {
                    continue;
                }
                double f = a[i][p] / piv;
                if (f == 0) {
                    continue;
                }
                for (int j = 0; j < k; j++) {
                    if (j != p) {
                        a[i][j] -= f * row[j];
                    }
                }
            }
            for (int i = 0; i < k; i++) {
                if (i != p) {
                    a[i][p] = a[i][p] / piv;
                    a[p][i] = a[p][i] / piv;
                }
            }
            a[p][p] = -1 / piv;
        }
        double[][] g = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                g[i][j] = swept[i] && swept[j] ? -a[i][j] : 0;
            }
        }
        return g;
    }

    /** The inverse by LU (R's solve); throws on an exactly singular matrix. */
    public static double[][] inverse(double[][] a) {
        RealMatrix m = new Array2DRowRealMatrix(a, true);
        return new LUDecomposition(m, 0.0).getSolver().getInverse().getData();
    }

    /** Eigenvalues of a symmetric matrix (symmetrised first); NaN when an entry is not finite. */
    public static double[] symmetricEigenvalues(double[][] a) {
        int n = a.length;
        if (!allFinite(a)) {
            // the iteration never converges on NaN or infinity (MaxCountExceededException): the statistic is not computed
            return nans(n);
        }
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] = 0.5 * (a[i][j] + a[j][i]);
            }
        }
        return new EigenDecomposition(new Array2DRowRealMatrix(s, false)).getRealEigenvalues();
    }

    private static boolean allFinite(double[][] m) {
        for (double[] row : m) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double[] nans(int n) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        return out;
    }

    public static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) {
            m = Math.min(m, d);
        }
        return m;
    }

    public static double minAbs(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) {
            m = Math.min(m, Math.abs(d));
        }
        return m;
    }

    /** Moore-Penrose inverse as R's MASS::ginv: V diag(1/d) U' over singular values d > sqrt(eps) d_max. */
    public static double[][] ginv(double[][] a) {
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
