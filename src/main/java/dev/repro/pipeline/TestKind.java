package dev.repro.pipeline;

import dev.repro.config.Fields;
import dev.repro.data.Dataset;
import dev.repro.diag.Problems;
import dev.repro.results.TestResult;
import dev.repro.study.TestSpec;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One kind of specification test, named by the {@code type:} of a study's test. A kind parses its own keys (at
 * validate, with their positions) and prepares the computation; it is registered once, in {@link TestKinds#KINDS}.
 */
interface TestKind {
    /** The {@code type:} word of the kind. */
    String word();

    /**
     * Reads the kind's own keys of the test entry into {@code options} (a key left out stays absent), reporting each
     * mistake at its key; the reader already knows type, dataset and sample and reports unknown keys afterwards.
     */
    void parse(Fields f, Map<String, Object> options);

    /** The study key a data-dependent failure of the test is reported at. */
    String failingKey();

    /** Checks the test's settings against its panel dataset; the computation to run, or null after problems. */
    Supplier<TestResult> prepare(TestSpec t, Dataset d, int threads, Problems problems);

    /** Puts a parsed value, leaving a key that was not written (or had a mistake) out. */
    static void put(Map<String, Object> options, String key, Object value) {
        if (value != null) {
            options.put(key, value);
        }
    }
}
