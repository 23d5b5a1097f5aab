package dev.repro.index.api;

import dev.repro.diag.Located;
import java.util.List;
import java.util.Map;

/**
 * One step of the study's {@code index:} section, as an immutable, validated record. Every step reads
 * datasets by name and creates one new dataset, {@link #output()}, which later steps and models can use.
 */
public interface IndexStepSpec {
    /** Where the step is written in the study file (for messages). */
    Located at();

    /** The step kind as written after {@code step:} in the study file. */
    String kind();

    /** Name of the dataset this step creates. */
    String output();

    /** Names of further datasets this step creates for later steps (e.g. a cell-level detail), in order. */
    default List<String> extraOutputs() {
        return List.of();
    }

    /** Names of the datasets this step reads, in the order of the manifest. */
    List<String> inputs();

    /** Every option with its effective value (defaults filled in), in a stable order, for the manifest. */
    Map<String, Object> parameters();
}
