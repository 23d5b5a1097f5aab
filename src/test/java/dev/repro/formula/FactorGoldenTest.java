package dev.repro.formula;

import dev.repro.data.Dataset;
import dev.repro.data.TextColumn;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import dev.repro.estimate.linear.Coefficient;
import dev.repro.estimate.linear.Covariance;
import dev.repro.estimate.linear.LinearFit;
import dev.repro.estimate.linear.LinearModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Factors and interactions against R: every coefficient, iid and HC1 standard error of lm with factor() and ':'
 * (and plm's within estimator) at 1e-8 relative, on an unbalanced shuffled panel, including a factor whose level 'd'
 * is empty after the sample. Script: src/test/golden/formula-factors/golden.R.
 */
class FactorGoldenTest {
    private static final Located SITE = new Located("study.yaml", "models.m", 1, 1);

    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of("dummies", "y ~ x + i(region)", null),
                Arguments.of("star", "y ~ x*z + w", null),
                Arguments.of("slopes", "y ~ i(region):x", null),
                Arguments.of("factor_star", "y ~ factor(region)*x", null),
                Arguments.of("ref_text", "y ~ x + i(region, ref = 'south')", null),
                Arguments.of("empty_level", "y ~ x + i(grade)", "year <= 2018"),
                Arguments.of("event", "y ~ i(year, treated, ref = 2015) + x | unit + year", null),
                Arguments.of("plm_within", "y ~ x + factor(grade) | unit", "year <= 2018"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("models")
    void matchesR(String model, String formula, String sample) throws IOException, FormulaException {
        Dataset data = TestData.csv("/formula-factors/panel.csv", "panel", "unit", "year");
        Dataset golden = TestData.csv("/formula-factors/golden.csv", "golden", null, null);
        Problems problems = new Problems();
        ModelFrame frame = ModelFrame.build(Formula.parse(formula), data, sample == null ? null : SampleFilter.parse(sample),
                List.of(), SITE, problems).orElseThrow(() -> new AssertionError(problems.list().toString())).completeCases();
        assertTrue(frame.notes().isEmpty(), frame.notes().toString());
        Map<String, Coefficient> iid = coefficients(LinearModel.fit(Frames.linear(frame, Covariance.Kind.IID)));
        Map<String, Coefficient> hc1 = coefficients(LinearModel.fit(Frames.linear(frame, Covariance.Kind.HC1)));
        TextColumn models = (TextColumn) golden.column("model");
        TextColumn quantities = (TextColumn) golden.column("quantity");
        TextColumn terms = (TextColumn) golden.column("term");
        double[] value = golden.numeric("value").values();
        List<String> expectedKeys = new ArrayList<>();
        for (int r = 0; r < golden.rows(); r++) {
            if (!models.get(r).equals(model)) {
                continue;
            }
            String term = terms.get(r);
            double want = value[r];
            switch (quantities.get(r)) {
                case "nobs" -> assertEquals((int) want, frame.size());
                case "estimate" -> {
                    expectedKeys.add(term);
                    assertEquals(want, iid.get(term).estimate(), 1e-8 * Math.abs(want), term);
                }
                case "se_iid" -> assertEquals(want, iid.get(term).stdError(), 1e-8 * want, term + " iid");
                case "se_hc1" -> assertEquals(want, hc1.get(term).stdError(), 1e-8 * want, term + " hc1");
                default -> throw new AssertionError(quantities.get(r));
            }
        }
        assertTrue(!expectedKeys.isEmpty());
        assertEquals(expectedKeys.stream().sorted().toList(), iid.keySet().stream().filter(k -> !k.equals("(Intercept)")).sorted().toList(),
                "the coefficient keys");
    }

    private static Map<String, Coefficient> coefficients(LinearFit fit) {
        Map<String, Coefficient> out = new LinkedHashMap<>();
        fit.coefficients().forEach(c -> out.put(c.term(), c));
        return out;
    }
}
