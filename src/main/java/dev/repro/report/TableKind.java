package dev.repro.report;

import dev.repro.diag.Problems;
import dev.repro.study.TableSpec;

/**
 * One kind of table: the spec record it renders and how it builds its {@link TableModel} from the typed
 * results. A new kind is one class implementing this interface plus its line in {@link Tables#KINDS}.
 *
 * @param <S> the spec record of the kind
 */
interface TableKind<S extends TableSpec> {
    /** The spec record this kind renders. */
    Class<S> spec();

    /**
     * The table; null (with problems added, keyed by the table's study key) when it refers to something that
     * does not exist.
     */
    TableModel build(S spec, TableInputs in, Problems problems);

    /** What the table shows, for its provenance line: "regression, models m1, m2". */
    String describe(S spec);

    /** What the table reads, so that its provenance can list the data files behind it. */
    Reads inputs(S spec);

}
