package dev.repro.study;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One table: its title, the models as columns in order, t statistics or standard errors below. */
public record TableSpec(String name, String title, List<String> models, String stat, Map<String, Object> options, Located at) {
    public TableSpec {
        Objects.requireNonNull(name, "name");
        models = List.copyOf(models);
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }
}
