package dev.repro.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.repro.io.Json;
import dev.repro.study.Tolerance;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The head of a drift report, the input hashes of the baseline, and a table whose numeric columns hold numbers only. */
class DriftSummaryTest {
    private static DriftItem drift(String item, Double b, Double n) {
        return new DriftItem(item, b, n, b == null || n == null ? null : n - b, 1e-6, DriftItem.Status.DRIFT);
    }

    @Test
    void countsPerModelAndTestAndNamesTheLargestRelativeChangeLeavingPValuesBehind() {
        List<DriftItem> items = List.of(
                new DriftItem("models.fe.nobs", 200.0, 200.0, 0.0, 0.0, DriftItem.Status.OK),
                drift("models.fe.coefficients.value.estimate", 0.11, 0.1155),
                drift("models.fe.coefficients.value.p", 1e-6, 1e-5),
                drift("tests.hausman.statistic", -20.0, -22.0),
                drift("summaries.desc.rows[0].mean", 3.0, 3.0001),
                new DriftItem("models.re.warnings[0]", null, null, null, null, DriftItem.Status.NEW, "'x', not in the baseline"));
        assertEquals(List.of("drifted: 2 in model fe, 1 in model re, 1 in summary table desc, 1 in test hausman",
                "largest relative change: -10.00% at tests.hausman.statistic (baseline -20.00000000, now -22.00000000)"),
                DriftSummary.of(items).lines());
    }

    @Test
    void pValuesCountWhenNothingElseMovedAndTextsAloneHaveNoRelativeChange() {
        assertEquals("largest relative change: +900.00% at tests.h.p (baseline 1.000000000e-06, now 1.000000000e-05)",
                DriftSummary.of(List.of(drift("tests.h.p", 1e-6, 1e-5))).lines().get(1));
        DriftSummary texts = DriftSummary.of(List.of(new DriftItem("models.m.vcov", null, null, null, null,
                DriftItem.Status.DRIFT, "'hc1' became 'iid'"), drift("models.m.F", 0.0, 1.0)));
        assertNull(texts.largest());
        assertEquals(List.of("drifted: 2 in model m",
                "largest relative change: none (only texts, new or missing values, or values whose baseline is zero drifted)"),
                texts.lines());
        assertEquals("+0.000120%", DriftSummary.percent(1.2e-6));
        assertEquals("figure map", DriftSummary.group("figures.map[2].value"));
        assertEquals("top", DriftSummary.group("top"));
    }

    @Test
    void textsStayInTheNoteColumnOnOneLineSoTheNumbersStayAligned() {
        List<DriftItem> items = new DriftChecker(new Tolerance(1e-6, 0, List.of(), Tolerance.DEFAULT_STARS)).compare(
                Map.of("models.m.nobs", 10.0, "models.m.warnings[0]", "line one\nline two", "models.m.gone", 1.5),
                Map.of("models.m.nobs", 11.0, "models.m.warnings[0]", "x".repeat(100), "models.m.added", 2.5));
        List<String> lines = DriftTable.lines(items.stream().sorted((a, b) -> a.item().compareTo(b.item())).toList());
        assertEquals(List.of(
                "item                     baseline          now   difference        tolerance  note",
                "models.m.added                     2.500000000                                not in the baseline",
                "models.m.gone         1.500000000                                             not in the results",
                "models.m.nobs         10.00000000  11.00000000  1.000000000  1.000000000e-05",
                "models.m.warnings[0]                                                          'line one line two' became"
                        + " '" + "x".repeat(49) + "..."), lines);
    }

    @Test
    void theBaselineKeepsTheHashesAfterTheResultsAndTheGateLeavesThemOut(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("gas.csv");
        Files.writeString(csv, "a\n1\n");
        Map<String, String> hashes = BaselineInputs.hash(Map.of("data/gas.csv", csv, "data/none.csv", dir.resolve("none.csv")));
        assertEquals(Map.of("data/gas.csv", "309b0e45a73d3fc5325e2b6ed0a01ef8b9cde6b05a5633c1f893f970d52bfddc"), hashes);
        JsonNode results = Json.mapper().readTree("{\"models\": {\"m\": {\"nobs\": 3}}}");
        byte[] bytes = BaselineInputs.baseline(results, Map.of("study.yaml", "bb", "data/gas.csv", "aa"));
        assertEquals("{\n  \"models\": {\n    \"m\": {\n      \"nobs\": 3\n    }\n  },\n  \"inputs\": {\n"
                + "    \"data/gas.csv\": \"aa\",\n    \"study.yaml\": \"bb\"\n  }\n}\n", new String(bytes, StandardCharsets.UTF_8));
        JsonNode baseline = Json.mapper().readTree(bytes);
        assertEquals(Map.of("data/gas.csv", "aa", "study.yaml", "bb"), BaselineInputs.recorded(baseline));
        assertEquals(Map.of("models.m.nobs", 3.0), Flat.flatten(BaselineInputs.results(baseline)));
        assertTrue(baseline.has("inputs"), "the results copy leaves the baseline itself alone");
        assertNull(BaselineInputs.recorded(results));
    }

    @Test
    void describesChangedAddedAndDroppedInputs() {
        assertEquals("inputs: data/gas.csv changed since the baseline; data/new.csv is read now but not by the baseline;"
                        + " data/old.csv, data/older.csv were read by the baseline but not now",
                BaselineInputs.describe(Map.of("data/gas.csv", "a", "data/old.csv", "b", "data/older.csv", "c", "study.yaml", "s"),
                        new TreeMap<>(Map.of("data/gas.csv", "A", "data/new.csv", "n", "study.yaml", "s"))));
        assertEquals("inputs: the input file is unchanged since the baseline (SHA-256), so the plugin or its settings made"
                + " the difference", BaselineInputs.describe(Map.of("study.yaml", "s"), Map.of("study.yaml", "s")));
    }
}
