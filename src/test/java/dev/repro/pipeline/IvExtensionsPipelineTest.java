package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.repro.diag.Problem;
import dev.repro.diag.ReproException;
import dev.repro.results.IvInfo;
import dev.repro.results.Results;
import dev.repro.results.ResultsJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * estimator: iv with weights, two-way clusters and dk / nw through the estimate step: results.json against
 * src/test/golden/iv-extensions/golden.csv, and each mistake's exact message.
 */
class IvExtensionsPipelineTest {
    private static final Path GOLDEN = Path.of("src/test/golden/iv-extensions");

    static Path project(Path dir, String data, String models) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/panel.csv"), data, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("study.yaml"), """
                datasets:
                  panel: {file: data/panel.csv, id: id, time: year}
                models:
                """ + models, StandardCharsets.UTF_8);
        return dir;
    }

    static String panel() throws Exception {
        return Files.readString(GOLDEN.resolve("panel.csv"));
    }

    static double golden(String kase, String weights, String vcov, String key) throws Exception {
        for (String line : Files.readAllLines(GOLDEN.resolve("golden.csv"))) {
            String[] f = line.split(",", -1);
            if (!line.startsWith("#") && f[0].equals(kase) && f[1].equals(weights) && f[2].equals(vcov) && f[3].equals(key)) {
                return Double.parseDouble(f[4]);
            }
        }
        throw new IllegalStateException("no golden row " + kase + "/" + weights + "/" + vcov + "/" + key);
    }

    private static JsonNode models(Path dir, String models) throws Exception {
        Path json = IvPipelineTest.run(project(dir, panel(), models), 1);
        Results back = ResultsJson.read(new ObjectMapper().readTree(json.toFile()));
        back.models().values().forEach(m -> assertEquals(IvInfo.class, m.info().getClass()));
        return new ObjectMapper().readTree(json.toFile()).get("models");
    }

    private static void assertGolden(JsonNode m, String kase, String weights, String vcov) throws Exception {
        IvPipelineTest.assertRel(golden(kase, weights, vcov, "coef:x"), m.get("coefficients").get("x").get("estimate").asDouble());
        IvPipelineTest.assertRel(golden(kase, weights, vcov, "se:x"), m.get("coefficients").get("x").get("stdError").asDouble());
        IvPipelineTest.assertRel(golden(kase, weights, vcov, "se:w"), m.get("coefficients").get("w").get("stdError").asDouble());
        JsonNode info = m.get("info");
        IvPipelineTest.assertRel(golden(kase, weights, vcov, "fs:x:F"), info.get("firstStages").get(0).get("F").get("statistic").asDouble());
        IvPipelineTest.assertRel(golden(kase, weights, vcov, "dwh"), info.get("endogeneity").get("statistic").asDouble());
    }

    @Test
    void weightedTwoStageLeastSquaresAndLiml(@TempDir Path dir) throws Exception {
        JsonNode ms = models(dir, """
                  tsls: {dataset: panel, estimator: iv, formula: "y ~ w | id + year | x ~ z1 + z2", weights: wt, vcov: cluster(c2)}
                  liml: {dataset: panel, estimator: iv, method: liml, formula: "y ~ w | id + year | x ~ z1 + z2 + z3", weights: wt, vcov: hc1}
                """);
        JsonNode t = ms.get("tsls");
        assertGolden(t, "twofe", "wt", "cluster");
        assertEquals("wt", t.get("info").get("weights").asText());
        IvPipelineTest.assertRel(golden("twofe", "wt", "cluster", "weak"), t.get("info").get("weakIdentification").get("statistic").asDouble());
        JsonNode l = ms.get("liml");
        assertGolden(l, "liml", "wt", "hc1");
        IvPipelineTest.assertRel(golden("liml", "wt", "hc1", "kappa"), l.get("info").get("kappa").asDouble());
        IvPipelineTest.assertRel(golden("liml", "wt", "hc1", "overid"), l.get("info").get("overidentification").get("statistic").asDouble());
    }

    @Test
    void twoWayClustersAndKernelCovariances(@TempDir Path dir) throws Exception {
        JsonNode ms = models(dir, """
                  twoway: {dataset: panel, estimator: iv, formula: "y ~ w | id + year | x ~ z1 + z2", vcov: "cluster(id, c2)"}
                  dk: {dataset: panel, estimator: iv, formula: "y ~ w | id + year | x ~ z1 + z2", vcov: "dk(2)"}
                  nw: {dataset: panel, estimator: iv, formula: "y ~ w | x ~ z1 + z2", vcov: "nw(3)"}
                  nwDefault: {dataset: panel, estimator: iv, formula: "y ~ w | x ~ z1 + z2", vcov: nw}
                """);
        JsonNode two = ms.get("twoway");
        assertEquals("cluster(id, c2)", two.get("vcov").asText());
        assertEquals(9, two.get("clusters").asInt());
        assertGolden(two, "twofe", "none", "twoway");
        JsonNode dk = ms.get("dk");
        assertEquals("dk(2)", dk.get("vcov").asText());
        assertGolden(dk, "twofe", "none", "dk2");
        assertNull(dk.get("info").get("weakIdentification"), "no Kleibergen-Paap F under a kernel covariance (docs/iv.md)");
        IvPipelineTest.assertRel(golden("twofe", "none", "dk2", "overid"), dk.get("info").get("overidentification").get("statistic").asDouble());
        assertGolden(ms.get("nw"), "pooled", "none", "nw3");
        assertEquals("nw(1)", ms.get("nwDefault").get("vcov").asText(), "plm's default lag floor(12^(1/4)) = 1");
        IvPipelineTest.assertRel(golden("pooled", "none", "nw1", "se:x"), ms.get("nwDefault").get("coefficients").get("x").get("stdError").asDouble());
    }

    @Test
    void badWeightsAreLocatedInTheDataFile(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(GOLDEN.resolve("panel.csv")));
        List<String> head = List.of(lines.get(0).split(","));
        int wt = head.indexOf("wt");
        lines.set(4, withCell(lines.get(4), wt, "0"));
        lines.set(9, withCell(lines.get(9), wt, "-1.5"));
        project(dir, String.join("\n", lines) + "\n", """
                  p: {dataset: panel, estimator: iv, formula: "y ~ w | id | x ~ z1", weights: wt}
                  q: {dataset: panel, estimator: iv, formula: "y ~ w | id | x ~ z1", weights: wgt}
                """);
        ReproException e = assertThrows(ReproException.class, () -> IvPipelineTest.run(dir, 1));
        assertEquals(List.of(
                "data/panel.csv:5: models.p.weights: weight column 'wt' is 0 in this row of the estimation sample; weights must be positive: fix the data or leave the row out with sample:",
                "data/panel.csv:10: models.p.weights: weight column 'wt' is -1.5 in this row of the estimation sample; weights must be positive: fix the data or leave the row out with sample:",
                "study.yaml:5:79: models.q.weights: unknown weights column 'wgt' in dataset panel, did you mean 'wt'?"),
                e.problems().stream().map(Problem::format).toList());
    }

    @Test
    void singletonsDropAsReghdfe(@TempDir Path dir) throws Exception {
        JsonNode ms = models(dir, """
                  dropped: {dataset: panel, estimator: iv, formula: "y ~ w | id + g | x ~ z1 + z2", singletons: drop, vcov: cluster(c2)}
                  robust: {dataset: panel, estimator: iv, formula: "y ~ w | id + g | x ~ z1 + z2", singletons: drop, vcov: hc1}
                  kept: {dataset: panel, estimator: iv, formula: "y ~ w | id + g | x ~ z1 + z2", vcov: hc1}
                """);
        for (String[] c : new String[][] {{"dropped", "cluster"}, {"robust", "hc1"}}) {
            JsonNode m = ms.get(c[0]);
            assertEquals((int) golden("singletons", "none", c[1], "nobs"), m.get("nobs").asInt());
            for (String t : List.of("x", "w")) {
                IvPipelineTest.assertRel(golden("singletons", "none", c[1], "coef:" + t), m.get("coefficients").get(t).get("estimate").asDouble());
                IvPipelineTest.assertRel(golden("singletons", "none", c[1], "se:" + t), m.get("coefficients").get(t).get("stdError").asDouble());
            }
        }
        assertEquals(328, ms.get("kept").get("nobs").asInt(), "singletons are kept by default (as estimatr)");
        // a singleton has a zero residual and its own level: the slopes are the same either way
        IvPipelineTest.assertRel(ms.get("robust").get("coefficients").get("x").get("estimate").asDouble(),
                ms.get("kept").get("coefficients").get("x").get("estimate").asDouble());
    }

    @Test
    void lagMustBeBelowThePeriods(@TempDir Path dir) throws Exception {
        project(dir, panel(), """
                  p: {dataset: panel, estimator: iv, formula: "y ~ w | id | x ~ z1", vcov: "nw(12)"}
                """);
        ReproException e = assertThrows(ReproException.class, () -> IvPipelineTest.run(dir, 1));
        assertEquals(List.of("study.yaml:4:76: models.p.vcov: vcov nw(12): the lag 12 must be below the 12 time periods of the estimation sample; use a smaller lag"),
                e.problems().stream().map(Problem::format).toList());
    }

    private static String withCell(String line, int column, String value) {
        String[] cells = line.split(",", -1);
        cells[column] = value;
        return String.join(",", cells);
    }
}
