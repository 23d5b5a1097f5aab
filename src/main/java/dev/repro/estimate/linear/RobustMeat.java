package dev.repro.estimate.linear;

import dev.repro.numeric.Effect;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The pieces of the robust covariances that are specific to least squares: the meat (summed outer products of
 * the scores z_i e_i, by cluster), the clusters of multiway clustering (intersections of the cluster variables)
 * and the Cameron, Gelbach and Miller (2011) fix of a multiway covariance that is not positive semi-definite.
 * The sandwich itself is {@link dev.repro.numeric.Dense#sandwich}. Public for the IV estimator, whose scores are
 * the same products.
 */
public final class RobustMeat {
    private RobustMeat() {
    }

    /** Sum over clusters of (sum_i z_i e_i)(sum_i z_i e_i)'; each observation its own cluster when g is null. */
    public static double[][] meat(List<double[]> z, double[] e, Effect g) {
        int k = z.size();
        int n = e.length;
        double[][] m = new double[k][k];
        if (g == null) {
            double[] zi = new double[k];
            for (int i = 0; i < n; i++) {
                double ei = e[i];
                for (int a = 0; a < k; a++) {
                    zi[a] = z.get(a)[i] * ei;
                }
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b <= a; b++) {
                        m[a][b] += zi[a] * zi[b];
                    }
                }
            }
        } else {
            int levels = g.levels();
            int[] c = g.codes();
            double[] sums = new double[levels * k];
            for (int a = 0; a < k; a++) {
                double[] za = z.get(a);
                for (int i = 0; i < n; i++) {
                    sums[c[i] * k + a] += za[i] * e[i];
                }
            }
            for (int h = 0; h < levels; h++) {
                int base = h * k;
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b <= a; b++) {
                        m[a][b] += sums[base + a] * sums[base + b];
                    }
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                m[b][a] = m[a][b];
            }
        }
        return m;
    }

    /** Cameron, Gelbach and Miller (2011): replace negative eigenvalues of V by zero. */
    static double[][] fixPsd(double[][] v) {
        int k = v.length;
        if (k == 0) {
            return v;
        }
        EigenDecomposition ed = new EigenDecomposition(new Array2DRowRealMatrix(v, true));
        RealMatrix q = ed.getV();
        double[] d = ed.getRealEigenvalues();
        double[][] out = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double s = 0;
                for (int l = 0; l < k; l++) {
                    s += q.getEntry(a, l) * Math.max(d[l], 0.0) * q.getEntry(b, l);
                }
                out[a][b] = s;
            }
        }
        return out;
    }
}
