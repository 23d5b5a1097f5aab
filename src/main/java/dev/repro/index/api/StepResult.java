package dev.repro.index.api;

import dev.repro.data.Dataset;
import java.util.List;
import java.util.Objects;

/**
 * What a step built: its dataset (named {@code spec.output()}), any further datasets it offers to later steps
 * (each under its own name, e.g. the cell-level detail of export quality), and its auxiliary tables.
 *
 * @param notes facts the user should know that are not mistakes (e.g. constant indicators with weight zero)
 */
public record StepResult(IndexStepSpec spec, Dataset dataset, List<Dataset> extras, List<AuxTable> tables, List<String> notes) {
    public StepResult {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(dataset, "dataset");
        extras = List.copyOf(extras);
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
    }

    public StepResult(IndexStepSpec spec, Dataset dataset, List<AuxTable> tables, List<String> notes) {
        this(spec, dataset, List.of(), tables, notes);
    }

    public AuxTable table(String name) {
        for (AuxTable t : tables) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }
}
