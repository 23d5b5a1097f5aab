package dev.repro.estimate.wild;

import dev.repro.numeric.Dense;
import dev.repro.numeric.Parallel;
import dev.repro.numeric.SplitMix64;

/**
 * The wild cluster restricted bootstrap (WCR) of H0: beta_j = beta0 in y = X beta + u with errors clustered by g
 * (Cameron, Gelbach and Miller 2008; Roodman, MacKinnon, Nielsen and Webb 2019, sec. 3 and 5).
 *
 * <p>DGP under H0: the restricted fit (y - x_j beta0 on the other columns) gives fitted values y~ and residuals u~; a
 * draw is y* = y~ + u~ v_g with one weight v_g per cluster. Its t statistic t* = (b*_j - beta0) / se*_j with se* the
 * cluster-robust standard error of the refit. No refit is done: with c = (X'X)^-1 e_j,
 * b*_j - beta0 = sum_g v_g s_g, s_g = c' X_g' u~_g, and the cluster scores of the refit are
 * c' X_h' u*_h = sum_g A_hg v_g with A_hg = [h = g] s_h - (X_h' X_h c)' (X'X)^-1 X_g' u~_g (Roodman et al., eq. 27 for
 * a single restriction), so a draw costs O(G^2) once the G x G matrix A is built (O(G^2 k)). Since u~ is affine in
 * beta0, so are s and A: each draw is kept as five numbers (v's0, v's1, |A0 v|^2, A0 v . A1 v, |A1 v|^2) and
 * t*(beta0) for any beta0 costs O(1), which makes the test inversion cheap. The small-sample factor of the cluster
 * covariance multiplies t and every t* alike, so it cancels and is left out.
 *
 * <p>P-values: symmetric p = #{|t*| &gt;= |t|} / B, equal-tailed p = 2 min(#{t* &lt;= t}, #{t* &gt;= t}) / B; ties within
 * {@link #TIE} of |t| count (the draw v = 1 reproduces the sample exactly). The interval at level 1 - alpha is the set
 * of beta0 with symmetric p &gt;= alpha, its ends found by bisection to the last bit. Rademacher weights with
 * 2^G &lt;= B are enumerated (all 2^G sign vectors), so the result is exact and seed-free; otherwise draw b uses
 * SplitMix64 seeded with (seed, b), so the result does not depend on the thread count.
 *
 * <p>Weights (analytic or sampling): y and every column of X are multiplied by sqrt(w_i) and the bootstrap runs on that
 * model, as boottest does for aweights and pweights (Roodman et al. 2019; boottest.mata multiplies y, X by sqrt(wt)).
 * Then (X'WX)^-1 X'Wy is the weighted fit, the scores X_g'W u_g are those of the weighted cluster covariance, and
 * the draw sqrt(w) y* = sqrt(w) y~ + sqrt(w) u~ v_g is the weighted refit of y* = y~ + u~ v_g: the same as refitting
 * lm(weights = w) on every draw. The scale of w cancels in t and t*.
 */
public final class WildBootstrap {
    /** Relative tolerance of a tie between t* and t. */
    public static final double TIE = 1e-9;
    /** Clusters at most (the weights of a draw are one bit each when enumerated). */
    public static final int MAX_ENUMERATED_CLUSTERS = 30;
    private static final int BLOCK = 1024;

    private WildBootstrap() {
    }

