package dev.repro.data;

import java.util.Objects;

/** Numbers as a {@code double[]}; a missing cell is NaN. The array is owned: callers must not change it. */
public final class NumericColumn implements Column {
    private final String name;
    private final double[] values;

    public NumericColumn(String name, double[] values) {
        this.name = Objects.requireNonNull(name, "name");
        this.values = Objects.requireNonNull(values, "values");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return values.length;
    }

    /** The backing array (no copy, for speed): read-only by convention. */
    public double[] values() {
        return values;
    }

    public double get(int row) {
        return values[row];
    }

    @Override
    public boolean isMissing(int row) {
        return Double.isNaN(values[row]);
    }

    @Override
    public String display(int row) {
        double v = values[row];
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    @Override
    public NumericColumn select(boolean[] keep, int kept) {
        double[] out = new double[kept];
        int j = 0;
        for (int i = 0; i < values.length; i++) {
            if (keep[i]) {
                out[j++] = values[i];
            }
        }
        return new NumericColumn(name, out);
    }

    @Override
    public NumericColumn rename(String newName) {
        return new NumericColumn(newName, values);
    }
}
