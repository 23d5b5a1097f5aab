package dev.repro.example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.repro.data.CsvOptions;
import dev.repro.data.CsvReader;
import dev.repro.data.Dataset;
import dev.repro.data.readers.DataReaders;
import dev.repro.diag.Problems;
import dev.repro.io.Json;
import dev.repro.pipeline.Pipeline;
import dev.repro.pipeline.Reporter;
import dev.repro.pipeline.Workspace;
import dev.repro.study.DatasetSpec;
import dev.repro.study.Study;
import dev.repro.study.StudyParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example project's synthetic data have known true effects (example-project/generator/truth.json): the
 * pipeline must rebuild the generator's Ce, Open and Quality and recover the true coefficients within
 * sampling error; and the generator must reproduce the committed data byte for byte. The truths checked are
 * the probability limits of the study's static within regressions (the paper's estimates); the dynamic process
 * behind them is in truth.json's "dynamic" entry.
 */
class RecoveryTest {
    static final Path PROJECT = Path.of("example-project").toAbsolutePath();
    static JsonNode truth;
    static JsonNode results;
    static Path out;

    @BeforeAll
    static void build(@TempDir Path dir) throws Exception {
        truth = Json.mapper().readTree(Files.readAllBytes(PROJECT.resolve("generator/truth.json")));
        out = dir.resolve("repro");
        Workspace ws = new Workspace(PROJECT, PROJECT.resolve("study.yaml"), out, dir.resolve("baseline.json"), null);
        new Pipeline(ws, Reporter.SILENT, 2).estimate(true);
        results = Json.mapper().readTree(Files.readAllBytes(out.resolve("results.json")));
    }

    @Test
    void theConstructedVariablesAreTheGeneratorsOwn() throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("data/panel.csv"));
        List<String> header = List.of(lines.get(0).split(",", -1));
        Map<String, String[]> rows = new HashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] c = l.split(",", -1);
            rows.put(c[header.indexOf("province")].replace("\"", "") + "|" + c[header.indexOf("year")], c);
        }
        assertEquals(270, rows.size());
        for (JsonNode p : truth.get("panel")) {
            String[] c = rows.get(p.get("province").asText() + "|" + p.get("year").asInt());
            for (String v : new String[] {"ce", "open", "quality"}) {
                double ours = Double.parseDouble(c[header.indexOf(v)]);
                double want = p.get(v).asDouble();
                assertEquals(want, ours, 1e-12 * Math.max(1, Math.abs(want)), v + " of " + p);
            }
        }
    }

    private static void withinThreeSe(String model, String term, double truthValue) {
        JsonNode c = results.get("models").get(model).get("coefficients").get(term);
        double est = c.get("estimate").asDouble();
        double se = c.get("stdError").asDouble();
        assertTrue(Math.abs(est - truthValue) < 3 * se, model + " " + term + ": " + est + " (se " + se + ") vs truth " + truthValue);
    }

    @Test
    void theBenchmarkModelRecoversTablesFiveTrueEffects() {
        // Table 5, column (5): the generator's Ce carries the paper's coefficients as total effects
        for (String term : new String[] {"open", "rpc", "ei", "fin", "ind"}) {
            withinThreeSe("m5", term, truth.get(term).asDouble());
        }
        withinThreeSe("m5", "gdp_pc", truth.get("gdp").asDouble());
    }

    @Test
    void theOutcomeEquationRecoversTheMediatorsEffect() {
        // Table 13, column (19): Ce on Quality given Open and the controls (the paper's 17,105.47)
        withinThreeSe("quality_b", "quality", truth.get("quality").asDouble());
        // Table 12, column (17): Ce on Tech given Open and the controls (the paper's -7.67)
        withinThreeSe("tech_b", "tech", truth.get("tech").asDouble());
    }

    @Test
    void theTechnologyStockRisesWithOpeningUp() {
        // Table 12, column (16): the mediation's a path, Tech on Open (the paper's 16.38). The controls' coefficients
        // are not checked: the stock's build-up from the study's initial rule (K_2010 = E_2010 (1 + g)/(1 + delta)) is a
        // province-specific trend that the controls' own trends partly pick up
        withinThreeSe("tech_a", "open", truth.get("techOn").get("open").asDouble());
    }

    @Test
    void openingUpGrangerCausesEmissions() {
        // Table 7: the process has a lagged effect of Open on Ce set so that the expected W-bar is the paper's 5.0576
        JsonNode dh = results.get("tests").get("dh");
        assertEquals(5.0576, truth.get("dynamic").get("expectedWbar").asDouble(), 1e-3);
        assertTrue(dh.get("pZbar").asDouble() < 0.01, "Dumitrescu-Hurlin rejects non-causality at 1%: " + dh);
    }

    @Test
    void theMediationSplitsTheTotalEffect() {
        JsonNode q = results.get("mediation").get("quality");
        double a = q.get("a").get("estimate").asDouble();
        double b = q.get("b").get("estimate").asDouble();
        double c = q.get("c").get("estimate").asDouble();
        double cPrime = q.get("cPrime").get("estimate").asDouble();
        assertTrue(a > 0, "opening up raises measured export quality (kappa > 0): a = " + a);
        // with common controls and sample, the total effect is the direct plus the indirect effect exactly
        assertEquals(c, cPrime + a * b, 1e-6 * Math.abs(c));
        assertEquals(q.get("indirect").get("estimate").asDouble(), a * b, 1e-9 * Math.abs(a * b));
    }

    @Test
    void theGeneratorReproducesTheCommittedData(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, PROJECT.resolve("generator/GenerateData.java").toString(), "--out", data.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "generator timed out");
        assertEquals(0, p.exitValue(), log);
        try (Stream<Path> files = Files.list(PROJECT.resolve("data"))) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".dta") || name.endsWith(".xlsx")) {
                    // made from the generator's CSV by generator/formats.R: the same values, read as the study reads them
                    sameValues(f, data.resolve(name.substring(0, name.lastIndexOf('.')) + ".csv"));
                    continue;
                }
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(data.resolve(f.getFileName())), name);
            }
        }
        assertArrayEquals(Files.readAllBytes(PROJECT.resolve("generator/truth.json")), Files.readAllBytes(dir.resolve("generator/truth.json")));
    }

    private static void sameValues(Path converted, Path csv) throws Exception {
        Study study = StudyParser.parse(PROJECT.resolve("study.yaml"), "study.yaml");
        DatasetSpec spec = study.datasets().values().stream()
                .filter(d -> PROJECT.resolve(d.file()).equals(converted)).findFirst().orElseThrow();
        Problems problems = new Problems();
        Dataset a = DataReaders.read(converted, CsvOptions.builder(spec.name(), spec.file()).build(), spec.read(), problems, w -> { });
        Dataset b = CsvReader.read(csv, CsvOptions.builder(spec.name(), csv.toString()).build(), problems);
        assertEquals(List.of(), problems.list());
        assertEquals(b.columnNames(), a.columnNames());
        assertEquals(b.rows(), a.rows());
        for (String c : b.columnNames()) {
            for (int r = 0; r < b.rows(); r++) {
                assertEquals(b.column(c).display(r), a.column(c).display(r), converted.getFileName() + " " + c + "[" + r + "]");
            }
        }
    }
}
