package dev.repro.estimate.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.repro.numeric.Effect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Time-series HAC ({@code vcov: hac(lag)}) against R sandwich 3.0.2 {@code NeweyWest(lm_fit, lag, prewhite = FALSE,
 * adjust = TRUE/FALSE)} with lmtest::coeftest (src/test/golden/linear/golden_hac.R): AER::USMacroG (204 quarters, and
 * its first 100, and weighted: lm(weights =)) and Longley (16 years); pooled OLS with its intercept and a model absorbing a period effect (no
 * intercept; lm with factor dummies); the default lag floor(4 (T/100)^(2/9)), lags 0, 1 and 4; dof stata (adjust =
 * TRUE: n/(n - k)) and none (adjust = FALSE). Estimates, standard errors, t, p at 1e-8 relative, the t test's degrees
 * of freedom and the lag used exactly.
 */
class HacGoldenTest {
    record Series(String dependent, double[] y, List<String> names, double[][] x, Effect time, Effect period) {
    }

    static Map<LinearModelGoldenTest.Key, List<SerialCovarianceGoldenTest.Expected>> golden() {
        TestData g = TestData.read("/linear/golden_hac.csv");
        Map<LinearModelGoldenTest.Key, List<SerialCovarianceGoldenTest.Expected>> out = new LinkedHashMap<>();
        for (String[] r : g.rows) {
            LinearModelGoldenTest.Key k = new LinearModelGoldenTest.Key(r[0], r[1], r[2], r[3], r[4]);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(new SerialCovarianceGoldenTest.Expected(r[5], r[6],
                Double.parseDouble(r[7])));
        }
        return out;
    }

    static Stream<LinearModelGoldenTest.Key> keys() {
        return golden().keySet().stream();
    }

    /** The series of the R script, rows in time order; {@code first100} keeps the first 100 rows. */
    static Series series(String dataset, String sample) {
        double[] time;
        double[] y;
        double[] x1;
        double[] x2;
        double[] period;
        List<String> names;
        if (dataset.equals("usmacro")) {
            TestData d = TestData.read("/linear/usmacro.csv");
            time = d.numbers("quarter");
            y = d.numbers("consumption").clone();
            x1 = d.numbers("dpi").clone();
            x2 = d.numbers("tbill");
            period = new double[time.length];
            for (int i = 0; i < time.length; i++) {
                y[i] = Math.log(y[i]);
                x1[i] = Math.log(x1[i]);
                period[i] = Math.floor(time[i] / 10);
            }
            names = List.of("log(dpi)", "tbill");
        } else {
            TestData d = TestData.read("/datasets/longley.csv");
            time = d.numbers("x6");
            y = d.numbers("y");
            x1 = d.numbers("x2");
            x2 = d.numbers("x3");
            period = new double[time.length];
            for (int i = 0; i < time.length; i++) {
                period[i] = Math.floor((time[i] - 1947) / 4);
            }
            names = List.of("x2", "x3");
        }
        int n = sample.equals("first100") ? Math.min(100, time.length) : time.length;
        int[] timeCodes = new int[n];
        int[] periodCodes = new int[n];
        for (int i = 0; i < n; i++) {
            timeCodes[i] = i;
            periodCodes[i] = (int) (period[i] - period[0]);
        }
        Effect t = new Effect("time", timeCodes, n);
        Effect p = new Effect("period", periodCodes, periodCodes[n - 1] + 1);
        return new Series("y", head(y, n), names, new double[][] {head(x1, n), head(x2, n)}, t, p);
    }

    private static double[] head(double[] v, int n) {
        double[] out = new double[n];
        System.arraycopy(v, 0, out, 0, n);
        return out;
    }

    /** {@code weighted}: weights 1 + 0.5 (t mod 3), t the row's index from 1, as golden_hac.R. */
    static LinearFit fit(Series s, String model, String vcov, String dof, boolean weighted) {
        List<String> errors = new ArrayList<>();
        Covariance.Spec spec = Covariance.parse(vcov, errors::add);
        assertNotNull(spec, errors.toString());
        LinearOptions o = LinearOptions.defaults().withSmallSample(SmallSample.parse(dof));
        if (weighted) {
            double[] w = new double[s.y().length];
            for (int i = 0; i < w.length; i++) {
                w[i] = 1 + 0.5 * ((i + 1) % 3);
            }
            o = o.withWeights(w);
        }
        List<Effect> absorb = model.equals("fe1") ? List.of(s.period()) : List.of();
        return LinearModel.fit(new LinearProblem(s.dependent(), s.y(), s.names(), s.x(), absorb,
            Covariance.hac(s.time(), spec.lag()), o));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void matchesSandwichNeweyWest(LinearModelGoldenTest.Key key) {
        LinearFit f = fit(series(key.dataset(), key.sample()), key.model(), key.vcov(), key.dof(), key.sample().equals("weighted"));
        for (SerialCovarianceGoldenTest.Expected e : golden().get(key)) {
            String what = key + " " + e.quantity() + " " + e.term();
            switch (e.quantity()) {
                case "estimate" -> SerialCovarianceGoldenTest.close(e.value(), f.coefficient(e.term()).estimate(), what);
                case "stdError" -> SerialCovarianceGoldenTest.close(e.value(), f.coefficient(e.term()).stdError(), what);
                case "t" -> SerialCovarianceGoldenTest.close(e.value(), f.coefficient(e.term()).t(), what);
                case "p" -> SerialCovarianceGoldenTest.close(e.value(), f.coefficient(e.term()).p(), what);
                case "dfTest" -> assertEquals((int) e.value(), f.dfTest(), what);
                case "lag" -> assertEquals("hac(" + (int) e.value() + ")", f.vcovType(), what);
                default -> throw new IllegalArgumentException("unknown golden quantity " + e.quantity());
            }
        }
        assertEquals(golden().get(key).stream().filter(e -> e.quantity().equals("stdError")).count(),
            f.coefficients().size(), key + ": every reported coefficient is checked");
    }
}
