package dev.repro.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.repro.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one results.json mapping: the example paper's results read into records and written back byte for byte. */
class ResultsJsonTest {
    private static final Path EXAMPLE = Path.of("example-project/repro-baseline.json");

    /** The baseline's results: all of it but the SHA-256 of the inputs that repro:baseline records beside them. */
    static ObjectNode exampleTree() throws Exception {
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(Files.readAllBytes(EXAMPLE));
        tree.remove("inputs");
        return tree;
    }

    static Results example() throws Exception {
        return ResultsJson.read(exampleTree());
    }

    @Test
    void theExampleResultsRoundTripByteForByte() throws Exception {
        byte[] bytes = Json.bytes(exampleTree());
        Results results = example();
        assertArrayEquals(bytes, ResultsJson.bytes(results));
        assertEquals(results, ResultsJson.read(ResultsJson.tree(results)));
    }

    @Test
    void everyKindIsItsOwnRecord() throws Exception {
        Results r = example();
        assertInstanceOf(HausmanTest.class, r.tests().get("hausman"));
        assertInstanceOf(LlcTest.class, r.tests().get("llc_ce"));
        assertInstanceOf(FisherTest.class, r.tests().get("fpp_ce"));
        assertEquals(FisherTest.PP, r.tests().get("fpp_ce").test());
        assertInstanceOf(GrangerTest.class, r.tests().get("dh"));
        assertInstanceOf(GmmInfo.class, r.models().get("gmm").info());
        assertInstanceOf(LinearInfo.class, r.models().get("m1").info());
        assertNull(r.models().get("gmm").diagnostics().get("ar1").df());
        MediationResult m = r.mediation().values().iterator().next();
        assertEquals(List.of("percentile", "bc"), List.copyOf(m.indirect().intervals().keySet()));
        assertTrue(r.index().values().iterator().next().tables() != null);
    }

    @Test
    void aStatisticThatCouldNotBeComputedStaysNull() throws Exception {
        HausmanTest h = new HausmanTest(null, Double.NaN, 3, null, "chisq", List.of("x"), List.of(1.0), List.of(Double.NaN),
                Double.NaN, 0, 0, "h0", "h1", List.of());
        Results r = new Results(Map.of(), Map.of("h", h), Map.of(), Map.of());
        JsonNode written = Json.mapper().readTree(ResultsJson.bytes(r)).get("tests").get("h");
        assertTrue(written.get("sdDifference").get(0).isNull(), written.toString());
        assertFalse(written.has("statistic"), written.toString());
        HausmanTest back = (HausmanTest) ResultsJson.read(ResultsJson.tree(r)).tests().get("h");
        assertNull(back.statistic());
        assertNull(back.p());
        assertEquals(h, back);
        assertEquals(Map.of("df", 3.0, "positiveDefinite", 0.0, "negative", 0.0), back.numbers());
    }
}
