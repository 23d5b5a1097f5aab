package dev.repro.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.repro.data.Dataset;
import dev.repro.results.IndexResult;
import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import dev.repro.diag.ReproException;
import dev.repro.index.api.Fixtures;
import dev.repro.io.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole index section from the study file to the files in target/repro/data: content, manifest, determinism, atomicity. */
class IndexRunnerTest {
    static final Dataset PROVINCES = Fixtures.csv("data/provinces.csv", "provinces", "province", "year", """
            province,year,fdi,unemp,gdp,pop,tech_exp,price
            A,2012,10,4.1,100,10,5,100
            A,2013,12,4.0,110,10,6,103
            B,2012,3,3.2,50,8,1,100
            B,2013,4,3.5,56,8,2,101
            C,2012,7,5.0,80,9,3,100
            C,2013,9,4.4,90,9,3,102
            """);
    static final Dataset GRID = Fixtures.csv("data/grid.csv", "grid", null, null, """
            province,grid_factor
            A,0.9
            B,0.8
            C,0.7
            """);

    static final String STUDY = """
            index:
              - step: merge
                output: panel
                left: provinces
                right: grid
                on: province
              - step: derive
                dataset: panel
                output: panel2
                columns:
                  gdp_pc: gdp / pop
              - step: entropy
                dataset: panel2
                output: open_index
                column: open
                indicators: [fdi, {column: unemp, direction: negative}, gdp_pc]
                weighting: per-year
              - step: perpetual-inventory
                dataset: open_index
                output: tech_stock
                column: tech
                flow: tech_exp
                deflator: {column: price, base: 2012}
                delta: 0.15
                growth: 0.05
              - step: winsorize
                dataset: tech_stock
                output: final
                columns: [open, tech]
                cuts: [10, 90]
            """;

    static IndexPlan plan(String yaml) {
        Problems p = new Problems();
        IndexPlan plan = IndexPlanParser.parse(IndexPlanParserTest.index(yaml), "study.yaml", List.of("provinces", "grid"), p);
        assertEquals(List.of(), Fixtures.messages(p));
        return plan;
    }

    static Map<String, Dataset> inputs() {
        Map<String, Dataset> m = new LinkedHashMap<>();
        m.put("provinces", PROVINCES);
        m.put("grid", GRID);
        return m;
    }

