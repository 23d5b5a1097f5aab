package dev.repro.estimate.bootstrap;

import java.util.Arrays;

/**
 * The lean per-replicate path of a cluster bootstrap of linear regressions with unit fixed effects.
 *
 * <p>Why it is exact: with the unit effect absorbed, the Frisch-Waugh-Lovell theorem reduces the regression to
 * OLS on the within-unit demeaned variables, other absorbed effects entering as explicit dummies (demeaned
 * within the unit as well). Demeaning is unit-local, so a resampled unit (a copy with a new id) contributes
 * exactly its original demeaned rows, and the cross-product matrix of a replicate is the sum of the drawn
 * units' own q x q cross products S_u = Z_u'Z_u. That holds for unbalanced units and for any other effect,
 * so no iteration (alternating projections) is needed; a replicate costs G additions of q x q matrices and
 * one q x q Cholesky solve, whatever the number of rows. Without a unit effect the rows are not demeaned
 * and a constant column is added.
 *
 * <p>Columns: the p variables first (in the order given), then the dummies of each other effect (its first
 * level left out), then the constant when there is one. Immutable after construction; thread-safe.
 */
public final class UnitCrossProducts {
    private final int p;
    private final int q;
    private final int units;
    private final double[][] s;   // per unit, q*q row-major
    private final int[] nuisance;

    /**
     * @param vars p variable columns over n rows (no missing values)
     * @param dummyCodes other absorbed effects: codes 0..levels-1 over the n rows
     * @param unit the resampling unit of each row, 0..units-1
     * @param demean true when the unit effect is absorbed
     */
    public UnitCrossProducts(double[][] vars, int[][] dummyCodes, int[] dummyLevels, int[] unit, int units, boolean demean) {
        this.p = vars.length;
        this.units = units;
        int n = unit.length;
        int dq = 0;
        for (int l : dummyLevels) {
            dq += l - 1;
        }
        this.q = p + dq + (demean ? 0 : 1);
        nuisance = new int[q - p];
        for (int j = 0; j < nuisance.length; j++) {
            nuisance[j] = p + j;
        }
        // rows of each unit
        int[] count = new int[units + 1];
        for (int r = 0; r < n; r++) {
            count[unit[r] + 1]++;
        }
        for (int u = 0; u < units; u++) {
            count[u + 1] += count[u];
        }
        int[] order = new int[n];
        int[] fill = Arrays.copyOf(count, units);
        for (int r = 0; r < n; r++) {
            order[fill[unit[r]]++] = r;
        }
        s = new double[units][q * q];
        double[] z = new double[q];
        for (int u = 0; u < units; u++) {
            int lo = count[u];
            int hi = count[u + 1];
            int m = hi - lo;
            double[][] zu = new double[m][q];
            for (int i = 0; i < m; i++) {
                int r = order[lo + i];
                Arrays.fill(z, 0);
                for (int j = 0; j < p; j++) {
                    z[j] = vars[j][r];
                }
                int off = p;
                for (int e = 0; e < dummyCodes.length; e++) {
                    int c = dummyCodes[e][r];
                    if (c > 0) {
                        z[off + c - 1] = 1;
                    }
                    off += dummyLevels[e] - 1;
                }
                if (!demean) {
                    z[q - 1] = 1;
                }
                System.arraycopy(z, 0, zu[i], 0, q);
            }
            if (demean && m > 0) {
                for (int j = 0; j < q; j++) {
                    double mean = 0;
                    for (int i = 0; i < m; i++) {
                        mean += zu[i][j];
                    }
                    mean /= m;
                    for (int i = 0; i < m; i++) {
                        zu[i][j] -= mean;
                    }
                }
            }
            double[] su = s[u];
            for (int i = 0; i < m; i++) {
                double[] zi = zu[i];
                for (int a = 0; a < q; a++) {
                    double v = zi[a];
                    if (v == 0) {
                        continue;
                    }
                    int row = a * q;
                    for (int b = a; b < q; b++) {
                        su[row + b] += v * zi[b];
                    }
                }
            }
            for (int a = 0; a < q; a++) {
                for (int b = 0; b < a; b++) {
                    su[a * q + b] = su[b * q + a];
                }
            }
        }
    }

    public int columns() {
        return q;
    }

    public int units() {
        return units;
    }

    /** The column indices of the dummies and the constant, which every regression includes. */
    public int[] nuisance() {
        return nuisance.clone();
    }

    /** The cross products of a replicate: the sum of the drawn units' S_u, into {@code out} (q*q). */
    public void sum(int[] drawn, double[] out) {
        Arrays.fill(out, 0);
        for (int u : drawn) {
            double[] su = s[u];
            for (int i = 0; i < su.length; i++) {
                out[i] += su[i];
            }
        }
    }

    /**
     * OLS of column {@code dep} on the columns {@code regs} from the cross products {@code cp}: a Cholesky solve of
     * the equilibrated normal equations in which a column whose pivot falls below 1e-10 of its own variance is
     * left out as collinear (its coefficient is NaN), as regress and lm omit such columns.
     *
     * @return the coefficients of {@code regs}, in that order
     */
    public static double[] solve(double[] cp, int q, int dep, int[] regs) {
        int k = regs.length;
        double[] scale = new double[k];
        double[] a = new double[k * k];
        double[] rhs = new double[k];
        for (int i = 0; i < k; i++) {
            double d = cp[regs[i] * q + regs[i]];
            scale[i] = d > 0 ? 1 / Math.sqrt(d) : 0;
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                a[i * k + j] = cp[regs[i] * q + regs[j]] * scale[i] * scale[j];
            }
            rhs[i] = cp[regs[i] * q + dep] * scale[i];
        }
        boolean[] dropped = new boolean[k];
        // Cholesky a = L L' in place (lower triangle), skipping collinear columns
        for (int j = 0; j < k; j++) {
            if (scale[j] == 0) {
                dropped[j] = true;
                continue;
            }
            double d = a[j * k + j];
            for (int m = 0; m < j; m++) {
                if (!dropped[m]) {
                    d -= a[j * k + m] * a[j * k + m];
                }
            }
            if (d <= 1e-10) {
                dropped[j] = true;
                continue;
            }
            double l = Math.sqrt(d);
            a[j * k + j] = l;
            for (int i = j + 1; i < k; i++) {
                double v = a[i * k + j];
                for (int m = 0; m < j; m++) {
                    if (!dropped[m]) {
                        v -= a[i * k + m] * a[j * k + m];
                    }
                }
                a[i * k + j] = v / l;
            }
        }
        double[] yv = new double[k];
        for (int i = 0; i < k; i++) {
            if (dropped[i]) {
                continue;
            }
            double v = rhs[i];
            for (int m = 0; m < i; m++) {
                if (!dropped[m]) {
                    v -= a[i * k + m] * yv[m];
                }
            }
            yv[i] = v / a[i * k + i];
        }
        double[] b = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            if (dropped[i]) {
                b[i] = Double.NaN;
                continue;
            }
            double v = yv[i];
            for (int m = i + 1; m < k; m++) {
                if (!dropped[m]) {
                    v -= a[m * k + i] * b[m];
                }
            }
            b[i] = v / a[i * k + i];
        }
        for (int i = 0; i < k; i++) {
            b[i] *= scale[i];
        }
        return b;
    }
}
