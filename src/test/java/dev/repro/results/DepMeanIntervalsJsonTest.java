package dev.repro.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** results.json keeps a model's depMean and a table's intervals (the drift gate flattens both), and leaves them out when absent. */
class DepMeanIntervalsJsonTest {
    @Test
    void roundTrip() throws Exception {
        ModelResult m = new ModelResult("y", "within", "iid", 10, null, null, null, null, null, null, null,
                Map.of("x", new CoefficientResult(1, 0.5, 2, 0.07)), null, List.of(), null, null).withDepMean(3.25);
        Results r = new Results(Map.of("m", m), Map.of(), Map.of(), Map.of())
                .withIntervals(Map.of("t", new IntervalTable(0.95, Map.of("m", Map.of("x", new IntervalTable.Interval(-0.1, null))))));
        String json = new String(ResultsJson.bytes(r), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"depMean\": 3.25"), json);
        assertTrue(json.contains("\"intervals\": {"), json);
        assertTrue(json.contains("\"high\": null"), json);
        Results back = ResultsJson.read(ResultsJson.tree(r));
        assertEquals(3.25, back.models().get("m").depMean());
        assertEquals(-0.1, back.intervals().get("t").models().get("m").get("x").low());
        assertNull(back.intervals().get("t").models().get("m").get("x").high());
        String without = new String(ResultsJson.bytes(new Results(Map.of("m", m.withDepMean(null)), Map.of(), Map.of(), Map.of())),
                StandardCharsets.UTF_8);
        assertFalse(without.contains("depMean") || without.contains("intervals"), without);
    }
}
