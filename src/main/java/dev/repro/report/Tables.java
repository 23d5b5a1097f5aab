package dev.repro.report;

import dev.repro.diag.Problems;
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
            new WeightsTable(), new UnitRootTable(), new GrangerTable(), new MediationTable(), new TestsTable());

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
        return kindOf(spec).build(spec, in, problems);
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
