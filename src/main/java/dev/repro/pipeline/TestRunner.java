package dev.repro.pipeline;

import dev.repro.data.Dataset;
import dev.repro.estimate.ModelResult;
import dev.repro.study.Problems;
import dev.repro.study.Study;
import dev.repro.study.TestSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** Checks and runs the study's specification tests. */
final class TestRunner {
    private TestRunner() {
    }

    static void check(Study study, Map<String, Dataset> data, java.util.Set<String> only, Problems problems) {
        for (TestSpec t : study.tests().values()) {
            if (!only.contains(t.dataset())) {
                continue;
            }
            problems.add(t.where("type").problem("test type '" + t.type() + "' is not available in this version of the plugin"));
        }
    }

    static Map<String, Map<String, Object>> run(Study study, Map<String, Dataset> data, Map<String, ModelResult> models,
                                                int threads, Problems problems) {
        check(study, data, data.keySet(), problems);
        return new LinkedHashMap<>();
    }
}
