package dev.repro.estimate.linear;

import dev.repro.numeric.Dense;
import java.util.ArrayList;
import java.util.List;

/**
 * Least squares by Householder QR of the design columns in the given order (as R's lm.fit), dropping a column
 * whose part orthogonal to the earlier ones is below the tolerance of its own norm (Stata's "omitted because of
 * collinearity", R's aliased coefficients). Keeps R, the coefficients of the kept columns and the residuals.
 */
final class QrSolution {
    boolean[] kept;
    int rank;
    double[][] r;
    double[] beta;
    double[] resid;
    List<double[]> columns;

    int[] keptIndices() {
        int[] out = new int[rank];
        int a = 0;
        for (int d = 0; d < kept.length; d++) {
            if (kept[d]) {
                out[a++] = d;
            }
        }
        return out;
    }

    List<double[]> keptColumns() {
        List<double[]> out = new ArrayList<>();
        for (int d = 0; d < kept.length; d++) {
            if (kept[d]) {
                out.add(columns.get(d));
            }
        }
        return out;
    }

    /** (X'X)^-1 = R^-1 R^-T of the kept columns. */
    double[][] bread() {
        int k = rank;
        double[][] inv = new double[k][k];
        for (int c = 0; c < k; c++) {
            // solve R z = e_c
            for (int i = k - 1; i >= 0; i--) {
                double s = i == c ? 1.0 : 0.0;
                for (int j = i + 1; j < k; j++) {
                    s -= r[i][j] * inv[j][c];
                }
                inv[i][c] = s / r[i][i];
            }
        }
        double[][] b = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int l = Math.max(i, j); l < k; l++) {
                    s += inv[i][l] * inv[j][l];
                }
                b[i][j] = s;
                b[j][i] = s;
            }
        }
        return b;
    }

    static QrSolution solve(List<double[]> columns, double[] y, double tol) {
        int k = columns.size();
        int n = y.length;
        QrSolution s = new QrSolution();
        s.columns = columns;
        s.kept = new boolean[k];
        double[][] work = new double[k][];
        double[] uu = new double[k];
        double[][] rFull = new double[k][k];
        double[] qy = y.clone();
        int rank = 0;
        int[] reflectorOf = new int[k];
        for (int j = 0; j < k; j++) {
            double[] w = columns.get(j).clone();
            double orig = Dense.norm(w);
            // apply the reflectors found so far
            for (int r = 0; r < rank; r++) {
                applyReflector(work[reflectorOf[r]], uu[r], r, w);
            }
            double rest = 0;
            for (int i = rank; i < n; i++) {
                rest += w[i] * w[i];
            }
            rest = Math.sqrt(rest);
            if (orig == 0 || rest <= tol * orig || rank >= n) {
                continue;
            }
            for (int i = 0; i < rank; i++) {
                rFull[i][rank] = w[i];
            }
            double alpha = w[rank] >= 0 ? -rest : rest;
            w[rank] -= alpha;
            double u2 = 0;
            for (int i = rank; i < n; i++) {
                u2 += w[i] * w[i];
            }
            rFull[rank][rank] = alpha;
            work[j] = w;
            uu[rank] = u2;
            reflectorOf[rank] = j;
            s.kept[j] = true;
            rank++;
        }
        for (int r = 0; r < rank; r++) {
            applyReflector(work[reflectorOf[r]], uu[r], r, qy);
        }
        s.rank = rank;
        s.r = new double[rank][rank];
        for (int i = 0; i < rank; i++) {
            System.arraycopy(rFull[i], 0, s.r[i], 0, rank);
        }
        double[] beta = new double[rank];
        for (int i = rank - 1; i >= 0; i--) {
            double v = qy[i];
            for (int j = i + 1; j < rank; j++) {
                v -= s.r[i][j] * beta[j];
            }
            beta[i] = v / s.r[i][i];
        }
        s.beta = beta;
        double[] e = y.clone();
        int a = 0;
        for (int j = 0; j < k; j++) {
            if (s.kept[j]) {
                double b = beta[a++];
                double[] c = columns.get(j);
                for (int i = 0; i < n; i++) {
                    e[i] -= b * c[i];
                }
            }
        }
        s.resid = e;
        return s;
    }

    private static void applyReflector(double[] u, double u2, int from, double[] w) {
        if (u2 == 0) {
            return;
        }
        double d = 0;
        for (int i = from; i < w.length; i++) {
            d += u[i] * w[i];
        }
        double f = 2 * d / u2;
        for (int i = from; i < w.length; i++) {
            w[i] -= f * u[i];
        }
    }

    /** The kept design columns as slope indices in design order, and whether the intercept column was kept. */
    record Kept(List<Integer> slopes, boolean intercept) {
    }

    /**
     * Maps the kept design columns back to the regressors: {@code slopeOf[d]} is the slope index of design column
     * d, or -1 for the intercept; the names of dropped (collinear) slopes are added to {@code dropped}.
     */
    Kept kept(List<Integer> slopeOf, List<String> names, List<String> dropped) {
        List<Integer> slopes = new ArrayList<>();
        boolean intercept = false;
        for (int d = 0; d < slopeOf.size(); d++) {
            int j = slopeOf.get(d);
            if (kept[d]) {
                if (j < 0) {
                    intercept = true;
                } else {
                    slopes.add(j);
                }
            } else if (j >= 0) {
                dropped.add(names.get(j));
            }
        }
        return new Kept(slopes, intercept);
    }
}
