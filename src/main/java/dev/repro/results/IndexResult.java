package dev.repro.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dataset the index step built, under {@code index.<dataset>} of results.json, so that the drift gate covers
 * it: the step kind, its size and columns, the SHA-256 of its CSV (null when it was not written) and, for a
 * step's main output, its auxiliary tables (entropy weights, yearly statistics, cut points: rows of named
 * cells, each step kind with its own columns) and notes. An extra output of a step has neither.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"step", "rows", "columns", "sha256", "tables", "notes"})
public record IndexResult(String step, int rows, List<String> columns, @JsonInclude(JsonInclude.Include.ALWAYS) String sha256,
                          Map<String, List<Map<String, Object>>> tables, List<String> notes) {
    public IndexResult {
        columns = List.copyOf(columns);
        if (tables != null) {
            Map<String, List<Map<String, Object>>> copy = new LinkedHashMap<>();
            tables.forEach((name, rowsOf) -> copy.put(name, rowsOf.stream()
                    .map(IndexResult::row).toList()));
            tables = Collections.unmodifiableMap(copy);
        }
        notes = notes == null ? null : List.copyOf(notes);
    }

    /** A row of an auxiliary table, a non-finite number as null (as the JSON holds it). */
    private static Map<String, Object> row(Map<String, Object> cells) {
        Map<String, Object> out = new LinkedHashMap<>();
        cells.forEach((k, v) -> out.put(k, v instanceof Double d ? Numbers.finiteOrNull(d) : v));
        return Collections.unmodifiableMap(out);
    }
}
