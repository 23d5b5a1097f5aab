package dev.repro.study;

import java.util.List;

/**
 * The optional schema of one dataset column: type (number, integer or text), bounds, allowed values and
 * whether missing cells are allowed. Null means "not constrained".
 */
public record ColumnSchema(String column, String type, Double min, Double max, List<String> allowed, boolean required,
                           Located at) {
    public ColumnSchema {
        allowed = allowed == null ? null : List.copyOf(allowed);
        if (type != null && !List.of("number", "integer", "text").contains(type)) {
            throw new IllegalArgumentException("type must be number, integer or text");
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("min > max");
        }
    }
}
