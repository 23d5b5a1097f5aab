package dev.repro.study;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A dataset of the study: a CSV file, its optional panel id and time columns and its column schema. */
public record DatasetSpec(String name, String file, String id, String time, Map<String, ColumnSchema> columns, Located at) {
    public DatasetSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }
}
