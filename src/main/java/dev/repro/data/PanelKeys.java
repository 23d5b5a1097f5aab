package dev.repro.data;

import java.util.Arrays;

/**
 * Finds rows whose (id, time) pair occurred on an earlier row, with the {@link PanelOrder} of the rows by id
 * code and time code: within a unit, equal neighbours are duplicates and the first of a run is the earliest row
 * (the order keeps rows of equal time in row order). Also the dense codes of numeric id and time columns.
 */
final class PanelKeys {
    private PanelKeys() {
    }

    /**
     * @param id codes of the id, -1 when missing
     * @param time dense codes of the time, -1 when missing
     * @return pairs {@code (row << 32) | firstRow} for every duplicate row, ascending by row
     */
    static long[] duplicates(int[] id, int[] time) {
        int n = id.length;
        int[] unit = new int[n];
        long[] period = new long[n];
        for (int r = 0; r < n; r++) {
            unit[r] = time[r] >= 0 ? id[r] : -1;
            period[r] = time[r];
        }
        PanelOrder order = PanelOrder.of(unit, period);
        long[] out = new long[order.duplicateCount()];
        int d = 0;
        for (int u = 0; u < order.units() && d < out.length; u++) {
            int first = order.row(order.start(u));
            for (int k = order.start(u) + 1; k < order.end(u); k++) {
                int row = order.row(k);
                if (period[row] == period[first]) {
                    out[d++] = ((long) row << 32) | first;
                } else {
                    first = row;
                }
            }
        }
        Arrays.sort(out);
        return out;
    }

    /**
     * The same pairs as {@link #duplicates(int[], int[])} from the time values themselves, with one long per row
     * besides the columns (the read's peak memory is set here): rows are placed by id code with a counting sort,
     * each as {@code (timeKey << 32) | row}, and each id's range is sorted. The time key is the time minus the
     * smallest time when every time is a whole number spanning less than 2^31 (years, dates, dense codes),
     * else its dense code.
     *
     * @param id codes of the id, -1 when missing
     * @param time the time column, NaN when missing
     */
    static long[] duplicates(int[] id, double[] time) {
        int n = id.length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean whole = true;
        int maxId = -1;
        for (int r = 0; r < n; r++) {
            double t = time[r];
            if (id[r] < 0 || Double.isNaN(t)) {
                continue;
            }
            maxId = Math.max(maxId, id[r]);
            whole &= t == Math.rint(t);
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        if (maxId < 0) {
            return new long[0];
        }
        int[] timeCodes = whole && max - min < Integer.MAX_VALUE ? null : codes(time, new int[1]);
        int[] start = new int[maxId + 2];
        for (int r = 0; r < n; r++) {
            if (id[r] >= 0 && !Double.isNaN(time[r])) {
                start[id[r] + 1]++;
            }
        }
        for (int u = 0; u <= maxId; u++) {
            start[u + 1] += start[u];
        }
        long[] packed = new long[start[maxId + 1]];
        int[] fill = Arrays.copyOf(start, maxId + 1);
        for (int r = 0; r < n; r++) {
            if (id[r] >= 0 && !Double.isNaN(time[r])) {
                long key = timeCodes == null ? (long) (time[r] - min) : timeCodes[r];
                packed[fill[id[r]]++] = (key << 32) | r;
            }
        }
        fill = null;
        long[] out = new long[16];
        int d = 0;
        for (int u = 0; u <= maxId; u++) {
            int lo = start[u];
            int hi = start[u + 1];
            boolean sorted = true;
            for (int i = lo + 1; i < hi && sorted; i++) {
                sorted = packed[i - 1] < packed[i];
            }
            if (!sorted) {
                Arrays.sort(packed, lo, hi); // rows make keys unique: the order is (time, row)
            }
            int first = lo;
            for (int i = lo + 1; i < hi; i++) {
                if (packed[i] >>> 32 == packed[first] >>> 32) {
                    if (d == out.length) {
                        out = Arrays.copyOf(out, 2 * d);
                    }
                    out[d++] = ((packed[i] & 0xFFFFFFFFL) << 32) | (packed[first] & 0xFFFFFFFFL);
                } else {
                    first = i;
                }
            }
        }
        out = Arrays.copyOf(out, d);
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
