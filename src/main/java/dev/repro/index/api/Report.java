package dev.repro.index.api;

import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.diag.Located;
import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import dev.repro.diag.Suggest;

/**
 * How index builders report user mistakes. A mistake in the data names the dataset's file and the
 * row's source line (so the user can open the raw file at that line) together with the study key of the
 * step; a mistake in the step itself (an unknown column, a bad option) names the study file, the step's
 * line and the key of the field.
 */
public final class Report {
    /** How many source lines one message lists before it says "and N more". */
    public static final int LINES_SHOWN = 5;

    private Report() {
    }

    /** A problem in one row of a dataset. */
    public static void row(Problems problems, Dataset ds, int row, Located at, String message) {
        problems.add(Problem.atKey(ds.source(), ds.line(row), 0, at.key(), message));
    }

    /** A problem about a group of rows, placed at the first of them; {@code rows} lists them in file order. */
    public static void rows(Problems problems, Dataset ds, int[] rows, int count, Located at, String message) {
        problems.add(Problem.atKey(ds.source(), count == 0 ? 0 : ds.line(rows[0]), 0, at.key(), message));
    }

    /** A problem in the step as written in the study; {@code field} extends the step's key (null for the step itself). */
    public static void spec(Problems problems, Located at, String field, String message) {
        problems.add(Problem.atKey(at.source(), at.line(), at.column(), field == null ? at.key() : at.key() + "." + field, message));
    }

    /**
     * "line 7", "lines 7, 9 and 12" or "lines 7, 9, 12, 30, 31 and 4 more": {@code count} rows in all, of which
     * {@code rows} holds at least the first min(count, {@link #LINES_SHOWN}).
     */
    public static String lines(Dataset ds, int[] rows, int count) {
        if (count == 1) {
            return "line " + ds.line(rows[0]);
        }
        StringBuilder sb = new StringBuilder("lines ");
        int shown = Math.min(count, LINES_SHOWN);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(i == shown - 1 && shown == count ? " and " : ", ");
            }
            sb.append(ds.line(rows[i]));
        }
        if (count > shown) {
            sb.append(" and ").append(count - shown).append(" more");
        }
        return sb.toString();
    }

    /** The dataset as named in messages: {@code 'panel' (data/panel.csv)}. */
    public static String dataset(Dataset ds) {
        return "'" + ds.name() + "' (" + ds.source() + ")";
    }

    /** The column, or null after a problem saying it is not in the dataset. */
    public static Column column(Problems problems, Dataset ds, String column, Located at, String field) {
        Column c = ds.column(column);
        if (c == null) {
            String hint = Suggest.didYouMean(column, ds.columnNames());
            problems.add(Problem.atKey(at.source(), at.line(), at.column(), at.key() + "." + field,
                    "no column '" + column + "' in dataset " + dataset(ds)
                            + (hint.isEmpty() ? "; its columns are: " + String.join(", ", ds.columnNames()) : hint)));
        }
        return c;
    }

    /** The numeric column, or null after a problem (not in the dataset, or text). */
    public static NumericColumn numeric(Problems problems, Dataset ds, String column, Located at, String field) {
        Column c = column(problems, ds, column, at, field);
        if (c == null) {
            return null;
        }
        if (c instanceof NumericColumn n) {
            return n;
        }
        problems.add(Problem.atKey(at.source(), at.line(), at.column(), at.key() + "." + field,
                "column '" + column + "' of dataset " + dataset(ds) + " holds text, not numbers; "
                        + "declare it {type: number} under datasets or fix the cells that are not numbers"));
        return null;
    }

    /** A number as it appears in messages (locale-independent, shortest form). */
    public static String num(double v) {
        return Double.isNaN(v) ? "missing" : NumberText.format(v);
    }
}
