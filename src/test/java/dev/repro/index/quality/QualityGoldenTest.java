package dev.repro.index.quality;

import static dev.repro.index.api.Fixtures.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.repro.data.Dataset;
import dev.repro.index.api.Fixtures;
import dev.repro.diag.Problems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Export quality against R (src/test/golden/index/quality.R, golden-quality.json): lm() with product and
 * region-year dummies on the cells aggregated from a synthetic firm-level panel, for product-year and
 * product normalisation and for HS6 flows joined to HS6 and HS4 elasticities. Tolerances: residuals and
 * qualities absolute 1e-10 (the projector stops at ||x - Tx|| <= 1e-14 ||y||, lm uses QR; observed
 * differences are below 1e-11), standardised and region-year qualities absolute 1e-9; sums relative 1e-12.
 */
class QualityGoldenTest {
    static final JsonNode GOLDEN = Fixtures.json("golden-quality.json");
    static final Dataset FLOWS = Fixtures.resource("quality_flows.csv", "flows", null, null, "hs6");

    static Stream<JsonNode> configs() {
        List<JsonNode> out = new ArrayList<>();
        GOLDEN.get("configs").forEach(out::add);
        return out.stream();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("configs")
    void matchesR(JsonNode cfg) {
        int digits = cfg.get("digits").asInt();
        String file = cfg.get("sigma").asText();
        Dataset sigma = Fixtures.resource(file, "sigma", null, null, digits > 0 ? "hs4" : "code");
        QualityEstimate.Normalization norm = cfg.get("normalization").asText().equals("product")
                ? QualityEstimate.Normalization.PRODUCT : QualityEstimate.Normalization.PRODUCT_YEAR;
        ExportQualitySpec spec = new ExportQualitySpec(Fixtures.at("index[2]"), "flows", "quality", "quality", "region", "hs6", "year",
                "value", "quantity", new ExportQualitySpec.Elasticities("sigma", digits > 0 ? "hs4" : "code", "sigma", digits), norm, "quality_cells");
        Problems problems = new Problems();
        ExportQuality.QualityResult r = ExportQuality.build(spec, FLOWS, sigma, problems);
        assertEquals(List.of(), Fixtures.messages(problems));
        assertNotNull(r);
        String name = cfg.get("name").asText();

        Dataset cells = r.step().extras().get(0);
        Map<String, Integer> byKey = new HashMap<>();
        for (int i = 0; i < cells.rows(); i++) {
            byKey.put(cells.column("region").display(i) + "|" + cells.column("hs6").display(i) + "|" + cells.column("year").display(i), i);
        }
        JsonNode gc = cfg.get("cells");
        assertEquals(gc.size(), cells.rows(), name + " cells");
        for (JsonNode g : gc) {
            String key = g.get("region").asText() + "|" + g.get("hs6").asText() + "|" + g.get("year").asText();
            Integer i = byKey.get(key);
            assertNotNull(i, name + " cell " + key);
            close(g.get("value").asDouble(), cells.numeric("value").get(i), 1e-12, 0, name + " value " + key);
            close(g.get("quantity").asDouble(), cells.numeric("quantity").get(i), 1e-12, 0, name + " quantity " + key);
            close(g.get("residual").asDouble(), cells.numeric("residual").get(i), 0, 1e-10, name + " residual " + key);
            close(g.get("quality").asDouble(), cells.numeric("quality").get(i), 0, 1e-10, name + " quality " + key);
            if (g.get("std").isNull()) {
                assertTrue(Double.isNaN(cells.numeric("quality_std").get(i)), name + " " + key + " should be left out");
            } else {
                close(g.get("std").asDouble(), cells.numeric("quality_std").get(i), 0, 1e-9, name + " std " + key);
            }
        }
        assertEquals(cfg.get("flatCells").asInt(), r.estimate().flatCells(), name + " flat cells");

        Dataset ry = r.step().dataset();
        JsonNode gr = cfg.get("regionYears");
        assertEquals(gr.size(), ry.rows(), name + " region-years");
        for (int k = 0; k < gr.size(); k++) {
            JsonNode g = gr.get(k);
            // R sorts by region name and year; the step keeps regions in order of first appearance
            int i = -1;
            for (int j = 0; j < ry.rows(); j++) {
                if (ry.column("region").display(j).equals(g.get("region").asText()) && ry.numeric("year").get(j) == g.get("year").asDouble()) {
                    i = j;
                }
            }
            assertTrue(i >= 0, name + " region-year " + g);
            close(g.get("quality").asDouble(), ry.numeric("quality").get(i), 0, 1e-9, name + " quality " + g);
            assertEquals(g.get("products").asInt(), (int) ry.numeric("quality_products").get(i), name + " products " + g);
            close(g.get("value").asDouble(), ry.numeric("quality_value").get(i), 1e-12, 0, name + " value " + g);
        }
    }
}
