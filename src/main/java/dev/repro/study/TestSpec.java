package dev.repro.study;

import dev.repro.config.Node;
import dev.repro.diag.Located;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One specification test: {@code type} is the word of its test kind as written (null when missing; the kind
 * registry checks it); the settings are in {@code options} (type-checked, keyed by study key), with their
 * positions in {@code keyLocations}. As parsed from the study, {@code options} holds only {@code sample}: the kind
 * parses its own keys from {@code node} ({@link #withOptions}); {@code node} is null for a test built in code.
 */
public record TestSpec(String name, String type, String dataset, Map<String, Object> options, Located at,
                       Map<String, Located> keyLocations, Node node) {
    public TestSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataset, "dataset");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        keyLocations = Collections.unmodifiableMap(new LinkedHashMap<>(keyLocations));
    }

    /** A test built in code, with all its options. */
    public TestSpec(String name, String type, String dataset, Map<String, Object> options, Located at,
                    Map<String, Located> keyLocations) {
        this(name, Objects.requireNonNull(type, "type"), dataset, options, at, keyLocations, null);
    }

    /** This test with the options its kind parsed. */
    public TestSpec withOptions(Map<String, Object> parsed) {
        return new TestSpec(name, type, dataset, parsed, at, keyLocations, node);
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
