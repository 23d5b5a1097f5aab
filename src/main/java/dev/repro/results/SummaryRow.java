package dev.repro.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One row of a summary table (a variable of a descriptive table, a period of a yearly table): the count of
 * non-missing values, mean, sample standard deviation (n - 1), minimum and maximum; a statistic that could not
 * be computed (no value, one value for the sd) is null and written as null.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"n", "mean", "sd", "min", "max"})
public record SummaryRow(long n, Double mean, Double sd, Double min, Double max) {
    public SummaryRow {
        mean = Numbers.finiteOrNull(mean);
        sd = Numbers.finiteOrNull(sd);
        min = Numbers.finiteOrNull(min);
        max = Numbers.finiteOrNull(max);
    }

    /** The statistic by its table key (n, mean, sd, min, max); NaN when it could not be computed. */
    public double get(String key) {
        Double v = switch (key) {
            case "n" -> (double) n;
            case "mean" -> mean;
            case "sd" -> sd;
            case "min" -> min;
            case "max" -> max;
            default -> throw new IllegalArgumentException("unknown statistic " + key);
        };
        return v == null ? Double.NaN : v;
    }
}
