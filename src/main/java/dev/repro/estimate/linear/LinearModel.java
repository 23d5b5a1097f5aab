package dev.repro.estimate.linear;

import dev.repro.numeric.Effect;
import dev.repro.numeric.Parallel;

import java.util.ArrayList;
import java.util.List;

/**
 * Linear panel estimators with the conventions of Stata (regress, xtreg, reghdfe) and R (lm, plm,
 * fixest): pooled OLS with a constant, the within estimator absorbing any number of fixed effects, and
 * Swamy-Arora random effects; iid, hc1 and (multiway) cluster covariances with the small-sample factors
 * of {@link SmallSample}. See docs/linear.md for every formula.
 *
 * <p>Numerics: columns are centred (two-pass mean) before anything else, fixed effects are projected out
 * by {@link FixedEffectsProjector}, and the least-squares problem is solved by Householder QR ({@link QrSolution}) on the
 * transformed columns taken in formula order; a column whose part orthogonal to the earlier ones is below
 * {@link LinearOptions#collinearityTolerance()} of its own norm is dropped (Stata's "omitted because of
 * collinearity", R lm's aliased coefficients). QR on centred columns reproduces the NIST StRD Longley
 * certified values to about 1e-12.
 *
 * <p>This class prepares the estimation sample (finite values, reghdfe's singleton rule, effects re-coded on
 * the kept rows); {@link WithinEstimator} and {@link SwamyArora} fit, {@link DegreesOfFreedom} counts and
 * {@link Inference} computes the covariance and the tests.
 */
public final class LinearModel {
    private LinearModel() {
    }

    /** Estimates the model. Throws {@link LinearModelException} (a user-facing message) when it cannot be estimated. */
    public static LinearFit fit(LinearProblem p) {
        LinearOptions o = p.options();
        checkFinite(p);
        int n0 = p.nobs();
        int[] rows = identity(n0);
        if (!p.absorb().isEmpty() && o.singletons() == Singletons.DROP) {
            rows = dropSingletons(p.absorb(), n0);
        }
        int singletons = n0 - rows.length;
        int n = rows.length;
        if (n == 0) {
            throw new LinearModelException("no observation is left after dropping " + singletons
                + " singleton observations; keep singletons (singletons: keep) or absorb fewer effects");
        }
        boolean all = singletons == 0;
        // every row kept: the given columns themselves (the estimators only read them and centre into copies of their own)
        double[] y = all ? p.y() : subset(p.y(), rows);
        double[][] x = new double[p.x().length][];
        for (int j = 0; j < x.length; j++) {
            x[j] = all ? p.x()[j] : subset(p.x()[j], rows);
        }
        // absorbed effects and cluster variables re-coded one per task (a failure: that of the first, as in a serial run)
        List<Effect> both = new ArrayList<>(p.absorb());
        both.addAll(p.covariance().clusters());
        Effect[] coded = new Effect[both.size()];
        int[] kept = rows;
        // an effect given twice (absorbed and clustered on, one column) is re-coded once
        int[] first = new int[coded.length];
        for (int e = 0; e < first.length; e++) {
            first[e] = e;
            for (int f = 0; f < e; f++) {
                if (both.get(f) == both.get(e)) {
                    first[e] = f;
                    break;
                }
            }
        }
        Parallel.forEach(coded.length, o.threads(), e -> coded[e] = first[e] == e ? compact(both.get(e), kept, all) : null);
        for (int e = 0; e < coded.length; e++) {
            coded[e] = coded[first[e]];
        }
        List<Effect> fe = List.of(coded).subList(0, p.absorb().size());
        List<Effect> cl = List.of(coded).subList(p.absorb().size(), coded.length);
        Effect panel = o.panel() == null ? null : compact(o.panel(), rows, all);
        for (Effect c : cl) {
            if (c.levels() < 2) {
                throw new LinearModelException("cluster variable " + c.name() + " has only " + c.levels()
                    + " cluster in the estimation sample; clustered standard errors need at least 2");
            }
        }
        Covariance cov = p.covariance();
        Effect time = cov.time() == null ? null : compact(cov.time(), rows, all);
        Effect unit = cov.unit() == null ? null : compact(cov.unit(), rows, all);
        if (time != null && cov.lag() >= time.levels()) {
            throw new LinearModelException("vcov " + cov.label() + ": the lag " + cov.lag() + " must be below the "
                + time.levels() + " time periods of the estimation sample; use a smaller lag");
        }
        if (cov.kind() == Covariance.Kind.HAC) {
            if (singletons > 0) {
                throw new LinearModelException("vcov " + cov.label() + ": dropping " + singletons + " singleton observations "
                    + "would leave gaps in the time series; use singletons: keep");
            }
            if (time.levels() != n) {
                throw new LinearModelException("vcov " + cov.label() + " needs one observation per period; the estimation sample has "
                    + n + " observations in " + time.levels() + " periods: for a panel use nw(<lag>) or dk(<lag>)");
            }
        }
        double[] w = o.weights() == null ? null : all ? o.weights().clone() : subset(o.weights(), rows);
        EstimationSample sample = new EstimationSample(p, o, n, y, x, fe, cl, panel, rows, singletons, time, unit, w);
        if (o.estimator() == Estimator.RANDOM) {
            return SwamyArora.fit(sample);
        }
        return WithinEstimator.fit(sample);
    }

