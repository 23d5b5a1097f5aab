package dev.repro.index.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.repro.data.ColumnRule;
import dev.repro.data.CsvOptions;
import dev.repro.data.CsvReader;
import dev.repro.data.Dataset;
import dev.repro.diag.Located;
import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Test data for the index builders: committed CSVs, inline CSV text read by the real reader, golden JSON. */
public final class Fixtures {
    public static final Path RESOURCES = Path.of("src/test/golden/index");

    private Fixtures() {
    }

    /** The step location used in tests: study.yaml line 12 column 5, key as given. */
    public static Located at(String key) {
        return new Located("study.yaml", key, 12, 5);
    }

    /** A committed CSV of src/test/golden/index, named data/<file> in messages. */
    public static Dataset resource(String file, String name, String id, String time, String... textColumns) {
        return read(RESOURCES.resolve(file), "data/" + file, name, id, time, textColumns);
    }

    /** Inline CSV text, read by the plugin's reader so that rows keep their real line numbers. */
    public static Dataset csv(String display, String name, String id, String time, String text, String... textColumns) {
        try {
            Path f = Files.createTempFile("index-fixture", ".csv");
            try {
                Files.writeString(f, text, StandardCharsets.UTF_8);
                return read(f, display, name, id, time, textColumns);
            } finally {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Dataset read(Path file, String display, String name, String id, String time, String... textColumns) {
        CsvOptions.Builder b = CsvOptions.builder(name, display);
        for (String t : textColumns) {
            b.column(t, ColumnRule.of(ColumnRule.Type.TEXT));
        }
        if (id != null) {
            b.id(id);
        }
        if (time != null) {
            b.time(time);
        }
        Problems p = new Problems();
        Dataset ds = CsvReader.read(file, b.build(), p);
        assertEquals(List.of(), messages(p), "fixture " + display + " must read cleanly");
        assertNotNull(ds);
        return ds;
    }

    public static JsonNode json(String file) {
        try {
            return new ObjectMapper().readTree(RESOURCES.resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every problem as formatted for the build log. */
    public static List<String> messages(Problems p) {
        return p.list().stream().map(Problem::format).collect(Collectors.toList());
    }

    /** |a - b| <= rel * max(|a|, |b|) + abs. */
    public static void close(double expected, double actual, double rel, double abs, String what) {
        double tol = rel * Math.max(Math.abs(expected), Math.abs(actual)) + abs;
        if (!(Math.abs(expected - actual) <= tol)) {
            throw new AssertionError(what + ": expected " + expected + " but was " + actual + " (tolerance " + tol + ")");
        }
    }
}
