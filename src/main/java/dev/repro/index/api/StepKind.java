package dev.repro.index.api;

import dev.repro.config.Fields;
import dev.repro.data.Dataset;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import java.util.List;

/**
 * One kind of index step (merge, entropy, winsorize, ...): how its keys are read from the study file and how
 * its dataset is built. Each kind lives in its own package and is registered in one place
 * ({@code dev.repro.index.StepKinds}); the plan parser and runner know kinds only through this interface.
 *
 * @param <S> the kind's immutable, validated spec
 */
public interface StepKind<S extends IndexStepSpec> {
    /** The kind as written after {@code step:} in the study file; also {@link IndexStepSpec#kind()} of its specs. */
    String name();

    /** The spec type this kind parses and builds. */
    Class<S> specType();

    /**
     * Reads the step's own keys (the plan parser has read {@code step} and {@code output} and calls
     * {@link Fields#finish()} afterwards): every key this kind knows is allowed and checked, every mistake is
     * recorded at its line and key, and null is returned after any mistake.
     *
     * @param context the study's datasets and names so far, and the shared helpers of step parsers
     * @param fields the step's mapping
     * @param at where the step is written
     * @param output the name of the dataset the step creates (null after a problem with it)
     */
    S parse(ParseContext context, Fields fields, Located at, String output);

    /**
     * Builds the step's dataset.
     *
     * @param inputs the datasets named by {@link IndexStepSpec#inputs()}, in that order
     * @return the result, or null after recording every problem found
     */
    StepResult build(S spec, List<Dataset> inputs, Problems problems);
}
