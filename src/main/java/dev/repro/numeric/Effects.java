package dev.repro.numeric;

import java.util.Arrays;
import java.util.List;

/**
 * What estimators share about absorbed effects and cluster variables: the rank of their dummies (the degrees of
 * freedom they absorb) and the clusters of multiway clustering. One implementation for the linear and the Poisson
 * estimators, so that both count as reghdfe and ppmlhdfe do.
 */
public final class Effects {
    private Effects() {
    }

    /**
     * Rank of the absorbed dummies (the constant included); 0 without effects. One effect L1; two effects L1 + L2 - C,
     * C the connected components of the bipartite graph of their levels (exact, as reghdfe and ppmlhdfe); every
     * further effect adds its levels less one (a lower bound on the redundancy, so conservative, as reghdfe for three
     * or more effects). Without {@code exact} (fixest, plm): the sum of levels less one per effect beyond the first.
     */
    public static int absorbedRank(List<Effect> effects, boolean exact) {
        if (effects.isEmpty()) {
            return 0;
        }
        int r = effects.get(0).levels();
        for (int k = 1; k < effects.size(); k++) {
            r += effects.get(k).levels() - 1;
        }
        if (exact && effects.size() >= 2) {
            r -= components(effects.get(0), effects.get(1)) - 1;
        }
        return r;
    }

    /** Connected components of the bipartite graph whose edges are the observed pairs of levels. */
    public static int components(Effect a, Effect b) {
        int la = a.levels();
        int[] parent = new int[la + b.levels()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        int[] ca = a.codes();
        int[] cb = b.codes();
        for (int i = 0; i < ca.length; i++) {
            int u = find(parent, ca[i]);
            int v = find(parent, la + cb[i]);
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

    /** The clusters formed by every combination of levels of the given variables (sort-based, no boxing). */
    public static Effect intersection(List<Effect> vars) {
        int n = vars.get(0).codes().length;
        long[] key = new long[n];
        long mult = 1;
        for (Effect v : vars) {
            int[] c = v.codes();
            for (int i = 0; i < n; i++) {
                key[i] += c[i] * mult;
            }
            mult *= v.levels();
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
        StringBuilder name = new StringBuilder();
        for (Effect v : vars) {
            name.append(name.length() == 0 ? "" : "#").append(v.name());
        }
        return new Effect(name.toString(), codes, distinct);
    }

    /** True when every level of {@code e} lies within a single cluster of {@code c} (reghdfe leaves such effects out of K). */
    public static boolean nestedIn(Effect e, Effect c) {
        int[] map = new int[e.levels()];
        Arrays.fill(map, -1);
        int[] ec = e.codes();
        int[] cc = c.codes();
        for (int i = 0; i < ec.length; i++) {
            int m = map[ec[i]];
            if (m < 0) {
                map[ec[i]] = cc[i];
            } else if (m != cc[i]) {
                return false;
            }
        }
        return true;
    }
}
