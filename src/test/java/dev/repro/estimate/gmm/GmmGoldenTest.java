package dev.repro.estimate.gmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.repro.data.CsvOptions;
import dev.repro.data.CsvReader;
import dev.repro.data.Dataset;
import dev.repro.formula.Formula;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import dev.repro.formula.Term;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model of src/test/golden/gmm/models.tsv against R plm::pgmm 2.6.2 (golden.csv, written by
 * src/test/golden/gmm/golden.R): Arellano-Bond (1991) Table 4 on EmplUK one and two steps, collapsed, individual
 * effects and explicit IV instruments; Blundell-Bond system GMM; Produc and Grunfeld (with gaps) panels.
 * Relative tolerance 1e-6 on estimates, robust SEs, Sargan and AR statistics and their p-values.
 */
class GmmGoldenTest {
    static final double REL = 1e-6;
    static final Map<String, Dataset> DATA = new ConcurrentHashMap<>();

    static Path resource(String path) {
        try {
            return Path.of(GmmGoldenTest.class.getResource(path).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Dataset dataset(String name) {
        return DATA.computeIfAbsent(name, n -> {
            // a panel made for this area (grunfeld_gaps) sits beside golden.R; the public ones are the shared copies
            String local = "/gmm/" + n + ".csv";
            Path file = resource(GmmGoldenTest.class.getResource(local) != null ? local : "/datasets/" + n + ".csv");
            List<String> header;
            try {
                header = List.of(Files.readAllLines(file, StandardCharsets.UTF_8).get(0).replace("\"", "").split(","));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Problems p = new Problems();
            Dataset d = CsvReader.read(file, CsvOptions.builder(n, n + ".csv").id(header.get(0)).time(header.get(1)).build(), p);
            assertTrue(p.list().isEmpty(), p.list().toString());
            return d;
        });
    }

    static List<Map<String, String>> models() throws IOException {
        List<String> lines = Files.readAllLines(resource("/gmm/models.tsv"), StandardCharsets.UTF_8);
        String[] head = lines.get(0).split("\t", -1);
        List<Map<String, String>> out = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            if (l.isBlank()) {
                continue;
            }
            String[] f = l.split("\t", -1);
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < head.length; i++) {
                m.put(head[i], f[i]);
            }
            out.add(m);
        }
        return out;
    }

    /** golden.csv as model -> "quantity|term" -> value. */
    static Map<String, Map<String, Double>> golden() throws IOException {
        Map<String, Map<String, Double>> out = new HashMap<>();
        for (String l : Files.readAllLines(resource("/gmm/golden.csv"), StandardCharsets.UTF_8)) {
            if (l.startsWith("#") || l.startsWith("\"model\"")) {
                continue;
            }
            String[] f = l.substring(1, l.length() - 1).split("\",\"", -1);
            out.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[1] + "|" + f[2], Double.parseDouble(f[3]));
        }
        return out;
    }

    static Stream<Arguments> cases() throws IOException {
        Map<String, Map<String, Double>> g = golden();
        return models().stream().map(m -> Arguments.of(m.get("id"), m, g.get(m.get("id"))));
    }

    static GmmFit fit(Map<String, String> m) throws Exception {
        Dataset d = dataset(m.get("dataset"));
        Located site = new Located("study.yaml", "models." + m.get("id") + ".formula", 1, 1);
        Formula f = Formula.parse(m.get("formula"));
        List<Term> gmm = Formula.parseTerms(m.get("gmm"), "the GMM instruments");
        List<Term> iv = m.get("iv").isEmpty() ? null : Formula.parseTerms(m.get("iv"), "the instruments");
        GmmOptions o = GmmOptions.of(m.get("transformation"), m.get("effect"), Integer.parseInt(m.get("steps")),
                Boolean.parseBoolean(m.get("collapse")));
        Problems problems = new Problems();
        GmmProblem pr = GmmFrame.build(d, new GmmFrame.Spec(f, gmm, iv, site, site, site), null, o, problems)
                .orElseThrow(() -> new AssertionError(problems.list().toString()));
        return PanelGmm.fit(pr);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPlm(String id, Map<String, String> m, Map<String, Double> g) throws Exception {
        assertNotNull(g, "no golden values for " + id);
        GmmFit fit = fit(m);
        int matched = 0;
        for (int j = 0; j < fit.names().size(); j++) {
            String term = fit.names().get(j);
            close(id + " estimate " + term, g.get("estimate|" + term), fit.estimate()[j]);
            close(id + " stdError " + term, g.get("stdError|" + term), fit.stdError()[j]);
            matched++;
        }
        assertEquals(g.keySet().stream().filter(k -> k.startsWith("estimate|")).count(), matched, id + ": regressors");
        close(id + " sargan", g.get("sargan.statistic|"), fit.sargan().statistic());
        assertEquals(g.get("sargan.df|").intValue(), fit.sargan().df(), id + " sargan df");
        close(id + " sargan p", g.get("sargan.p|"), fit.sargan().p());
        test(id + " ar1", g.get("ar1.statistic|"), g.get("ar1.p|"), fit.ar1());
        test(id + " ar2", g.get("ar2.statistic|"), g.get("ar2.p|"), fit.ar2());
        assertEquals(g.get("nobs|").intValue(), fit.nobs(), id + " nobs");
        assertEquals(g.get("groups|").intValue(), fit.groups(), id + " groups");
        assertEquals(g.get("instruments|").intValue(), fit.instruments(), id + " instruments");
    }

    static void test(String what, Double stat, Double p, GmmFit.Test t) {
        assertNotNull(t, what);
        close(what + " statistic", stat, t.statistic());
        close(what + " p", p, t.p());
    }

    static void close(String what, Double expected, double actual) {
        if (expected == null) {
            fail("no golden value for " + what);
        }
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected NaN as plm, got " + actual);
            return;
        }
        double rel = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
        assertTrue(rel <= REL, String.format(Locale.ROOT, "%s: expected %.12g, got %.12g (rel %.2e)", what, expected, actual, rel));
    }
}
