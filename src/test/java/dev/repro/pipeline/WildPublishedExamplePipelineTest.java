package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published boottest example through a study: Stata's nlsw88 (src/test/golden/wild/nlsw88-PROVENANCE.md),
 * {@code regress wage tenure ttl_exp collgrad, cluster(industry)} then {@code boottest tenure, reps(9999)}. boottest's
 * unit-test log (droodman/boottest commit a67e4f2, "unit tests.log" lines 329-335) prints t(11) = 1.0772: matched at
 * its printed precision. With 2^12 = 4096 &lt;= 9999 the draws are enumerated (as boottest does then), and the p-value
 * and interval equal wild.R's refits (golden case nlsw88_tenure); the comparison of those exact values with the log's
 * 999 random draws is WildPublishedExampleTest's.
 */
class WildPublishedExamplePipelineTest {
    @Test
    void regressThenBoottestTenure(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("src/test/golden/wild/nlsw88.csv"), dir.resolve("data/nlsw88.csv"));
        Files.writeString(dir.resolve("study.yaml"), """
                seed: 20190301
                datasets:
                  nlsw88: {file: data/nlsw88.csv}
                models:
                  wage:
                    dataset: nlsw88
                    formula: "wage ~ tenure + ttl_exp + collgrad"
                    vcov: cluster(industry)
                    wild: {terms: [tenure], replications: 9999}
                """, StandardCharsets.UTF_8);
        JsonNode m = WildPipelineTest.run(dir).get("models").get("wage");
        assertEquals(2217, m.get("nobs").asInt());
        assertEquals(12, m.get("clusters").asInt());
        double t = m.get("coefficients").get("tenure").get("t").asDouble();
        assertEquals("1.0772", BigDecimal.valueOf(t).setScale(4, RoundingMode.HALF_EVEN).toPlainString(), "t(11) as printed");
        JsonNode w = m.get("wild").get("tenure");
        assertEquals(4096, w.get("draws").asInt());
        assertTrue(w.get("enumerated").asBoolean());
        for (String q : new String[] {"p", "pEqualTailed"}) {
            assertEquals(WildPipelineTest.golden("nlsw88_tenure", q), w.get(q).asDouble(), 0.0, q);
        }
        for (String q : new String[] {"ciLow", "ciHigh"}) {
            double g = WildPipelineTest.golden("nlsw88_tenure", q);
            assertEquals(g, w.get(q).asDouble(), 1e-10 * Math.abs(g), q);
        }
    }
}
