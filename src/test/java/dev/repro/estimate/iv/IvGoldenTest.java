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
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * IV against src/test/golden/iv/golden.R: estimatr::iv_robust (fixed_effects =, se_type "classical"/"stata") for the
 * 2SLS coefficients and standard errors, the script's textbook formulas (checked there against estimatr's diagnostics)
 * for LIML, the first stages, Cragg-Donald, Kleibergen-Paap, Sargan/Hansen J and Durbin-Wu-Hausman; relative 1e-8.
 */
class IvGoldenTest {
    static final double TOL = 1e-8;

    static List<String> lines(String resource) {
        try (InputStream in = IvGoldenTest.class.getResourceAsStream(resource)) {
            List<String> out = new ArrayList<>();
            for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!l.isBlank() && !l.startsWith("#")) {
                    out.add(l.strip());
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** panel.csv by column name. */
    static Map<String, double[]> panel() {
        List<String> lines = lines("/iv/panel.csv");
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

    /** Codes 0.. in order of first appearance. */
    static Effect effect(String name, double[] v) {
        Map<Double, Integer> seen = new HashMap<>();
        int[] codes = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            codes[i] = seen.computeIfAbsent(v[i], k -> seen.size());
        }
        return new Effect(name, codes, seen.size());
    }

    static IvFit fit(String formula, String method, String vcov) throws FormulaException {
        Map<String, double[]> d = panel();
        Formula f = Formula.parseWithInstruments(formula);
        Instruments iv = f.instruments().orElseThrow();
        List<String> exog = new ArrayList<>();
        for (Regressor r : f.parts()) {
            exog.add(r.label());
        }
        List<Effect> absorb = new ArrayList<>();
        for (AbsorbedEffect e : f.absorbed()) {
            absorb.add(effect(e.label(), d.get(e.label())));
        }
        Covariance cov = switch (vcov) {
            case "iid" -> Covariance.iid();
            case "hc1" -> Covariance.hc1();
            default -> Covariance.cluster(effect("cl", d.get("cl")));
        };
        return Iv.fit(new IvProblem(f.dependent().label(), d.get("y"), exog, columns(d, exog), iv.endogenousLabels(),
                columns(d, iv.endogenousLabels()), iv.instrumentLabels(), columns(d, iv.instrumentLabels()), absorb, cov,
                method.equals("liml") ? IvProblem.Method.LIML : IvProblem.Method.TWO_SLS), 2);
    }

    static double[][] columns(Map<String, double[]> d, List<String> names) {
        return names.stream().map(d::get).toArray(double[][]::new);
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String l : lines("/iv/cases.tsv").subList(1, lines("/iv/cases.tsv").size())) {
            String[] c = l.split("\t");
            for (String vcov : List.of("iid", "hc1", "cluster")) {
                out.add(Arguments.of(c[0], c[1], c[2], vcov));
            }
        }
        return out.stream();
    }

    /** Every golden value of one case and covariance, by key. */
    static Map<String, Double> golden(String kase, String vcov) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String l : lines("/iv/golden.csv").subList(1, lines("/iv/golden.csv").size())) {
            String[] c = l.split(",");
            if (c[0].equals(kase) && c[1].equals(vcov)) {
                out.put(c[2], Double.parseDouble(c[3]));
            }
        }
        return out;
    }

    /** The fit's values under the golden keys. */
    static Map<String, Double> values(IvFit fit) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (IvFit.Coefficient c : fit.coefficients()) {
            out.put("coef:" + c.term(), c.estimate());
            out.put("se:" + c.term(), c.stdError());
        }
        out.put("kappa", fit.kappa());
        out.put("r2", fit.r2());
        for (IvFit.FirstStage s : fit.firstStages()) {
            for (IvFit.Coefficient c : s.coefficients()) {
                out.put("fs:" + s.endogenous() + ":coef:" + c.term(), c.estimate());
                out.put("fs:" + s.endogenous() + ":se:" + c.term(), c.stdError());
            }
            out.put("fs:" + s.endogenous() + ":F", s.f().statistic());
            out.put("fs:" + s.endogenous() + ":partialR2", s.partialR2());
        }
        if (fit.weakIdentification() != null) {
            out.put("weak", fit.weakIdentification().statistic());
        }
        if (fit.overidentification() != null) {
            out.put("overid", fit.overidentification().statistic());
        }
        out.put("dwh", fit.endogeneity().statistic());
        return out;
    }

    @ParameterizedTest(name = "{0} {3}")
    @MethodSource("cases")
    void agreesWithR(String kase, String formula, String method, String vcov) throws FormulaException {
        IvFit fit = fit(formula, method, vcov);
        Map<String, Double> want = golden(kase, vcov);
        Map<String, Double> got = values(fit);
        assertTrue(want.size() > 10, "golden values of " + kase);
        for (var e : want.entrySet()) {
            Double g = got.get(e.getKey());
            assertTrue(g != null, kase + " " + vcov + ": no value for " + e.getKey() + " in " + got.keySet());
            double w = e.getValue();
            assertEquals(w, g, TOL * Math.max(Math.abs(w), 1e-6), kase + " " + vcov + " " + e.getKey());
        }
        if (!want.containsKey("overid")) {
            assertNull(fit.overidentification(), "an exactly identified model has no over-identification test");
        }
        assertEquals(vcov.equals("iid") ? "Cragg-Donald Wald F" : "Kleibergen-Paap rk Wald F", fit.weakIdentification().name());
    }
}
