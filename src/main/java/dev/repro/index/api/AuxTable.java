package dev.repro.index.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An auxiliary output of a step (the entropy weights, yearly statistics, winsorizing cut points, ...):
 * a named table of rows with fixed columns, written next to the dataset as {@code <output>.<name>.csv}.
 */
public record AuxTable(String name, List<String> columns, List<Map<String, Object>> rows) {
    public AuxTable {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public static AuxTable of(String name, List<? extends TableRow> rows, List<String> columns) {
        List<Map<String, Object>> maps = new ArrayList<>(rows.size());
        for (TableRow r : rows) {
            maps.add(r.toMap());
        }
        return new AuxTable(name, columns, maps);
    }
}
