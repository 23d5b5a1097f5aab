package dev.repro.estimate.paneltest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.estimate.linear.Covariance;
import dev.repro.estimate.linear.Effect;
import dev.repro.estimate.linear.Estimator;
import dev.repro.estimate.linear.LinearFit;
import dev.repro.estimate.linear.LinearModel;
import dev.repro.estimate.linear.LinearOptions;
import dev.repro.estimate.linear.LinearProblem;
import dev.repro.estimate.paneltest.GoldenData.Case;
import dev.repro.estimate.paneltest.GoldenData.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hausman tests against R plm's phtest (golden.R): the contrast test from plm's own FE and RE estimates (the
 * function alone), from the FE and Swamy-Arora RE fits of dev.repro.estimate.linear (the composition), and the
 * regression-based version with plm's theta and with the linear package's theta. Relative tolerance 1e-6.
 */
class HausmanGoldenTest {
    static final double TOL = 1e-6;

    static Stream<Case> contrast() {
        return GoldenData.cases("hausman").stream().filter(c -> c.options().equals("chisq"));
    }

    static Stream<Case> aux() {
        return GoldenData.cases("hausman").stream().filter(c -> c.options().startsWith("aux"));
    }

    private static Case contrastCase(Case aux) {
        return contrast().filter(c -> c.dataset().equals(aux.dataset()) && c.variable().equals(aux.variable()))
                .findFirst().orElseThrow();
    }

    /** "inv ~ value + capital" as {dependent, regressors...}. */
    static String[] formula(String f) {
        String[] lr = f.split("~");
        List<String> out = new ArrayList<>();
        out.add(lr[0].trim());
        for (String t : lr[1].split("\\+")) {
            out.add(t.trim());
        }
        return out.toArray(new String[0]);
    }

    private static void assertClose(Case c, String q, double actual) {
        double expected = c.get(q);
        assertTrue(GoldenData.close(actual, expected, TOL, 1e-12),
                c + ": " + q + " = " + actual + ", R gives " + expected);
    }

    private static List<String> names(Case c, String model) {
        List<String> out = new ArrayList<>();
        String prefix = model + ".coef.";
        for (String q : c.values().keySet()) {
            if (q.startsWith(prefix)) {
                out.add(q.substring(prefix.length()));
            }
        }
        return out;
    }

    private static double[] coef(Case c, String model, List<String> names) {
        double[] b = new double[names.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = c.get(model + ".coef." + names.get(i));
        }
        return b;
    }

    private static double[][] vcov(Case c, String model, List<String> names) {
        double[][] v = new double[names.size()][names.size()];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                v[i][j] = c.get(model + ".vcov." + names.get(i) + "." + names.get(j));
            }
        }
        return v;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contrast")
    void contrastFromPlmEstimates(Case c) {
        List<String> fe = names(c, "fe");
        List<String> re = names(c, "re");
        for (Hausman.Method m : Hausman.Method.values()) {
            HausmanResult r = Hausman.test(fe, coef(c, "fe", fe), vcov(c, "fe", fe), re, coef(c, "re", re), vcov(c, "re", re), m);
            assertClose(c, "statistic", r.statistic());
            assertEquals((int) c.get("df"), r.df());
            assertClose(c, "p", r.p());
            assertEquals(fe, r.terms());
        }
    }

    private static LinearFit fit(Table t, String[] f, boolean random) {
        double[][] x = new double[f.length - 1][];
        List<String> names = new ArrayList<>();
        for (int j = 1; j < f.length; j++) {
            x[j - 1] = t.column(f[j]);
            names.add(f[j]);
        }
        Effect unit = new Effect("unit", t.unit(), t.units());
        LinearOptions o = LinearOptions.defaults().withThreads(1);
        LinearProblem p = random
                ? new LinearProblem(f[0], t.column(f[0]), names, x, List.of(), Covariance.iid(),
                        o.withEstimator(Estimator.RANDOM).withPanel(unit))
                : new LinearProblem(f[0], t.column(f[0]), names, x, List.of(unit), Covariance.iid(), o);
        return LinearModel.fit(p);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contrast")
    void contrastFromLinearPackageFits(Case c) {
        Table t = GoldenData.table(c.dataset());
        String[] f = formula(c.variable());
        LinearFit fe = fit(t, f, false);
        LinearFit re = fit(t, f, true);
        List<String> feNames = fe.slopeNames();
        List<String> reNames = new ArrayList<>();
        re.coefficients().forEach(k -> reNames.add(k.term()));
        List<String> all = new ArrayList<>(reNames);
        HausmanResult r = Hausman.test(feNames, fe.estimates(feNames), fe.vcov(feNames), all, re.estimates(all), re.vcov(all),
                Hausman.Method.CHISQ);
        assertClose(c, "statistic", r.statistic());
        assertClose(c, "p", r.p());
        double[] theta = re.randomEffects().theta();
        double[] plmTheta = c.units("theta");
        assertEquals(plmTheta.length, theta.length);
        for (int i = 0; i < theta.length; i++) {
            assertTrue(GoldenData.close(theta[i], plmTheta[i], 1e-9, 1e-12), "theta " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("aux")
    void regressionBased(Case c) {
        Table t = GoldenData.table(c.dataset());
        String[] f = formula(c.variable());
        double[][] x = new double[f.length - 1][];
        List<String> names = new ArrayList<>();
        for (int j = 1; j < f.length; j++) {
            x[j - 1] = t.column(f[j]);
            names.add(f[j]);
        }
        Hausman.AuxVcov v = c.options().equals("aux-iid") ? Hausman.AuxVcov.IID : Hausman.AuxVcov.CLUSTER;
        double[] plmTheta = contrastCase(c).units("theta");
        HausmanResult r = Hausman.auxiliary(t.column(f[0]), names, x, t.unit(), plmTheta, v);
        assertClose(c, "statistic", r.statistic());
        assertEquals((int) c.get("df"), r.df());
        assertClose(c, "p", r.p());
        double[] theta = fit(t, f, true).randomEffects().theta();
        HausmanResult r2 = Hausman.auxiliary(t.column(f[0]), names, x, t.unit(), theta, v);
        assertClose(c, "statistic", r2.statistic());
    }
}
