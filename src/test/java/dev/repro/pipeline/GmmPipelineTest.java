package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.repro.diag.Problem;
import dev.repro.diag.ReproException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** estimator: gmm through the whole estimate step: results.json keys and values (plm::pgmm, golden.csv ab2) and user errors. */
class GmmPipelineTest {
    static Path project(Path dir, String models) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("src/test/golden/datasets/emplUK.csv"), dir.resolve("data/emplUK.csv"));
        Files.writeString(dir.resolve("study.yaml"), """
                datasets:
                  empl: {file: data/emplUK.csv, id: firm, time: year}
                models:
                """ + models, StandardCharsets.UTF_8);
        return dir;
    }

    static JsonNode run(Path dir, int threads) throws Exception {
        Path out = dir.resolve("target");
        new Pipeline(new Workspace(dir, dir.resolve("study.yaml"), out, dir.resolve("baseline.json"), null), Reporter.SILENT, threads)
                .estimate(true);
        return new ObjectMapper().readTree(out.resolve("results.json").toFile());
    }

    @Test
    void arellanoBondTwoStepInResultsJson(@TempDir Path dir) throws Exception {
        JsonNode m = run(project(dir, """
                  ab:
                    dataset: empl
                    estimator: gmm
                    formula: "log(emp) ~ L(log(emp), 1:2) + L(log(wage), 0:1) + log(capital) + L(log(output), 0:1)"
                    gmm: "L(log(emp), 2:99)"
                    steps: 2
                """), 1).get("models").get("ab");
        assertEquals("gmm", m.get("estimator").asText());
        assertEquals("windmeijer", m.get("vcov").asText());
        assertEquals(611, m.get("nobs").asInt());
        assertEquals(140, m.get("groups").asInt());
        assertEquals(0.47415060148145, m.get("coefficients").get("L(log(emp), 1)").get("estimate").asDouble(), 1e-9);
        assertEquals(25, m.get("diagnostics").get("sargan").get("df").asInt());
        assertEquals(38, m.get("info").get("instruments").asInt());
        assertEquals(List.of("statistic", "df", "p"), names(m.get("diagnostics").get("sargan")));
        assertEquals(List.of("statistic", "p"), names(m.get("diagnostics").get("ar2")));
    }

    static List<String> names(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void userMistakesAreProblems(@TempDir Path dir) throws Exception {
        project(dir, """
                  a:
                    dataset: empl
                    estimator: gmm
                    formula: "log(emp) ~ L(log(emp), 1) | firm"
                    gmm: "L(log(emp), 2:99)"
                  b:
                    dataset: empl
                    estimator: gmm
                    formula: "log(emp) ~ L(log(emp), 1)"
                    gmm: "L(log(emp), 2:"
                    vcov: hc1
                  c:
                    dataset: empl
                    estimator: gmm
                    formula: "log(emp) ~ L(log(emp), 1)"
                    gmm: "L(log(emp), 2:3)"
                    sample: "year <= 1977"
                  d:
                    dataset: empl
                    estimator: gmm
                    formula: "log(emp) ~ L(log(emp), 1)"
                    gmm: "L(log(empp), 2:99)"
                """);
        ReproException e = assertThrows(ReproException.class, () -> run(dir, 2));
        assertEquals(List.of(
                "study.yaml:7:14: models.a.formula: GMM removes the unit effects by differencing: remove the part after '|' "
                        + "(time dummies come with effect: twoways)",
                "study.yaml:14:11: models.b.vcov: GMM standard errors are robust as plm's summary (Windmeijer-corrected with steps: 2); "
                        + "remove 'vcov'",
                "study.yaml:13:10: models.b.gmm: the GMM instruments \"L(log(emp), 2:\": expected a lag after ':' at the end of the term list\n"
                        + "    L(log(emp), 2:\n"
                        + "                  ^",
                "study.yaml:16:5: models.c: the sample has 2 periods (1976 to 1977), too few for the lags of the model: its first "
                        + "differenced equation needs period number 3; use fewer lags or more periods",
                "study.yaml:25:10: models.d.gmm: unknown variable 'empp' in dataset empl; did you mean 'emp'?"),
                e.problems().stream().map(Problem::format).toList());
    }
}
