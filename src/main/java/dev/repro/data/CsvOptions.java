package dev.repro.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link CsvReader} needs to know about one dataset of the study: its names for messages, the
 * panel columns, the optional column schema and the missing-value tokens.
 *
 * <p>Study keys used in messages are derived from {@link #datasetKey()} (default
 * {@code datasets.<name>}): {@code .file}, {@code .id}, {@code .time} and {@code .columns.<column>}.
 */
public final class CsvOptions {
    /** Missing values by default: an empty cell, {@code NA} or {@code .} (the R and Stata conventions). */
    public static final List<String> DEFAULT_MISSING = List.of("", "NA", ".");

    private final String datasetName;
    private final String displayPath;
    private final String studyFile;
    private final String datasetKey;
    private final String idColumn;
    private final String timeColumn;
    private final Map<String, ColumnRule> schema;
    private final List<String> missing;
    private final int threads;

    private CsvOptions(Builder b) {
        this.datasetName = b.datasetName;
        this.displayPath = b.displayPath;
        this.studyFile = b.studyFile;
        this.datasetKey = b.datasetKey != null ? b.datasetKey : "datasets." + b.datasetName;
        this.idColumn = b.idColumn;
        this.timeColumn = b.timeColumn;
        this.schema = Collections.unmodifiableMap(new LinkedHashMap<>(b.schema));
        this.missing = List.copyOf(b.missing);
        this.threads = b.threads;
    }

    /**
     * @param datasetName the study's name of the dataset (becomes {@link Dataset#name()})
     * @param displayPath the file as the user wrote it in the study, e.g. {@code data/cigar.csv}; every
     *                    message about the file's content starts with it
     */
    public static Builder builder(String datasetName, String displayPath) {
        return new Builder(datasetName, displayPath);
    }

    public String datasetName() {
        return datasetName;
    }

    public String displayPath() {
        return displayPath;
    }

    /** The study file as the user knows it (default {@code study.yaml}): source of messages about study keys. */
    public String studyFile() {
        return studyFile;
    }

    /** The study key of the dataset, default {@code datasets.<name>}. */
    public String datasetKey() {
        return datasetKey;
    }

    public String fileKey() {
        return datasetKey + ".file";
    }

    public String idKey() {
        return datasetKey + ".id";
    }

    public String timeKey() {
        return datasetKey + ".time";
    }

    public String columnKey(String column) {
        return datasetKey + ".columns." + column;
    }

    /** The panel unit column, or null. */
    public String idColumn() {
        return idColumn;
    }

    /** The panel time column, or null. */
    public String timeColumn() {
        return timeColumn;
    }

    /** Declared columns in declaration order (unmodifiable). */
    public Map<String, ColumnRule> schema() {
        return schema;
    }

    /** Cell texts that mean "missing", compared exactly (no trimming, case-sensitive). */
    public List<String> missing() {
        return missing;
    }

    /** Threads that parse a CSV file's chunks (0: one per core); the result does not depend on it. */
    public int threads() {
        return threads;
    }

    public static final class Builder {
        private final String datasetName;
        private final String displayPath;
        private String studyFile = "study.yaml";
        private String datasetKey;
        private String idColumn;
        private String timeColumn;
        private final Map<String, ColumnRule> schema = new LinkedHashMap<>();
        private List<String> missing = DEFAULT_MISSING;
        private int threads;

        private Builder(String datasetName, String displayPath) {
            this.datasetName = Objects.requireNonNull(datasetName, "datasetName");
            this.displayPath = Objects.requireNonNull(displayPath, "displayPath");
        }

        public Builder studyFile(String file) {
            this.studyFile = Objects.requireNonNull(file, "studyFile");
            return this;
        }

        public Builder datasetKey(String key) {
            this.datasetKey = Objects.requireNonNull(key, "datasetKey");
            return this;
        }

        public Builder id(String column) {
            this.idColumn = column;
            return this;
        }

        public Builder time(String column) {
            this.timeColumn = column;
            return this;
        }

        public Builder column(String column, ColumnRule rule) {
            schema.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(rule, "rule"));
            return this;
        }

        public Builder schema(Map<String, ColumnRule> rules) {
            rules.forEach(this::column);
            return this;
        }

        public Builder missing(List<String> tokens) {
            this.missing = List.copyOf(tokens);
            return this;
        }

        /** Threads for reading a CSV file (as {@code repro.threads}: 0 means one per core). */
        public Builder threads(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("threads must be 0 (one per core) or more: " + count);
            }
            this.threads = count;
            return this;
        }

        public CsvOptions build() {
            return new CsvOptions(this);
        }
    }
}
