package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.diag.ReproException;
import dev.repro.io.Json;
import dev.repro.results.Results;
import dev.repro.results.ResultsJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Descriptive and yearly tables print numbers from results.json, so the drift gate checks them. */
class SummaryDriftTest {
    private static final Path PROJECT = Path.of("src/test/resources/projects/basic").toAbsolutePath();
    private static final String TABLES = """
              desc:
                kind: descriptive
                dataset: grunfeld
                variables: [inv, value]
              byyear:
                kind: yearly
                dataset: grunfeld
                variable: value
            """;

    private static Workspace copy(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("study.yaml"), Files.readString(PROJECT.resolve("study.yaml")).replace("tables:\n", "tables:\n" + TABLES));
        Files.copy(PROJECT.resolve("data/grunfeld.csv"), dir.resolve("data/grunfeld.csv"));
        return new Workspace(dir, dir.resolve("study.yaml"), dir.resolve("out"), dir.resolve("baseline.json"), null);
    }

    @Test
    void theSummariesAreInResultsJsonAndReadBack(@TempDir Path dir) throws Exception {
        Workspace ws = copy(dir);
        new Pipeline(ws, Reporter.SILENT, 1).estimate(false);
        Results r = ResultsFile.readResults(ws.resultsFile(), "results.json", "");
        assertEquals(200, r.summaries().get("desc").rows().get("value").n());
        assertEquals("year", r.summaries().get("byyear").time());
        assertEquals(21, r.summaries().get("byyear").rows().size(), "20 years and the total");
        assertEquals(r, ResultsJson.read(Json.mapper().readTree(ResultsJson.bytes(r))));
    }

    @Test
    void aColumnTimesHundredFailsCheckNamingTheDescriptiveCells(@TempDir Path dir) throws Exception {
        Workspace ws = copy(dir);
        new Pipeline(ws, Reporter.SILENT, 1).baseline();
        Path csv = dir.resolve("data/grunfeld.csv");
        String times100 = Files.readString(csv).lines().map(l -> {
            String[] c = l.split(",", -1);
            if (!c[3].equals("value")) {
                c[3] = String.format(Locale.ROOT, "%.6f", Double.parseDouble(c[3]) * 100);
            }
            return String.join(",", c);
        }).collect(Collectors.joining("\n", "", "\n"));
        assertTrue(Files.readString(csv).startsWith("firm,year,inv,value,capital"));
        Files.writeString(csv, times100);
        new Pipeline(ws, Reporter.SILENT, 1).estimate(false);
        ReproException e = assertThrows(ReproException.class, () -> new Pipeline(ws, Reporter.SILENT, 1).check(true));
        String m = e.problems().get(0).message();
        for (String item : new String[] {"summaries.desc.rows.value.mean", "summaries.desc.rows.value.sd", "summaries.desc.rows.value.min",
            "summaries.desc.rows.value.max", "summaries.byyear.rows.1935.mean", "summaries.byyear.rows.Total.mean"}) {
            assertTrue(m.matches("(?s).*\\n\\s*" + java.util.regex.Pattern.quote(item) + "\\s.*"), item + " in\n" + m);
        }
        assertTrue(!m.contains("summaries.desc.rows.inv."), m);
    }
}
