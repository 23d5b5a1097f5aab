package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.diag.Located;
import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import dev.repro.results.LinearInfo;
import dev.repro.results.ModelResult;
import dev.repro.study.ModelSpec;
import dev.repro.study.VcovSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code weights: w} on a linear model: the weighted fit, and every mistake with its file and line. */
class WeightsKindTest {
    static Dataset withWeights(double... override) {
        Dataset d = SerialCovarianceKindTest.grunfeld(true);
        double[] w = new double[d.rows()];
        for (int i = 0; i < w.length; i++) {
            w[i] = 1 + 0.5 * ((i + 1) % 5);
        }
        for (int k = 0; k + 1 < override.length; k += 2) {
            w[(int) override[k]] = override[k + 1];
        }
        return d.withColumn(new NumericColumn("w", w));
    }

    static ModelSpec model(String estimator, String formula, String weights) {
        Located at = new Located("study.yaml", "models.m", 3, 3);
        return new ModelSpec("m", "grunfeld", formula, VcovSpec.parse("cluster(firm)"), null, estimator,
                weights == null ? Map.of() : Map.of("weights", weights), at, Map.of("weights", new Located("study.yaml", "models.m.weights", 7, 14)));
    }

    private static List<String> formatted(Problems p) {
        return p.list().stream().map(Problem::format).toList();
    }

    @Test
    void weightedWithinMatchesWeightedLm() {
        Problems problems = new Problems();
        ModelResult r = LinearKind.POOLED_OR_WITHIN.estimate(model("linear", "inv ~ value + capital | firm", "w"), withWeights(),
                problems, new ArrayList<>());
        assertEquals(List.of(), formatted(problems));
        // R lm(inv ~ value + capital + factor(firm), weights = w), vcovCL with Stata's factor (golden_weights.R)
        assertEquals(0.1093081255702901, r.coefficients().get("value").estimate(), 1e-12);
        assertEquals(0.011553598142475073, r.coefficients().get("value").stdError(), 1e-12);
        // results.json says the fit is weighted and by which column (tables write it in their note)
        assertEquals("w", ((LinearInfo) r.info()).weights());
        ModelResult unweighted = LinearKind.POOLED_OR_WITHIN.estimate(model("linear", "inv ~ value + capital | firm", null),
                withWeights(), problems, new ArrayList<>());
        assertNull(((LinearInfo) unweighted.info()).weights());
    }

    @Test
    void nonPositiveWeightsAreReportedWithFileAndLine() {
        Problems problems = new Problems();
        ModelResult r = LinearKind.POOLED_OR_WITHIN.estimate(model("linear", "inv ~ value + capital | firm", "w"),
                withWeights(4, 0, 9, -2), problems, new ArrayList<>());
        assertNull(r);
        assertEquals(List.of(
                "grunfeld.csv:6: models.m.weights: weight column 'w' is 0 in this row of the estimation sample; weights must be "
                        + "positive: fix the data or leave the row out with sample:",
                "grunfeld.csv:11: models.m.weights: weight column 'w' is -2 in this row of the estimation sample; weights must be "
                        + "positive: fix the data or leave the row out with sample:"), formatted(problems));
    }

    @Test
    void unknownColumnAndRandomEffectsAreLocatedAtTheKey() {
        Problems problems = new Problems();
        LinearKind.POOLED_OR_WITHIN.check(model("linear", "inv ~ value + capital | firm", "wt"), withWeights(), problems);
        LinearKind.RANDOM_EFFECTS.check(model("re", "inv ~ value + capital", "w"), withWeights(), problems);
        assertEquals(List.of(
                "study.yaml:7:14: models.m.weights: unknown weights column 'wt' in dataset grunfeld, did you mean 'w'?",
                "study.yaml:7:14: models.m.weights: random effects take no weights (Stata's xtreg, re refuses them); remove "
                        + "'weights' or use estimator: linear"), formatted(problems));
    }
}
