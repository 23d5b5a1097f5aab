package dev.repro.report;

import java.util.List;
import java.util.Objects;

/**
 * Where a table or figure comes from, shown under it in the report: the study entry (e.g.
 * {@code tables.main: models twfe, dgmm}), the input files with their SHA-256 and the plugin version.
 */
public record Provenance(String studyEntry, List<InputFile> inputs, String pluginVersion) {
    public Provenance {
        Objects.requireNonNull(studyEntry, "studyEntry");
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(pluginVersion, "pluginVersion");
    }

    /** An input file as the study names it and the lower-case hex SHA-256 of its bytes. */
    public record InputFile(String path, String sha256) {
        public InputFile {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(sha256, "sha256");
        }
    }
}