    /** reghdfe's rule: drop observations alone in a level of some effect, repeatedly until none is left (also for IV). */
    public static int[] dropSingletons(List<Effect> effects, int n) {
        boolean[] out = new boolean[n];
        int[][] counts = new int[effects.size()][];
        for (int k = 0; k < effects.size(); k++) {
            Effect e = effects.get(k);
            counts[k] = new int[e.levels()];
            for (int c : e.codes()) {
                counts[k][c]++;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int k = 0; k < effects.size(); k++) {
                int[] codes = effects.get(k).codes();
                for (int i = 0; i < n; i++) {
                    if (!out[i] && counts[k][codes[i]] == 1) {
                        out[i] = true;
                        changed = true;
                        for (int m = 0; m < effects.size(); m++) {
                            counts[m][effects.get(m).codes()[i]]--;
                        }
                    }
                }
            }
        }
        int kept = 0;
        for (boolean b : out) {
            if (!b) {
                kept++;
            }
        }
        int[] rows = new int[kept];
        int a = 0;
        for (int i = 0; i < n; i++) {
            if (!out[i]) {
                rows[a++] = i;
            }
        }
        return rows;
    }

    private static void checkFinite(LinearProblem p) {
        double[] w = p.options().weights();
        if (w != null) {
            for (int i = 0; i < w.length; i++) {
                if (!(w[i] > 0) || !Double.isFinite(w[i])) {
                    throw new LinearModelException("the weight of observation " + (i + 1) + " is " + w[i]
                        + "; weights must be positive and finite: remove such observations (sample:) or fix the data");
                }
            }
        }
        // one column per task; Parallel throws the failure of the lowest index, the column a serial check names first
        Parallel.forEach(1 + p.x().length, p.options().threads(),
            j -> checkFinite(j == 0 ? p.dependent() : p.names().get(j - 1), j == 0 ? p.y() : p.x()[j - 1]));
    }

    private static void checkFinite(String name, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new LinearModelException("variable " + name + " is missing or not finite in observation " + (i + 1)
                    + "; remove such observations (sample:) or fix the data");
            }
        }
    }

    /** Re-codes an effect on the estimation rows to 0..L-1 (increasing in the original code), dropping absent levels. */
    public static Effect compact(Effect e, int[] rows, boolean allRows) {
        int[] src = e.codes();
        int[] map = new int[e.levels()];
        for (int r = 0; r < rows.length; r++) {
            int c = src[rows[r]];
            if (c < 0 || c >= map.length) {
                throw new IllegalArgumentException("effect " + e.name() + " has code " + c + " outside 0.." + (map.length - 1));
            }
            map[c] = 1;
        }
        int levels = 0;
        for (int g = 0; g < map.length; g++) {
            map[g] = map[g] == 1 ? levels++ : -1;
        }
        if (allRows && levels == e.levels()) {
            return e;
        }
        int[] codes = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            codes[r] = map[src[rows[r]]];
        }
        return new Effect(e.name(), codes, levels);
    }

    private static int[] identity(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static double[] subset(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            out[r] = v[rows[r]];
        }
        return out;
    }
}
