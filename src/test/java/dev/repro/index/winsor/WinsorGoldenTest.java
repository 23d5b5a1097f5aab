package dev.repro.index.winsor;

import static dev.repro.index.api.Fixtures.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.repro.data.Dataset;
import dev.repro.index.api.Fixtures;
import dev.repro.diag.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cut points and treated columns against R's quantile(type = 2) (Stata's winsor2 rule), from
 * src/test/golden/index/winsor.R on plm::Produc with a column holding missing values (golden-winsor.json):
 * pooled and by year, cuts 1/99, 25/75 (whole positions: averaging), 12.5/87.5 by year (whole positions in
 * groups of 48), 5/95 trimming, 0/100. Cut points and values are order statistics or averages of two,
 * so the tolerance is relative 1e-15 (exact up to the one rounding of the average).
 */
class WinsorGoldenTest {
    static final JsonNode GOLDEN = Fixtures.json("golden-winsor.json");
    static final Dataset DATA = Fixtures.resource("produc_na.csv", "produc", "state", "year");
    static final List<String> COLUMNS = List.of("pcap", "gsp", "emp", "unemp", "unemp_na");

    static Stream<JsonNode> configs() {
        List<JsonNode> out = new ArrayList<>();
        GOLDEN.get("configs").forEach(out::add);
        return out.stream();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("configs")
    void matchesR(JsonNode cfg) {
        List<String> by = new ArrayList<>();
        cfg.get("by").forEach(b -> by.add(b.asText()));
        WinsorSpec spec = new WinsorSpec(Fixtures.at("index[1]"), "produc", "produc_w", COLUMNS,
                cfg.get("percent").get(0).asDouble(), cfg.get("percent").get(1).asDouble(), by,
                cfg.get("trim").asBoolean() ? WinsorSpec.Mode.TRIM : WinsorSpec.Mode.WINSORIZE, "_w", false);
        Problems problems = new Problems();
        Winsorizer.WinsorResult r = Winsorizer.build(spec, DATA, problems);
        assertEquals(List.of(), Fixtures.messages(problems));
        assertNotNull(r);
        String name = cfg.get("name").asText();
        JsonNode cuts = cfg.get("cuts");
        assertEquals(cuts.size(), r.cuts().size());
        for (int i = 0; i < cuts.size(); i++) {
            JsonNode g = cuts.get(i);
            WinsorCut c = r.cuts().get(i);
            assertEquals(g.get("column").asText(), c.column());
            assertEquals(g.get("group").asText(), c.group());
            assertEquals(g.get("n").asInt(), c.n());
            close(g.get("lowerCut").asDouble(), c.lowerCut(), 1e-15, 0, name + " " + c.column() + " " + c.group() + " lower");
            close(g.get("upperCut").asDouble(), c.upperCut(), 1e-15, 0, name + " " + c.column() + " " + c.group() + " upper");
            assertEquals(g.get("below").asInt(), c.below(), name + " below");
            assertEquals(g.get("above").asInt(), c.above(), name + " above");
        }
        for (String col : COLUMNS) {
            double[] w = r.step().dataset().numeric(col + "_w").values();
            JsonNode g = cfg.get("treated").get(col);
            for (int i = 0; i < w.length; i++) {
                if (g.get(i).isNull()) {
                    assertTrue(Double.isNaN(w[i]), name + " " + col + " row " + i + " should be missing");
                } else {
                    close(g.get(i).asDouble(), w[i], 1e-15, 0, name + " " + col + " row " + i);
                }
            }
        }
    }
}
