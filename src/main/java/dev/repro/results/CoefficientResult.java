package dev.repro.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A coefficient as results.json holds it: estimate, standard error, t (or z) statistic, p-value. A value that
 * could not be computed is NaN here and null in the JSON (and NaN again when read back).
 */
@JsonPropertyOrder({"estimate", "stdError", "t", "p"})
public record CoefficientResult(double estimate, double stdError, double t, double p) {
    @JsonCreator
    static CoefficientResult read(@JsonProperty("estimate") Double estimate, @JsonProperty("stdError") Double stdError,
                                  @JsonProperty("t") Double t, @JsonProperty("p") Double p) {
        return new CoefficientResult(nanIfNull(estimate), nanIfNull(stdError), nanIfNull(t), nanIfNull(p));
    }

    private static double nanIfNull(Double v) {
        return v == null ? Double.NaN : v;
    }
}
