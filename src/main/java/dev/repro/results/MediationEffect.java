package dev.repro.results;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.repro.io.Json;
import java.util.ArrayList;
import java.util.Set;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An effect of a mediation analysis (indirect, direct, total, a chain's specific indirect effects): the point
 * estimate, analytic normal tests of the indirect effect, and with a bootstrap its standard error, z, the
 * interval of the first method, the normal and percentile p-values and every interval by method name. A
 * bootstrap value that could not be computed stays NaN (written as null), so the bootstrap's keys come together.
 *
 * @param intervals bootstrap intervals [lower, upper] by method (percentile, bc), written as keys of their own
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"estimate", "sobel", "aroian", "goodman", "delta", "se", "z", "ciLower", "ciUpper", "p", "pPercentile"})
public record MediationEffect(Double estimate, NormalTest sobel, NormalTest aroian, NormalTest goodman, NormalTest delta,
                              Double se, Double z, Double ciLower, Double ciUpper, Double p, Double pPercentile,
                              Map<String, List<Double>> intervals) {
    public MediationEffect {
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        if (intervals != null) {
            intervals.forEach((k, v) -> copy.put(k, Numbers.finiteOrNull(v)));
        }
        intervals = Collections.unmodifiableMap(copy);
    }

    /** An effect known only by its estimate. */
    public static MediationEffect of(double estimate) {
        return new MediationEffect(estimate, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static final Set<String> NAMED = Set.of("estimate", "sobel", "aroian", "goodman", "delta", "se", "z", "ciLower",
            "ciUpper", "p", "pPercentile");

    /** Reads the JSON object: the named keys into their fields, every other key as an interval, in file order. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static MediationEffect read(ObjectNode node) throws JsonProcessingException {
        Map<String, List<Double>> intervals = new LinkedHashMap<>();
        for (var e : node.properties()) {
            if (!NAMED.contains(e.getKey())) {
                List<Double> bounds = new ArrayList<>();
                e.getValue().forEach(v -> bounds.add(number(v)));
                intervals.put(e.getKey(), bounds);
            }
        }
        return new MediationEffect(number(node.get("estimate")), test(node, "sobel"), test(node, "aroian"), test(node, "goodman"),
                test(node, "delta"), number(node.get("se")), number(node.get("z")), number(node.get("ciLower")),
                number(node.get("ciUpper")), number(node.get("p")), number(node.get("pPercentile")), intervals);
    }

    private static Double number(JsonNode v) {
        return v == null || !v.isNumber() ? null : v.doubleValue();
    }

    private static NormalTest test(ObjectNode node, String name) throws JsonProcessingException {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : Json.mapper().treeToValue(v, NormalTest.class);
    }

    @Override
    @JsonAnyGetter
    public Map<String, List<Double>> intervals() {
        return intervals;
    }
}
