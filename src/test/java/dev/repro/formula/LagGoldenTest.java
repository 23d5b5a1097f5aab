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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lags and differences against R plm 2.6.2 (lag/diff of a pseries shift by time, so a gap gives NA) on
 * EmplUK with rows dropped, values missing and rows shuffled; and a two-way fixed-effects model on lagged
 * and differenced terms, sample filtered after the lags, against lm with factor dummies.
 * Script: src/test/golden/formula/golden-lags.R.
 */
class LagGoldenTest {
    /**
     * The CSV files carry 15 significant digits: lags copy values exactly, differences of two values of
     * order 10 can differ by 1e-14 from R's, which differenced the unrounded values.
     */
    private static final double ABS = 1e-12;
    private static final double REL = 1e-12;

    static Stream<Arguments> columns() throws IOException {
        Dataset golden = TestData.csv("golden-lags.csv", "golden", null, null);
        return golden.columnNames().stream().filter(c -> !c.equals("firm") && !c.equals("year")).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("columns")
    void matchesPlm(String label) throws IOException, FormulaException {
        Dataset data = TestData.csv("emplUK-gapped.csv", "emplUK", "firm", "year");
        Dataset golden = TestData.csv("golden-lags.csv", "golden", null, null);
        assertEquals(data.rows(), golden.rows());
        for (int i = 0; i < data.rows(); i++) {
            assertEquals(data.numeric("firm").get(i), golden.numeric("firm").get(i));
            assertEquals(data.numeric("year").get(i), golden.numeric("year").get(i));
        }
        Expression e = Expression.parse(label);
        assertEquals(label, e.label(), "R column names are canonical labels");
        Problems problems = new Problems();
        double[] got = e.evaluate(data, new Located("test", null, 0, 0), problems).orElseThrow();
        double[] want = golden.numeric(label).values();
        int present = 0;
        for (int i = 0; i < want.length; i++) {
            if (Double.isNaN(want[i])) {
                assertTrue(Double.isNaN(got[i]), label + " row " + i + ": expected NA, got " + got[i]);
            } else {
                present++;
                assertEquals(want[i], got[i], ABS + REL * Math.abs(want[i]), label + " row " + i);
            }
        }
        assertTrue(present > 300, "enough non-missing values to compare: " + present);
    }

    @Test
    void goldenDataHaveGapsAndShuffledRows() throws IOException, FormulaException {
        Dataset data = TestData.csv("emplUK-gapped.csv", "emplUK", "firm", "year");
        boolean sorted = true;
        for (int i = 1; i < data.rows() && sorted; i++) {
            sorted = data.numeric("firm").get(i - 1) <= data.numeric("firm").get(i);
        }
        assertTrue(!sorted, "rows are shuffled");
        // a row whose year before is missing although the unit has an earlier year: a gap
        double[] lagYear = Expression.parse("L(year, 1)").evaluate(data, new Located("test", null, 0, 0), new Problems()).orElseThrow();
        double[] lag2Year = Expression.parse("L(year, 2)").evaluate(data, new Located("test", null, 0, 0), new Problems()).orElseThrow();
        int gaps = 0;
        for (int i = 0; i < data.rows(); i++) {
            if (Double.isNaN(lagYear[i]) && !Double.isNaN(lag2Year[i])) {
                gaps++;
            }
        }
        assertTrue(gaps > 20, "gaps: " + gaps);
    }

    /** Why: the lead feeds ModelFrame pieces to LinearModel; the coefficients must equal lm with dummies. */
    @Test
    void twoWayModelOnLagsMatchesLm() throws IOException, FormulaException {
        Dataset cigar = TestData.csv("cigar-gapped.csv", "cigar", "state", "year");
        Dataset golden = TestData.csv("golden-model.csv", "golden", null, null);
        Formula f = Formula.parse("log(sales) ~ L(log(sales),1) + log(price) + D(log(ndi)) | state + year");
        SampleFilter sample = SampleFilter.parse("year <= 85");
        Problems problems = new Problems();
        ModelFrame frame = ModelFrame.build(f, cigar, sample, List.of("state"), new Located("study.yaml", "models.dyn", 1, 1), problems)
                .orElseThrow();
        ModelFrame c = frame.completeCases();
        LinearFit fit = LinearModel.fit(Frames.linear(c, Covariance.Kind.IID));
        TextColumn quantities = (TextColumn) golden.column("quantity");
        double[] value = golden.numeric("value").values();
        assertEquals(6, golden.rows());
        for (int q = 0; q < golden.rows(); q++) {
            String name = quantities.get(q);
            switch (name) {
                case "nobs" -> assertEquals((int) value[q], c.size());
                case "states" -> assertEquals((int) value[q], c.effectLevels()[0]);
                case "years" -> assertEquals((int) value[q], c.effectLevels()[1]);
                default -> {
                    Coefficient coef = fit.coefficients().stream().filter(k -> k.term().equals(name)).findFirst().orElseThrow();
                    // alternating projections converge to 1e-13; the coefficients agree to 1e-8 relative
                    assertEquals(value[q], coef.estimate(), 1e-8 * Math.abs(value[q]), name);
                }
            }
        }
        assertEquals(List.of("L(log(sales), 1)", "log(price)", "D(log(ndi))"), c.regressors());
        assertEquals(46, c.clusterLevels()[0]);
    }
}
