package dev.repro.report;

import dev.repro.diag.Problems;
import dev.repro.study.Label;
import java.util.List;
import java.util.Map;

/**
 * One kind of table: the words of {@code kind:} it takes, how it parses its entry's own keys into its spec
 * record (at validate, once, with positions), and how it builds its {@link TableModel} from the typed results.
 * A new kind is one class implementing this interface plus its line in {@link Tables#KINDS}.
 *
 * @param <S> the spec record of the kind
 */
interface TableKind<S extends TableSpec> {
    /** What every table has, read before the kind's own keys. */
    record Head(String id, String kind, Label title, Map<String, Label> labels, List<Label> notes, boolean siunitx) {
    }

    /** The words of {@code kind:} this class renders. */
    List<String> names();

    /** The spec record this kind renders. */
    Class<S> spec();

    /**
     * The kind's own keys (name every one with {@link SpecFields#known}) and its references into the study
     * ({@link SpecFields#refs}); null after any problem.
     */
    S parse(SpecFields e, Head head);

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
