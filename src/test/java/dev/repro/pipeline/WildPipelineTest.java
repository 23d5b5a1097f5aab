package dev.repro.pipeline;

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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A linear model's wild: key through the estimate step: results.json wild.<term> (golden of src/test/golden/wild) and mistakes. */
class WildPipelineTest {
    static Path project(Path dir, String top, String models) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("src/test/golden/wild/panel.csv"), dir.resolve("data/panel.csv"));
        Files.writeString(dir.resolve("study.yaml"), top + """
                datasets:
                  panel: {file: data/panel.csv, id: id, time: year}
                models:
                """ + models, StandardCharsets.UTF_8);
        return dir;
    }

    static JsonNode run(Path dir) throws Exception {
        Path out = dir.resolve("target");
        new Pipeline(new Workspace(dir, dir.resolve("study.yaml"), out, dir.resolve("baseline.json"), null), Reporter.SILENT, 2)
                .estimate(true);
        return new ObjectMapper().readTree(out.resolve("results.json").toFile());
    }

    static double golden(String kase, String quantity) throws Exception {
        for (String line : Files.readAllLines(Path.of("src/test/golden/wild/golden.csv"))) {
            String[] f = line.split(",");
            if (f[0].equals(kase) && f[1].equals(quantity)) {
                return Double.parseDouble(f[2]);
            }
        }
        throw new IllegalStateException(kase + "/" + quantity);
    }

    @Test
    void enumeratedWildBootstrapInResultsJson(@TempDir Path dir) throws Exception {
        JsonNode w = run(project(dir, "seed: 7\n", """
                  twfe:
                    dataset: panel
                    formula: "y ~ x1 + x2 | id + year"
                    vcov: cluster(id)
                    wild: {terms: [x1], replications: 9999}
                """)).get("models").get("twfe").get("wild").get("x1");
        assertEquals(List.of("p", "pEqualTailed", "ciLow", "ciHigh", "level", "weights", "draws", "enumerated"), GmmPipelineTest.names(w));
        assertEquals(golden("twfe_x1", "p"), w.get("p").asDouble(), 0.0);
        assertEquals(golden("twfe_x1", "pEqualTailed"), w.get("pEqualTailed").asDouble(), 0.0);
        assertEquals(golden("twfe_x1", "ciLow"), w.get("ciLow").asDouble(), 1e-10 * Math.abs(golden("twfe_x1", "ciLow")));
        assertEquals(golden("twfe_x1", "ciHigh"), w.get("ciHigh").asDouble(), 1e-10 * Math.abs(golden("twfe_x1", "ciHigh")));
        assertEquals(1024, w.get("draws").asInt());
        assertTrue(w.get("enumerated").asBoolean());
        assertEquals("rademacher", w.get("weights").asText());
    }

    @Test
    void weightedModelIsBootstrappedWithItsWeights(@TempDir Path dir) throws Exception {
        JsonNode w = run(project(dir, "seed: 7\n", """
                  twfe:
                    dataset: panel
                    formula: "y ~ x1 + x2 | id + year"
                    vcov: cluster(id)
                    weights: w
                    wild: {terms: [x1], replications: 9999}
                """)).get("models").get("twfe").get("wild").get("x1");
        assertEquals(golden("twfe_x1_weighted", "p"), w.get("p").asDouble(), 0.0);
        assertEquals(golden("twfe_x1_weighted", "pEqualTailed"), w.get("pEqualTailed").asDouble(), 0.0);
        assertEquals(golden("twfe_x1_weighted", "ciLow"), w.get("ciLow").asDouble(), 1e-10 * Math.abs(golden("twfe_x1_weighted", "ciLow")));
        assertEquals(golden("twfe_x1_weighted", "ciHigh"), w.get("ciHigh").asDouble(),
                1e-10 * Math.abs(golden("twfe_x1_weighted", "ciHigh")));
        assertEquals(1024, w.get("draws").asInt());
    }

    @Test
    void modelMistakesAreLocatedAtTheWildKey(@TempDir Path dir) throws Exception {
        project(dir, "seed: 7\n", """
                  a:
                    dataset: panel
                    formula: "y ~ x1 + x2 | id"
                    wild: {terms: [x1]}
                  b:
                    dataset: panel
                    formula: "y ~ x1 + x2"
                    vcov: cluster(id)
                    wild: {terms: [x3]}
                """);
        ReproException e = assertThrows(ReproException.class, () -> run(dir));
        assertEquals(List.of(
                        "study.yaml:8:11: models.a.wild: the wild cluster bootstrap needs vcov: cluster(<column>) with one cluster "
                                + "variable; found vcov: iid",
                        "study.yaml:13:11: models.b.wild: wild bootstrap term 'x3' is not a regressor of the model; its regressors are: x1, x2"),
                e.problems().stream().map(Problem::format).toList());
    }

    @Test
    void theStudySeedIsNeeded(@TempDir Path dir) throws Exception {
        project(dir, "", """
                  a: {dataset: panel, formula: "y ~ x1 | id", vcov: cluster(id), wild: {terms: x1}}
                """);
        ReproException e = assertThrows(ReproException.class, () -> run(dir));
        assertEquals(List.of("study.yaml:4:72: models.a.wild: a wild bootstrap needs the study's seed so that its draws can be "
                        + "reproduced: add 'seed: 20250521' (any whole number) at the top of the study"),
                e.problems().stream().map(Problem::format).toList());
    }

    @Test
    void mistakesAreLocated(@TempDir Path dir) throws Exception {
        project(dir, "seed: 7\n", """
                  a:
                    dataset: panel
                    formula: "y ~ x1 + x2 | id"
                    wild: {terms: [x1]}
                  b:
                    dataset: panel
                    formula: "y ~ x1 + x2"
                    vcov: cluster(id)
                    wild: {terms: [x3], restricted: false, weights: webbb}
                """);
        ReproException e = assertThrows(ReproException.class, () -> run(dir));
        assertEquals(List.of(
                        "study.yaml:13:53: models.b.wild.weights: unknown value 'webbb', did you mean 'webb'? expected one of rademacher, webb, mammen",
                        "study.yaml:13:37: models.b.wild.restricted: only the restricted bootstrap (WCR, the null imposed) is offered: remove "
                                + "'restricted' or set it to true"),
                e.problems().stream().map(Problem::format).toList());
    }
}
