package dev.repro.estimate.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.numeric.Effect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Driscoll-Kraay ({@code dk}) and panel Newey-West ({@code nw}) against R plm 2.6.2 vcovSCC / vcovNW with
 * lmtest::coeftest (src/test/golden/linear/golden_serial.R): Grunfeld and Produc, full, unbalanced (every 7th row
 * dropped) and short (3 years); pooled OLS, one-way FE, two-way FE, Swamy-Arora RE; default lag (plm's
 * floor(max T_i^(1/4))), lags 0, 2 and 3. Estimates, standard errors, t, p, the t test's degrees of freedom and the
 * lag used.
 */
class SerialCovarianceGoldenTest {
    /** 1e-8 relative, the tolerance the project asks of these references. */
    static final double TOL = 1e-8;

    record Expected(String quantity, String term, double value) {
    }

    static Map<LinearModelGoldenTest.Key, List<Expected>> golden() {
        TestData g = TestData.read("/linear/golden_serial.csv");
        Map<LinearModelGoldenTest.Key, List<Expected>> out = new LinkedHashMap<>();
        for (String[] r : g.rows) {
            LinearModelGoldenTest.Key k = new LinearModelGoldenTest.Key(r[0], r[1], r[2], r[3], r[4]);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(new Expected(r[5], r[6], Double.parseDouble(r[7])));
        }
        return out;
    }

    static Stream<LinearModelGoldenTest.Key> keys() {
        return golden().keySet().stream();
    }

    static LinearFit fit(LinearModelGoldenTest.Case c, String model, String vcov) {
        List<String> errors = new ArrayList<>();
        Covariance.Spec spec = Covariance.parse(vcov, errors::add);
        assertNotNull(spec, errors.toString());
        Covariance cov = new Covariance(spec.kind(), List.of(), c.year(), c.id(), spec.lag());
        LinearOptions o = LinearOptions.defaults().withPanel(c.id());
        List<Effect> absorb = switch (model) {
            case "ols", "re" -> List.of();
            case "fe1" -> List.of(c.id());
            case "fe2" -> List.of(c.id(), c.year());
            default -> throw new IllegalArgumentException(model);
        };
        if (model.equals("re")) {
            o = o.withEstimator(Estimator.RANDOM);
        }
        return LinearModel.fit(new LinearProblem(c.dependent(), c.y(), c.names(), c.x(), absorb, cov, o));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void matchesPlm(LinearModelGoldenTest.Key key) {
        LinearModelGoldenTest.Case c = LinearModelGoldenTest.data(key.dataset(), key.sample());
        LinearFit f = fit(c, key.model(), key.vcov());
        for (Expected e : golden().get(key)) {
            String what = key + " " + e.quantity() + " " + e.term();
            switch (e.quantity()) {
                case "estimate" -> close(e.value(), f.coefficient(e.term()).estimate(), what);
                case "stdError" -> close(e.value(), f.coefficient(e.term()).stdError(), what);
                case "t" -> close(e.value(), f.coefficient(e.term()).t(), what);
                case "p" -> close(e.value(), f.coefficient(e.term()).p(), what);
                case "dfTest" -> assertEquals((int) e.value(), f.dfTest(), what);
                case "lag" -> assertEquals(key.vcov().replaceAll("\\(.*", "") + "(" + (int) e.value() + ")", f.vcovType(), what);
                default -> throw new IllegalArgumentException("unknown golden quantity " + e.quantity());
            }
        }
    }

    static void close(double expected, double actual, String what) {
        double scale = Math.max(Math.abs(expected), 1e-300);
        assertTrue(Math.abs(actual - expected) <= TOL * scale, what + ": expected " + expected + ", got " + actual
            + " (rel " + Math.abs(actual - expected) / scale + ")");
    }
}
