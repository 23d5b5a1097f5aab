package dev.repro.estimate.ppml;

import dev.repro.numeric.Effect;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The estimation sample of a PPML model: the separation rule, effects re-coded on the kept rows, the rank of the
 * absorbed dummies and the intersection of two cluster variables.
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
        int[] codes = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            codes[r] = map[e.codes()[rows[r]]];
        }
        return new Effect(e.name(), codes, Math.max(levels, 1));
    }

    /**
     * Rank of the absorbed dummies (the constant included), as reghdfe and ppmlhdfe count them: one effect L1; two
     * effects L1 + L2 - C, C the connected components of the bipartite graph of their levels (exact); every further
     * effect adds its levels less one (conservative).
     */
    static int absorbedRank(List<Effect> effects) {
        if (effects.isEmpty()) {
            return 0;
        }
        int r = effects.get(0).levels();
        for (int k = 1; k < effects.size(); k++) {
            r += effects.get(k).levels() - 1;
        }
        if (effects.size() >= 2) {
            r -= components(effects.get(0), effects.get(1)) - 1;
        }
        return r;
    }

    private static int components(Effect a, Effect b) {
        int la = a.levels();
        int[] parent = new int[la + b.levels()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < a.codes().length; i++) {
            int u = find(parent, a.codes()[i]);
            int v = find(parent, la + b.codes()[i]);
            if (u != v) {
                parent[Math.max(u, v)] = Math.min(u, v);
            }
        }
        int c = 0;
        for (int i = 0; i < parent.length; i++) {
            if (find(parent, i) == i) {
                c++;
            }
        }
        return c;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** The clusters formed by the pairs of levels of two variables (the intersection of two-way clustering). */
    static Effect intersection(Effect a, Effect b) {
        int n = a.codes().length;
        long[] key = new long[n];
        for (int i = 0; i < n; i++) {
            key[i] = (long) a.codes()[i] * b.levels() + b.codes()[i];
        }
        long[] sorted = key.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            codes[i] = Arrays.binarySearch(sorted, 0, distinct, key[i]);
        }
        return new Effect(a.name() + "#" + b.name(), codes, distinct);
    }
}
