package dev.repro.estimate.iv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.estimate.linear.Covariance;
import dev.repro.formula.AbsorbedEffect;
import dev.repro.formula.Formula;
import dev.repro.formula.FormulaException;
import dev.repro.formula.Instruments;
import dev.repro.formula.Regressor;
import dev.repro.numeric.Effect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * IV with weights, two-way clusters and the Driscoll-Kraay / panel Newey-West covariances against
 * src/test/golden/iv-extensions/golden.R: estimatr::iv_robust(weights =) and AER::ivreg(weights =) + sandwich for the
 * weighted 2SLS fits, sandwich::vcovCL(cluster = ~ id + c2) with the Stata factor for two-way clusters, plm IV fits
 * with vcovSCC / vcovNW for dk / nw (first stages too), the script's formulas for LIML and the diagnostics; 1e-8
 * relative.
 */
class IvExtensionsGoldenTest {
    private static final String DIR = "/iv-extensions/";

    static Map<String, double[]> panel() {
        List<String> lines = IvGoldenTest.lines(DIR + "panel.csv");
        String[] head = lines.get(0).split(",");
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int c = 0; c < head.length; c++) {
            double[] v = new double[lines.size() - 1];
            for (int r = 1; r < lines.size(); r++) {
                v[r - 1] = Double.parseDouble(lines.get(r).split(",")[c]);
            }
            out.put(head[c], v);
        }
        return out;
    }

    /** Codes 0.. in increasing order of the values (time codes must increase with time). */
    static Effect sorted(String name, double[] v) {
        double[] levels = Arrays.stream(v).sorted().distinct().toArray();
        int[] codes = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            codes[i] = Arrays.binarySearch(levels, v[i]);
        }
        return new Effect(name, codes, levels.length);
    }

    /** The golden vcov keys of golden.R as covariances of the panel. */
    static Covariance covariance(String key, Map<String, double[]> d) {
        Effect id = sorted("id", d.get("id"));
        Effect year = sorted("year", d.get("year"));
        return switch (key) {
            case "iid" -> Covariance.iid();
            case "hc1" -> Covariance.hc1();
            case "cluster" -> Covariance.cluster(sorted("c2", d.get("c2")));
            case "twoway" -> Covariance.cluster(id, sorted("c2", d.get("c2")));
            default -> key.startsWith("dk") ? Covariance.driscollKraay(year, id, Integer.parseInt(key.substring(2)))
                    : Covariance.neweyWest(year, id, Integer.parseInt(key.substring(2)));
        };
    }

    static IvFit fit(String formula, String method, String weights, String vcov) throws FormulaException {
        Map<String, double[]> d = panel();
        Formula f = Formula.parseWithInstruments(formula);
        Instruments iv = f.instruments().orElseThrow();
        List<String> exog = new ArrayList<>();
        for (Regressor r : f.parts()) {
            exog.add(r.label());
        }
        List<Effect> absorb = new ArrayList<>();
        for (AbsorbedEffect e : f.absorbed()) {
            absorb.add(sorted(e.label(), d.get(e.label())));
        }
        return Iv.fit(new IvProblem(f.dependent().label(), d.get("y"), exog, IvGoldenTest.columns(d, exog), iv.endogenousLabels(),
                IvGoldenTest.columns(d, iv.endogenousLabels()), iv.instrumentLabels(), IvGoldenTest.columns(d, iv.instrumentLabels()), absorb,
                covariance(vcov, d), method.equals("liml") ? IvProblem.Method.LIML : IvProblem.Method.TWO_SLS,
                weights.equals("none") ? null : d.get(weights)), 2);
    }

    private static List<String[]> goldenRows() {
        List<String> l = IvGoldenTest.lines(DIR + "golden.csv");
        return l.subList(1, l.size()).stream().map(s -> s.split(",")).toList();
    }

    static Stream<Arguments> cases() {
        Map<String, String[]> formulas = new LinkedHashMap<>();
        List<String> c = IvGoldenTest.lines(DIR + "cases.tsv");
        for (String l : c.subList(1, c.size())) {
            String[] f = l.split("\t");
            formulas.put(f[0], f);
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Arguments> out = new ArrayList<>();
        for (String[] r : goldenRows()) {
            // singletons: drop is a rule of the study's estimation sample, checked by IvExtensionsPipelineTest
            if (!r[0].equals("singletons") && seen.add(r[0] + "/" + r[1] + "/" + r[2])) {
                String[] f = formulas.get(r[0]);
                out.add(Arguments.of(r[0], f[1], f[2], r[1], r[2]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} weights={3} {4}")
    @MethodSource("cases")
    void agreesWithR(String kase, String formula, String method, String weights, String vcov) throws FormulaException {
        IvFit fit = fit(formula, method, weights, vcov);
        Map<String, Double> got = IvGoldenTest.values(fit);
        int compared = 0;
        for (String[] r : goldenRows()) {
            if (r[0].equals(kase) && r[1].equals(weights) && r[2].equals(vcov)) {
                Double g = got.get(r[3]);
                assertTrue(g != null, kase + " " + vcov + ": no value for " + r[3] + " in " + got.keySet());
                double w = Double.parseDouble(r[4]);
                assertEquals(w, g, IvGoldenTest.TOL * Math.max(Math.abs(w), 1e-6), kase + " " + weights + " " + vcov + " " + r[3]);
                compared++;
            }
        }
        assertTrue(compared > 10, "golden values of " + kase);
        if (vcov.startsWith("dk") || vcov.startsWith("nw")) {
            assertNull(fit.weakIdentification(), "no Kleibergen-Paap F under a kernel covariance");
            assertEquals(vcov.substring(0, 2) + "(" + vcov.substring(2) + ")", fit.vcov());
        }
        if (vcov.equals("twoway")) {
            assertEquals("cluster(id, c2)", fit.vcov());
            assertEquals(9, fit.clusters(), "the fewer clusters of the two variables");
        }
    }

    @Test
    void defaultLagIsPlmsRuleAndUnitWeightsChangeNothing() throws FormulaException {
        Map<String, double[]> d = panel();
        Effect id = sorted("id", d.get("id"));
        Effect year = sorted("year", d.get("year"));
        IvFit dk = fitWith(d, Covariance.driscollKraay(year, id, Covariance.DEFAULT_LAG), null);
        assertEquals("dk(1)", dk.vcov(), "floor(12^(1/4)) = 1");
        double[] ones = new double[d.get("y").length];
        Arrays.fill(ones, 1.0);
        IvFit plain = fitWith(d, Covariance.cluster(id, sorted("c2", d.get("c2"))), null);
        IvFit unit = fitWith(d, Covariance.cluster(id, sorted("c2", d.get("c2"))), ones);
        for (int j = 0; j < plain.coefficients().size(); j++) {
            assertEquals(plain.coefficients().get(j).stdError(), unit.coefficients().get(j).stdError(), 1e-12);
        }
    }

    private static IvFit fitWith(Map<String, double[]> d, Covariance cov, double[] w) {
        Effect id = sorted("id", d.get("id"));
        Effect year = sorted("year", d.get("year"));
        return Iv.fit(new IvProblem("y", d.get("y"), List.of("w"), new double[][] {d.get("w")}, List.of("x"), new double[][] {d.get("x")},
                List.of("z1", "z2"), new double[][] {d.get("z1"), d.get("z2")}, List.of(id, year), cov, IvProblem.Method.TWO_SLS, w), 1);
    }
}
