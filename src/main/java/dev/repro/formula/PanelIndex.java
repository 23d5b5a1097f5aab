package dev.repro.formula;

import dev.repro.data.Dataset;

/**
 * Finds, for each row, the row of the same panel unit {@code k} periods earlier by time value (not by
 * position): rows may be in any order, and a gap in the years gives no row (a missing lag).
 * Built once per dataset from the rows sorted by (unit, time).
 */
public final class PanelIndex {
    private final int[] unit;
    private final long[] time;
    /** Row numbers sorted by (unit, time). */
    private final int[] order;
    /** Position of each row in {@link #order}. */
    private final int[] position;

    private PanelIndex(int[] unit, long[] time) {
        this.unit = unit;
        this.time = time;
        int n = unit.length;
        // sort rows by (unit, time) on primitive keys: unit in the high bits, time in the low bits
        long minTime = Long.MAX_VALUE;
        for (long t : time) {
            minTime = Math.min(minTime, t);
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) unit[i] << 32) | ((time[i] - minTime) & 0xFFFFFFFFL);
        }
        order = sortIndex(keys);
        position = new int[n];
        for (int p = 0; p < n; p++) {
            position[order[p]] = p;
        }
    }

    /** The index of a panel dataset (id and time declared). */
    public static PanelIndex of(Dataset d) {
        if (!d.isPanel()) {
            throw new IllegalArgumentException("dataset " + d.name() + " has no id and time");
        }
        int[] unit = d.codes(d.idColumn()).codes();
        double[] t = d.numeric(d.timeColumn()).values();
        long[] time = new long[t.length];
        for (int i = 0; i < t.length; i++) {
            time[i] = (long) t[i];
        }
        return new PanelIndex(unit, time);
    }

    /** Row of the same unit at time(row) - k, or -1. */
    public int lag(int row, int k) {
        long target = time[row] - k;
        int u = unit[row];
        // times are unique within a unit, so the target is at most k positions back
        for (int p = position[row] - 1, steps = 0; p >= 0 && steps < k; p--, steps++) {
            int r = order[p];
            if (unit[r] != u || time[r] < target) {
                return -1;
            }
            if (time[r] == target) {
                return r;
            }
        }
        return -1;
    }

    public int[] unitCodes() {
        return unit;
    }

    public long time(int row) {
        return time[row];
    }

    private static int[] sortIndex(long[] keys) {
        int n = keys.length;
        // primitive merge sort of indices by key (stable, no boxing)
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int[] tmp = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, n);
                int a = lo;
                int b = mid;
                int k = lo;
                while (a < mid && b < hi) {
                    tmp[k++] = keys[idx[a]] <= keys[idx[b]] ? idx[a++] : idx[b++];
                }
                while (a < mid) {
                    tmp[k++] = idx[a++];
                }
                while (b < hi) {
                    tmp[k++] = idx[b++];
                }
                System.arraycopy(tmp, lo, idx, lo, hi - lo);
            }
        }
        return idx;
    }
}
