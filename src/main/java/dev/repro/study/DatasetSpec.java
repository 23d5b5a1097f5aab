package dev.repro.study;

import dev.repro.diag.Located;

import dev.repro.data.ColumnRule;
import dev.repro.data.ReadOptions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A dataset of the study: a CSV file, its optional panel id and time columns, the texts that mean
 * "missing", the optional schema of its columns, where the data come from ({@code source}, for the
 * replication README) and whether they may be redistributed ({@code restricted: true} keeps the file out
 * of the replication package, which then lists only its name and SHA-256). {@code external: true} lets
 * {@code file} lie outside the project folder (every other path must be inside it); the replication
 * package then holds it under {@code data/external/}. {@code where} holds the position of every key under the
 * dataset ({@code datasets.grunfeld.columns.inv.min}), so that a problem the data layer finds about a key (it
 * knows no positions) is reported where the key is written. {@code read} says how a file that is not CSV is
 * read ({@code format:}, {@code sheet:}, {@code labels:} ...).
 */
public record DatasetSpec(String name, String file, String id, String time, List<String> missing,
                          Map<String, ColumnRule> columns, String source, boolean restricted, String sha256,
                          boolean external, Located at, Map<String, Located> where, ReadOptions read) {
    public DatasetSpec {
        read = read == null ? ReadOptions.defaults() : read;
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        missing = List.copyOf(missing);
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        where = Collections.unmodifiableMap(new LinkedHashMap<>(where));
    }

    /** A CSV dataset (or one whose format follows from its extension) with every reading default. */
    public DatasetSpec(String name, String file, String id, String time, List<String> missing,
                       Map<String, ColumnRule> columns, String source, boolean restricted, String sha256,
                       boolean external, Located at, Map<String, Located> where) {
        this(name, file, id, time, missing, columns, source, restricted, sha256, external, at, where, ReadOptions.defaults());
    }

    /** Where a study key under this dataset is written: the key itself, else its closest written parent. */
    public Located locate(String key) {
        for (String k = key; k != null; k = k.contains(".") ? k.substring(0, k.lastIndexOf('.')) : null) {
            Located l = where.get(k);
            if (l != null) {
                return l;
            }
        }
        return at;
    }
}
