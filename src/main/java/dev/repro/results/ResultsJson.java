package dev.repro.results;

import com.fasterxml.jackson.databind.JsonNode;
import dev.repro.io.Json;
import java.io.IOException;

/**
 * The one mapping between {@link Results} and results.json (and the baseline, which has the same layout): the
 * records' annotations fix the keys and their order, {@link Json} the number format.
 */
public final class ResultsJson {
    private ResultsJson() {
    }

    /** The bytes of results.json. */
    public static byte[] bytes(Results results) throws IOException {
        return Json.bytes(results);
    }

    /** The results held by a results.json tree. */
    public static Results read(JsonNode tree) throws IOException {
        return Json.mapper().treeToValue(tree, Results.class);
    }

    /** The results as the JSON tree results.json holds, for the drift gate to compare key by key. */
    public static JsonNode tree(Results results) {
        return Json.mapper().valueToTree(results);
    }
}
