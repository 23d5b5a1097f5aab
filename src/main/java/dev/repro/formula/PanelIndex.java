package dev.repro.formula;

import dev.repro.data.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a panel dataset ordered by (unit, time), built once per dataset, and the lag maps derived
 * from it: {@code lagRows(k)[r]} is the row of the same unit whose time is {@code time(r) - k}, or -1 when
 * there is none (a gap, the start of the unit, or a missing id or time). Lags therefore follow time values,
 * never row order, and rows may come in any order.
 *
 * <p>Rows are sorted with primitive arrays only: a counting sort by unit code, then a stable merge sort
 * by time within each unit that is not already in time order. A lag map is one linear pass per unit.
 * Rows whose time is not a whole number take no part (their lags are missing); rows sharing a unit and
 * a time are recorded in {@link #duplicates()} and the first of them serves as the lag target.
 */
public final class PanelIndex {
    private final int rows;
    private final int[] unit;
    private final long[] time;
    private final int[] order;
    private final int[] unitStart;
    private final int[] nonInteger;
    private final int nonIntegerCount;
    private final List<int[]> duplicates;
    private final int duplicateCount;
    private final Map<Integer, int[]> lags = new HashMap<>();

    /** Rows kept in {@link #duplicates()} and {@link #nonIntegerTimes()} for messages. */
    public static final int KEPT = 5;

    /** The index of a panel dataset, built on first use and owned by the dataset (see {@link Dataset#derived}). */
    public static PanelIndex of(Dataset data) {
        if (!data.isPanel()) {
            throw new IllegalArgumentException("dataset " + data.name() + " is not a panel: it has no id and time columns");
        }
        return data.derived(PanelIndex.class, PanelIndex::new);
    }

    private PanelIndex(Dataset data) {
        rows = data.rows();
        Categories.Coded ids = Categories.codes(data, data.idColumn());
        unit = ids.codes();
        int units = ids.levels();
        double[] t = data.numeric(data.timeColumn()).values();
        time = new long[rows];
        int[] bad = new int[KEPT];
        int badCount = 0;
        int[] count = new int[units + 1];
        for (int r = 0; r < rows; r++) {
            double v = t[r];
            boolean whole = v == Math.rint(v) && Math.abs(v) < 9.0e15;
            if (!whole && !Double.isNaN(v)) {
                if (badCount < KEPT) {
                    bad[badCount] = r;
                }
                badCount++;
            }
            if (whole && unit[r] >= 0) {
                time[r] = (long) v;
                count[unit[r] + 1]++;
            } else {
                unit[r] = -1;
            }
        }
        nonInteger = Arrays.copyOf(bad, Math.min(badCount, KEPT));
        nonIntegerCount = badCount;
        unitStart = new int[units + 1];
        for (int u = 0; u < units; u++) {
            unitStart[u + 1] = unitStart[u] + count[u + 1];
        }
        order = new int[unitStart[units]];
        int[] fill = Arrays.copyOf(unitStart, units);
        for (int r = 0; r < rows; r++) {
            if (unit[r] >= 0) {
                order[fill[unit[r]]++] = r;
            }
        }
        int[] buffer = null;
        List<int[]> dups = new ArrayList<>();
        int dupCount = 0;
        for (int u = 0; u < units; u++) {
            int lo = unitStart[u];
            int hi = unitStart[u + 1];
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
                    if (dups.size() < KEPT) {
                        dups.add(new int[] {order[i - 1], order[i]});
                    }
                    dupCount++;
                }
            }
        }
        duplicates = List.copyOf(dups);
        duplicateCount = dupCount;
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

    public int rows() {
        return rows;
    }

    /** Number of units (levels of the id column). */
    public int units() {
        return unitStart.length - 1;
    }

    /** The unit code of a row, or -1 when its id or time is missing or its time is not a whole number. */
    public int unit(int row) {
        return unit[row];
    }

    /** The time of a row (meaningful when {@link #unit(int)} is not -1). */
    public long time(int row) {
        return time[row];
    }

    /** The indexed rows sorted by unit code, then time, then row (a copy). */
    public int[] order() {
        return order.clone();
    }

    /** Where each unit's rows begin in {@link #order()}; the last entry is the number of indexed rows (a copy). */
    public int[] unitStarts() {
        return unitStart.clone();
    }

    /** Row pairs (earlier, later) sharing a unit and a time: at most {@link #KEPT}; see {@link #duplicateCount()}. */
    public List<int[]> duplicates() {
        List<int[]> out = new ArrayList<>(duplicates.size());
        for (int[] d : duplicates) {
            out.add(d.clone());
        }
        return out;
    }

    public int duplicateCount() {
        return duplicateCount;
    }

    /** Rows whose time is not a whole number: at most {@link #KEPT}; see {@link #nonIntegerCount()}. */
    public int[] nonIntegerTimes() {
        return nonInteger.clone();
    }

    public int nonIntegerCount() {
        return nonIntegerCount;
    }

    /** For every row, the row of the same unit at time t - k, or -1 (a copy; k >= 0). */
    public int[] lagRows(int k) {
        return lagRowsShared(k).clone();
    }

    /** The cached lag map itself: read-only by convention. */
    int[] lagRowsShared(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("lag must be >= 0, got " + k);
        }
        synchronized (lags) {
            return lags.computeIfAbsent(k, this::computeLag);
        }
    }

    private int[] computeLag(int k) {
        int[] lag = new int[rows];
        Arrays.fill(lag, -1);
        if (k == 0) {
            for (int r : order) {
                lag[r] = r;
            }
            return lag;
        }
        int units = unitStart.length - 1;
        for (int u = 0; u < units; u++) {
            int lo = unitStart[u];
            int hi = unitStart[u + 1];
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
