package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.repro.diag.Problem;
import dev.repro.diag.ReproException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The study's tests: section run through the pipeline on Grunfeld; the numbers are the R golden values of
 * src/test/golden/paneltest/golden.R (plm phtest, purtest, pgrangertest; Stata-convention Fisher), and every mistake
 * is a problem with its exact message.
 */
class TestRunnerTest {
    @TempDir
    Path dir;

    private Path project(String tests) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        try (InputStream in = getClass().getResourceAsStream("/datasets/grunfeld.csv")) {
            Files.write(dir.resolve("data/grunfeld.csv"), in.readAllBytes());
        }
        Files.writeString(dir.resolve("data/flat.csv"), "x,y\n1,2\n2,3\n");
        Files.writeString(dir.resolve("study.yaml"), """
                datasets:
                  grunfeld:
                    file: data/grunfeld.csv
                    id: firm
                    time: year
                  flat:
                    file: data/flat.csv
                tests:
                """ + tests);
        return dir;
    }

    private JsonNode run(String tests) throws Exception {
        Path p = project(tests);
        Path out = p.resolve("target");
        new Pipeline(new Workspace(p, p.resolve("study.yaml"), out, p.resolve("baseline.json"), null), Reporter.SILENT, 2)
                .estimate(true);
        return new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("tests");
    }

    private List<String> problems(String tests) throws Exception {
        Path p = project(tests);
        Path out = p.resolve("target");
        ReproException e = assertThrows(ReproException.class, () -> new Pipeline(
                new Workspace(p, p.resolve("study.yaml"), out, p.resolve("baseline.json"), null), Reporter.SILENT, 1)
                .estimate(true));
        return e.problems().stream().map(Problem::format).toList();
    }

    private static void close(double expected, JsonNode actual) {
        assertTrue(actual != null && actual.isNumber(), "not a number: " + actual);
        assertEquals(expected, actual.doubleValue(), 1e-9 * Math.abs(expected));
    }

    @Test
    void everyTestTypeGoesToResults() throws Exception {
        JsonNode t = run("""
                  haus: {type: hausman, dataset: grunfeld, formula: "inv ~ value + capital"}
                  hreg: {type: hausman, dataset: grunfeld, formula: "inv ~ value + capital", method: regression}
                  llc:  {type: unitroot, method: llc, dataset: grunfeld, variable: inv, lags: 1, deterministic: intercept}
                  ips:  {type: unitroot, method: ips, dataset: grunfeld, variable: inv, lags: 1, deterministic: trend}
                  fadf: {type: unitroot, method: fisher-adf, dataset: grunfeld, variable: inv, lags: 1}
                  fplm: {type: unitroot, method: fisher-adf, dataset: grunfeld, variable: inv, lags: 1, convention: plm}
                  fpp:  {type: unitroot, method: fisher-pp, dataset: grunfeld, variable: inv}
                  dh:   {type: granger, dataset: grunfeld, cause: value, effect: inv, lags: 1}
                  dh5:  {type: granger, dataset: grunfeld, cause: value, effect: inv, lags: 5}
                """);
        assertEquals(List.of("haus", "hreg", "llc", "ips", "fadf", "fplm", "fpp", "dh", "dh5"), fieldNames(t));
        close(2.3303668936754631, t.at("/haus/statistic"));
        assertEquals(2, t.at("/haus/df").intValue());
        close(0.31186544605488559, t.at("/haus/p"));
        close(8.2998366168350906, t.at("/hreg/statistic"));
        close(2.0154020541064877, t.at("/llc/statistic"));
        close(0.97806873030461716, t.at("/llc/p"));
        assertTrue(t.at("/llc/delta").isNumber());
        assertEquals(1, t.at("/llc/lags").intValue());
        close(-2.6180071297144809, t.at("/ips/statistic"));
        close(13.872992529799685, t.at("/fadf/statistic"));
        close(0.83687665693253632, t.at("/fadf/p"));
        close(2.2980909431535421, t.at("/fadf/z"));
        close(2.7759418227772383, t.at("/fadf/lstar"));
        close(-0.96876494233496147, t.at("/fadf/pm"));
        close(13.084416994760348, t.at("/fpp/statistic"));
        assertEquals(2, t.at("/fpp/lags").intValue());
        close(3.0226286440131029, t.at("/dh/wbar"));
        close(4.5227351412515215, t.at("/dh/zbar"));
        close(6.1045609445675525e-06, t.at("/dh/pZbar"));
        close(3.28960012702293, t.at("/dh/zbarTilde"));
        close(0.0010032985306459056, t.at("/dh/pZbarTilde"));
        assertEquals("value", t.at("/dh/cause").asText());
        assertEquals("inv", t.at("/dh/effect").asText());
        assertEquals(1, t.at("/dh/lags").intValue());
        close(6.9706622416238604, t.at("/dh5/wbar"));
        assertTrue(t.at("/dh5/zbarTilde").isMissingNode());
        assertEquals("Z-bar tilde needs more than 5 + 3K = 20 periods in every unit (K = 5 lags: the finite-T moments of "
                + "the Wald statistics exist only for T - K > 5 + 2K); unit 1 has 20; use fewer lags or a longer panel",
                t.at("/dh5/zbarTildeProblem").asText());
    }

    @Test
    void sampleAndExpressionsApply() throws Exception {
        JsonNode t = run("""
                  u: {type: unitroot, method: fisher-adf, dataset: grunfeld, variable: "log(inv)", lags: 0, sample: "year >= 1936"}
                """);
        assertEquals(10, t.at("/u/units").intValue());
        assertEquals("log(inv)", t.at("/u/variable").asText());
        assertTrue(t.at("/u/unitStatistics").size() == 10);
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void mistakesAreReportedAtTheirKeys() throws Exception {
        assertEquals(List.of(
                "study.yaml:9:45: tests.a.dataset: the unitroot test needs a panel dataset, but dataset 'flat' has no id column; "
                        + "declare its panel unit and period with id: and time:",
                "study.yaml:10:85: tests.b.deterministic: the Im-Pesaran-Shin test needs deterministic: intercept or trend "
                        + "(its moments are tabulated only for those models)",
                "study.yaml:11:82: tests.c.lags: lags of fisher-pp is the number of Newey-West lags; aic, sic and hall choose "
                        + "ADF lags; write a number or leave lags out for int(4 (T/100)^(2/9))",
                "study.yaml:12:50: tests.d.formula: write the Hausman formula without '|': the test fits the fixed effects "
                        + "of the panel unit (firm) and the random-effects model itself",
                "study.yaml:13:81: tests.e.vcov: the chisq Hausman test compares the conventional covariances of the two "
                        + "models, so vcov can only be iid; for a robust test write method: regression",
                "study.yaml:14:82: tests.f.lags: lags of fisher-pp is the number of Newey-West lags; aic, sic and hall choose ADF lags; write a number or leave lags out for int(4 (T/100)^(2/9))"),
                problems("""
                          a: {type: unitroot, method: llc, dataset: flat, variable: x}
                          b: {type: unitroot, method: ips, dataset: grunfeld, variable: inv, deterministic: none}
                          c: {type: unitroot, method: fisher-pp, dataset: grunfeld, variable: inv, lags: aic}
                          d: {type: hausman, dataset: grunfeld, formula: "inv ~ value | firm"}
                          e: {type: hausman, dataset: grunfeld, formula: "inv ~ value + capital", vcov: hc1}
                          f: {type: unitroot, method: fisher-pp, dataset: grunfeld, variable: inv, lags: hall}
                        """));
    }

    @Test
    void dataProblemsNameTheTest() throws Exception {
        List<String> p = problems("""
                  l: {type: unitroot, method: llc, dataset: grunfeld, variable: inv, lags: 1, sample: "firm != 3 or year > 1940"}
                  g: {type: granger, dataset: grunfeld, cause: value, effect: inv, lags: 7}
                """);
        assertEquals(List.of(
                "study.yaml:9:65: tests.l.variable: the Levin-Lin-Chu test needs a balanced panel without gaps (as R plm and "
                        + "Stata's xtunitroot llc): unit 3 has 14 observations in periods 1941-1954, unit 1 has 20 in 1935-1954; "
                        + "restrict the sample to common periods or use a Fisher or IPS test",
                "study.yaml:10:48: tests.g.cause: unit 1: the Granger regression with 7 lags has 13 usable observations for "
                        + "15 coefficients; use fewer lags (it has 20 periods, at least 3K + 2 = 23 are needed)"), p);
        assertFalse(p.isEmpty());
    }
}
