package dev.repro.study;

import dev.repro.diag.Located;

import dev.repro.data.ColumnRule;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A dataset of the study: a CSV file, its optional panel id and time columns, the texts that mean
 * "missing", the optional schema of its columns, where the data come from ({@code source}, for the
 * replication README) and whether they may be redistributed ({@code restricted: true} keeps the file out
 * of the replication package, which then lists only its name and SHA-256). {@code sha256At} is where the
 * expected SHA-256 is written (null without one), for the message when the file does not match it.
 */
public record DatasetSpec(String name, String file, String id, String time, List<String> missing,
                          Map<String, ColumnRule> columns, String source, boolean restricted, String sha256,
                          Located at, Located sha256At) {
    public DatasetSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        missing = List.copyOf(missing);
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }
}
