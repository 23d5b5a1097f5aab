package dev.repro.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.repro.diag.Problems;
import dev.repro.io.Sha256;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files written by R's write.csv from plm's Cigar and Produc (and an edited copy with quotes, commas,
 * UTF-8 text, line breaks inside values and NA cells) read the same as R's read.csv reads them.
 * Reference: src/test/golden/csv/export.R, output src/test/golden/csv/golden-summary.json; cigar and produc are
 * the shared copies in src/test/golden/datasets, produc_edge is made by export.R beside it.
 * Tolerances: counts, types, levels, min, max, first, last and record lines exact (both sides
 * round each decimal correctly); column sums relative 1e-12 (R accumulates in long double).
 */
class CsvReaderGoldenTest {
    private static final double SUM_RTOL = 1e-12;
    private static JsonNode golden;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = CsvReaderGoldenTest.class.getResourceAsStream("/csv/golden-summary.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        assertEquals("2.6.2", golden.path("meta").path("plm").asText());
    }

    private static String folder(String name) {
        return name.equals("produc_edge") ? "csv" : "datasets";
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(CsvReaderGoldenTest.class.getResource("/" + folder(name) + "/" + name + ".csv").toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cigar", "produc", "produc_edge"})
    void readsWhatRReads(String name) throws Exception {
        JsonNode g = golden.path("datasets").path(name);
        Problems problems = new Problems();
        CsvOptions options = CsvOptions.builder(name, "src/test/golden/" + folder(name) + "/" + name + ".csv")
                .id("state").time("year").build();
        Dataset d = CsvReader.read(resource(name), options, problems);
        assertNotNull(d, () -> problems.list().toString());
        assertEquals(g.path("rows").asInt(), d.rows());
        List<String> columns = new ArrayList<>();
        g.path("columns").forEach(c -> columns.add(c.asText()));
        assertEquals(columns, d.columnNames());
        int[] lines = new int[d.rows()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = g.path("lines").get(i).asInt();
        }
        assertArrayEquals(lines, d.lines());
        assertEquals(Sha256.of(resource(name)), d.sha256());

        for (String c : columns) {
            JsonNode s = g.path("data").path(c);
            Column col = d.column(c);
            String what = name + "." + c;
            int missing = 0;
            for (int i = 0; i < d.rows(); i++) {
                missing += col.isMissing(i) ? 1 : 0;
            }
            assertEquals(s.path("missing").asInt(), missing, what);
            if ("numeric".equals(s.path("type").asText())) {
                assertTrue(col instanceof NumericColumn, what + " is numeric in R");
                double[] v = ((NumericColumn) col).values();
                double sum = 0;
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                int n = 0;
                for (double x : v) {
                    if (!Double.isNaN(x)) {
                        sum += x;
                        min = Math.min(min, x);
                        max = Math.max(max, x);
                        n++;
                    }
                }
                assertEquals(s.path("n").asInt(), n, what);
                double rs = s.path("sum").asDouble();
                assertEquals(rs, sum, Math.abs(rs) * SUM_RTOL, what + " sum");
                assertEquals(s.path("min").asDouble(), min, 0.0, what + " min");
                assertEquals(s.path("max").asDouble(), max, 0.0, what + " max");
                assertEquals(s.path("first").asDouble(), v[0], 0.0, what + " first");
                assertEquals(s.path("last").asDouble(), v[v.length - 1], 0.0, what + " last");
            } else {
                assertTrue(col instanceof TextColumn, what + " is text in R");
                TextColumn t = (TextColumn) col;
                List<String> levels = new ArrayList<>();
                s.path("levels").forEach(l -> levels.add(l.asText()));
                assertEquals(levels, List.of(t.levels()), what + " levels in order of first appearance");
                assertEquals(s.path("first").asText(), t.get(0), what);
                assertEquals(s.path("last").asText(), t.get(t.size() - 1), what);
            }
        }
    }
}
