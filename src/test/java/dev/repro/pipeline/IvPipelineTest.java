package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** estimator: iv through the estimate step: results.json against src/test/golden/iv, and each mistake's exact message. */
class IvPipelineTest {
    static Path project(Path dir, String models) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/panel.csv"), Files.readString(Path.of("src/test/golden/iv/panel.csv")), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("study.yaml"), """
                datasets:
                  panel: {file: data/panel.csv}
                models:
                """ + models, StandardCharsets.UTF_8);
        return dir;
    }

    static Path run(Path dir, int threads) throws Exception {
        Path out = dir.resolve("target");
        new Pipeline(new Workspace(dir, dir.resolve("study.yaml"), out, dir.resolve("baseline.json"), null), Reporter.SILENT, threads)
                .estimate(true);
        return out.resolve("results.json");
    }

    static double golden(String kase, String vcov, String key) throws Exception {
        for (String line : Files.readAllLines(Path.of("src/test/golden/iv/golden.csv"))) {
            String[] f = line.split(",", -1);
            if (!line.startsWith("#") && f[0].equals(kase) && f[1].equals(vcov) && f[2].equals(key)) {
                return Double.parseDouble(f[3]);
            }
        }
        throw new IllegalStateException("no golden row " + kase + "/" + vcov + "/" + key);
    }

    private static final String TWO_FE = """
              demand:
                dataset: panel
                estimator: iv
                formula: "y ~ w | f + g | x ~ z1 + z2"
                vcov: cluster(cl)
            """;

    @Test
    void resultsJsonHoldsTheFitTheFirstStageAndTheTests(@TempDir Path dir) throws Exception {
        Path json = run(project(dir, TWO_FE), 1);
        JsonNode m = new ObjectMapper().readTree(json.toFile()).get("models").get("demand");
        assertEquals("iv", m.get("estimator").asText());
        assertEquals(400, m.get("nobs").asInt());
        assertEquals(30, m.get("clusters").asInt());
        assertEquals(List.of("x", "w"), GmmPipelineTest.names(m.get("coefficients")));
        assertRel(golden("twofe", "cluster", "coef:x"), m.get("coefficients").get("x").get("estimate").asDouble());
        assertRel(golden("twofe", "cluster", "se:x"), m.get("coefficients").get("x").get("stdError").asDouble());
        JsonNode info = m.get("info");
        assertEquals(List.of("method", "kappa", "absorbedDf", "endogenous", "instruments", "firstStages", "weakIdentification",
                "overidentification", "endogeneity"), GmmPipelineTest.names(info));
        JsonNode fs = info.get("firstStages").get(0);
        assertEquals(List.of("z1", "z2", "w"), GmmPipelineTest.names(fs.get("coefficients")));
        assertRel(golden("twofe", "cluster", "fs:x:F"), fs.get("F").get("statistic").asDouble());
        assertRel(golden("twofe", "cluster", "fs:x:partialR2"), fs.get("partialR2").asDouble());
        assertEquals("Kleibergen-Paap rk Wald F", info.get("weakIdentification").get("name").asText());
        assertRel(golden("twofe", "cluster", "weak"), info.get("weakIdentification").get("statistic").asDouble());
        assertNull(info.get("weakIdentification").get("p"), "the weak-identification F has no p-value");
        assertEquals("Hansen J", info.get("overidentification").get("name").asText());
        assertRel(golden("twofe", "cluster", "overid"), info.get("overidentification").get("statistic").asDouble());
        assertRel(golden("twofe", "cluster", "dwh"), info.get("endogeneity").get("statistic").asDouble());
        Results back = ResultsJson.read(new ObjectMapper().readTree(json.toFile()));
        assertEquals(IvInfo.class, back.models().get("demand").info().getClass());
    }

    static void assertRel(double want, double got) {
        assertEquals(want, got, 1e-8 * Math.abs(want));
    }

    @Test
    void sameBytesAtAnyThreadCount(@TempDir Path dir) throws Exception {
        byte[] one = Files.readAllBytes(run(project(dir.resolve("a"), TWO_FE), 1));
        byte[] four = Files.readAllBytes(run(project(dir.resolve("b"), TWO_FE), 4));
        assertArrayEquals(one, four);
    }

    private static List<String> mistakes(Path dir, String models) throws Exception {
        project(dir, models);
        ReproException e = assertThrows(ReproException.class, () -> run(dir, 1));
        return e.problems().stream().map(Problem::format).toList();
    }

    @Test
    void fewerInstrumentsThanEndogenousRegressors(@TempDir Path dir) throws Exception {
        assertEquals(List.of("study.yaml:4:47: models.p.formula: formula \"y ~ w | f | x + x2 ~ z1\": 2 endogenous regressors need at least 2 excluded instruments, but 1 is given at character 13; add instruments right of the second '~', or treat fewer regressors as endogenous\n"
                + "    y ~ w | f | x + x2 ~ z1\n"
                + "                ^"), mistakes(dir, """
                  p: {dataset: panel, estimator: iv, formula: "y ~ w | f | x + x2 ~ z1"}
                """));
    }

    @Test
    void endogenousRegressorAlsoExogenous(@TempDir Path dir) throws Exception {
        assertEquals(List.of("study.yaml:4:47: models.p.formula: formula \"y ~ w + x | f | x ~ z1\": 'x' is an exogenous regressor and an endogenous regressor at character 17; list each variable once: an exogenous regressor instruments itself, so it is neither endogenous nor an instrument\n"
                + "    y ~ w + x | f | x ~ z1\n"
                + "                    ^"), mistakes(dir, """
                  p: {dataset: panel, estimator: iv, formula: "y ~ w + x | f | x ~ z1"}
                """));
    }

    @Test
    void instrumentAlsoExogenous(@TempDir Path dir) throws Exception {
        assertEquals(List.of("study.yaml:4:47: models.p.formula: formula \"y ~ w + z1 | f | x ~ z1 + z2\": 'z1' is an exogenous regressor and an instrument at character 22; list each variable once: an exogenous regressor instruments itself, so it is neither endogenous nor an instrument\n"
                + "    y ~ w + z1 | f | x ~ z1 + z2\n"
                + "                         ^"), mistakes(dir, """
                  p: {dataset: panel, estimator: iv, formula: "y ~ w + z1 | f | x ~ z1 + z2"}
                """));
    }


    @Test
    void instrumentsPartIsRequired(@TempDir Path dir) throws Exception {
        assertEquals(List.of("study.yaml:4:47: models.p.formula: estimator: iv needs instruments: end the formula with '| endogenous ~ instruments', as in y ~ w | firm + year | x ~ z1 + z2"), mistakes(dir, """
                  p: {dataset: panel, estimator: iv, formula: "y ~ w + x | f"}
                """));
    }

    @Test
    void instrumentsNeedEstimatorIv(@TempDir Path dir) throws Exception {
        assertEquals(List.of("study.yaml:4:32: models.p.formula: formula \"y ~ w | f | x ~ z1\": the instruments part ('| endogenous ~ instruments') is estimated only by estimator: iv at character 11; add estimator: iv to the model, or remove the part after the last '|'\n"
                + "    y ~ w | f | x ~ z1\n"
                + "              ^"), mistakes(dir, """
                  p: {dataset: panel, formula: "y ~ w | f | x ~ z1"}
                """));
    }

    @Test
    void serialCovariancesNeedThePanelIndex(@TempDir Path dir) throws Exception {
        assertEquals(List.of("study.yaml:4:75: models.p.vcov: vcov dk(2) needs the panel unit and time: declare 'id' and 'time' for dataset panel, or use hc1 or cluster(<column>)"), mistakes(dir, """
                  p: {dataset: panel, estimator: iv, formula: "y ~ w | f | x ~ z1", vcov: "dk(2)"}
                """));
    }

    @Test
    void hacIsRefused(@TempDir Path dir) throws Exception {
        assertEquals(List.of("study.yaml:4:75: models.p.vcov: vcov: hac(2) is not available for estimator: iv; use iid, hc1, "
                + "cluster(<column>), cluster(<column>, <column>), dk(<lag>) or nw(<lag>)"), mistakes(dir, """
                  p: {dataset: panel, estimator: iv, formula: "y ~ w | f | x ~ z1", vcov: "hac(2)"}
                """));
    }

    @Test
    void unknownMethod(@TempDir Path dir) throws Exception {
        assertEquals(List.of("study.yaml:4:77: models.p.method: unknown value 'gmm'; expected one of 2sls, liml"), mistakes(dir, """
                  p: {dataset: panel, estimator: iv, formula: "y ~ w | f | x ~ z1", method: gmm}
                """));
    }

    @Test
    void instrumentAbsorbedByFixedEffect(@TempDir Path dir) throws Exception {
        assertEquals(List.of("study.yaml:4:47: models.p.formula: 'f' is constant within the absorbed effects or collinear with the other instruments and exogenous regressors; remove it from the formula"), mistakes(dir, """
                  p: {dataset: panel, estimator: iv, formula: "y ~ w | f | x ~ z1 + f"}
                """));
    }

    @Test
    void threeParts(@TempDir Path dir) throws Exception {
        assertEquals(List.of("study.yaml:4:47: models.p.formula: formula \"y ~ w | f | x ~ z1 | g\": a formula has at most three parts at character 20; write y ~ exogenous | absorbed effects | endogenous ~ instruments\n"
                + "    y ~ w | f | x ~ z1 | g\n"
                + "                       ^"), mistakes(dir, """
                  p: {dataset: panel, estimator: iv, formula: "y ~ w | f | x ~ z1 | g"}
                """));
    }

    @Test
    void ivTableShowsTheFirstStageAndRefusesOtherModels(@TempDir Path dir) throws Exception {
        project(dir, TWO_FE + """
                  ols: {dataset: panel, formula: "y ~ w + x | f + g"}
                tables:
                  t: {kind: iv, models: [demand]}
                """);
        Pipeline p = new Pipeline(new Workspace(dir, dir.resolve("study.yaml"), dir.resolve("target"), dir.resolve("baseline.json"), null),
                Reporter.SILENT, 1);
        p.estimate(true);
        p.tables(true);
        String md = Files.readString(dir.resolve("target/tables/t.md"));
        assertEquals(true, md.contains("| First stage: x | |"), md);
        assertEquals(true, md.contains("| F (excluded instruments) | 48.143 |"), md);
        assertEquals(true, md.contains("| Weak identification F | 48.143 |"), md);
        Path other = dir.resolve("other");
        project(other, TWO_FE + """
                  ols: {dataset: panel, formula: "y ~ w + x | f + g"}
                tables:
                  t: {kind: iv, models: [demand, ols]}
                """);
        Pipeline q = new Pipeline(new Workspace(other, other.resolve("study.yaml"), other.resolve("target"), other.resolve("baseline.json"), null),
                Reporter.SILENT, 1);
        q.estimate(true);
        ReproException e = assertThrows(ReproException.class, () -> q.tables(true));
        assertEquals(List.of("study.yaml: tables.t.models: model 'ols' is a within model; an iv table shows models of estimator: iv only"),
                e.problems().stream().map(Problem::format).toList());
    }
}