    /** Runs the bootstrap; throws {@link WildException} when it cannot. */
    public static WildResult run(WildProblem p) {
        int n = p.y().length;
        int k = p.x().length;
        int g = p.clusters();
        int j = p.term();
        if (g < 2) {
            throw new WildException("the wild cluster bootstrap needs at least 2 clusters; found " + g);
        }
        double[][] x = p.x();
        double[] y = p.y();
        if (p.observationWeights() != null) {
            double[] root = new double[n];
            for (int i = 0; i < n; i++) {
                root[i] = Math.sqrt(p.observationWeights()[i]);
            }
            y = scaled(y, root);
            x = new double[k][];
            for (int a = 0; a < k; a++) {
                x[a] = scaled(p.x()[a], root);
            }
        }
        double[][] xtx = cross(x);
        double[][] inv = Dense.sweepInverse(xtx, 1e-10);
        if (inv[j][j] == 0) {
            throw new WildException("the tested coefficient is collinear with the other regressors or the fixed effects");
        }
        double[] c = new double[k];
        for (int a = 0; a < k; a++) {
            c[a] = inv[a][j];
        }
        // unrestricted fit: the coefficient and its cluster scores (small-sample factor left out)
        double[] b = Dense.mul(inv, xty(x, y));
        double[] xc = rowsTimes(x, c, n);
        double[] uhat = residual(x, y, b, n);
        double[] score = new double[g];
        for (int i = 0; i < n; i++) {
            score[p.cluster()[i]] += xc[i] * uhat[i];
        }
        double se = Math.sqrt(Dense.dot(score, score));
        // restricted residuals u~(beta0) = u0 + beta0 u1: y - beta0 x_j projected off the other columns
        double[][] others = new double[k - 1][];
        for (int a = 0, o = 0; a < k; a++) {
            if (a != j) {
                others[o++] = x[a];
            }
        }
        double[][] invR = Dense.sweepInverse(cross(others), 1e-10);
        double[] u0 = residual(others, y, Dense.mul(invR, xty(others, y)), n);
        double[] u1 = residual(others, x[j], Dense.mul(invR, xty(others, x[j])), n);
        for (int i = 0; i < n; i++) {
            u1[i] = -u1[i];
        }
        double[][] a0 = new double[g][g];
        double[] s0 = scoresAndA(x, p.cluster(), g, u0, c, xc, inv, a0);
        double[][] a1 = new double[g][g];
        double[] s1 = scoresAndA(x, p.cluster(), g, u1, c, xc, inv, a1);

        boolean enumerated = p.weights() == WildWeights.RADEMACHER && g <= MAX_ENUMERATED_CLUSTERS && (1L << g) <= p.replications();
        int draws = enumerated ? 1 << g : p.replications();
        Draws d = new Draws(draws);
        int blocks = (draws + BLOCK - 1) / BLOCK;
        Parallel.forEach(blocks, p.threads(), () -> new double[3][g], (scratch, blk) -> {
            double[] v = scratch[0];
            double[] w0 = scratch[1];
            double[] w1 = scratch[2];
            for (int r = blk * BLOCK; r < Math.min(draws, (blk + 1) * BLOCK); r++) {
                if (enumerated) {
                    for (int h = 0; h < g; h++) {
                        v[h] = ((r >>> h) & 1) == 0 ? 1.0 : -1.0;
                    }
                } else {
                    SplitMix64 random = SplitMix64.forReplicate(p.seed(), r);
                    for (int h = 0; h < g; h++) {
                        v[h] = p.weights().draw(random);
                    }
                }
                d.store(r, v, s0, s1, a0, a1, w0, w1);
            }
        });
        double bj = b[j];
        double alpha = 1 - p.level();
        double lower = bound(d, bj, se, alpha, -1);
        double upper = bound(d, bj, se, alpha, +1);
        return new WildResult(d.symmetric(bj, se, 0), d.equalTailed(bj, se, 0), lower, upper, draws, enumerated);
    }

    /** The five numbers of every draw, from which t*(beta0) follows for any beta0. */
    private static final class Draws {
        final double[] n0;
        final double[] n1;
        final double[] q00;
        final double[] q01;
        final double[] q11;

        Draws(int draws) {
            n0 = new double[draws];
            n1 = new double[draws];
            q00 = new double[draws];
            q01 = new double[draws];
            q11 = new double[draws];
        }

        void store(int r, double[] v, double[] s0, double[] s1, double[][] a0, double[][] a1, double[] w0, double[] w1) {
            int g = v.length;
            n0[r] = Dense.dot(v, s0);
            n1[r] = Dense.dot(v, s1);
            for (int h = 0; h < g; h++) {
                double t0 = 0;
                double t1 = 0;
                double[] row0 = a0[h];
                double[] row1 = a1[h];
                for (int q = 0; q < g; q++) {
                    t0 += row0[q] * v[q];
                    t1 += row1[q] * v[q];
                }
                w0[h] = t0;
                w1[h] = t1;
            }
            q00[r] = Dense.dot(w0, w0);
            q01[r] = Dense.dot(w0, w1);
            q11[r] = Dense.dot(w1, w1);
        }

