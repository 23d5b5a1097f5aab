package dev.repro.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.data.Dataset;
import dev.repro.diag.Problems;
import dev.repro.study.Study;
import dev.repro.diag.ReproException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tables goal's entry point: a whole study rendered into target/repro, or nothing written on a mistake. */
class PublisherTest {
    @TempDir
    Path dir;

    Publisher.Request request(Map<String, Object> study, Path out) throws Exception {
        TableInputs in = ReportFixture.inputs();
        Map<String, Dataset> ds = new LinkedHashMap<>(in.datasets());
        Dataset g = ds.get("grunfeld");
        ds.put("grunfeld", new Dataset("grunfeld", "data/grunfeld.csv", "ab".repeat(32), g.columns(), g.lines(), "firm", "year"));
        Problems parse = new Problems();
        Study parsed = StudyFixture.study("study-tables.yaml", Files.createDirectories(dir.resolve("study")), parse);
        ReportSpecs specs = ReportSpecs.parse(parsed, parse);
        Publisher.Request r = new Publisher.Request("study.yaml", "cd".repeat(32), study,
                parsed.labels(), specs.tables(), specs.figures(), in.results(), ds, dir, dir.resolve("templates"), out,
                "0.1.0", null);
        assertEquals(List.of(), parse.list());
        return r;
    }

    @Test
    void writesEveryTableFigureAndTheReport() throws Exception {
        Map<String, Object> study = new LinkedHashMap<>(ReportFixture.yaml("study-tables.yaml"));
        study.put("title", "Opening up and CO2");
        study.put("models", Map.of("m1", Map.of("dataset", "grunfeld")));
        Path out = dir.resolve("target").resolve("repro");
        Publisher.Written w = Publisher.publish(request(study, out));
        assertEquals(40, w.tables().size());
        assertEquals(3, w.figures().size());
        assertTrue(Files.isRegularFile(out.resolve("tables").resolve("main.tex")));
        assertTrue(Files.isRegularFile(out.resolve("figures").resolve("map.svg")));
        String html = Files.readString(out.resolve("report").resolve("index.html"));
        assertTrue(html.contains("<dt>data/grunfeld.csv</dt><dd class=\"mono hash\">SHA-256 " + "ab".repeat(32) + "</dd>"), "provenance of main");
        assertTrue(html.contains("<code>tables.main: regression, models m1, m2, m3, m4, m5</code>"));
        assertTrue(html.contains("Not compared with a baseline"));
        assertTrue(html.contains(">Number of ids</th>"), "table labels apply");
        try (var s = Files.list(out.resolve("tables"))) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void writesNothingWhenAnEntryIsWrong() throws Exception {
        Map<String, Object> study = new LinkedHashMap<>();
        study.put("tables", Map.of("main", Map.of("models", List.of("m1", "nope"))));
        Path out = dir.resolve("out");
        TableInputs in = ReportFixture.inputs();
        Publisher.Request r = new Publisher.Request("study.yaml", "cd".repeat(32), study, Map.of(),
                List.of(TableSpec.Regression.of("main", "main", List.of("m1", "nope"))), List.of(), in.results(), in.datasets(), dir,
                dir.resolve("templates"), out, "0.1.0", null);
        ReproException e = assertThrows(ReproException.class, () -> Publisher.publish(r));
        assertEquals("Cannot render the tables and figures (1 problem):" + System.lineSeparator()
                + "  study.yaml: tables.main.models: no model named 'nope' in the results; name one of the study's models: m1, m2, m3, m4, m5, gmm",
                e.getMessage());
        assertFalse(Files.exists(out));
    }
}
