package dev.repro.index.derive;

import dev.repro.index.api.IndexStepSpec;
import dev.repro.diag.Located;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Derived columns: each a name and an expression of the formula package ({@code + - * / ^}, {@code log},
 * {@code exp}, {@code sqrt}, {@code abs}, {@code L(x, k)} and {@code D(x, k)} within the panel unit,
 * {@code ifelse}), computed in order, so a later column may use an earlier one.
 */
public record DeriveSpec(Located at, String dataset, String output, List<Derived> columns) implements IndexStepSpec {
    public static final String KIND = "derive";

    /** One derived column; {@code at} is where its expression is written. */
    public record Derived(String name, String expression, Located at) {
        public Derived {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(expression, "expression");
            Objects.requireNonNull(at, "at");
        }
    }

    public DeriveSpec {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(output, "output");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("derive needs at least one column");
        }
        Set<String> seen = new HashSet<>();
        for (Derived d : columns) {
            if (!seen.add(d.name())) {
                throw new IllegalArgumentException("column " + d.name() + " derived twice");
            }
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<String> inputs() {
        return List.of(dataset);
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", dataset);
        Map<String, Object> cols = new LinkedHashMap<>();
        for (Derived d : columns) {
            cols.put(d.name(), d.expression());
        }
        m.put("columns", cols);
        return m;
    }
}
