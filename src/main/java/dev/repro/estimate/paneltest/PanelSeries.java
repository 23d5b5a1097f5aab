package dev.repro.estimate.paneltest;

import java.util.Arrays;
import java.util.Objects;

/**
 * One or more panel variables observed on the same rows, sorted by unit and then time. Rows may come in
 * any order; a row with a missing (NaN) value in any column is dropped (complete cases, as R's na.omit).
 * Time is an integer period: a gap in a unit's periods is a gap, so a lag or a difference across it is
 * missing (Stata's L. and D. operators), never the neighbouring observation.
 *
 * <p>Units are the codes 0..N-1 of the input; a code with no complete row is not a panel unit of the result
 * (it is left out and {@link #unitCode(int)} maps back to the input code).
 */
public final class PanelSeries {
    private final int units;
    private final int[] start;
    private final int[] time;
    private final double[][] columns;
    private final int[] unitCode;
    private final String[] labels;

    private PanelSeries(int[] start, int[] time, double[][] columns, int[] unitCode, String[] labels) {
        this.units = start.length - 1;
        this.start = start;
        this.time = time;
        this.columns = columns;
        this.unitCode = unitCode;
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
        int maxCode = -1;
        for (int u : unit) {
            if (u < 0) {
                throw new IllegalArgumentException("unit codes must be >= 0, found " + u);
            }
            maxCode = Math.max(maxCode, u);
        }
        // counting sort by unit over complete rows, then sort each unit's rows by time
        int[] count = new int[maxCode + 2];
        boolean[] keep = new boolean[n];
        for (int i = 0; i < n; i++) {
            boolean ok = true;
            for (double[] c : columns) {
                if (Double.isNaN(c[i])) {
                    ok = false;
                    break;
                }
            }
            keep[i] = ok;
            if (ok) {
                count[unit[i] + 1]++;
            }
        }
        int present = 0;
        for (int u = 0; u <= maxCode; u++) {
            if (count[u + 1] > 0) {
                present++;
            }
        }
        int[] codeOf = new int[present];
        int[] start = new int[present + 1];
        int[] newIndex = new int[maxCode + 1];
        int k = 0;
        int pos = 0;
        for (int u = 0; u <= maxCode; u++) {
            if (count[u + 1] > 0) {
                codeOf[k] = u;
                newIndex[u] = k;
                start[k] = pos;
                pos += count[u + 1];
                k++;
            }
        }
        start[present] = pos;
        int total = pos;
        int[] fill = Arrays.copyOf(start, present);
        int[] order = new int[total];
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                order[fill[newIndex[unit[i]]]++] = i;
            }
        }
        long[] key = new long[0];
        for (int g = 0; g < present; g++) {
            int a = start[g];
            int len = start[g + 1] - a;
            if (key.length < len) {
                key = new long[len];
            }
            for (int j = 0; j < len; j++) {
                // time in the high word, position within the unit in the low word: sorts by time, stable
                key[j] = ((long) time[order[a + j]] << 32) | j;
            }
            Arrays.sort(key, 0, len);
            int[] tmp = Arrays.copyOfRange(order, a, a + len);
            for (int j = 0; j < len; j++) {
                order[a + j] = tmp[(int) (key[j] & 0xFFFFFFFFL)];
            }
        }
        int[] t = new int[total];
        double[][] cols = new double[columns.length][total];
        for (int j = 0; j < total; j++) {
            int i = order[j];
            t[j] = time[i];
            for (int c = 0; c < columns.length; c++) {
                cols[c][j] = columns[c][i];
            }
        }
        for (int g = 0; g < present; g++) {
            for (int j = start[g] + 1; j < start[g + 1]; j++) {
                if (t[j] == t[j - 1]) {
                    String name = unitLabels != null && codeOf[g] < unitLabels.length ? unitLabels[codeOf[g]] : Integer.toString(codeOf[g]);
                    throw new IllegalArgumentException("unit " + name + " has two rows for period " + t[j]);
                }
            }
        }
        return new PanelSeries(start, t, cols, codeOf, unitLabels);
    }

    /** Number of panel units (codes with at least one complete row). */
    public int units() {
        return units;
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
        return start[g + 1] - start[g];
    }

    int start(int g) {
        return start[g];
    }

    int end(int g) {
        return start[g + 1];
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
        return unitCode[g];
    }

    /** The unit's name for messages: its label when labels were given, else its input code. */
    public String label(int g) {
        int c = unitCode[g];
        return labels != null && c < labels.length && labels[c] != null ? labels[c] : Integer.toString(c);
    }

    /** True when unit g has no gap between its first and last period. */
    public boolean consecutive(int g) {
        return time[start[g + 1] - 1] - time[start[g]] == count(g) - 1;
    }

    /** True when every unit is observed in the same periods without gaps (Stata: strongly balanced, no gaps). */
    public boolean balancedWithoutGaps() {
        int first = time[start[0]];
        int len = count(0);
        for (int g = 0; g < units; g++) {
            if (count(g) != len || time[start[g]] != first || !consecutive(g)) {
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
        return new PanelSeries(start, time, out, unitCode, labels);
    }
}
