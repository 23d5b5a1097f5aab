package dev.repro.pipeline;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.repro.io.Json;
import dev.repro.results.IndexResult;
import dev.repro.results.MediationResult;
import dev.repro.results.TestResult;
import java.util.Map;

/**
 * Reads what the panel tests, the mediation analysis and the index step hand over as results.json entries
 * (ordered maps of their keys) into the typed records, through the one results.json mapping: a key that a
 * record does not know fails here, at estimate time, instead of vanishing from the file.
 */
final class ResultRecords {
    private static final TypeReference<Map<String, IndexResult>> INDEX = new TypeReference<>() {
    };

    private ResultRecords() {
    }

    static TestResult test(Map<String, Object> entry) {
        return Json.mapper().convertValue(entry, TestResult.class);
    }

    static MediationResult mediation(Map<String, Object> entry) {
        return Json.mapper().convertValue(entry, MediationResult.class);
    }

    static Map<String, IndexResult> index(Map<String, Object> section) {
        return Json.mapper().convertValue(section, INDEX);
    }
}
