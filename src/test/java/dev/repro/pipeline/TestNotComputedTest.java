package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.repro.diag.Problem;
import dev.repro.diag.ReproException;
import dev.repro.results.HausmanTest;
import dev.repro.results.LlcTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A panel test (unit root, Granger, Hausman) whose statistic cannot be computed fails estimate at the test's key,
 * naming the statistics and the reason, unless the test says {@code allowMissing: true} (as models do).
 */
class TestNotComputedTest {
    @TempDir
    Path dir;

    /** Grunfeld with one cell of 'value' at 1e200: any statistic built on its square overflows. */
    private Workspace project(String tests) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        try (InputStream in = getClass().getResourceAsStream("/datasets/grunfeld.csv")) {
            List<String> lines = new ArrayList<>(new String(in.readAllBytes()).lines().toList());
            String[] c = lines.get(5).split(",", -1);
            assertEquals("\"value\"", lines.get(0).split(",")[3]);
            c[3] = "1e200";
            lines.set(5, String.join(",", c));
            Files.write(dir.resolve("data/grunfeld.csv"), lines);
        }
        Files.writeString(dir.resolve("study.yaml"), """
                datasets:
                  grunfeld:
                    file: data/grunfeld.csv
                    id: firm
                    time: year
                tests:
                """ + tests);
        return new Workspace(dir, dir.resolve("study.yaml"), dir.resolve("target"), dir.resolve("baseline.json"), null);
    }

    private List<String> problems(String tests) throws Exception {
        Workspace ws = project(tests);
        ReproException e = assertThrows(ReproException.class, () -> new Pipeline(ws, Reporter.SILENT, 1).estimate(true));
        assertFalse(Files.exists(ws.resultsFile()), "a failed estimate leaves no results.json");
        return e.problems().stream().map(Problem::format).toList();
    }

    @Test
    void aHausmanStatisticThatOverflowsFailsAtTheTestKey() throws Exception {
        assertEquals(List.of("study.yaml:7:9: tests.haus: could not compute statistic, p (overflow: 'value' has the value "
                        + "1.00000e+200, whose square exceeds the largest double; rescale the column); fix the data or the test, "
                        + "or set allowMissing: true on the test to keep them as null (n/a in tables)"),
                problems("  haus: {type: hausman, dataset: grunfeld, formula: \"inv ~ value + capital\"}\n"));
    }

    @Test
    void withAllowMissingTheStatisticStaysNullWithAWarning() throws Exception {
        Workspace ws = project("  haus: {type: hausman, dataset: grunfeld, formula: \"inv ~ value + capital\", allowMissing: true}\n");
        List<String> warnings = new ArrayList<>();
        Reporter log = new Reporter() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
                warnings.add(message);
            }
        };
        new Pipeline(ws, log, 1).estimate(true);
        JsonNode haus = new ObjectMapper().readTree(ws.resultsFile().toFile()).get("tests").get("haus");
        assertTrue(haus.get("statistic") == null || haus.get("statistic").isNull(), haus.toString());
        assertEquals(List.of("tests.haus: could not compute statistic, p (overflow: 'value' has the value 1.00000e+200, whose "
                + "square exceeds the largest double; rescale the column); kept as null (allowMissing: true), shown as n/a"), warnings);
    }

    @Test
    void allowMissingMustBeABoolean() throws Exception {
        List<String> ps = problems("  haus: {type: hausman, dataset: grunfeld, formula: \"inv ~ capital\", allowMissing: maybe}\n");
        assertEquals(1, ps.size(), ps.toString());
        assertTrue(ps.get(0).startsWith("study.yaml:7:") && ps.get(0).contains("tests.haus.allowMissing"), ps.get(0));
    }

    @Test
    void onlyTheStatisticsAKindAlwaysReportsCount() {
        assertEquals(List.of("statistic", "p"), TestNotComputed.statistics(LlcTest.of("x", Double.NaN, Double.NaN)));
        assertEquals(List.of("p"), TestNotComputed.statistics(HausmanTest.of(3.0, 2, Double.NaN)));
        assertEquals(List.of(), TestNotComputed.statistics(HausmanTest.of(3.0, 2, 0.2)));
    }
}
