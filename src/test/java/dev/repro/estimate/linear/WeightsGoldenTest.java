package dev.repro.estimate.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.repro.numeric.Effect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Weighted least squares against R lm(weights =) with sandwich (src/test/golden/linear/golden_weights.R): Grunfeld and
 * Produc, full and unbalanced; pooled, one-way and two-way within; iid, hc1 and cluster(id) with dof stata and none.
 * Weights 1 + 0.5 (row mod 5), row the 1-based row of the dataset file.
 */
class WeightsGoldenTest {
    static final double TOL = 1e-8;

    record Expected(String quantity, String term, double value) {
    }

    static Map<LinearModelGoldenTest.Key, List<Expected>> golden() {
        TestData g = TestData.read("/linear/golden_weights.csv");
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

    /** The weights of golden_weights.R on the rows of a sample (full, or every 7th row dropped). */
    static double[] weights(String dataset, String sample) {
        int rows = TestData.read("/datasets/" + dataset + ".csv").rows.size();
        List<Double> w = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            if (sample.equals("full") || i % 7 != 0) {
                w.add(1 + 0.5 * (i % 5));
            }
        }
        return w.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void matchesWeightedLm(LinearModelGoldenTest.Key key) {
        LinearModelGoldenTest.Case c = LinearModelGoldenTest.data(key.dataset(), key.sample());
        List<String> errors = new ArrayList<>();
        Covariance.Spec spec = Covariance.parse(key.vcov(), errors::add);
        assertNotNull(spec, errors.toString());
        Covariance cov = spec.kind() == Covariance.Kind.CLUSTER ? Covariance.cluster(c.id()) : new Covariance(spec.kind(), List.of());
        List<Effect> absorb = switch (key.model()) {
            case "ols" -> List.of();
            case "fe1" -> List.of(c.id());
            case "fe2" -> List.of(c.id(), c.year());
            default -> throw new IllegalArgumentException(key.model());
        };
        LinearOptions o = LinearOptions.defaults().withSmallSample(SmallSample.parse(key.dof()))
            .withWeights(weights(key.dataset(), key.sample()));
        LinearFit f = LinearModel.fit(new LinearProblem(c.dependent(), c.y(), c.names(), c.x(), absorb, cov, o));
        for (Expected e : golden().get(key)) {
            String what = key + " " + e.quantity() + " " + e.term();
            switch (e.quantity()) {
                case "estimate" -> SerialCovarianceGoldenTest.close(e.value(), f.coefficient(e.term()).estimate(), what);
                case "stdError" -> SerialCovarianceGoldenTest.close(e.value(), f.coefficient(e.term()).stdError(), what);
                case "nobs" -> assertEquals((int) e.value(), f.nobs(), what);
                case "dfResid" -> assertEquals((int) e.value(), f.dfResid(), what);
                default -> throw new IllegalArgumentException("unknown golden quantity " + e.quantity());
            }
        }
    }

    @Test
    void nonPositiveWeightsAndRandomEffectsAreRefused() {
        LinearModelGoldenTest.Case c = LinearModelGoldenTest.data("grunfeld", "full");
        double[] w = weights("grunfeld", "full");
        w[4] = 0;
        LinearModelException e = assertThrows(LinearModelException.class, () -> LinearModel.fit(new LinearProblem(c.dependent(),
            c.y(), c.names(), c.x(), List.of(c.id()), Covariance.iid(), LinearOptions.defaults().withWeights(w))));
        assertEquals("the weight of observation 5 is 0.0; weights must be positive and finite: remove such observations "
            + "(sample:) or fix the data", e.getMessage());
        IllegalArgumentException re = assertThrows(IllegalArgumentException.class, () -> new LinearProblem(c.dependent(), c.y(),
            c.names(), c.x(), List.of(), Covariance.iid(),
            LinearOptions.defaults().withPanel(c.id()).withEstimator(Estimator.RANDOM).withWeights(weights("grunfeld", "full"))));
        assertEquals("random effects take no weights", re.getMessage());
    }
}
