package dev.repro.report;

import dev.repro.diag.Problems;
import dev.repro.report.TableModel.Cell;
import dev.repro.report.TableModel.Row;
import dev.repro.study.Label;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The table kinds, registered in one place, and the entry point that builds a {@link TableModel} from a
 * {@link TableSpec} and the {@link TableInputs}. A reference to a model, test, dataset or column that does not
 * exist is a user mistake: it is added to {@code problems} (with the study key) and the table is not built.
 */
public final class Tables {
    /** Every table kind; one line per kind. */
    static final List<TableKind<?>> KINDS = List.of(new RegressionTable(), new DescriptiveTable(), new YearlyTable(),
            new WeightsTable(), new UnitRootTable(), new GrangerTable(), new MediationTable(), new TestsTable(), new IvTable());

    private Tables() {
    }

    /** The kind that takes a {@code kind:} word, or null. */
    static TableKind<?> named(String kind) {
        for (TableKind<?> k : KINDS) {
            if (k.names().contains(kind)) {
                return k;
            }
        }
        return null;
    }

    /** Every {@code kind:} word, in registration order. */
    static List<String> names() {
        List<String> out = new ArrayList<>();
        KINDS.forEach(k -> out.addAll(k.names()));
        return out;
    }

    /** Builds one table; null (with problems added) when it refers to something that does not exist. */
    public static TableModel build(TableSpec spec, TableInputs in, Problems problems) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(in, "in");
        return withMissingMarked(kindOf(spec).build(spec, in, problems));
    }

    /**
     * The guard of every kind: a number cell that is not a number (a NaN or an infinity formatted) becomes
     * {@link Cell#MISSING}, and a table with a missing cell carries the note that explains "n/a".
     */
    static TableModel withMissingMarked(TableModel t) {
        if (t == null) {
            return null;
        }
        boolean any = false;
        List<Row> body = new ArrayList<>();
        for (Row r : t.body()) {
            List<Cell> cells = new ArrayList<>();
            for (Cell c : r.cells()) {
                Cell out = c.num() != null && !c.num().numeric() ? Cell.MISSING : c;
                any |= out.equals(Cell.MISSING);
                cells.add(out);
            }
            body.add(new Row(r.kind(), cells, r.rule(), r.hidden()));
        }
        if (!any) {
            return t;
        }
        List<Label> notes = new ArrayList<>(t.notes());
        notes.add(Label.plain(Cell.MISSING_NOTE));
        return new TableModel(t.id(), t.kind(), t.title(), t.columns(), t.header(), body, notes, t.siunitx(), t.align());
    }

    /** What the table shows, for its provenance line. */
    static String describe(TableSpec spec) {
        return kindOf(spec).describe(spec);
    }

    /** The study entries the table reads. */
    static Reads inputs(TableSpec spec) {
        return kindOf(spec).inputs(spec);
    }

    /** The kind of a spec, typed to take it: each kind is registered with its own spec class. */
    @SuppressWarnings("unchecked")
    private static TableKind<TableSpec> kindOf(TableSpec spec) {
        for (TableKind<?> k : KINDS) {
            if (k.spec().isInstance(spec)) {
                return (TableKind<TableSpec>) k;
            }
        }
        throw new IllegalArgumentException("no table kind renders " + spec.getClass().getSimpleName());
    }
}
