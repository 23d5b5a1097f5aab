package dev.repro.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The numbers a table computes from data rather than from a model, under {@code summaries.<tableId>} of
 * results.json, so that the drift gate covers every number a table prints: a descriptive table's rows by
 * variable, a yearly table's rows by period (and "Total").
 *
 * @param kind the table kind (descriptive, yearly)
 * @param dataset the dataset summarised
 * @param time the time column of a yearly table, else null
 * @param rows the rows in table order, by variable name or period
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"kind", "dataset", "time", "rows"})
public record Summary(String kind, String dataset, String time, Map<String, SummaryRow> rows) {
    public Summary {
        Objects.requireNonNull(kind, "kind");
        rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    }
}
