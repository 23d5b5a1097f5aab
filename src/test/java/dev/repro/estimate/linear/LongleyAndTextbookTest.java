package dev.repro.estimate.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LongleyAndTextbookTest {

    /** NIST StRD Longley (certified to 15 digits; an ill-conditioned design): we require 1e-10 relative. */
    @Test
    void longleyMatchesNistCertifiedValues() {
        TestData d = TestData.read("/datasets/longley.csv");
        List<String> names = List.of("x1", "x2", "x3", "x4", "x5", "x6");
        double[][] x = new double[6][];
        for (int j = 0; j < 6; j++) {
            x[j] = d.numbers(names.get(j));
        }
        LinearFit f = LinearModel.fit(new LinearProblem("y", d.numbers("y"), names, x, List.of(), Covariance.iid()));
        double ssr = 0;
        for (double e : f.residuals()) {
            ssr += e * e;
        }
        double residualSd = Math.sqrt(ssr / f.dfResid());
        for (String[] r : TestData.read("/linear/longley_certified.csv").rows) {
            double expected = Double.parseDouble(r[2]);
            double actual = switch (r[0]) {
                case "estimate" -> f.coefficient(r[1]).estimate();
                case "stdError" -> f.coefficient(r[1]).stdError();
                case "residualSD" -> residualSd;
                case "r2" -> f.r2();
                case "F" -> f.fStat();
                default -> throw new IllegalArgumentException(r[0]);
            };
            double rel = Math.abs(actual - expected) / Math.abs(expected);
            assertTrue(rel < 1e-10, r[0] + " " + r[1] + ": certified " + expected + ", got " + actual + " (" + rel + ")");
        }
        assertEquals(9, f.dfResid());
        assertEquals(List.of("x1", "x2", "x3", "x4", "x5", "x6", "(Intercept)"),
            f.coefficients().stream().map(Coefficient::term).toList());
    }

    /**
     * Baltagi, Econometric Analysis of Panel Data (3rd ed. 2005, Table 2.1 "Grunfeld's data. One-way error
     * component results"; the same table in later editions): OLS, Within and Swamy-Arora (SWAR) slopes of
     * inv on value and capital with standard errors, printed to three decimals, and rho = s2u / (s2u + s2e)
     * printed to two decimals for SWAR. We format our estimates the way the book prints them.
     */
    @Test
    void baltagiTable21Grunfeld() {
        LinearModelGoldenTest.Case c = LinearModelGoldenTest.data("grunfeld", "full");
        LinearFit ols = LinearModelGoldenTest.fit(c, "ols", "iid", "stata");
        LinearFit within = LinearModelGoldenTest.fit(c, "fe1", "iid", "stata");
        LinearFit swar = LinearModelGoldenTest.fit(c, "re", "iid", "plm");
        assertEquals(List.of("0.116 (0.006)", "0.231 (0.025)"), printed(ols));
        assertEquals(List.of("0.110 (0.012)", "0.310 (0.017)"), printed(within));
        assertEquals(List.of("0.110 (0.010)", "0.308 (0.017)"), printed(swar));
        RandomEffects re = swar.randomEffects();
        double rho = re.sigma2Individual() / (re.sigma2Individual() + re.sigma2Idiosyncratic());
        assertEquals("0.72", String.format(Locale.ROOT, "%.2f", rho));
    }

    private static List<String> printed(LinearFit f) {
        List<String> out = new ArrayList<>();
        for (String t : List.of("value", "capital")) {
            Coefficient c = f.coefficient(t);
            out.add(String.format(Locale.ROOT, "%.3f (%.3f)", c.estimate(), c.stdError()));
        }
        return out;
    }
}
