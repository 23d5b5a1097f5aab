package dev.repro.formula;

import dev.repro.data.Dataset;
import dev.repro.data.PanelOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A panel dataset's {@link PanelOrder} as lags and differences read it, built once per dataset, with its lag
 * maps cached: {@code lagRows(k)[r]} is the row of the same unit whose time is {@code time(r) - k}, or -1 when
 * there is none (a gap, the start of the unit, or a missing id or time). Lags therefore follow time values,
 * never row order, and rows may come in any order.
 *
 * <p>Units are the levels of the dataset's id column; a row takes part when it has an id and a whole-number
 * time. Rows whose time is not a whole number are kept for messages ({@link #nonIntegerTimes()}); rows sharing
 * a unit and a time are the order's duplicates, and the first of them serves as the lag target.
 */
public final class PanelLags {
    private final PanelOrder order;
    private final int[] nonInteger;
    private final int nonIntegerCount;
    private final Map<Integer, int[]> lags = new HashMap<>();

    /** Rows kept in {@link #duplicates()} and {@link #nonIntegerTimes()} for messages. */
    public static final int KEPT = 5;

    /** The lags of a panel dataset, built on first use and owned by the dataset (see {@link Dataset#derived}). */
    public static PanelLags of(Dataset data) {
        if (!data.isPanel()) {
            throw new IllegalArgumentException("dataset " + data.name() + " is not a panel: it has no id and time columns");
        }
        return data.derived(PanelLags.class, PanelLags::new);
    }

    private PanelLags(Dataset data) {
        int rows = data.rows();
        int[] unit = Categories.codes(data, data.idColumn()).codes();
        double[] t = data.numeric(data.timeColumn()).values();
        long[] time = new long[rows];
        int[] bad = new int[KEPT];
        int badCount = 0;
        for (int r = 0; r < rows; r++) {
            double v = t[r];
            boolean whole = v == Math.rint(v) && Math.abs(v) < 9.0e15;
            if (!whole && !Double.isNaN(v)) {
                if (badCount < KEPT) {
                    bad[badCount] = r;
                }
                badCount++;
            }
            if (whole) {
                time[r] = (long) v;
            } else {
                unit[r] = -1;
            }
        }
        nonInteger = Arrays.copyOf(bad, Math.min(badCount, KEPT));
        nonIntegerCount = badCount;
        order = PanelOrder.of(unit, time);
    }

    /** The panel order of the rows with an id and a whole-number time. */
    public PanelOrder order() {
        return order;
    }

    /** Row pairs (earlier, later) sharing a unit and a time: at most {@link #KEPT}; see {@link #duplicateCount()}. */
    public List<int[]> duplicates() {
        return order.duplicates(KEPT);
    }

    public int duplicateCount() {
        return order.duplicateCount();
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
            return lags.computeIfAbsent(k, order::lagRows);
        }
    }
}
