package dev.repro.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The one ordering of panel rows: the rows that take part, sorted by unit, then time, then row number; the
 * units; the time of each row; and what follows from them (where a unit's time series has gaps, the row a lag
 * lands on, rows sharing a unit and a time). Formula lags, index steps and panel tests all read this order.
 *
 * <p>Built from arrays ({@link #of}): a unit code per row, -1 for a row that takes no part (a missing id, a
 * time that is not a period, a row outside the sample), and a whole-number time per row. Units are the codes
 * with at least one row, renumbered 0..units-1 in code order ({@link #code(int)} maps back). Rows may come in
 * any order.
 *
 * <p>Sorting uses primitive arrays only: a counting sort by unit, then a sort by (time, row) within each unit
 * that is not already in order, so rows of equal time keep their row order. When the times span less than
 * 2^31 (years, dates, dense codes) each row is one packed long and a unit is sorted as a contiguous range;
 * otherwise a stable merge sort of row numbers by time. A lag map is one linear pass per unit.
 */
public final class PanelOrder {
    private final int rows;
    private final int[] unit;
    private final long[] time;
    private final int[] code;
    private final int[] order;
    private final int[] start;
    private final int duplicateCount;

    private PanelOrder(int rows, int[] unit, long[] time, int[] code, int[] order, int[] start, int duplicateCount) {
        this.rows = rows;
        this.unit = unit;
        this.time = time;
        this.code = code;
        this.order = order;
        this.start = start;
        this.duplicateCount = duplicateCount;
    }

    /**
     * Orders the rows.
     *
     * @param codes a unit code per row: any number >= 0, or -1 (any negative) when the row takes no part (not
     *     modified)
     * @param time a time per row, read only where the code is >= 0 (kept, not copied: the caller must not
     *     change it afterwards)
     */
    public static PanelOrder of(int[] codes, long[] time) {
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(time, "time");
        int rows = codes.length;
        if (time.length != rows) {
            throw new IllegalArgumentException("time has " + time.length + " values for " + rows + " unit codes");
        }
        int maxCode = -1;
        for (int c : codes) {
            maxCode = Math.max(maxCode, c);
        }
        int[] count = new int[maxCode + 1];
        for (int c : codes) {
            if (c >= 0) {
                count[c]++;
            }
        }
        // units are the codes that occur, renumbered densely in code order
        int[] dense = new int[maxCode + 1];
        int units = 0;
        for (int c = 0; c <= maxCode; c++) {
            dense[c] = count[c] > 0 ? units++ : -1;
        }
        int[] code = new int[units];
        int[] start = new int[units + 1];
        for (int c = 0; c <= maxCode; c++) {
            if (dense[c] >= 0) {
                code[dense[c]] = c;
                start[dense[c] + 1] = start[dense[c]] + count[c];
            }
        }
        int[] unit = new int[rows];
        long minTime = Long.MAX_VALUE;
        long maxTime = Long.MIN_VALUE;
        for (int r = 0; r < rows; r++) {
            int u = codes[r] >= 0 ? dense[codes[r]] : -1;
            unit[r] = u;
            if (u >= 0) {
                minTime = Math.min(minTime, time[r]);
                maxTime = Math.max(maxTime, time[r]);
            }
        }
        int[] order = new int[start[units]];
        boolean packable = minTime >= Long.MIN_VALUE / 2 && maxTime <= Long.MAX_VALUE / 2 && maxTime - minTime <= Integer.MAX_VALUE;
        int duplicates = packable ? sortPacked(unit, time, minTime, start, order) : sortByRow(unit, time, start, order);
        return new PanelOrder(rows, unit, time, code, order, start, duplicates);
    }

    /**
     * Sorts with one long per row, (time - minTime) in the high word and the row in the low word, written in
     * row order (time is read sequentially) and sorted within each unit: contiguous keys, no indirect access.
     * Returns the number of repeated (unit, time) neighbours.
     */
    private static int sortPacked(int[] unit, long[] time, long minTime, int[] start, int[] order) {
        int units = start.length - 1;
        long[] packed = new long[order.length];
        int[] fill = Arrays.copyOf(start, units);
        for (int r = 0; r < unit.length; r++) {
            if (unit[r] >= 0) {
                packed[fill[unit[r]]++] = ((time[r] - minTime) << 32) | r;
            }
        }
        int duplicates = 0;
        for (int u = 0; u < units; u++) {
            int lo = start[u];
            int hi = start[u + 1];
            boolean sorted = true;
            for (int i = lo + 1; i < hi && sorted; i++) {
                sorted = packed[i - 1] < packed[i];
            }
            if (!sorted) {
                Arrays.sort(packed, lo, hi); // keys are unique (the row), so the order is (time, row)
            }
            for (int i = lo + 1; i < hi; i++) {
                if (packed[i - 1] >>> 32 == packed[i] >>> 32) {
                    duplicates++;
                }
            }
        }
        for (int i = 0; i < order.length; i++) {
            order[i] = (int) packed[i];
        }
        return duplicates;
    }

    /**
     * Sorts times of any range: rows placed in row order by a counting sort, then a stable merge sort by time
     * within each unit not already in time order, so the order is again (time, row).
     */
    private static int sortByRow(int[] unit, long[] time, int[] start, int[] order) {
        int units = start.length - 1;
        int[] fill = Arrays.copyOf(start, units);
        for (int r = 0; r < unit.length; r++) {
            if (unit[r] >= 0) {
                order[fill[unit[r]]++] = r;
            }
        }
        int[] buffer = null;
        int duplicates = 0;
        for (int u = 0; u < units; u++) {
            int lo = start[u];
            int hi = start[u + 1];
            boolean sorted = true;
            for (int i = lo + 1; i < hi && sorted; i++) {
                sorted = time[order[i - 1]] <= time[order[i]];
            }
            if (!sorted) {
                if (buffer == null) {
                    buffer = new int[order.length];
                }
                mergeSort(order, buffer, lo, hi, time);
            }
            for (int i = lo + 1; i < hi; i++) {
                if (time[order[i - 1]] == time[order[i]]) {
                    duplicates++;
                }
            }
        }
        return duplicates;
    }

    /** Stable merge sort of {@code a[lo, hi)} by {@code key[a[i]]}. */
    private static void mergeSort(int[] a, int[] buf, int lo, int hi, long[] key) {
        if (hi - lo < 24) {
            for (int i = lo + 1; i < hi; i++) {
                int v = a[i];
                long k = key[v];
                int j = i - 1;
                while (j >= lo && key[a[j]] > k) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, buf, lo, mid, key);
        mergeSort(a, buf, mid, hi, key);
        if (key[a[mid - 1]] <= key[a[mid]]) {
            return;
        }
        System.arraycopy(a, lo, buf, lo, hi - lo);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            if (j >= hi || (i < mid && key[buf[i]] <= key[buf[j]])) {
                a[k] = buf[i++];
            } else {
                a[k] = buf[j++];
            }
        }
    }

    /** Rows of the input, taking part or not. */
    public int rows() {
        return rows;
    }

    /** Rows taking part: the length of {@link #order()}. */
    public int size() {
        return order.length;
    }

    /** Number of units (codes with at least one row). */
    public int units() {
        return code.length;
    }

    /** The unit (0..units-1) of a row, or -1 when the row takes no part. */
    public int unit(int row) {
        return unit[row];
    }

    /** The input code of unit {@code u}. */
    public int code(int u) {
        return code[u];
    }

    /** The time of a row (as given; meaningful when {@link #unit(int)} is not -1). */
    public long time(int row) {
        return time[row];
    }

    /** The row at a position of the order: unit by unit, each unit in increasing time, then row. */
    public int row(int position) {
        return order[position];
    }

    /** The rows taking part, in order (a copy). */
    public int[] order() {
        return order.clone();
    }

    /** Position in the order of the first row of unit {@code u}; {@code start(units())} is {@link #size()}. */
    public int start(int u) {
        return start[u];
    }

    /** Position in the order after the last row of unit {@code u}. */
    public int end(int u) {
        return start[u + 1];
    }

    /** True when unit {@code u} has one row for every time from its first to its last: no gap, no repeat. */
    public boolean consecutive(int u) {
        int lo = start[u];
        int hi = start[u + 1];
        for (int i = lo + 1; i < hi; i++) {
            if (time[order[i]] != time[order[i - 1]] + 1) {
                return false;
            }
        }
        return true;
    }

    /** The first row of unit {@code u} at time {@code t}, or -1 (binary search within the unit). */
    public int find(int u, long t) {
        int lo = start[u];
        int hi = start[u + 1] - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long tm = time[order[mid]];
            if (tm < t) {
                lo = mid + 1;
            } else if (tm > t) {
                hi = mid - 1;
            } else {
                found = order[mid];
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Pairs of positions in the order holding the same unit and time. */
    public int duplicateCount() {
        return duplicateCount;
    }

    /**
     * Row pairs (earlier, later) that share a unit and a time, in order, at most {@code limit} of them (see
     * {@link #duplicateCount()} for all): each later row paired with the row just before it in the order.
     */
    public List<int[]> duplicates(int limit) {
        List<int[]> out = new ArrayList<>();
        if (duplicateCount == 0) {
            return out;
        }
        for (int u = 0; u < code.length && out.size() < limit; u++) {
            for (int i = start[u] + 1; i < start[u + 1] && out.size() < limit; i++) {
                if (time[order[i - 1]] == time[order[i]]) {
                    out.add(new int[] {order[i - 1], order[i]});
                }
            }
        }
        return out;
    }

    /**
     * For every row, the row of the same unit whose time is {@code time(row) - k}, or -1 when there is none: a
     * gap, the start of the unit, or a row taking no part. Lags follow time values, never row order. Where
     * rows share a unit and a time, the first of them is the target. A fresh array; {@code k >= 0}.
     */
    public int[] lagRows(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("lag must be >= 0, got " + k);
        }
        int[] lag = new int[rows];
        Arrays.fill(lag, -1);
        if (k == 0) {
            for (int r : order) {
                lag[r] = r;
            }
            return lag;
        }
        for (int u = 0; u < code.length; u++) {
            int lo = start[u];
            int hi = start[u + 1];
            int q = lo;
            for (int i = lo; i < hi; i++) {
                int r = order[i];
                long target = time[r] - k;
                while (q < i && time[order[q]] < target) {
                    q++;
                }
                if (time[order[q]] == target) {
                    lag[r] = order[q];
                }
            }
        }
        return lag;
    }
}
