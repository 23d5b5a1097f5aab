package dev.repro.estimate.linear;

import dev.repro.numeric.Effect;

import dev.repro.numeric.Dense;
import dev.repro.numeric.Parallel;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Projects columns onto the orthogonal complement of the span of any number of fixed effects (the
 * "within" transformation of reghdfe and fixest), in place.
 *
 * <p>Why this method: with one effect the projection is exact (subtract the group mean). With two or
 * more, the orthogonal projector onto the intersection of the subspaces "mean zero within every level of
 * effect k" is the limit of alternating projections (von Neumann/Halperin); plain alternation converges
 * linearly and slowly when the effects are weakly connected, so we accelerate it as reghdfe does
 * (Correia 2017, after Hernández-Ramos, Escalante and Raydan 2011): with the symmetric sweep
 * T = P1 P2 .. Pm .. P2 P1, A = I - T is symmetric positive semi-definite with null space equal to the
 * target subspace, and conjugate gradients on A u = A y give u = (I - M) y, hence M y = y - u. The
 * residual of that system is simply x - T x for the current iterate x = y - u, which is also the
 * stopping rule: ||x - T x|| &lt;= tolerance * ||y||. Balanced or not, connected or not: nothing here
 * assumes a balanced panel.
 *
 * <p>Determinism: every column is projected by one thread with sequential sums, so the result is
 * bit-identical whatever the number of threads.
 */
public final class FixedEffectsProjector {
    /** Default convergence tolerance on ||x - T x|| / ||y||; tight enough for 1e-8 agreement on slopes. */
    public static final double DEFAULT_TOLERANCE = 1e-12;
    public static final int DEFAULT_MAX_ITERATIONS = 10_000;

    private final int n;
    private final int[][] codes;
    private final double[][] invCounts;
    private final List<Effect> effects;
    private final double tolerance;
    private final int maxIterations;
    /** sqrt of the weights (weighted least squares), or null: each projection is then onto the span of sqrt(w) D_k. */
    private final double[] root;

    /** Outcome of projecting one column: CG iterations used (0 for one effect) and whether it converged. */
    public record Outcome(int iterations, boolean converged) {
    }

