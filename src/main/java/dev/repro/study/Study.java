package dev.repro.study;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The whole study as read from study.yaml or study.json: immutable, every entry validated at parse time
 * and keyed by its study id in file order. {@code source} is the study file as the user names it.
 */
public record Study(String source, String title, Long seed, Map<String, DatasetSpec> datasets, Map<String, String> labels,
                    Map<String, ModelSpec> models, Map<String, TestSpec> tests, Map<String, TableSpec> tables,
                    Tolerance tolerance) {
    public Study {
        Objects.requireNonNull(source, "source");
        datasets = freeze(datasets);
        labels = freeze(labels);
        models = freeze(models);
        tests = freeze(tests);
        tables = freeze(tables);
        Objects.requireNonNull(tolerance, "tolerance");
    }

    private static <V> Map<String, V> freeze(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** The display name of a variable: its label when the study gives one, else the name itself. */
    public String label(String name) {
        return labels.getOrDefault(name, name);
    }
}
