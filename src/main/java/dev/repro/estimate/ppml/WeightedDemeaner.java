package dev.repro.estimate.ppml;

import dev.repro.numeric.Effect;
import java.util.Arrays;
import java.util.List;

/**
 * Projects columns, in place, onto the complement of the span of the fixed effects in the inner product weighted by
 * w: x - D (D'WD)^-1 D'W x, the partialling-out step of weighted least squares with absorbed effects. It is the
 * weighted twin of {@code estimate.linear.FixedEffectsProjector}, needed because the IRLS weights change at every
 * iteration: each P_k subtracts weighted group means (a W-orthogonal projection), the symmetric sweep
 * T = P1 .. Pm .. P1 is W-self-adjoint, and conjugate gradients on (I - T) u = (I - T) x in the W inner product give
 * the projection x - u (Correia 2017, accelerated alternating projections). One effect is exact in one pass.
 * Stopping rule: ||x - T x||_W &lt;= tolerance ||x0||_W.
 */
final class WeightedDemeaner {
    private final int n;
    private final int[][] codes;
    private final double[][] invWeightSums;
    private final double[] w;
    private final double tolerance;
    private final int maxIterations;
    // scratch of project(), allocated once per demeaner and reused for every column it projects
    private double[][] means;
    private double[] r;
    private double[] p;
    private double[] ap;

    WeightedDemeaner(List<Effect> effects, double[] w, double tolerance, int maxIterations) {
        this.n = w.length;
        this.w = w;
        this.codes = new int[effects.size()][];
        this.invWeightSums = new double[effects.size()][];
        for (int k = 0; k < effects.size(); k++) {
            Effect e = effects.get(k);
            double[] sums = new double[e.levels()];
            int[] c = e.codes();
            for (int i = 0; i < n; i++) {
                sums[c[i]] += w[i];
            }
            for (int g = 0; g < sums.length; g++) {
                sums[g] = sums[g] > 0 ? 1.0 / sums[g] : 0.0;
            }
            codes[k] = c;
            invWeightSums[k] = sums;
        }
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /** Projects x in place; false when the conjugate gradients did not reach the tolerance. */
    boolean project(double[] x) {
        if (means == null) {
            means = new double[codes.length][];
            for (int k = 0; k < codes.length; k++) {
                means[k] = new double[invWeightSums[k].length];
            }
        }
        if (codes.length == 1) {
            demean(x, 0, means[0]);
            return true;
        }
        double norm = Math.sqrt(dotW(x, x));
        if (norm == 0) {
            return true;
        }
        double limit = tolerance * norm;
        if (r == null) {
            r = new double[n];
            p = new double[n];
            ap = new double[n];
        }
        double[] r = this.r;
        double[] p = this.p;
        double[] ap = this.ap;
        applyA(x, r, means);
        double rr = dotW(r, r);
        if (Math.sqrt(rr) <= limit) {
            return true;
        }
        System.arraycopy(r, 0, p, 0, n);
        for (int it = 1; it <= maxIterations; it++) {
            applyA(p, ap, means);
            double pap = dotW(p, ap);
            if (!(pap > 0)) {
                return true; // p is numerically in the null space: nothing left to remove
            }
            double alpha = rr / pap;
            for (int i = 0; i < n; i++) {
                x[i] -= alpha * p[i];
                r[i] -= alpha * ap[i];
            }
            if (it % 50 == 0) {
                applyA(x, r, means); // refresh the recursive residual against drift
            }
            double rrNew = dotW(r, r);
            if (Math.sqrt(rrNew) <= limit) {
                applyA(x, r, means);
                rrNew = dotW(r, r);
                if (Math.sqrt(rrNew) <= limit) {
                    return true;
                }
                System.arraycopy(r, 0, p, 0, n);
                rr = rrNew;
                continue;
            }
            double beta = rrNew / rr;
            for (int i = 0; i < n; i++) {
                p[i] = r[i] + beta * p[i];
            }
            rr = rrNew;
        }
        return false;
    }

    /** out = v - T v, T the symmetric sweep over the effects 0, 1, .., m-1, .., 1, 0. */
    private void applyA(double[] v, double[] out, double[][] means) {
        System.arraycopy(v, 0, out, 0, n);
        int m = codes.length;
        for (int s = 0; s < 2 * m - 1; s++) {
            int k = s < m ? s : 2 * m - 2 - s;
            demean(out, k, means[k]);
        }
        for (int i = 0; i < n; i++) {
            out[i] = v[i] - out[i];
        }
    }

    private void demean(double[] x, int k, double[] means) {
        Arrays.fill(means, 0.0);
        int[] c = codes[k];
        for (int i = 0; i < n; i++) {
            means[c[i]] += w[i] * x[i];
        }
        double[] inv = invWeightSums[k];
        for (int g = 0; g < means.length; g++) {
            means[g] *= inv[g];
        }
        for (int i = 0; i < n; i++) {
            x[i] -= means[c[i]];
        }
    }

    private double dotW(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += w[i] * a[i] * b[i];
        }
        return s;
    }
}
