package dev.repro.data;

import java.util.Arrays;

/**
 * Finds rows whose (id, time) pair occurred on an earlier row. Rows are bucketed by id code with a
 * counting sort, then each bucket's (time code, row) pairs, packed into one long, are sorted; equal
 * neighbours are duplicates and the first of a run is the earliest row. O(n log T) time, one long and
 * one int per row of extra memory, no boxing.
 */
final class PanelKeys {
    private PanelKeys() {
    }

    /**
     * @param id dense codes 0..groups-1 of the id, -1 when missing
     * @param time dense codes of the time, -1 when missing
     * @return pairs {@code (row << 32) | firstRow} for every duplicate row, ascending by row
     */
    static long[] duplicates(int[] id, int groups, int[] time) {
        int n = id.length;
        int[] offsets = new int[groups + 1];
        int valid = 0;
        for (int r = 0; r < n; r++) {
            if (id[r] >= 0 && time[r] >= 0) {
                offsets[id[r] + 1]++;
                valid++;
            }
        }
        for (int g = 0; g < groups; g++) {
            offsets[g + 1] += offsets[g];
        }
        long[] packed = new long[valid];
        int[] fill = Arrays.copyOf(offsets, groups);
        for (int r = 0; r < n; r++) {
            if (id[r] >= 0 && time[r] >= 0) {
                packed[fill[id[r]]++] = ((long) time[r] << 32) | r;
            }
        }
        long[] dups = new long[16];
        int d = 0;
        for (int g = 0; g < groups; g++) {
            int from = offsets[g];
            int to = offsets[g + 1];
            Arrays.sort(packed, from, to);
            int run = from;
            for (int k = from + 1; k < to; k++) {
                if ((packed[k] >>> 32) == (packed[run] >>> 32)) {
                    if (d == dups.length) {
                        dups = Arrays.copyOf(dups, d * 2);
                    }
                    dups[d++] = ((packed[k] & 0xFFFFFFFFL) << 32) | (packed[run] & 0xFFFFFFFFL);
                } else {
                    run = k;
                }
            }
        }
        long[] out = Arrays.copyOf(dups, d);
        Arrays.sort(out);
        return out;
    }

    /** Dense codes of a numeric column in order of first appearance (-1 for NaN); {@code [0]} of the result holds the count. */
    static int[] codes(double[] values, int[] countOut) {
        int n = values.length;
        int[] codes = new int[n];
        int cap = 64;
        long[] keys = new long[cap];
        int[] vals = new int[cap];
        boolean[] used = new boolean[cap];
        int count = 0;
        for (int r = 0; r < n; r++) {
            double v = values[r];
            if (Double.isNaN(v)) {
                codes[r] = -1;
                continue;
            }
            long bits = Double.doubleToLongBits(v + 0.0); // -0.0 and 0.0 are one value
            int mask = cap - 1;
            int slot = (int) mix(bits) & mask;
            while (used[slot] && keys[slot] != bits) {
                slot = (slot + 1) & mask;
            }
            if (used[slot]) {
                codes[r] = vals[slot];
                continue;
            }
            used[slot] = true;
            keys[slot] = bits;
            vals[slot] = count;
            codes[r] = count++;
            if (count * 2 > cap) {
                int newCap = cap * 2;
                long[] k2 = new long[newCap];
                int[] v2 = new int[newCap];
                boolean[] u2 = new boolean[newCap];
                int m2 = newCap - 1;
                for (int i = 0; i < cap; i++) {
                    if (used[i]) {
                        int s = (int) mix(keys[i]) & m2;
                        while (u2[s]) {
                            s = (s + 1) & m2;
                        }
                        u2[s] = true;
                        k2[s] = keys[i];
                        v2[s] = vals[i];
                    }
                }
                keys = k2;
                vals = v2;
                used = u2;
                cap = newCap;
            }
        }
        countOut[0] = count;
        return codes;
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }
}
