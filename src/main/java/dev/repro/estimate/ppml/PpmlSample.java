package dev.repro.estimate.ppml;

import dev.repro.numeric.Dense;
import dev.repro.numeric.Effect;
import dev.repro.numeric.Effects;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The estimation sample of a PPML model: the separation rule and effects re-coded on the kept rows (the rank of the
 * absorbed dummies and the clusters of two-way clustering come from {@link dev.repro.numeric.Effects}, as for the
 * linear models).
 *
 * <p>Separation (Correia, Guimaraes and Zylkin 2021, sec. 3): in a level of an absorbed effect whose outcome is 0 in
 * every observation, the level's coefficient diverges to minus infinity and its observations carry no information on
 * the slopes; they are dropped (as ppmlhdfe), repeatedly until no such level is left.
 */
final class PpmlSample {
    private PpmlSample() {
    }

    /** Marks the separated rows in {@code dropped}; the counts by the effect that separated them, in effect order. */
    static Map<String, Integer> separate(double[] y, List<Effect> effects, boolean[] dropped) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Effect e : effects) {
                double[] sums = new double[e.levels()];
                int[] present = new int[e.levels()];
                int[] c = e.codes();
                for (int i = 0; i < y.length; i++) {
                    if (!dropped[i]) {
                        sums[c[i]] += y[i];
                        present[c[i]]++;
                    }
                }
                int count = 0;
                for (int i = 0; i < y.length; i++) {
                    if (!dropped[i] && sums[c[i]] == 0) {
                        dropped[i] = true;
                        count++;
                    }
                }
                if (count > 0) {
                    counts.merge(e.name(), count, Integer::sum);
                    changed = true;
                }
            }
        }
        return counts;
    }

    /**
     * The rank of the absorbed dummies of the effects not nested in any cluster variable (1, the constant, when all
     * are nested): the absorbed part of K in the cluster small-sample factor. 0 without effects.
     */
    static int absorbedRankNotNestedIn(List<Effect> effects, List<Effect> clusters) {
        if (effects.isEmpty()) {
            return 0;
        }
        List<Effect> notNested = new ArrayList<>();
        for (Effect e : effects) {
            if (clusters.stream().noneMatch(c -> nestedIn(e, c))) {
                notNested.add(e);
            }
        }
        return notNested.isEmpty() ? 1 : Effects.absorbedRank(notNested, true);
    }

    /** True when every level of {@code e} lies within one cluster of {@code c}. */
    static boolean nestedIn(Effect e, Effect c) {
        int[] map = new int[e.levels()];
        Arrays.fill(map, -1);
        for (int i = 0; i < e.codes().length; i++) {
            int m = map[e.codes()[i]];
            if (m < 0) {
                map[e.codes()[i]] = c.codes()[i];
            } else if (m != c.codes()[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Removes, in place, the regressors collinear with earlier ones or the effects on this sample (unit weights,
     * the effects partialled out; a pivot below 1e-9 of its column's own norm, the later column in formula order, as
     * R's aliased coefficients); returns their names. The constant is never removed.
     */
    static List<String> omitCollinear(List<String> names, List<double[]> x, List<Effect> fe) {
        int n = x.isEmpty() ? 0 : x.get(0).length;
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        WeightedDemeaner d = fe.isEmpty() ? null : new WeightedDemeaner(fe, ones, 1e-14, 10_000);
        List<double[]> xt = new ArrayList<>();
        for (double[] col : x) {
            double[] c = col.clone();
            if (d != null) {
                d.project(c);
            }
            xt.add(c);
        }
        int k = xt.size();
        double[][] m = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int c = 0; c < k; c++) {
                m[a][c] = Dense.dot(xt.get(a), xt.get(c));
            }
        }
        double[][] inv = Dense.sweepInverse(m, 1e-9);
        List<String> omitted = new ArrayList<>();
        for (int j = k - 1; j >= 0; j--) {
            if (inv[j][j] == 0 && !names.get(j).equals("(Intercept)")) {
                omitted.add(0, names.remove(j));
                x.remove(j);
            }
        }
        return omitted;
    }

    /** Re-codes an effect on the kept rows to 0..L-1, in increasing original code, dropping absent levels. */
    static Effect compact(Effect e, int[] rows) {
        int[] map = new int[e.levels()];
        for (int r : rows) {
            map[e.codes()[r]] = 1;
        }
        int levels = 0;
        for (int g = 0; g < map.length; g++) {
            map[g] = map[g] == 1 ? levels++ : -1;
        }
        if (rows.length == e.codes().length && levels == e.levels()) {
            return e; // every row kept and every level present: the codes are already compact (no 20 MB copy per 5M rows)
        }
        int[] codes = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            codes[r] = map[e.codes()[rows[r]]];
        }
        return new Effect(e.name(), codes, Math.max(levels, 1));
    }

}
