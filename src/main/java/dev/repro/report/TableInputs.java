package dev.repro.report;

import dev.repro.study.Label;

import dev.repro.data.Dataset;
import dev.repro.results.Results;
import java.util.Map;
import java.util.Objects;

/**
 * What tables are built from: the estimation results, the datasets (for descriptive and yearly tables),
 * the study's global {@code labels:} and the study file's name for problem messages.
 */
public record TableInputs(String source, Results results, Map<String, Dataset> datasets, Map<String, Label> labels) {
    public TableInputs {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(results, "results");
        datasets = Map.copyOf(datasets);
        labels = Map.copyOf(labels);
    }
}
