package dev.repro.report;

import dev.repro.study.Label;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.results.ModelResult;
import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Figures: confidence-interval critical values against R, the tile layouts, and the mistakes a study can make. */
class FiguresTest {
    @TempDir
    Path dir;

    static Stream<Arguments> critical() throws Exception {
        return TestData.golden("golden-critical.csv").stream().map(r -> Arguments.of(Double.parseDouble(r[0]), r[1], Double.parseDouble(r[2])));
    }

    /** Relative tolerance 1e-9 (commons-math's inverse t CDF is iterative). */
    @ParameterizedTest(name = "level {0}, df {1}")
    @MethodSource("critical")
    void criticalValuesMatchR(double level, String df, double expected) {
        ModelResult m = df.equals("Inf")
                ? new ModelResult("y", "gmm", "robust", 100, 10, null, null, null, null, null, null, Map.of(), null, null, null, null)
                : new ModelResult("y", "fe", "cluster(id)", 1000, 50, Integer.parseInt(df) + 1, null, null, null, null, 900, Map.of(), null, null, null, null);
        assertEquals(expected, CoefficientsFigure.critical(m, level), 1e-9 * expected);
    }

    @Test
    void residualDegreesOfFreedomWithoutClusters() {
        ModelResult m = new ModelResult("y", "ols", "hc1", 300, null, null, null, 0.5, null, null, 261, Map.of(), null, null, null, null);
        assertEquals(1.9690947240422112, CoefficientsFigure.critical(m, 0.95), 1e-9 * 1.97, "R qt(0.975, 261)");
    }

    @Test
    void chinaLayoutHasTheThirtyProvincesOnDistinctTiles() {
        TileLayout l = TileLayout.china();
        assertEquals(30, l.tiles().size());
        assertEquals(List.of("Beijing", "Tianjin", "Hebei", "Shanxi", "Inner Mongolia", "Liaoning", "Jilin", "Heilongjiang", "Shanghai",
                "Jiangsu", "Zhejiang", "Anhui", "Fujian", "Jiangxi", "Shandong", "Henan", "Hubei", "Hunan", "Guangdong", "Guangxi", "Hainan",
                "Chongqing", "Sichuan", "Guizhou", "Yunnan", "Shaanxi", "Gansu", "Qinghai", "Ningxia", "Xinjiang").stream().sorted().toList(),
                l.tiles().keySet().stream().sorted().toList());
        assertEquals(30, l.tiles().values().stream().map(t -> t[0] + "," + t[1]).distinct().count());
        assertEquals(8, l.rows());
        assertEquals(7, l.cols());
    }

    @Test
    void userLayoutMistakesHaveLineNumbers() throws Exception {
        Path f = dir.resolve("layout.csv");
        Files.writeString(f, "name,row,col\nA,1,1\nB,1,1\nA,2,2\nC,x,1\nD,0,1\n\"E, F\",3\n");
        Problems ps = new Problems();
        assertNull(TileLayout.load(f, "maps/layout.csv", ps));
        assertEquals(List.of(
                "maps/layout.csv:3:1: 'B' and 'A' are both at row 1, col 1; give each region its own tile",
                "maps/layout.csv:4:1: 'A' is listed twice; list each region once",
                "maps/layout.csv:5:3: row and col must be whole numbers >= 1; found 'x', '1'",
                "maps/layout.csv:6:3: a tile needs a name and row and col between 1 and 100",
                "maps/layout.csv:7:1: expected 3 fields name,row,col; found 2"), ps.list().stream().map(Problem::format).toList());
        Files.writeString(f, "region;row;col\n");
        ps = new Problems();
        assertNull(TileLayout.load(f, "maps/layout.csv", ps));
        assertEquals("maps/layout.csv:1:1: the first line must be the header name,row,col; found 'region;row;col'", ps.list().get(0).format());
    }

    @Test
    void userLayoutForAnotherCountry() throws Exception {
        Files.createDirectories(dir.resolve("maps"));
        Files.writeString(dir.resolve("maps").resolve("benelux.csv"), "name,row,col\nNetherlands,1,2\nBelgium,2,1\n\"Luxembourg\",3,2\n");
        dev.repro.data.Dataset d = new dev.repro.data.Dataset("bx", "bx.csv", null, List.of(
                dev.repro.data.TextColumn.of("country", List.of("Netherlands", "Belgium")),
                new dev.repro.data.NumericColumn("gdp", new double[] {1.5, -0.25})), new int[] {2, 3}, "country", null);
        TableInputs in = new TableInputs("study.yaml", Fixtures.table5(), Map.of("bx", d), Map.of());
        Problems ps = new Problems();
        Figure f = new Figures(new Templates(null)).build(new FigureSpec.TileMap("bx", Label.plain("Benelux <GDP> & more"), "bx", "gdp", null, null,
                "maps/benelux.csv", 2, Map.of()), in, dir, ps);
        assertEquals(List.of(), ps.list());
        assertTrue(f.svg().contains(">Luxembourg</text>") && f.svg().contains(">n/a</text>") && f.svg().contains(">No data</text>"), f.svg());
        assertTrue(f.svg().contains("Benelux &lt;GDP&gt; &amp; more"));
        assertTrue(f.svg().contains(">-0.25 – 0.10</text>"), "legend classes");
    }

    @Test
    void figureMistakes() throws Exception {
        TableInputs in = ReportFixture.inputs();
        Figures figs = new Figures(new Templates(null));
        Problems ps = new Problems();
        dev.repro.data.Dataset p = ReportFixture.provinces();
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < p.rows(); i++) {
            names.add(p.column("province").display(i).replace("Inner Mongolia", "Neimenggu"));
        }
        dev.repro.data.Dataset renamed = new dev.repro.data.Dataset("provinces", p.source(), null, List.of(
                dev.repro.data.TextColumn.of("province", names), p.column("year"), p.column("open")), p.lines(), "province", "year");
        TableInputs in2 = new TableInputs(in.source(), in.results(), Map.of("provinces", renamed), in.labels());
        assertNull(figs.build(new FigureSpec.TileMap("m", Label.plain("M"), "provinces", "open", null, 2020.0, null, 2, Map.of()), in2, dir, ps));
        assertNull(figs.build(new FigureSpec.Coefficients("c", Label.plain("C"), List.of("m1"), List.of("nothing"), List.of(), 0.95, Map.of()), in, dir, ps));
        assertNull(figs.build(new FigureSpec.Trend("t", Label.plain("T"), "provinces", "opn", null, Map.of()), in, dir, ps));
        assertEquals(List.of(
                "study.yaml: figures.m: region Neimenggu of column 'province' is not in the tile layout china-provinces.csv; use its names ("
                        + String.join(", ", TileLayout.china().tiles().keySet()) + ") or give your own layout: <file>",
                "study.yaml: figures.c.keep: no coefficient left to plot; the coefficients are: open, rpc, (Intercept)",
                "study.yaml: figures.t: dataset 'provinces' has no numeric column 'opn'; its columns are: province, year, open"),
                ps.list().stream().map(Problem::format).toList());
    }
}
