package dev.repro.index.api;

import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of a panel grouped by unit and ordered by time, for steps that work along each unit's time
 * series (perpetual inventory, lags). Built by {@link #of}, which reports rows without a unit or a time,
 * times that are not whole numbers and repeated (unit, time) pairs.
 */
public final class PanelIndex {
    private final Dataset data;
    private final String idColumn;
    private final String timeColumn;
    private final int[] unit;
    private final long[] time;
    private final String[] unitLabels;
    private final int[] order;
    private final int[] start;

    private PanelIndex(Dataset data, String idColumn, String timeColumn, int[] unit, long[] time, String[] unitLabels, int[] order, int[] start) {
        this.data = data;
        this.idColumn = idColumn;
        this.timeColumn = timeColumn;
        this.unit = unit;
        this.time = time;
        this.unitLabels = unitLabels;
        this.order = order;
        this.start = start;
    }

    /**
     * Groups the rows, or returns null after reporting every problem. {@code field} names the step's keys of
     * the id and time columns in messages.
     */
    public static PanelIndex of(Dataset ds, String idColumn, String timeColumn, Located at, Problems problems) {
        int before = problems.size();
        Column idc = Report.column(problems, ds, idColumn, at, "id");
        NumericColumn tc = Report.numeric(problems, ds, timeColumn, at, "time");
        if (idc == null || tc == null) {
            return null;
        }
        Dataset.Codes codes = ds.codes(idColumn);
        int[] unit = codes.codes();
        int n = ds.rows();
        long[] time = new long[n];
        double[] t = tc.values();
        for (int i = 0; i < n; i++) {
            if (unit[i] < 0) {
                Report.row(problems, ds, i, at, "the panel unit '" + idColumn + "' is missing; every row needs a unit");
            }
            if (Double.isNaN(t[i])) {
                Report.row(problems, ds, i, at, "the time '" + timeColumn + "' is missing; every row needs a time");
            } else if (t[i] != Math.rint(t[i]) || Math.abs(t[i]) > 1e9) {
                Report.row(problems, ds, i, at, "the time '" + timeColumn + "' is " + Report.num(t[i]) + ", not a whole number such as a year");
            } else {
                time[i] = (long) t[i];
            }
        }
        if (problems.size() > before) {
            return null;
        }
        // units are the levels that occur (a selection of rows may keep levels without rows), renumbered densely
        int[] present = new int[codes.levelCount()];
        for (int u : unit) {
            present[u]++;
        }
        int[] dense = new int[present.length];
        List<String> labels = new ArrayList<>();
        for (int l = 0; l < present.length; l++) {
            dense[l] = present[l] > 0 ? labels.size() : -1;
            if (present[l] > 0) {
                labels.add(codes.levels()[l]);
            }
        }
        unit = unit.clone();
        for (int i = 0; i < n; i++) {
            unit[i] = dense[unit[i]];
        }
        String[] unitLabels = labels.toArray(new String[0]);
        int units = unitLabels.length;
        int[] start = new int[units + 1];
        for (int u : unit) {
            start[u + 1]++;
        }
        for (int u = 0; u < units; u++) {
            start[u + 1] += start[u];
        }
        int[] fill = Arrays.copyOf(start, units);
        int[] byUnit = new int[n];
        for (int i = 0; i < n; i++) {
            byUnit[fill[unit[i]]++] = i;
        }
        int[] order = new int[n];
        for (int u = 0; u < units; u++) {
            int a = start[u];
            int b = start[u + 1];
            long[] keyed = new long[b - a];
            long min = Long.MAX_VALUE;
            for (int k = a; k < b; k++) {
                min = Math.min(min, time[byUnit[k]]);
            }
            for (int k = a; k < b; k++) {
                int row = byUnit[k];
                keyed[k - a] = ((time[row] - min) << 32) | row;
            }
            Arrays.sort(keyed);
            for (int k = a; k < b; k++) {
                order[k] = (int) (keyed[k - a] & 0xFFFFFFFFL);
            }
            for (int k = a + 1; k < b; k++) {
                int prev = order[k - 1];
                int row = order[k];
                if (time[prev] == time[row]) {
                    Report.row(problems, ds, row, at, "unit '" + unitLabels[u] + "' has " + timeColumn + " " + time[row]
                            + " twice (lines " + ds.line(prev) + " and " + ds.line(row) + "); each unit may have one row per time");
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new PanelIndex(ds, idColumn, timeColumn, unit, time, unitLabels, order, start);
    }

    public Dataset data() {
        return data;
    }

    public String idColumn() {
        return idColumn;
    }

    public String timeColumn() {
        return timeColumn;
    }

    public int units() {
        return unitLabels.length;
    }

    public String unitLabel(int u) {
        return unitLabels[u];
    }

    /** Unit code of a row. */
    public int unit(int row) {
        return unit[row];
    }

    /** Time of a row. */
    public long time(int row) {
        return time[row];
    }

    /** Rows of all units, unit by unit, each unit in increasing time (no copy: read-only). */
    public int[] order() {
        return order;
    }

    /** Position in {@link #order()} of the first row of unit {@code u}; {@code start(units())} is the row count. */
    public int start(int u) {
        return start[u];
    }

    /** The row of unit {@code u} at time {@code t}, or -1 (binary search within the unit). */
    public int find(int u, long t) {
        int lo = start[u];
        int hi = start[u + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long tm = time[order[mid]];
            if (tm < t) {
                lo = mid + 1;
            } else if (tm > t) {
                hi = mid - 1;
            } else {
                return order[mid];
            }
        }
        return -1;
    }
}
