package dev.repro.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The confidence intervals a regression table with {@code stat: ci} prints, under {@code intervals.<tableId>} of
 * results.json, so that the drift gate covers them as it covers the coefficients: per model id, per coefficient key,
 * the interval at {@code level} from the model's own inference (t on the model's test degrees of freedom, or the
 * normal for z statistics). An end that could not be computed is null and prints as n/a.
 *
 * @param level the confidence level (0.95)
 * @param models model id to coefficient key to interval, in table order
 */
@JsonPropertyOrder({"level", "models"})
public record IntervalTable(double level, Map<String, Map<String, IntervalTable.Interval>> models) {
    public IntervalTable {
        Map<String, Map<String, Interval>> copy = new LinkedHashMap<>();
        models.forEach((m, terms) -> copy.put(m, Collections.unmodifiableMap(new LinkedHashMap<>(terms))));
        models = Collections.unmodifiableMap(copy);
    }

    /** One interval; an end that is not a finite number is null. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"low", "high"})
    public record Interval(Double low, Double high) {
        public Interval {
            low = Numbers.finiteOrNull(low);
            high = Numbers.finiteOrNull(high);
        }
    }
}