    public FixedEffectsProjector(List<Effect> effects) {
        this(effects, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * @param effects at least one effect; all with the same number of codes; codes in 0..levels-1
     * @param tolerance stopping rule ||x - T x|| &lt;= tolerance * ||y|| (ignored with one effect)
     * @param maxIterations conjugate-gradient iterations at most per column
     */
    public FixedEffectsProjector(List<Effect> effects, double tolerance, int maxIterations) {
        this(effects, tolerance, maxIterations, null);
    }

    /**
     * Weighted: columns are given multiplied by sqrt(w) and projected onto the complement of the span of the
     * sqrt(w)-scaled dummies (one effect: x_i - sqrt(w_i) sum_g sqrt(w_j) x_j / sum_g w_j, the weighted demeaning
     * of x / sqrt(w) scaled back), which is weighted least squares with the dummies.
     *
     * @param weights positive weights, one per row, or null
     */
    public FixedEffectsProjector(List<Effect> effects, double tolerance, int maxIterations, double[] weights) {
        Objects.requireNonNull(effects, "effects");
        if (effects.isEmpty()) {
            throw new IllegalArgumentException("a fixed-effects projector needs at least one effect");
        }
        if (!(tolerance > 0) || maxIterations < 1) {
            throw new IllegalArgumentException("tolerance must be > 0 and maxIterations >= 1");
        }
        this.effects = List.copyOf(effects);
        this.n = effects.get(0).codes().length;
        this.codes = new int[effects.size()][];
        this.invCounts = new double[effects.size()][];
        for (int k = 0; k < effects.size(); k++) {
            Effect e = effects.get(k);
            if (e.codes().length != n) {
                throw new IllegalArgumentException("effect " + e.name() + " has " + e.codes().length + " codes, expected " + n);
            }
            int[] c = e.codes();
            double[] cnt = new double[e.levels()];
            for (int i = 0; i < n; i++) {
                int g = c[i];
                if (g < 0 || g >= cnt.length) {
                    throw new IllegalArgumentException("effect " + e.name() + " has code " + g + " outside 0.." + (cnt.length - 1));
                }
                cnt[g] += weights == null ? 1.0 : weights[i];
            }
            double[] inv = new double[cnt.length];
            for (int g = 0; g < cnt.length; g++) {
                inv[g] = cnt[g] == 0 ? 0.0 : 1.0 / cnt[g];
            }
            codes[k] = c;
            invCounts[k] = inv;
        }
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        if (weights != null && weights.length != n) {
            throw new IllegalArgumentException(weights.length + " weights for " + n + " rows");
        }
        this.root = weights == null ? null : Arrays.stream(weights).map(Math::sqrt).toArray();
    }

    public int rows() {
        return n;
    }

    public List<Effect> effects() {
        return effects;
    }

    /** Projects one column in place. */
    public Outcome project(double[] column) {
        if (column.length != n) {
            throw new IllegalArgumentException("column of length " + column.length + " for " + n + " rows");
        }
        Workspace ws = new Workspace();
        return project(column, ws);
    }

    /**
     * Projects every column in place, in parallel over columns with at most {@code threads} threads
     * (1 = in the calling thread). The results do not depend on the thread count.
     */
    public List<Outcome> projectAll(List<double[]> columns, int threads) {
        for (double[] c : columns) {
            if (c.length != n) {
                throw new IllegalArgumentException("column of length " + c.length + " for " + n + " rows");
            }
        }
        Outcome[] out = new Outcome[columns.size()];
        Parallel.forEach(columns.size(), threads, Workspace::new, (ws, c) -> out[c] = project(columns.get(c), ws));
        return List.of(out);
    }

    /** Scratch arrays of one thread: group sums per effect and the CG vectors. */
    private final class Workspace {
        final double[][] means = new double[codes.length][];
        double[] r;
        double[] p;
        double[] ap;

        Workspace() {
            for (int k = 0; k < codes.length; k++) {
                means[k] = new double[invCounts[k].length];
            }
        }

        void ensureVectors() {
            if (r == null) {
                r = new double[n];
                p = new double[n];
                ap = new double[n];
            }
        }
    }

    private Outcome project(double[] x, Workspace ws) {
        if (codes.length == 1) {
            groupMeans(x, 0, ws.means[0]);
            subtract(x, 0, ws.means[0]);
            return new Outcome(0, true);
        }
        ws.ensureVectors();
        double[] r = ws.r;
        double[] p = ws.p;
        double[] ap = ws.ap;
        double ynorm = Math.sqrt(Dense.dot(x, x));
        if (ynorm == 0) {
            return new Outcome(0, true);
        }
        double limit = tolerance * ynorm;
        // r = A x = x - T x
        double rr = applyA(x, r, ws, true);
        if (Math.sqrt(rr) <= limit) {
            return new Outcome(0, true);
        }
        System.arraycopy(r, 0, p, 0, n);
        for (int it = 1; it <= maxIterations; it++) {
            double pap = applyA(p, ap, ws, false);
            if (!(pap > 0)) {
                // p lies (numerically) in the null space of A: nothing left to remove
                return new Outcome(it, true);
            }
            double alpha = rr / pap;
            double rrNew = 0;
            for (int i = 0; i < n; i++) {
                x[i] -= alpha * p[i];
                double ri = r[i] - alpha * ap[i];
                r[i] = ri;
                rrNew += ri * ri;
            }
            if (it % 50 == 0) {
                // refresh the recursive residual against drift: r = x - T x
                rrNew = applyA(x, r, ws, true);
            }
            if (Math.sqrt(rrNew) <= limit) {
                double check = applyA(x, r, ws, true);
                if (Math.sqrt(check) <= limit) {
                    return new Outcome(it, true);
                }
                rrNew = check;
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
        return new Outcome(maxIterations, false);
    }

    /**
     * out = v - T v with the symmetric sweep T = P1 P2 .. Pm .. P2 P1; returns out'out ({@code squared}) or v'out, the
     * product conjugate gradients need next. Each pass over the rows does the work of two steps (copy and first sums;
     * one effect's subtraction and the next one's sums; last subtraction, v - T v and the product), with the same
     * operations in the same order as separate loops would, so the bits do not depend on the fusion; the product is
     * summed from the first row to the last, as {@link Dense#dot} sums.
     */
    private double applyA(double[] v, double[] out, Workspace ws, boolean squared) {
        int m = codes.length;
        // order of effects in the sweep: 0,1,..,m-1,..,1,0
        int steps = 2 * m - 1;
        copyAndSum(v, out, ws.means[0]);
        for (int s = 0; s < steps - 1; s++) {
            int k = s < m ? s : steps - 1 - s;
            finishMeans(k, ws.means[k]);
            int next = s + 1 < m ? s + 1 : steps - 2 - s;
            subtractAndSum(out, k, ws.means[k], next, ws.means[next]);
        }
        finishMeans(0, ws.means[0]);
        return subtractFromAndDot(v, out, ws.means[0], squared);
    }

    /** out = v and the sums of effect 0 over it (groupSums of the copy). */
    private void copyAndSum(double[] v, double[] out, double[] sums) {
        Arrays.fill(sums, 0.0);
        int[] c = codes[0];
        for (int i = 0; i < n; i++) {
            double x = v[i];
            out[i] = x;
            sums[c[i]] += root == null ? x : root[i] * x;
        }
    }

    /** out = v - (out - means of effect 0) (subtract, then v - T v), and the product of the result with itself or v. */
    private double subtractFromAndDot(double[] v, double[] out, double[] means, boolean squared) {
        int[] c = codes[0];
        double s = 0;
        for (int i = 0; i < n; i++) {
            double t = out[i] - (root == null ? means[c[i]] : root[i] * means[c[i]]);
            double a = v[i] - t;
            out[i] = a;
            s += (squared ? a : v[i]) * a;
        }
        return s;
    }

    private void groupMeans(double[] x, int k, double[] means) {
        groupSums(x, k, means);
        finishMeans(k, means);
    }

    private void groupSums(double[] x, int k, double[] sums) {
        Arrays.fill(sums, 0.0);
        int[] c = codes[k];
        for (int i = 0; i < n; i++) {
            sums[c[i]] += root == null ? x[i] : root[i] * x[i];
        }
    }

    private void finishMeans(int k, double[] sums) {
        double[] inv = invCounts[k];
        for (int g = 0; g < sums.length; g++) {
            sums[g] *= inv[g];
        }
    }

    private void subtract(double[] x, int k, double[] means) {
        int[] c = codes[k];
        for (int i = 0; i < n; i++) {
            x[i] -= root == null ? means[c[i]] : root[i] * means[c[i]];
        }
    }

    private void subtractAndSum(double[] x, int k, double[] means, int next, double[] sums) {
        Arrays.fill(sums, 0.0);
        int[] c = codes[k];
        int[] d = codes[next];
        for (int i = 0; i < n; i++) {
            double v = x[i] - (root == null ? means[c[i]] : root[i] * means[c[i]]);
            x[i] = v;
            sums[d[i]] += root == null ? v : root[i] * v;
        }
    }
}
