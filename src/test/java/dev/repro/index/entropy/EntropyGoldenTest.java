package dev.repro.index.entropy;

import static dev.repro.index.api.Fixtures.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

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
 * Entropy weights, composite index and yearly statistics against an independent R computation
 * (src/test/golden/index/entropy.R on plm::Produc, golden-entropy.json), for pooled and per-year weighting,
 * both zero rules, both score rules and two shifts. Tolerance: relative 1e-10 (R prints 15 significant
 * digits; the Java side computes d_j without the cancellation of 1 - e_j, which agrees to ~1e-14).
 */
class EntropyGoldenTest {
    static final JsonNode GOLDEN = Fixtures.json("golden-entropy.json");
    static final Dataset PRODUC = Fixtures.resource("produc_ftz.csv", "produc", "state", "year");
    static final List<String> INDICATORS = List.of("pcap", "hwy", "water", "util", "pc", "gsp", "emp", "unemp", "ftz");

    static Stream<JsonNode> configs() {
        List<JsonNode> out = new ArrayList<>();
        GOLDEN.get("configs").forEach(out::add);
        return out.stream();
    }

    static EntropySpec spec(JsonNode cfg) {
        List<EntropySpec.Indicator> ind = new ArrayList<>();
        for (String c : INDICATORS) {
            ind.add(new EntropySpec.Indicator(c, c.equals("unemp") ? EntropySpec.Direction.NEGATIVE : EntropySpec.Direction.POSITIVE, null));
        }
        boolean shift = cfg.get("zeros").asText().equals("shift");
        return new EntropySpec(Fixtures.at("index[0]"), "produc", "produc_open", "open", ind,
                cfg.get("weighting").asText().equals("pooled") ? EntropySpec.Weighting.POOLED : EntropySpec.Weighting.PER_YEAR,
                null, shift ? EntropySpec.Zeros.SHIFT : EntropySpec.Zeros.LIMIT, cfg.get("shift").asDouble(),
                cfg.get("score").asText().equals("shifted") ? EntropySpec.Score.SHIFTED : EntropySpec.Score.NORMALIZED,
                EntropySpec.Missing.ERROR);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("configs")
    void matchesR(JsonNode cfg) {
        Problems problems = new Problems();
        EntropyResult r = EntropyIndex.build(spec(cfg), PRODUC, problems);
        assertEquals(List.of(), Fixtures.messages(problems));
        assertNotNull(r);
        String name = cfg.get("name").asText();
        JsonNode w = cfg.get("weights");
        assertEquals(w.size(), r.weights().size(), name + " weight rows");
        for (int i = 0; i < w.size(); i++) {
            JsonNode g = w.get(i);
            EntropyWeight mine = r.weights().get(i);
            assertEquals(g.get("indicator").asText(), mine.indicator());
            assertEquals(g.get("scope").asText(), mine.scope());
            String what = name + " " + mine.scope() + " " + mine.indicator();
            close(g.get("entropy").asDouble(), mine.entropy(), 1e-12, 0, what + " entropy");
            close(g.get("divergence").asDouble(), mine.divergence(), 1e-10, 1e-15, what + " divergence");
            close(g.get("weight").asDouble(), mine.weight(), 1e-10, 1e-15, what + " weight");
        }
        double[] index = r.step().dataset().numeric("open").values();
        JsonNode gi = cfg.get("index");
        assertEquals(gi.size(), index.length);
        for (int i = 0; i < index.length; i++) {
            close(gi.get(i).asDouble(), index[i], 1e-10, 1e-14, name + " index row " + i);
        }
        JsonNode years = cfg.get("years");
        for (int y = 0; y < years.size(); y++) {
            JsonNode g = years.get(y);
            YearStat mine = r.years().get(y);
            assertEquals(g.get("year").asText(), mine.year());
            assertEquals(g.get("n").asInt(), mine.n());
            close(g.get("mean").asDouble(), mine.mean(), 1e-10, 1e-14, name + " mean " + mine.year());
            close(g.get("sd").asDouble(), mine.sd(), 1e-9, 1e-14, name + " sd " + mine.year());
            close(g.get("min").asDouble(), mine.min(), 1e-10, 1e-14, name + " min " + mine.year());
            close(g.get("max").asDouble(), mine.max(), 1e-10, 1e-14, name + " max " + mine.year());
        }
        assertEquals(years.size() + 2, r.years().size(), "yearly rows plus Total and Mean of years");
    }
}
