package dev.repro.index.api;

import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.data.PanelOrder;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;

/**
 * A step's dataset as a panel: the shared {@link PanelOrder} of its rows (unit by unit, each in increasing
 * time) with the unit labels, for steps that work along each unit's time series (perpetual inventory, lags).
 * Built by {@link #of}, which reports rows without a unit or a time, times that are not whole numbers and
 * repeated (unit, time) pairs: a step panel has every row, each (unit, time) once.
 */
public final class StepPanel {
    private final Dataset data;
    private final String idColumn;
    private final String timeColumn;
    private final PanelOrder panel;
    private final String[] unitLabels;

    private StepPanel(Dataset data, String idColumn, String timeColumn, PanelOrder panel, String[] unitLabels) {
        this.data = data;
        this.idColumn = idColumn;
        this.timeColumn = timeColumn;
        this.panel = panel;
        this.unitLabels = unitLabels;
    }

    /** Orders the rows, or returns null after reporting every problem at {@code at}. */
    public static StepPanel of(Dataset ds, String idColumn, String timeColumn, Located at, Problems problems) {
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
        // units are the levels that occur (a selection of rows may keep levels without rows)
        PanelOrder panel = PanelOrder.of(unit, time);
        String[] unitLabels = new String[panel.units()];
        for (int u = 0; u < unitLabels.length; u++) {
            unitLabels[u] = codes.levels()[panel.code(u)];
        }
        for (int[] pair : panel.duplicates(Integer.MAX_VALUE)) {
            int prev = pair[0];
            int row = pair[1];
            Report.row(problems, ds, row, at, "unit '" + unitLabels[panel.unit(row)] + "' has " + timeColumn + " " + time[row]
                    + " twice (lines " + ds.line(prev) + " and " + ds.line(row) + "); each unit may have one row per time");
        }
        if (problems.size() > before) {
            return null;
        }
        return new StepPanel(ds, idColumn, timeColumn, panel, unitLabels);
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
        return panel.units();
    }

    public String unitLabel(int u) {
        return unitLabels[u];
    }

    /** Unit of a row. */
    public int unit(int row) {
        return panel.unit(row);
    }

    /** Time of a row. */
    public long time(int row) {
        return panel.time(row);
    }

    /** The row at a position: unit by unit, each unit in increasing time. */
    public int row(int position) {
        return panel.row(position);
    }

    /** Position of the first row of unit {@code u}; {@code start(units())} is the row count. */
    public int start(int u) {
        return panel.start(u);
    }

    /** The row of unit {@code u} at time {@code t}, or -1. */
    public int find(int u, long t) {
        return panel.find(u, t);
    }
}
