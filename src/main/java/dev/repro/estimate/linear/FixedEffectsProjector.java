package dev.repro.estimate.linear;

import dev.repro.numeric.Effect;
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
 * <p>Determinism and threads: the arithmetic of a column depends on the data only, never on the thread count.
 * Each pass over the rows is cut into a fixed number of row blocks (at most {@value #MAX_BLOCKS}, at least
 * {@value #MIN_BLOCK_ROWS} rows each, and an effect's blocks hold at least {@value #ROWS_PER_LEVEL} rows per level so
 * that its partial sums cost little): every block sums its rows in row order into its own partial group sums and
 * partial products, and the partials are added in block order. The blocks of a pass run in parallel on a team of
 * threads, and a problem below {@value #MIN_BLOCK_ROWS} rows has one block per pass, which is plain sequential
 * summation. Columns are projected one after another with the whole team (three columns on two threads keep both
 * busy, and one set of work vectors serves all columns); on a problem of one block per pass, where splitting buys
 * nothing, columns run in parallel instead. Either way the bits are the same.
 */
public final class FixedEffectsProjector {
    /** Default convergence tolerance on ||x - T x|| / ||y||; tight enough for 1e-8 agreement on slopes. */
    public static final double DEFAULT_TOLERANCE = 1e-12;
    public static final int DEFAULT_MAX_ITERATIONS = 10_000;
    /** Row blocks of a pass at most (the partial sums of an effect take this many times its levels). */
    static final int MAX_BLOCKS = 8;
    /** Rows of a block at least: below, a block is too short to be worth a thread. */
    static final int MIN_BLOCK_ROWS = 32_768;
    /** Rows per level of an effect in each of its blocks at least, so that adding its partial sums stays cheap. */
    static final int ROWS_PER_LEVEL = 4;

    private final int n;
    private final int[][] codes;
    private final double[][] invCounts;
    private final List<Effect> effects;
    private final double tolerance;
    private final int maxIterations;
    /** sqrt of the weights (weighted least squares), or null: each projection is then onto the span of sqrt(w) D_k. */
    private final double[] root;
    /** Row blocks of the passes that sum effect k's groups. */
    private final int[] sumBlocks;
    /** Row blocks of the passes that take a product over the rows. */
    private final int dotBlocks;

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
        this.sumBlocks = new int[effects.size()];
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
            sumBlocks[k] = blocks(n, Math.max(MIN_BLOCK_ROWS, (long) ROWS_PER_LEVEL * e.levels()));
        }
        this.dotBlocks = blocks(n, MIN_BLOCK_ROWS);
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        if (weights != null && weights.length != n) {
            throw new IllegalArgumentException(weights.length + " weights for " + n + " rows");
        }
        this.root = weights == null ? null : Arrays.stream(weights).map(Math::sqrt).toArray();
    }

    /** Blocks of at least {@code minRows} rows, at most {@link #MAX_BLOCKS}: a function of the data's shape only. */
    private static int blocks(int n, long minRows) {
        return (int) Math.max(1, Math.min(MAX_BLOCKS, n / minRows));
    }

    /** First row of block b of {@code blocks} (block b is rows [start(b), start(b + 1))). */
    private int start(int b, int blocks) {
        return (int) ((long) n * b / blocks);
    }

    public int rows() {
        return n;
    }

    public List<Effect> effects() {
        return effects;
    }

    /** Projects one column in place. */
    public Outcome project(double[] column) {
        return projectAll(List.of(column), 1).get(0);
    }

    /**
     * Projects every column in place with at most {@code threads} threads (1 = in the calling thread). The results
     * do not depend on the thread count.
     */
    public List<Outcome> projectAll(List<double[]> columns, int threads) {
        for (double[] c : columns) {
            if (c.length != n) {
                throw new IllegalArgumentException("column of length " + c.length + " for " + n + " rows");
            }
        }
        Outcome[] out = new Outcome[columns.size()];
        boolean split = dotBlocks > 1 || Arrays.stream(sumBlocks).anyMatch(b -> b > 1);
        if (!split || codes.length == 1 || threads <= 1) {
            // one block per pass, or one effect (two cheap passes): a column per thread
            try (Parallel.Team solo = Parallel.team(1)) {
                Parallel.forEach(columns.size(), threads, () -> new Workspace(solo), (ws, c) -> out[c] = project(columns.get(c), ws));
            }
        } else {
            try (Parallel.Team team = Parallel.team(Math.min(threads, MAX_BLOCKS))) {
                Workspace ws = new Workspace(team);
                for (int c = 0; c < out.length; c++) {
                    out[c] = project(columns.get(c), ws);
                }
            }
        }
        return List.of(out);
    }

    /** Scratch arrays of one column being projected: partial and finished group means per effect, CG vectors. */
    private final class Workspace {
        final Parallel.Team team;
        /** means[k]: effect k's group sums, then means; with one block the block sums into it directly. */
        final double[][] means = new double[codes.length][];
        /** partial[k][b]: effect k's group sums over block b (more than one block only). */
        final double[][][] partial = new double[codes.length][][];
        final double[] dots = new double[dotBlocks];
        double[] r;
        double[] p;
        double[] ap;

        Workspace(Parallel.Team team) {
            this.team = team;
            for (int k = 0; k < codes.length; k++) {
                int levels = invCounts[k].length;
                means[k] = new double[levels];
                if (sumBlocks[k] > 1) {
                    partial[k] = new double[sumBlocks[k]][levels];
                }
            }
        }

        void ensureVectors() {
            if (r == null) {
                // each fresh vector zeroed (first touched) by a thread of the team: page faults cost as much as a pass
                double[][] v = new double[3][];
                team.run(3, i -> v[i] = new double[n]);
                r = v[0];
                p = v[1];
                ap = v[2];
            }
        }

        /** The sums of block b of effect k accumulate here. */
        double[] sums(int k, int b) {
            return sumBlocks[k] == 1 ? means[k] : partial[k][b];
        }

        /** The blocks' products added in block order. */
        double total() {
            double s = dots[0];
            for (int b = 1; b < dots.length; b++) {
                s += dots[b];
            }
            return s;
        }
    }

    private Outcome project(double[] x, Workspace ws) {
        if (codes.length == 1) {
            // out = x and the group sums, then x - means (out is x itself: the copy is the identity)
            pass(ws, 0, (b, from, to) -> copyAndSum(x, x, ws.sums(0, b), from, to));
            finishMeans(ws, 0);
            double[] m = ws.means[0];
            parallelRows(ws, (from, to) -> subtract(x, 0, m, from, to));
            return new Outcome(0, true);
        }
        ws.ensureVectors();
        double[] r = ws.r;
        double[] p = ws.p;
        double[] ap = ws.ap;
        dotPass(ws, (from, to) -> dot(x, x, from, to));
        double ynorm = Math.sqrt(ws.total());
        if (ynorm == 0) {
            return new Outcome(0, true);
        }
        double limit = tolerance * ynorm;
        // r = A x = x - T x
        double rr = applyA(x, r, ws, true);
        if (Math.sqrt(rr) <= limit) {
            return new Outcome(0, true);
        }
        // p = r + beta p is done by the first pass of the next sweep over p (NaN: p = r), with the same operations
        double beta = Double.NaN;
        for (int it = 1; it <= maxIterations; it++) {
            double pap = applyA(p, ap, ws, false, r, beta);
            if (!(pap > 0)) {
                // p lies (numerically) in the null space of A: nothing left to remove
                return new Outcome(it, true);
            }
            double alpha = rr / pap;
            dotPass(ws, (from, to) -> step(x, r, p, ap, alpha, from, to));
            double rrNew = ws.total();
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
                beta = Double.NaN; // restart from the fresh residual: p = r
                rr = rrNew;
                continue;
            }
            beta = rrNew / rr;
            rr = rrNew;
        }
        return new Outcome(maxIterations, false);
    }

    /** Rows [from, to) of one block of a pass. */
    private interface Rows {
        void run(int from, int to);
    }

    /** Block b, rows [from, to), of a pass that sums groups. */
    private interface BlockRows {
        void run(int b, int from, int to);
    }

    /** Runs a pass summing effect k's groups: one task per block of effect k. */
    private void pass(Workspace ws, int k, BlockRows body) {
        int blocks = sumBlocks[k];
        ws.team.run(blocks, b -> body.run(b, start(b, blocks), start(b + 1, blocks)));
    }

    /** Runs a pass that takes a product: block b stores its product in ws.dots[b] (see {@link Workspace#total}). */
    private void dotPass(Workspace ws, DotRows body) {
        ws.team.run(dotBlocks, b -> ws.dots[b] = body.run(start(b, dotBlocks), start(b + 1, dotBlocks)));
    }

    /** Rows [from, to) of a pass that returns their product. */
    private interface DotRows {
        double run(int from, int to);
    }

    /** Runs an elementwise pass (no sum: any cut gives the same bits) in the blocks of the products. */
    private void parallelRows(Workspace ws, Rows body) {
        ws.team.run(dotBlocks, b -> body.run(start(b, dotBlocks), start(b + 1, dotBlocks)));
    }

    /** x -= alpha p and r -= alpha ap over the rows; returns the rows' part of r'r. */
    private static double step(double[] x, double[] r, double[] p, double[] ap, double alpha, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            x[i] -= alpha * p[i];
            double ri = r[i] - alpha * ap[i];
            r[i] = ri;
            s += ri * ri;
        }
        return s;
    }

    private static double dot(double[] a, double[] b, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * out = v - T v with the symmetric sweep T = P1 P2 .. Pm .. P2 P1; returns out'out ({@code squared}) or v'out, the
     * product conjugate gradients need next. Each pass over the rows does the work of two steps (copy and first sums;
     * one effect's subtraction and the next one's sums; last subtraction, v - T v and the product), with the same
     * operations in the same order as separate loops would, so the bits do not depend on the fusion.
     */
    private double applyA(double[] v, double[] out, Workspace ws, boolean squared) {
        return applyA(v, out, ws, squared, null, 0);
    }

    /**
     * As {@link #applyA(double[], double[], Workspace, boolean)}, the first pass first updating v row by row to
     * {@code r + beta v} when {@code r} is given ({@code beta} NaN: v = r), so that the conjugate-gradient direction
     * costs no pass of its own.
     */
    private double applyA(double[] v, double[] out, Workspace ws, boolean squared, double[] r, double beta) {
        int m = codes.length;
        // order of effects in the sweep: 0,1,..,m-1,..,1,0
        int steps = 2 * m - 1;
        if (r == null) {
            pass(ws, 0, (b, from, to) -> copyAndSum(v, out, ws.sums(0, b), from, to));
        } else {
            pass(ws, 0, (b, from, to) -> updateCopyAndSum(r, beta, v, out, ws.sums(0, b), from, to));
        }
        for (int s = 0; s < steps - 1; s++) {
            int k = s < m ? s : steps - 1 - s;
            finishMeans(ws, k);
            int next = s + 1 < m ? s + 1 : steps - 2 - s;
            double[] means = ws.means[k];
            pass(ws, next, (b, from, to) -> subtractAndSum(out, k, means, next, ws.sums(next, b), from, to));
        }
        finishMeans(ws, 0);
        double[] means = ws.means[0];
        dotPass(ws, (from, to) -> subtractFromAndDot(v, out, means, squared, from, to));
        return ws.total();
    }

    /** out = v over the rows and their sums of effect 0 (groupSums of the copy); {@code sums} zeroed first. */
    private void copyAndSum(double[] v, double[] out, double[] sums, int from, int to) {
        Arrays.fill(sums, 0.0);
        int[] c = codes[0];
        for (int i = from; i < to; i++) {
            double x = v[i];
            out[i] = x;
            sums[c[i]] += root == null ? x : root[i] * x;
        }
    }

    /** v = r + beta v (beta NaN: v = r), then as {@link #copyAndSum}, over the rows. */
    private void updateCopyAndSum(double[] r, double beta, double[] v, double[] out, double[] sums, int from, int to) {
        Arrays.fill(sums, 0.0);
        int[] c = codes[0];
        boolean copy = Double.isNaN(beta);
        for (int i = from; i < to; i++) {
            double x = copy ? r[i] : r[i] + beta * v[i];
            v[i] = x;
            out[i] = x;
            sums[c[i]] += root == null ? x : root[i] * x;
        }
    }

    /** out = v - (out - means of effect 0) (subtract, then v - T v) over the rows; returns their part of the product. */
    private double subtractFromAndDot(double[] v, double[] out, double[] means, boolean squared, int from, int to) {
        int[] c = codes[0];
        double s = 0;
        for (int i = from; i < to; i++) {
            double t = out[i] - (root == null ? means[c[i]] : root[i] * means[c[i]]);
            double a = v[i] - t;
            out[i] = a;
            s += (squared ? a : v[i]) * a;
        }
        return s;
    }

    /** Effect k's group sums (its blocks' partial sums added in block order) turned into means, in ws.means[k]. */
    private void finishMeans(Workspace ws, int k) {
        double[] inv = invCounts[k];
        double[] out = ws.means[k];
        int blocks = sumBlocks[k];
        if (blocks == 1) {
            for (int g = 0; g < out.length; g++) {
                out[g] *= inv[g];
            }
            return;
        }
        double[][] part = ws.partial[k];
        int levels = out.length;
        int ranges = ws.team.size();
        // elementwise over the levels: any cut gives the same bits
        ws.team.run(ranges, t -> {
            int lo = (int) ((long) levels * t / ranges);
            int hi = (int) ((long) levels * (t + 1) / ranges);
            for (int g = lo; g < hi; g++) {
                double s = part[0][g];
                for (int b = 1; b < blocks; b++) {
                    s += part[b][g];
                }
                out[g] = s * inv[g];
            }
        });
    }

    private void subtract(double[] x, int k, double[] means, int from, int to) {
        int[] c = codes[k];
        for (int i = from; i < to; i++) {
            x[i] -= root == null ? means[c[i]] : root[i] * means[c[i]];
        }
    }

    /** x -= means of effect k over the rows, and their sums of effect {@code next} ({@code sums} zeroed first). */
    private void subtractAndSum(double[] x, int k, double[] means, int next, double[] sums, int from, int to) {
        Arrays.fill(sums, 0.0);
        int[] c = codes[k];
        int[] d = codes[next];
        for (int i = from; i < to; i++) {
            double v = x[i];
            v = v - (root == null ? means[c[i]] : root[i] * means[c[i]]);
            x[i] = v;
            sums[d[i]] += root == null ? v : root[i] * v;
        }
    }
}
