package dev.repro.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything {@code estimate} computes (and, under {@code index}, what the index step built: per constructed
 * dataset its rows, columns, SHA-256 and tables such as the entropy weights), as written to {@code target/repro/results.json}: models and tests
 * keyed by their study ids in study order; further sections ({@code mediation}, {@code indices}, ...)
 * hold plain maps of names to numbers, strings, lists or maps so that templates and the drift check
 * can walk them without knowing each result type.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"models", "tests", "mediation", "index", "extra"})
public record Results(Map<String, ModelResult> models, Map<String, Map<String, Object>> tests,
                      Map<String, Map<String, Object>> mediation, Map<String, Object> index, Map<String, Object> extra) {
    public Results {
        models = models == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(models));
        tests = tests == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tests));
        mediation = mediation == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(mediation));
        index = index == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(index));
        extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }
}
