package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.repro.diag.Problem;
import dev.repro.diag.ReproException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** estimator: ppml through the estimate step: results.json (golden values of src/test/golden/ppml) and user mistakes. */
class PpmlPipelineTest {
    static Path project(Path dir, String csv, String models) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/flows.csv"), csv, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("study.yaml"), """
                datasets:
                  flows: {file: data/flows.csv}
                models:
                """ + models, StandardCharsets.UTF_8);
        return dir;
    }

    static String flows() throws Exception {
        return Files.readString(Path.of("src/test/golden/ppml/flows.csv"), StandardCharsets.UTF_8);
    }

    static Path run(Path dir, int threads) throws Exception {
        Path out = dir.resolve("target");
        new Pipeline(new Workspace(dir, dir.resolve("study.yaml"), out, dir.resolve("baseline.json"), null), Reporter.SILENT, threads)
                .estimate(true);
        return out.resolve("results.json");
    }

    private static final String GRAVITY = """
              gravity:
                dataset: flows
                estimator: ppml
                formula: "flow ~ ldist + open | ex + im"
                vcov: cluster(ex)
            """;

    @Test
    void gravityModelInResultsJsonMatchesGlm(@TempDir Path dir) throws Exception {
        JsonNode m = new ObjectMapper().readTree(run(project(dir, flows(), GRAVITY), 1).toFile()).get("models").get("gravity");
        assertEquals("ppml", m.get("estimator").asText());
        assertEquals("cluster(ex)", m.get("vcov").asText());
        assertEquals(220, m.get("nobs").asInt());
        assertEquals(11, m.get("clusters").asInt());
        // golden.csv, ex+im / cluster_ex (glm poisson with dummies, sandwich::vcovCL HC1)
        JsonNode ldist = m.get("coefficients").get("ldist");
        assertTrue(Math.abs(ldist.get("estimate").asDouble() - golden("ex+im", "cluster_ex", "ldist", 3)) < 1e-8);
        assertTrue(Math.abs(ldist.get("stdError").asDouble() - golden("ex+im", "cluster_ex", "ldist", 4)) < 1e-8);
        assertEquals(20, m.get("info").get("separated").get("ex").asInt());
        assertEquals(golden("ex+im", "info", "deviance", 3), m.get("info").get("deviance").asDouble(), 1e-7);
        assertEquals(List.of("iterations", "tolerance", "deviance", "logLikelihood", "pseudoR2", "absorbedDf", "separated"),
                GmmPipelineTest.names(m.get("info")));
    }

    @Test
    void separationByTheRegressorsIsWarnedAndCounted(@TempDir Path dir) throws Exception {
        String csv = Files.readString(Path.of("src/test/golden/ppml/separation.csv"), StandardCharsets.UTF_8);
        project(dir, csv, """
                  sep:
                    dataset: flows
                    estimator: ppml
                    formula: "y ~ x1 + x2 + x3 | g"
                """);
        List<String> warnings = new ArrayList<>();
        Reporter collect = new Reporter() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
                warnings.add(message);
            }
        };
        Path out = dir.resolve("target");
        new Pipeline(new Workspace(dir, dir.resolve("study.yaml"), out, dir.resolve("baseline.json"), null), collect, 1).estimate(true);
        assertTrue(warnings.contains("models.sep: 6 observations dropped as separated by the regressors (a combination of them is 0 "
                + "wherever y > 0 and positive only where it is 0; Correia, Guimaraes and Zylkin 2021); omitted as collinear on the "
                + "rest: x2"), warnings.toString());
        JsonNode m = new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("models").get("sep");
        assertEquals(74, m.get("nobs").asInt());
        assertEquals(6, m.get("info").get("separatedByRegressors").asInt());
        assertEquals("x2", m.get("dropped").get(0).asText());
        assertEquals(List.of("x1", "x3"), GmmPipelineTest.names(m.get("coefficients")));
    }

    static double golden(String kase, String vcov, String term, int column) throws Exception {
        for (String line : Files.readAllLines(Path.of("src/test/golden/ppml/golden.csv"))) {
            String[] f = line.split(",", -1);
            if (!line.startsWith("#") && f[0].equals(kase) && f[1].equals(vcov) && f[2].equals(term)) {
                return Double.parseDouble(f[column]);
            }
        }
        throw new IllegalStateException("no golden row " + kase + "/" + vcov + "/" + term);
    }

    @Test
    void sameBytesAtAnyThreadCount(@TempDir Path dir) throws Exception {
        byte[] one = Files.readAllBytes(run(project(dir.resolve("a"), flows(), GRAVITY), 1));
        byte[] four = Files.readAllBytes(run(project(dir.resolve("b"), flows(), GRAVITY), 4));
        assertArrayEquals(one, four);
    }

    @Test
    void negativeOutcomeIsReportedAtItsDataLine(@TempDir Path dir) throws Exception {
        String csv = "ex,x,flow\n1,0.5,3\n1,1.5,-2\n2,0.7,1\n2,0.1,-0.5\n";
        project(dir, csv, """
                  p: {dataset: flows, estimator: ppml, formula: "flow ~ x | ex"}
                """);
        ReproException e = assertThrows(ReproException.class, () -> run(dir, 1));
        assertEquals(List.of("data/flows.csv:3: models.p.formula: estimator: ppml needs an outcome of 0 or more, but flow is negative "
                        + "in 2 rows of dataset flows: line 3 (-2.0), line 5 (-0.5); keep the other rows with sample: \"flow >= 0\" or fix the data"),
                e.problems().stream().map(Problem::format).toList());
    }

    @Test
    void controlsAreCheckedAtTheirKeys(@TempDir Path dir) throws Exception {
        project(dir, flows(), """
                  p: {dataset: flows, estimator: ppml, formula: "flow ~ ldist | ex", tolerance: 0.5, maxIterations: 0, dof: plm}
                """);
        ReproException e = assertThrows(ReproException.class, () -> run(dir, 1));
        assertEquals(List.of(
                "study.yaml:4:101: models.p.maxIterations: expected a whole number from 1 to 10000, found 0",
                "study.yaml:4:81: models.p.tolerance: tolerance must be above 0 and below 0.001 (the default is 1e-10), found 0.5",
                "study.yaml:4:109: models.p.dof: 'dof' applies to estimator: linear or re only; remove it or set estimator: linear"),
                e.problems().stream().map(Problem::format).toList());
    }

    @Test
    void serialCorrelationCovariancesAreRefusedAtVcov(@TempDir Path dir) throws Exception {
        project(dir, flows(), """
                  p: {dataset: flows, estimator: ppml, formula: "flow ~ ldist | ex", vcov: "nw(1)"}
                """);
        ReproException e = assertThrows(ReproException.class, () -> run(dir, 1));
        assertEquals(List.of("study.yaml:4:76: models.p.vcov: vcov: nw(1) is not available for estimator: ppml; "
                        + "use iid, hc1 or cluster(<column>)"),
                e.problems().stream().map(Problem::format).toList());
    }
}
