package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.repro.data.CsvOptions;
import dev.repro.data.CsvReader;
import dev.repro.data.Dataset;
import dev.repro.estimate.bootstrap.ClusterBootstrap;
import dev.repro.diag.Located;
import dev.repro.io.Json;
import dev.repro.results.MediationResult;
import dev.repro.study.MediationSpec;
import dev.repro.diag.Problems;
import dev.repro.study.VcovSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mediation results against an independent R computation (src/test/golden/gmm/mediation.R: lm with dummies, the
 * covariance conventions written out, Sobel/Aroian/Goodman, the chain's delta method, and a cluster bootstrap
 * with an R re-implementation of the SplitMix64 draws refitted by lm). Relative tolerance 1e-6 on every value,
 * bootstrap SEs, intervals and p-values included; draws must be identical. Run at 1 and 2 threads.
 */
class MediationGoldenTest {
    static final double REL = 1e-6;
    static final Path DIR = Path.of("src/test/golden/gmm");
    static final Path DATASETS = Path.of("src/test/golden/datasets");

    static Dataset dataset(String name) {
        Problems p = new Problems();
        String id = name.equals("produc") ? "state" : "firm";
        Dataset d = CsvReader.read(DATASETS.resolve(name + ".csv"), CsvOptions.builder(name, name + ".csv").id(id).time("year").build(), p);
        assertTrue(p.list().isEmpty(), p.list().toString());
        return d;
    }

    static Stream<Arguments> cases() throws Exception {
        List<String> lines = Files.readAllLines(DIR.resolve("mediation_specs.tsv"), StandardCharsets.UTF_8);
        String[] head = lines.get(0).split("\t", -1);
        Map<String, Map<String, String>> golden = new LinkedHashMap<>();
        for (String l : Files.readAllLines(DIR.resolve("mediation_golden.csv"), StandardCharsets.UTF_8)) {
            if (l.startsWith("#") || l.startsWith("\"id\"")) {
                continue;
            }
            String[] f = l.substring(1, l.length() - 1).split("\",\"", -1);
            golden.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[1], f[2]);
        }
        List<Arguments> out = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split("\t", -1);
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < head.length; i++) {
                m.put(head[i], f[i]);
            }
            for (int threads : new int[] {1, 2}) {
                out.add(Arguments.of(m.get("id"), threads, m, golden.get(m.get("id"))));
            }
        }
        return out.stream();
    }

    static List<String> list(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split(","));
    }

    @ParameterizedTest(name = "{0} threads={1}")
    @MethodSource("cases")
    void matchesR(String id, int threads, Map<String, String> m, Map<String, String> g) {
        assertNotNull(g, id);
        Dataset d = dataset(m.get("dataset"));
        int reps = Integer.parseInt(m.get("bootstrap"));
        MediationSpec.Bootstrap bs = reps == 0 ? null : new MediationSpec.Bootstrap(reps, 0.95, List.of("percentile", "bc"), 20250521L);
        MediationSpec spec = new MediationSpec(id, m.get("dataset"), m.get("treatment"), list(m.get("mediators")), m.get("outcome"),
                list(m.get("controls")), list(m.get("absorb")), VcovSpec.parse(m.get("vcov")), null, bs,
                new Located("study.yaml", "mediation." + id, 1, 1), Map.of());
        Problems problems = new Problems();
        MediationResult result = EstimateStep.mediation(spec, d, threads, problems);
        assertTrue(problems.list().isEmpty(), problems.list().toString());
        assertNotNull(result);
        JsonNode r = Json.mapper().valueToTree(result);
        int checked = 0;
        for (var e : g.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("replicate.")) {
                continue;
            }
            if (key.startsWith("draws.")) {
                int b = Integer.parseInt(key.substring("draws.".length()));
                int[] expected = Arrays.stream(e.getValue().split(" ")).mapToInt(Integer::parseInt).toArray();
                assertEquals(Arrays.toString(expected), Arrays.toString(ClusterBootstrap.draw(20250521L, b, expected.length)), id + " " + key);
                continue;
            }
            double expected = Double.parseDouble(e.getValue());
            double actual = at(r, key).doubleValue();
            double rel = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
            assertTrue(rel <= REL, id + " " + key + ": expected " + expected + ", got " + actual + " (rel " + rel + ")");
            checked++;
        }
        assertTrue(checked >= 20, id + ": only " + checked + " values checked");
    }

    /** "indirect.percentile.0" -> object indirect, array percentile, element 0 (as results.json holds them). */
    static JsonNode at(JsonNode r, String key) {
        JsonNode cur = r;
        for (String part : key.split("\\.")) {
            cur = cur.isArray() ? cur.get(Integer.parseInt(part)) : cur.get(part);
            assertNotNull(cur, "no " + key + " in " + r);
        }
        assertTrue(cur.isNumber(), key + " is " + cur);
        return cur;
    }
}
