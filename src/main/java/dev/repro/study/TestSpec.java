package dev.repro.study;

import dev.repro.diag.Located;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One specification test: {@code type} is hausman, unitroot or granger; the remaining settings are in
 * {@code options} (type-checked, keyed by study key), with their positions in {@code keyLocations}.
 */
public record TestSpec(String name, String type, String dataset, Map<String, Object> options, Located at,
                       Map<String, Located> keyLocations) {
    public TestSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(dataset, "dataset");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        keyLocations = Collections.unmodifiableMap(new LinkedHashMap<>(keyLocations));
    }

    public Located where(String key) {
        return keyLocations.getOrDefault(key, at);
    }

    public String string(String key) {
        Object o = options.get(key);
        return o == null ? null : o.toString();
    }

    public int integer(String key, int defaultValue) {
        Object o = options.get(key);
        return o == null ? defaultValue : ((Number) o).intValue();
    }
}
