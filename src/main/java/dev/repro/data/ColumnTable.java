package dev.repro.data;

import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks of a CSV file for a table that another reader (a .dta file, a worksheet) has already split
 * into columns: the same header rules, {@code columns:} schema, type inference, missing-value texts and
 * (id, time) uniqueness, so that a study can switch formats by changing the file name only. The reader
 * gives the header, then each column whole (columnar: a binary file's numbers stay numbers), then
 * {@link #finish}. Where a cell is comes from the reader's {@link Place}.
 */
public final class ColumnTable {

    /** How a reader names the place of a cell and of a row in its messages. */
    public interface Place {
        /** The problem of the cell in row {@code row} (as given in {@link #rows}) and 0-based column {@code column}. */
        Problem cell(int row, int column, String message);

        /** Where a row is, after "first seen": "in observation 5", "in row 7 of Sheet1". */
        String row(int row);
    }

    private final Checks checks;
    private final Place place;
    private final CsvColumnPlans plans;
    private final int before;
    private List<String> header = List.of();
    private CsvColumnBuilder[] builders = new CsvColumnBuilder[0];
    private Column[] done = new Column[0];
    private int[] rows = new int[0];

    private final class Checks extends CellChecks {
        Checks(CsvOptions options, Problems problems) {
            super(options, problems);
        }

        @Override
        Problem cellAt(int line, int column, String message) {
            return place.cell(line, column, message);
        }
    }

    public ColumnTable(CsvOptions options, Problems problems, Place place) {
        this.place = place;
        this.before = problems.size();
        this.checks = new Checks(options, problems);
        this.plans = new CsvColumnPlans(options, problems);
    }

    /**
     * The column names and, for each row, the number the reader's {@link Place} knows it by (an observation
     * number, a worksheet row). Names must be unique and non-empty; the study's id, time and schema columns
     * must be among them.
     *
     * @param headerRow the row of the names for messages (0 when the names are not in a row, as in a .dta file)
     */
    public void header(List<String> names, int headerRow, int[] rowNumbers) {
        header = List.copyOf(names);
        rows = rowNumbers;
        CsvOptions o = checks.o;
        Map<String, Integer> seen = new HashMap<>();
        builders = new CsvColumnBuilder[names.size()];
        done = new Column[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isEmpty()) {
                checks.problems.add(place.cell(headerRow, i, CsvMessages.emptyHeaderName(i + 1)));
            }
            Integer first = seen.putIfAbsent(name, i);
            if (first != null && !name.isEmpty()) {
                checks.problems.add(place.cell(headerRow, i, CsvMessages.duplicateHeaderName(i + 1, name, first + 1)));
            }
            builders[i] = plans.builder(i, name, first == null);
        }
        List<String> wanted = new ArrayList<>();
        if (plans.idColumn() != null) {
            wanted.add(plans.idColumn());
        }
        if (plans.timeColumn() != null) {
            wanted.add(plans.timeColumn());
        }
        for (String w : wanted) {
            if (!seen.containsKey(w)) {
                String key = w.equals(plans.idColumn()) ? o.idKey() : o.timeKey();
                checks.problems.addKey(o.displayPath(), 0, 0, key, CsvMessages.notInHeader(w, header));
            }
        }
        for (String name : o.schema().keySet()) {
            if (!seen.containsKey(name)) {
                checks.problems.addKey(o.displayPath(), 0, 0, o.columnKey(name), CsvMessages.notInHeader(name, header));
            }
        }
    }

    /** Column {@code column} as numbers (NaN = missing; {@code missingShown}, when not null, says how each missing cell was written, e.g. {@code .a}). */
    public void numbers(int column, double[] values, String[] missingShown) {
        CsvColumnBuilder b = builders[column];
        for (int r = 0; r < rows.length; r++) {
            double v = values[r];
            b.addNumber(v, Double.isNaN(v) && missingShown != null && missingShown[r] != null ? missingShown[r] : ".", rows[r], checks);
        }
        done[column] = b.build();
    }

    /** Column {@code column} as texts; a null is a missing cell, any text goes through the missing-value texts as in a CSV file. */
    public void texts(int column, String[] values) {
        CsvColumnBuilder b = builders[column];
        feed(b, values);
        if (b.mode == CsvColumnBuilder.Mode.DEFERRED) {
            // numbers first, text later: keep every value as written, as the CSV reader's second pass does
            b = CsvColumnBuilder.text(column, b.name);
            checks.reporting = false;
            try {
                feed(b, values);
            } finally {
                checks.reporting = true;
            }
        }
        done[column] = b.build();
    }

    private void feed(CsvColumnBuilder b, String[] values) {
        char[] empty = new char[0];
        char[] t = empty;
        for (int r = 0; r < rows.length; r++) {
            // the same text object as the row before (a repeated id) keeps its chars
            if (r == 0 || values[r] != values[r - 1]) {
                t = values[r] == null ? empty : values[r].toCharArray();
            }
            if (values[r] == null && !checks.isMissing(empty, 0, 0)) {
                b.addNumber(Double.NaN, "", rows[r], checks);
            } else {
                b.addChars(t, 0, t.length, rows[r], checks);
            }
        }
    }

    /** The dataset, or null when any problem was found since this table was made. */
    public Dataset finish(String sha256) {
        CsvOptions o = checks.o;
        List<Column> columns = new ArrayList<>(done.length);
        Map<String, Column> byName = new HashMap<>();
        boolean idsInexact = false;
        for (int i = 0; i < done.length; i++) {
            if (done[i] == null) {
                throw new IllegalStateException("column " + header.get(i) + " was never given");
            }
            if (builders[i].role == CsvColumnBuilder.Role.ID && builders[i].mode == CsvColumnBuilder.Mode.INFER) {
                idsInexact |= builders[i].idProblems.size() > 0;
                checks.problems.addAll(builders[i].idProblems);
            }
            columns.add(done[i]);
            byName.putIfAbsent(done[i].name(), done[i]);
        }
        Column id = plans.idColumn() == null ? null : byName.get(plans.idColumn());
        Column time = plans.timeColumn() == null ? null : byName.get(plans.timeColumn());
        if (id != null && time instanceof NumericColumn t && !idsInexact) {
            int[] count = new int[1];
            int[] idCodes = id instanceof TextColumn tc ? tc.codes() : PanelKeys.codes(((NumericColumn) id).values(), count);
            int[] timeCodes = PanelKeys.codes(t.values(), count);
            for (long pair : PanelKeys.duplicates(idCodes, timeCodes)) {
                int row = (int) (pair >>> 32);
                int first = (int) pair;
                if (checks.wants()) {
                    checks.problems.add(place.cell(rows[row], -1, CsvMessages.duplicateKey(id.name(), t.name(),
                            id.display(row), t.display(row), place.row(rows[first]))));
                }
            }
        }
        if (checks.problems.size() > before) {
            return null;
        }
        return new Dataset(o.datasetName(), o.displayPath(), sha256, columns, rows.clone(), plans.idColumn(), plans.timeColumn());
    }
}