    static Map<String, byte[]> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            Map<String, byte[]> out = new LinkedHashMap<>();
            for (Path p : s.sorted().collect(Collectors.toList())) {
                out.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
            return out;
        }
    }

    @Test
    void writesEveryOutputWithItsManifest(@TempDir Path dir) throws Exception {
        IndexRunner.Run run = IndexRunner.run(plan(STUDY), inputs(), dir, "0.1.0-test");
        Map<String, byte[]> files = files(dir);
        assertEquals(List.of("final.csv", "final.cuts.csv", "final.manifest.json", "open_index.csv", "open_index.manifest.json",
                "open_index.weights.csv", "open_index.years.csv", "panel.csv", "panel.manifest.json", "panel2.csv", "panel2.manifest.json",
                "tech_stock.csv", "tech_stock.manifest.json", "tech_stock.units.csv"), List.copyOf(files.keySet()));
        assertEquals("""
                province,year,fdi,unemp,gdp,pop,tech_exp,price,grid_factor
                A,2012,10,4.1,100,10,5,100,0.9
                A,2013,12,4,110,10,6,103,0.9
                B,2012,3,3.2,50,8,1,100,0.8
                B,2013,4,3.5,56,8,2,101,0.8
                C,2012,7,5,80,9,3,100,0.7
                C,2013,9,4.4,90,9,3,102,0.7
                """, new String(files.get("panel.csv"), StandardCharsets.UTF_8));
        JsonNode m = new ObjectMapper().readTree(files.get("tech_stock.manifest.json"));
        assertEquals("tech_stock", m.get("name").asText());
        assertEquals("perpetual-inventory", m.get("step").asText());
        assertEquals("index[3]", m.get("key").asText());
        assertEquals("0.1.0-test", m.get("plugin").get("version").asText());
        assertEquals("open_index", m.get("inputs").get(0).get("dataset").asText());
        assertEquals("open_index.csv", m.get("inputs").get(0).get("file").asText());
        assertEquals(run.written().get("open_index").sha256(), m.get("inputs").get(0).get("sha256").asText());
        assertEquals(0.15, m.get("parameters").get("delta").asDouble());
        assertEquals(2012, m.get("parameters").get("deflator").get("base").asInt());
        assertEquals(Sha256.of(files.get("tech_stock.csv")), m.get("output").get("sha256").asText());
        assertEquals(6, m.get("output").get("rows").asInt());
        JsonNode first = new ObjectMapper().readTree(files.get("panel.manifest.json"));
        assertEquals(PROVINCES.sha256(), first.get("inputs").get(0).get("sha256").asText());
        assertEquals("data/provinces.csv", first.get("inputs").get(0).get("file").asText());
        assertTrue(new String(files.get("open_index.weights.csv"), StandardCharsets.UTF_8)
                .startsWith("indicator,group,direction,scope,n,min,max,entropy,divergence,weight,constant\nfdi,,positive,2012,3,3,10,"));
        Dataset fin = run.datasets().get("final");
        assertEquals(List.of("province", "year", "fdi", "unemp", "gdp", "pop", "tech_exp", "price", "grid_factor", "gdp_pc", "open", "tech",
                "open_w", "tech_w"), fin.columnNames());
        assertEquals("Built panel (merge, index[0]): 6 rows -> " + dir.resolve("panel.csv"), run.log().get(0));
        Map<String, IndexResult> results = run.indexResults();
        assertEquals(List.of("panel", "panel2", "open_index", "tech_stock", "final"), List.copyOf(results.keySet()));
        IndexResult open = results.get("open_index");
        assertEquals("entropy", open.step());
        assertEquals(run.datasets().get("open_index").rows(), open.rows());
        assertEquals(run.written().get("open_index").sha256(), open.sha256());
        assertEquals(List.of("weights", "years"), List.copyOf(open.tables().keySet()));
        assertEquals("fdi", open.tables().get("weights").get(0).get("indicator"));
        assertEquals(List.of(), results.get("panel").notes());
    }

    @Test
    void sameBytesEveryTime(@TempDir Path a, @TempDir Path b) throws Exception {
        IndexRunner.run(plan(STUDY), inputs(), a, null);
        IndexRunner.run(plan(STUDY), inputs(), b, null);
        Map<String, byte[]> fa = files(a);
        Map<String, byte[]> fb = files(b);
        assertEquals(fa.keySet(), fb.keySet());
        for (String k : fa.keySet()) {
            assertArrayEquals(fa.get(k), fb.get(k), k);
            assertFalse(k.endsWith(".tmp"), k);
        }
        assertTrue(new String(fa.get("final.manifest.json"), StandardCharsets.UTF_8).contains("\"version\": \"${project.version}\""));
    }

    @Test
    void nothingIsWrittenWhenAStepFails(@TempDir Path dir) throws Exception {
        String broken = STUDY.replace("flow: tech_exp", "flow: tech_expenses").replace("right: grid", "right: grid\n    columns: [factor]");
        ReproException e = assertThrows(ReproException.class, () -> IndexRunner.run(plan(broken), inputs(), dir, null));
        // the merge fails, so derive, entropy, the stock and winsorizing (which depend on it) are skipped, not reported
        assertEquals(List.of("study.yaml:2:5: index[0].columns[0]: no column 'factor' in dataset 'grid' (data/grid.csv); its columns are: province, grid_factor"),
                e.problems().stream().map(Problem::format).collect(Collectors.toList()));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
    }
}
