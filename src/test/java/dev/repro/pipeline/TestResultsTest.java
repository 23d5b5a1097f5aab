package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.repro.estimate.paneltest.Hausman;
import dev.repro.io.Json;
import dev.repro.results.GrangerTest;
import dev.repro.results.HausmanTest;
import dev.repro.results.LlcTest;
import dev.repro.results.TestResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each panel test's record maps to the same results.json text as before the estimators returned records: the golden
 * file src/test/golden/results/test-kinds.json was written by the map-based code (its generator key) from the panels
 * of {@link TestKindPanels}; one case per kind, plus the variants that add or drop keys (selected lags, notes, the
 * regression-based Hausman test, a bootstrap, a Z-bar tilde that cannot be computed).
 */
class TestResultsTest {
    private static final Path GOLDEN = Path.of("src/test/golden/results/test-kinds.json");

    static Map<String, TestResult> mapped() {
        Map<String, TestResult> t = new LinkedHashMap<>();
        t.put("hausman", TestResults.hausman(TestKindPanels.hausman(Hausman.Variant.CHISQ)));
        t.put("hausman_regression", TestResults.hausman(TestKindPanels.hausman(Hausman.Variant.REGRESSION)));
        t.put("llc_selected", TestResults.llc("y", TestKindPanels.llcSelected()));
        t.put("llc_short", TestResults.llc("y", TestKindPanels.llcShort()));
        t.put("ips", TestResults.ips("y", TestKindPanels.ips()));
        t.put("fisher_adf", TestResults.fisher("x", TestKindPanels.fisherAdf()));
        t.put("fisher_pp", TestResults.fisher("x", TestKindPanels.fisherPp()));
        t.put("granger_bootstrap", TestResults.granger("x", "y", TestKindPanels.grangerBootstrap()));
        t.put("granger_short", TestResults.granger("x", "y", TestKindPanels.grangerShort()));
        return t;
    }

    @Test
    void everyKindWritesTheSameJsonAsBefore() throws Exception {
        String golden = Files.readString(GOLDEN, StandardCharsets.UTF_8);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("generator", Json.mapper().readTree(golden).get("generator").asText());
        out.put("tests", mapped());
        assertEquals(golden, new String(Json.bytes(out), StandardCharsets.UTF_8));
    }

    @Test
    void whatCannotBeComputedIsNullInTheRecord() {
        Map<String, TestResult> t = mapped();
        HausmanTest h = assertInstanceOf(HausmanTest.class, t.get("hausman"));
        assertNull(h.sdDifference().get(0)); // V_b - V_B not positive here: sqrt of a negative variance
        assertEquals(1, h.negative());
        assertEquals(0, h.positiveDefinite());
        HausmanTest aux = assertInstanceOf(HausmanTest.class, t.get("hausman_regression"));
        assertNull(aux.sdDifference());
        assertNull(aux.minEigenvalue());
        GrangerTest g = assertInstanceOf(GrangerTest.class, t.get("granger_short"));
        assertNull(g.zbarTilde());
        assertNull(g.pZbarTilde());
        assertNull(g.bootReps());
        assertEquals(0.5, assertInstanceOf(LlcTest.class, t.get("llc_selected")).lags());
        assertEquals(1, assertInstanceOf(LlcTest.class, t.get("llc_short")).lags());
    }

    @Test
    void theLagOrderIsAnIntegerUnlessItDiffersByUnit() {
        assertEquals(2, TestResults.lagOrder(new int[] {2, 2, 2}));
        assertEquals(0, TestResults.lagOrder(new int[0]));
        assertEquals(1.5, TestResults.lagOrder(new int[] {1, 2}));
    }
}
