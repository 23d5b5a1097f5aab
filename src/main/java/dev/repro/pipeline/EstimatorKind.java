package dev.repro.pipeline;

import dev.repro.config.Fields;
import dev.repro.data.Dataset;
import dev.repro.diag.Problems;
import dev.repro.results.ModelResult;
import dev.repro.study.ModelSpec;
import java.util.List;
import java.util.Map;

/**
 * One estimator, named by a model's {@code estimator:} word. A kind parses its own keys (at validate, with their
 * positions), checks a model against its dataset, and estimates it into a {@link ModelResult}; it is registered
 * once, in {@link EstimatorKinds#KINDS}. Its numerical core lives in {@code dev.repro.estimate.<name>} (arrays in,
 * its own record out); the kind adapts the study and the data to that core and maps the core's record.
 */
interface EstimatorKind {
    /** The {@code estimator:} word of the kind. */
    String word();

    /** The kind's own study keys, beyond the keys every model has. */
    List<String> keys();

    /**
     * Reads the kind's own keys of the model entry into {@code options} (a key left out gets its default or stays
     * absent), reporting each mistake at its key; the reader reports keys of other kinds and unknown keys afterwards.
     */
    void parse(Fields f, Map<String, Object> options);

    /** Checks the model's formula, sample and settings against its dataset (validate), adding every problem. */
    void check(ModelSpec m, Dataset d, Problems problems);

    /**
     * As {@link #check(ModelSpec, Dataset, Problems)}, keeping what estimate can reuse in {@code frames} (the build's);
     * a kind that keeps nothing checks as without it.
     */
    default void check(ModelSpec m, Dataset d, ModelFrames frames, Problems problems) {
        check(m, d, problems);
    }

    /**
     * Estimates the model; null after problems. A statistic that cannot be computed fails the model at its key
     * unless it says {@code allowMissing: true} ({@link NotComputed#reported}); warnings go to {@code warnings}.
     */
    ModelResult estimate(ModelSpec m, Dataset d, Problems problems, List<String> warnings);

    /** As {@link #estimate(ModelSpec, Dataset, Problems, List)}, taking what the check kept in {@code frames}. */
    default ModelResult estimate(ModelSpec m, Dataset d, ModelFrames frames, Problems problems, List<String> warnings) {
        return estimate(m, d, problems, warnings);
    }
}