        double tStar(int r, double beta0) {
            double den = q00[r] + 2 * beta0 * q01[r] + beta0 * beta0 * q11[r];
            return den > 0 ? (n0[r] + beta0 * n1[r]) / Math.sqrt(den) : 0.0;
        }

        double symmetric(double b, double se, double beta0) {
            double t = Math.abs((b - beta0) / se);
            double limit = t - TIE * Math.max(1.0, t);
            long count = 0;
            for (int r = 0; r < n0.length; r++) {
                if (Math.abs(tStar(r, beta0)) >= limit) {
                    count++;
                }
            }
            return (double) count / n0.length;
        }

        double equalTailed(double b, double se, double beta0) {
            double t = (b - beta0) / se;
            double tie = TIE * Math.max(1.0, Math.abs(t));
            long below = 0;
            long above = 0;
            for (int r = 0; r < n0.length; r++) {
                double ts = tStar(r, beta0);
                if (ts <= t + tie) {
                    below++;
                }
                if (ts >= t - tie) {
                    above++;
                }
            }
            return Math.min(1.0, 2.0 * Math.min(below, above) / n0.length);
        }
    }

    /**
     * The end of the interval on one side ({@code side} -1 lower, +1 upper): beta0 moves away from b in steps of se
     * doubling until the symmetric p-value falls below alpha, then bisection to the last bit; NaN when it never does.
     */
    private static double bound(Draws d, double b, double se, double alpha, int side) {
        double inside = b;
        double outside = Double.NaN;
        for (int m = 0; m <= 60; m++) {
            double candidate = b + side * se * Math.scalb(1.0, m);
            if (d.symmetric(b, se, candidate) < alpha) {
                outside = candidate;
                break;
            }
            inside = candidate;
        }
        if (Double.isNaN(outside)) {
            return Double.NaN;
        }
        for (int it = 0; it < 200; it++) {
            double mid = (inside + outside) / 2;
            if (mid == inside || mid == outside) {
                break;
            }
            if (d.symmetric(b, se, mid) < alpha) {
                outside = mid;
            } else {
                inside = mid;
            }
        }
        return (inside + outside) / 2;
    }

    /** s_h = c' X_h' u_h, and A_hg = [h = g] s_h - (X_h' X_h c)' (X'X)^- X_g' u_g into {@code a}. */
    private static double[] scoresAndA(double[][] x, int[] cluster, int g, double[] u, double[] c, double[] xc, double[][] inv,
                                       double[][] a) {
        int k = x.length;
        int n = u.length;
        double[][] xu = new double[g][k];
        double[][] q = new double[g][k];
        for (int col = 0; col < k; col++) {
            double[] xcol = x[col];
            for (int i = 0; i < n; i++) {
                xu[cluster[i]][col] += xcol[i] * u[i];
                q[cluster[i]][col] += xcol[i] * xc[i];
            }
        }
        double[] s = new double[g];
        double[][] r = new double[g][];
        for (int h = 0; h < g; h++) {
            s[h] = Dense.dot(c, xu[h]);
            r[h] = Dense.mul(inv, xu[h]);
        }
        for (int h = 0; h < g; h++) {
            for (int gg = 0; gg < g; gg++) {
                a[h][gg] = (h == gg ? s[h] : 0.0) - Dense.dot(q[h], r[gg]);
            }
        }
        return s;
    }

    private static double[] scaled(double[] v, double[] by) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * by[i];
        }
        return out;
    }

    private static double[][] cross(double[][] x) {
        int k = x.length;
        double[][] m = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b <= a; b++) {
                double s = Dense.dot(x[a], x[b]);
                m[a][b] = s;
                m[b][a] = s;
            }
        }
        return m;
    }

    private static double[] xty(double[][] x, double[] y) {
        double[] out = new double[x.length];
        for (int a = 0; a < x.length; a++) {
            out[a] = Dense.dot(x[a], y);
        }
        return out;
    }

    private static double[] rowsTimes(double[][] x, double[] b, int n) {
        double[] out = new double[n];
        for (int a = 0; a < x.length; a++) {
            double[] col = x[a];
            double ba = b[a];
            for (int i = 0; i < n; i++) {
                out[i] += col[i] * ba;
            }
        }
        return out;
    }

    private static double[] residual(double[][] x, double[] y, double[] b, int n) {
        double[] fitted = rowsTimes(x, b, n);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = y[i] - fitted[i];
        }
        return out;
    }
}
