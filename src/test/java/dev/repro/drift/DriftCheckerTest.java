package dev.repro.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.repro.io.Json;
import dev.repro.study.Tolerance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftCheckerTest {
    private static Map<String, Object> m(Object... kv) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.put((String) kv[i], kv[i + 1]);
        }
        return out;
    }

    private static DriftItem only(List<DriftItem> items) {
        assertEquals(1, items.size());
        return items.get(0);
    }

    private final DriftChecker checker = new DriftChecker(Tolerance.DEFAULT);

    @Test
    void withinTheRelativeAndAbsoluteBound() {
        DriftItem d = only(checker.compare(m("a.estimate", 100.0), m("a.estimate", 100.00009)));
        assertEquals(DriftItem.Status.OK, d.status());
        assertEquals(1e-9 + 1e-4, d.tolerance(), 1e-15);
        assertEquals(DriftItem.Status.DRIFT, only(checker.compare(m("a.estimate", 100.0), m("a.estimate", 100.0002))).status());
        // near zero the absolute part decides
        assertEquals(DriftItem.Status.OK, only(checker.compare(m("x", 0.0), m("x", 5e-10))).status());
        assertEquals(DriftItem.Status.DRIFT, only(checker.compare(m("x", 0.0), m("x", 2e-9))).status());
    }

    @Test
    void aSignFlipInsideToleranceIsDrift() {
        DriftChecker loose = new DriftChecker(new Tolerance(0, 1e-3));
        DriftItem d = only(loose.compare(m("models.m.coefficients.x.estimate", 1e-4), m("models.m.coefficients.x.estimate", -1e-4)));
        assertEquals(DriftItem.Status.SIGN, d.status());
        assertEquals("the sign changed", d.note());
    }

    @Test
    void aStarChangeInsideToleranceIsDrift() {
        DriftChecker loose = new DriftChecker(new Tolerance(0.01, 0));
        DriftItem d = only(loose.compare(m("models.m.coefficients.x.p", 0.0499), m("models.m.coefficients.x.p", 0.0501)));
        assertEquals(DriftItem.Status.STARS, d.status());
        assertEquals("significance changed from ** to *", d.note());
        assertEquals(DriftItem.Status.STARS, only(loose.compare(m("tests.dh.pZbar", 0.0999), m("tests.dh.pZbar", 0.1001))).status());
        assertEquals(DriftItem.Status.OK, only(loose.compare(m("tests.dh.pZbar", 0.02), m("tests.dh.pZbar", 0.0201))).status());
    }

    @Test
    void newMissingAndTexts() {
        List<DriftItem> items = checker.compare(m("a", 1.0, "b", "inv", "gone", 2.0), m("a", 1.0, "b", "sales", "added", 3.0));
        assertEquals(List.of(DriftItem.Status.OK, DriftItem.Status.DRIFT, DriftItem.Status.MISSING, DriftItem.Status.NEW),
                items.stream().map(DriftItem::status).toList());
        assertEquals("'inv' became 'sales'", items.get(1).note());
        assertEquals(DriftItem.Status.OK, only(checker.compare(m("n", Double.NaN), m("n", Double.NaN))).status());
        assertEquals(DriftItem.Status.DRIFT, only(checker.compare(m("n", Double.NaN), m("n", 1.0))).status());
    }

    @Test
    void rulesOverrideTheDefaultForMatchingItems() {
        Tolerance t = new Tolerance(1e-9, 0, List.of(new Tolerance.Rule("models.gmm.*", 1e-3, 0)), Tolerance.DEFAULT_STARS);
        DriftChecker c = new DriftChecker(t);
        assertEquals(DriftItem.Status.OK, only(c.compare(m("models.gmm.coefficients.x.estimate", 1.0), m("models.gmm.coefficients.x.estimate", 1.0005))).status());
        assertEquals(DriftItem.Status.DRIFT, only(c.compare(m("models.ols.coefficients.x.estimate", 1.0), m("models.ols.coefficients.x.estimate", 1.0005))).status());
    }

    @Test
    void flattensResultsTreesWithListIndices() throws Exception {
        JsonNode n = Json.mapper().readTree("{\"models\": {\"m\": {\"nobs\": 3, \"dropped\": [\"x\"], \"r2\": null}}}");
        assertEquals(m("models.m.nobs", 3.0, "models.m.dropped[0]", "x", "models.m.r2", Double.NaN), Flat.flatten(n));
    }

    @Test
    void tableAndJUnitReport(@TempDir Path dir) throws Exception {
        List<DriftItem> items = checker.compare(m("models.m.coefficients.x.estimate", 1.0, "ok", 2.0),
                m("models.m.coefficients.x.estimate", 1.5, "ok", 2.0));
        List<String> lines = DriftTable.lines(items);
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith("item"), lines.get(0));
        assertTrue(lines.get(1).matches("models\\.m\\.coefficients\\.x\\.estimate\\s+1\\.000000000\\s+1\\.500000000\\s+0\\.5000000000\\s+1\\.001000000e-06"), lines.get(1));
        Path xml = dir.resolve("TEST-repro-drift.xml");
        DriftReports.writeJUnit(xml, "repro-baseline.json", items);
        String s = Files.readString(xml);
        assertTrue(s.contains("<testsuite name=\"repro.drift\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\">"), s);
        assertTrue(s.contains("<failure type=\"DRIFT\" message=\"DRIFT: baseline 1.000000000, now 1.500000000, difference 0.5000000000, tolerance 1.001000000e-06\"/>"), s);
        assertTrue(s.contains("<testcase classname=\"repro-baseline.json\" name=\"ok\"/>"), s);
    }
}
