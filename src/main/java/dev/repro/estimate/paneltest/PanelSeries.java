package dev.repro.estimate.paneltest;

import dev.repro.data.PanelOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One or more panel variables observed on the same rows, sorted by unit and then time. Rows may come in
 * any order; a row with a missing (NaN) value in any column is dropped (complete cases, as R's na.omit).
 * Time is an integer period: a gap in a unit's periods is a gap, so a lag or a difference across it is
 * missing (Stata's L. and D. operators), never the neighbouring observation.
 *
 * <p>Units are the codes 0..N-1 of the input; a code with no complete row is not a panel unit of the result
 * (it is left out and {@link #unitCode(int)} maps back to the input code). The rows are ordered by the shared
 * {@link PanelOrder}; this class is the per-unit series view of that order, arrays in, so that estimators
 * need no dataset.
 */
public final class PanelSeries {
    private final PanelOrder panel;
    private final int[] time;
    private final double[][] columns;
    private final String[] labels;

    private PanelSeries(PanelOrder panel, int[] time, double[][] columns, String[] labels) {
        this.panel = panel;
        this.time = time;
        this.columns = columns;
        this.labels = labels;
    }

    /** A single variable. */
    public static PanelSeries of(double[] values, int[] unit, int[] time) {
        return of(unit, time, null, values);
    }

    /**
     * Several variables on the same rows.
     *
     * @param unit unit codes 0..N-1 (no negative code)
     * @param time integer periods
     * @param unitLabels names of the unit codes for messages (index = code), or null to use the codes
     * @param columns the variables, each as long as {@code unit}; NaN = missing
     * @throws IllegalArgumentException on arrays of different lengths, a negative code, or a (unit, time) pair
     *         that occurs twice
     */
    public static PanelSeries of(int[] unit, int[] time, String[] unitLabels, double[]... columns) {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(time, "time");
        if (columns.length == 0) {
            throw new IllegalArgumentException("a panel series needs at least one column");
        }
        int n = unit.length;
        if (time.length != n) {
            throw new IllegalArgumentException("time has " + time.length + " values for " + n + " units");
        }
        for (double[] c : columns) {
            if (c.length != n) {
                throw new IllegalArgumentException("a column has " + c.length + " values for " + n + " rows");
            }
        }
        for (int u : unit) {
            if (u < 0) {
                throw new IllegalArgumentException("unit codes must be >= 0, found " + u);
            }
        }
        // complete rows take part in the shared panel order; an incomplete row gets no unit
        int[] codes = new int[n];
        long[] periods = new long[n];
        for (int i = 0; i < n; i++) {
            boolean complete = true;
            for (double[] c : columns) {
                if (Double.isNaN(c[i])) {
                    complete = false;
                    break;
                }
            }
            codes[i] = complete ? unit[i] : -1;
            periods[i] = time[i];
        }
        PanelOrder panel = PanelOrder.of(codes, periods);
        List<int[]> twice = panel.duplicates(1);
        if (!twice.isEmpty()) {
            int row = twice.get(0)[1];
            int code = unit[row];
            String name = unitLabels != null && code < unitLabels.length ? unitLabels[code] : Integer.toString(code);
            throw new IllegalArgumentException("unit " + name + " has two rows for period " + time[row]);
        }
        // the series view: the variables copied into the panel order, so each unit is one contiguous run
        int total = panel.size();
        int[] t = new int[total];
        double[][] cols = new double[columns.length][total];
        for (int j = 0; j < total; j++) {
            int i = panel.row(j);
            t[j] = time[i];
            for (int c = 0; c < columns.length; c++) {
                cols[c][j] = columns[c][i];
            }
        }
        return new PanelSeries(panel, t, cols, unitLabels);
    }

    /** Number of panel units (codes with at least one complete row). */
    public int units() {
        return panel.units();
    }

    /** Number of complete rows. */
    public int rows() {
        return time.length;
    }

    public int columns() {
        return columns.length;
    }

    /** Number of observations of unit g. */
    public int count(int g) {
        return panel.end(g) - panel.start(g);
    }

    int start(int g) {
        return panel.start(g);
    }

    int end(int g) {
        return panel.end(g);
    }

    int time(int row) {
        return time[row];
    }

    double value(int column, int row) {
        return columns[column][row];
    }

    double[] column(int column) {
        return columns[column];
    }

    /** The input code of unit g. */
    public int unitCode(int g) {
        return panel.code(g);
    }

    /** The unit's name for messages: its label when labels were given, else its input code. */
    public String label(int g) {
        int c = panel.code(g);
        return labels != null && c < labels.length && labels[c] != null ? labels[c] : Integer.toString(c);
    }

    /** True when unit g has no gap between its first and last period. */
    public boolean consecutive(int g) {
        return panel.consecutive(g);
    }

    /** True when every unit is observed in the same periods without gaps (Stata: strongly balanced, no gaps). */
    public boolean balancedWithoutGaps() {
        int first = time[start(0)];
        int len = count(0);
        for (int g = 0; g < units(); g++) {
            if (count(g) != len || time[start(g)] != first || !consecutive(g)) {
                return false;
            }
        }
        return true;
    }

    /** Distinct periods over all units. */
    public int periods() {
        int[] t = time.clone();
        Arrays.sort(t);
        int d = 0;
        for (int i = 0; i < t.length; i++) {
            if (i == 0 || t[i] != t[i - 1]) {
                d++;
            }
        }
        return d;
    }

    /**
     * The series with the cross-section mean of each period subtracted (Stata's {@code demean} option of
     * xtunitroot: the mean over the units observed in that period), column by column.
     */
    public PanelSeries demeaned() {
        int total = time.length;
        int tmin = Integer.MAX_VALUE;
        int tmax = Integer.MIN_VALUE;
        for (int t : time) {
            tmin = Math.min(tmin, t);
            tmax = Math.max(tmax, t);
        }
        long span = (long) tmax - tmin + 1;
        int[] idx = new int[total];
        int slots;
        if (span <= 4L * total + 1024) {
            for (int j = 0; j < total; j++) {
                idx[j] = time[j] - tmin;
            }
            slots = (int) span;
        } else {
            int[] sorted = time.clone();
            Arrays.sort(sorted);
            int d = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    sorted[d++] = sorted[i];
                }
            }
            for (int j = 0; j < total; j++) {
                idx[j] = Arrays.binarySearch(sorted, 0, d, time[j]);
            }
            slots = d;
        }
        double[][] out = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            double[] sum = new double[slots];
            int[] cnt = new int[slots];
            double[] v = columns[c];
            for (int j = 0; j < total; j++) {
                sum[idx[j]] += v[j];
                cnt[idx[j]]++;
            }
            double[] o = new double[total];
            for (int j = 0; j < total; j++) {
                o[j] = v[j] - sum[idx[j]] / cnt[idx[j]];
            }
            out[c] = o;
        }
        return new PanelSeries(panel, time, out, labels);
    }
}
