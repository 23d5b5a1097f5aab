package dev.repro.formula;

import dev.repro.data.Dataset;
import dev.repro.diag.Located;
import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import dev.repro.estimate.linear.Covariance;
import dev.repro.estimate.linear.LinearProblem;
import dev.repro.numeric.Effect;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static dev.repro.formula.TestData.NA;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model matrix pieces handed to the linear estimator: values, codes, complete rows. */
class ModelFrameTest {
    private static final Located SITE = new Located("study.yaml", "models.m", 10, 5);

    /** Two regions, three years, two units each region; unit 4 has a missing x in year 2. */
    static Dataset panel() {
        return TestData.dataset("p").panel("unit", "year")
                .num("unit", 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4)
                .num("year", 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3)
                .text("region", "n", "n", "n", "n", "n", "n", "s", "s", "s", "s", "s", "s")
                .num("x", 1, 2, 4, 3, 5, 6, 2, 2, 7, 1, NA, 3)
                .num("y", 1, 3, 2, 5, 4, 6, 1, 8, 2, 3, 5, 4)
                .num("g", 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, NA).build();
    }

    private static ModelFrame frame(String formula, String sample, List<String> clusters) throws FormulaException {
        Problems problems = new Problems();
        ModelFrame f = ModelFrame.build(Formula.parse(formula), panel(), sample == null ? null : SampleFilter.parse(sample),
                clusters, SITE, problems).orElseThrow(() -> new AssertionError(problems.list().toString()));
        assertTrue(problems.isEmpty());
        return f;
    }

    private static List<String> failures(String formula, String sample, List<String> clusters) throws FormulaException {
        Problems problems = new Problems();
        assertTrue(ModelFrame.build(Formula.parse(formula), panel(), sample == null ? null : SampleFilter.parse(sample),
                clusters, SITE, problems).isEmpty());
        return problems.list().stream().map(Problem::format).toList();
    }

    /** At millions of rows each copy costs fresh memory: a complete frame shares the columns used as they are. */
    @Test
    void aCompleteFrameSharesTheColumnsUsedAsTheyAreAndNumbersNoRows() throws FormulaException {
        Dataset d = panel();
        Problems problems = new Problems();
        ModelFrame f = ModelFrame.build(Formula.parse("y ~ unit + unit:year + log(year) | region"), d, null, List.of("region"), SITE,
                problems).orElseThrow();
        assertTrue(problems.isEmpty());
        assertTrue(f.isComplete());
        assertSame(d.numeric("y").values(), f.y());
        assertSame(d.numeric("unit").values(), f.x()[0]);
        assertNotSame(d.numeric("unit").values(), f.x()[1], "a product is computed, never written into a column");
        assertArrayEquals(new double[] {1, 2, 3, 2, 4, 6, 3, 6, 9, 4, 8, 12}, f.x()[1]);
        assertArrayEquals(new double[] {1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4}, d.numeric("unit").values(), "the column is unchanged");
        assertTrue(f.allDatasetRows());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, f.rows());
        assertSame(f, f.completeCases());
        assertEquals(12, f.completeCount());
        boolean[] all = new boolean[12];
        Arrays.fill(all, true);
        assertArrayEquals(all, f.complete());
    }

    @Test
    void anIncompleteFrameKeepsItsRowsAndCopiesOnlyTheCompleteOnes() throws FormulaException {
        ModelFrame f = frame("y ~ x", null, List.of());
        assertFalse(f.isComplete());
        assertEquals(11, f.completeCount());
        assertFalse(f.complete()[10]);
        ModelFrame c = f.completeCases();
        assertFalse(c.allDatasetRows());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11}, c.rows());
        assertArrayEquals(new double[] {1, 3, 2, 5, 4, 6, 1, 8, 2, 3, 4}, c.y());
        assertNotSame(panel().numeric("y").values(), c.y());
    }

    @Test
    void pooledWithLags() throws FormulaException {
        ModelFrame f = frame("y ~ x + L(x, 1)", null, List.of());
        assertEquals("y", f.dependent());
        assertEquals(List.of("x", "L(x, 1)"), f.regressors());
        assertEquals(12, f.size());
        assertArrayEquals(new double[] {NA, 1, 2, NA, 3, 5, NA, 2, 2, NA, 1, NA}, f.x()[1]);
        // first years, x missing in (4, 2) and its lag in (4, 3)
        assertArrayEquals(new boolean[] {false, true, true, false, true, true, false, true, true, false, false, false}, f.complete());
        assertEquals(6, f.completeCount());
        ModelFrame c = f.completeCases();
        assertEquals(6, c.size());
        assertArrayEquals(new int[] {1, 2, 4, 5, 7, 8}, c.rows());
        assertArrayEquals(new double[] {3, 2, 4, 6, 8, 2}, c.y());
        assertTrue(c.isComplete());
        assertSame(c, c.completeCases());
        LinearProblem p = Frames.linear(c, Covariance.Kind.HC1);
        assertEquals(List.of("x", "L(x, 1)"), p.names());
        assertEquals(List.of(), p.absorb());
        assertEquals(Covariance.Kind.HC1, p.covariance().kind());
    }

    @Test
    void effectsAndInteractions() throws FormulaException {
        ModelFrame f = frame("y ~ x | unit + region^year", null, List.of());
        assertEquals(List.of("unit", "region^year"), f.effects());
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3}, f.effectCodes()[0]);
        // (n,1)=0 (n,2)=1 (n,3)=2 (s,1)=3 (s,2)=4 (s,3)=5 in order of first appearance
        assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5}, f.effectCodes()[1]);
        assertArrayEquals(new int[] {4, 6}, f.effectLevels());
        assertThrows(IllegalStateException.class, f::absorb);
        ModelFrame c = f.completeCases();
        List<Effect> effects = c.absorb();
        assertEquals("region^year", effects.get(1).name());
        assertEquals(6, effects.get(1).levels());
        assertEquals(11, effects.get(1).codes().length);
    }

    @Test
    void sampleFilterAfterLags() throws FormulaException {
        // Stata's if: the lag of the first sample year reads the year before, outside the sample
        ModelFrame f = frame("y ~ L(x, 1)", "year >= 2", List.of());
        ModelFrame c = f.completeCases();
        assertArrayEquals(new int[] {1, 2, 4, 5, 7, 8, 10}, c.rows());
        assertArrayEquals(new double[] {1, 2, 3, 5, 2, 2, 1}, c.x()[0]);
    }

    @Test
    void levelsOnlyInDroppedRowsDisappear() throws FormulaException {
        ModelFrame c = frame("y ~ x | unit + year", "unit != 2", List.of("region")).completeCases();
        assertArrayEquals(new int[] {3, 3}, c.effectLevels());
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1, 2, 2}, c.effectCodes()[0]);
        assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2, 0, 2}, c.effectCodes()[1]);
        assertEquals(List.of("region"), c.clusters());
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1, 1, 1}, c.clusterCodes()[0]);
        assertEquals(2, c.clusterEffects().get(0).levels());
        LinearProblem p = Frames.linear(c, Covariance.Kind.CLUSTER);
        assertEquals("region", p.covariance().clusters().get(0).name());
        assertEquals(8, p.nobs());
    }

    @Test
    void missingClusterMakesARowIncomplete() throws FormulaException {
        ModelFrame f = frame("y ~ x", null, List.of("g"));
        assertEquals(10, f.completeCount());
        assertTrue(!f.complete()[11]);
        ModelFrame none = frame("y ~ x", null, List.of());
        assertThrows(IllegalArgumentException.class, () -> Frames.linear(none, Covariance.Kind.CLUSTER));
    }

    @Test
    void aSampleThatKeepsNoRowIsReportedAtTheSample() throws FormulaException {
        Problems problems = new Problems();
        Located sampleAt = new Located("study.yaml", "models.m.sample", 12, 13);
        assertTrue(ModelFrame.build(Formula.parse("y ~ x"), panel(), SampleFilter.parse("year > 3"), List.of(), SITE, sampleAt,
                problems).isEmpty());
        assertEquals(List.of("study.yaml:12:13: models.m.sample: the sample filter keeps none of the 12 rows of dataset p"),
                problems.list().stream().map(Problem::format).toList());
    }

    @Test
    void mistakes() throws FormulaException {
        assertEquals(List.of("study.yaml:10:5: models.m: formula \"y ~ xx\": unknown variable 'xx' in dataset p at character 5;"
                + " did you mean 'x'?\n"
                + "    y ~ xx\n"
                + "        ^"), failures("y ~ xx", null, List.of()));
        assertEquals(List.of("study.yaml:10:5: models.m: unknown cluster variable 'regon' in dataset p; did you mean 'region'?"),
                failures("y ~ x", null, List.of("regon")));
        assertEquals(List.of("study.yaml:10:5: models.m: the sample filter keeps none of the 12 rows of dataset p"),
                failures("y ~ x", "year > 3", List.of()));
        assertEquals(List.of("study.yaml:10:5: models.m: no row of dataset p has a value for every variable of the model:"
                + " of the 8 rows kept by the sample filter, L(x, 3) is missing in 8"), failures("y ~ L(x, 3)", "year >= 2", List.of()));
        assertEquals(List.of("study.yaml:10:5: models.m: no row of dataset p has a value for every variable of the model:"
                + " of the 12 rows, L(y, 3) is missing in 12, x is missing in 1 and g is missing in 1"),
                failures("L(y, 3) ~ x", null, List.of("g")));
        assertEquals(List.of("study.yaml:10:5: models.m: no row of dataset p has a value for every variable of the model:"
                + " of the 12 rows, L(y, 3) is missing in 12, x is missing in 1, L(x, 1) is missing in 5, L(x, 2) is missing in 8,"
                + " D(x) is missing in 6, D(x, 2) is missing in 8 and 2 more variables are missing in some"),
                failures("L(y, 3) ~ x + L(x, 1) + L(x, 2) + D(x) + D(x, 2) + L(y, 1) + L(y, 2)", null, List.of()));
    }

    @Test
    void sampleGivenAsRows() throws FormulaException {
        // the same rows as the filter "year >= 2": identical frame, and the mask is not changed
        boolean[] mask = new boolean[12];
        for (int i = 0; i < 12; i++) {
            mask[i] = i % 3 != 0;
        }
        boolean[] copy = mask.clone();
        Problems problems = new Problems();
        ModelFrame m = ModelFrame.buildOnRows(Formula.parse("y ~ L(x, 1) | unit"), panel(), mask, List.of("region"), SITE, problems)
                .orElseThrow().completeCases();
        ModelFrame f = frame("y ~ L(x, 1) | unit", "year >= 2", List.of("region")).completeCases();
        assertTrue(problems.isEmpty());
        assertArrayEquals(copy, mask);
        assertArrayEquals(f.rows(), m.rows());
        assertArrayEquals(f.y(), m.y());
        assertArrayEquals(f.x()[0], m.x()[0]);
        assertArrayEquals(f.effectCodes()[0], m.effectCodes()[0]);
        assertArrayEquals(f.clusterCodes()[0], m.clusterCodes()[0]);
        assertThrows(IllegalArgumentException.class,
                () -> ModelFrame.buildOnRows(Formula.parse("y ~ x"), panel(), new boolean[3], List.of(), SITE, new Problems()));
        Problems none = new Problems();
        assertTrue(ModelFrame.buildOnRows(Formula.parse("y ~ x"), panel(), new boolean[12], List.of(), SITE, none).isEmpty());
        assertEquals(List.of("study.yaml:10:5: models.m: the sample keeps none of the 12 rows of dataset p"),
                none.list().stream().map(Problem::format).toList());
        Problems lagged = new Problems();
        assertTrue(ModelFrame.buildOnRows(Formula.parse("y ~ L(x, 3)"), panel(), copy, List.of(), SITE, lagged).isEmpty());
        assertEquals(List.of("study.yaml:10:5: models.m: no row of dataset p has a value for every variable of the model:"
                + " of the 8 rows in the sample, L(x, 3) is missing in 8"), lagged.list().stream().map(Problem::format).toList());
    }

    @Test
    void extraColumnsOnTheFrameRows() throws FormulaException {
        Dataset d = panel();
        ModelFrame c = frame("y ~ x", "unit != 2", List.of()).completeCases();
        assertArrayEquals(new int[] {0, 1, 2, 6, 7, 8, 9, 11}, c.rows());
        // a weight evaluated on every dataset row, and the dataset's codes of a column, picked on the same rows
        double[] w = Evaluator.evaluate(Expression.parse("year * 10").term(), d, SITE, new Problems()).orElseThrow();
        assertArrayEquals(new double[] {10, 20, 30, 10, 20, 30, 10, 30}, c.onRows(w));
        assertArrayEquals(new double[] {1, 1, 1, 2, 2, 2, 2, NA}, c.onRows(d.numeric("g").values()));
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1, 1, 1}, c.onRows(d.codes("region").codes()));
        assertThrows(IllegalArgumentException.class, () -> c.onRows(new double[8]));
    }

    @Test
    void largeInteractionsUseTheHashTable() {
        Random rnd = new Random(3);
        int n = 20_000;
        int[] a = new int[n];
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextInt(5000) - (i % 97 == 0 ? 5001 : 0);
            b[i] = rnd.nextInt(3000);
        }
        Categories.Coded c = Categories.interact(a, 5000, b, 3000);
        Map<Long, Integer> ref = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (a[i] < 0) {
                assertEquals(-1, c.codes()[i]);
                continue;
            }
            long key = (long) a[i] * 3000 + b[i];
            Integer code = ref.get(key);
            if (code == null) {
                code = ref.size();
                ref.put(key, code);
            }
            assertEquals(code.intValue(), c.codes()[i]);
        }
        assertEquals(ref.size(), c.levels());
    }

    @Test
    void numericCodesAreTheDatasetCodes() {
        Random rnd = new Random(5);
        double[] v = new double[5000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 50 == 0 ? NA : rnd.nextInt(300) - 150 + (rnd.nextBoolean() ? 0.5 : 0);
        }
        Dataset d = TestData.dataset("d").num("v", v).build();
        Categories.Coded mine = Categories.codes(d, "v");
        Dataset.Codes theirs = d.codes("v");
        assertArrayEquals(theirs.codes(), mine.codes());
        assertEquals(theirs.levelCount(), mine.levels());
        // unlike Dataset.codes (boxed Double keys), -0.0 and 0.0 are one category
        Categories.Coded zeros = Categories.codes(TestData.dataset("z").num("v", -0.0, 0.0, 1).build(), "v");
        assertArrayEquals(new int[] {0, 0, 1}, zeros.codes());
    }

    @Test
    void wholeNumberCodesThroughTheDirectTableAreTheDatasetCodes() {
        Random rnd = new Random(11);
        double[][] columns = {
            rnd.ints(20_000, 1, 5_001).asDoubleStream().toArray(),             // identifiers: the direct table
            rnd.ints(20_000, -300, 300).asDoubleStream().toArray(),             // negative whole numbers
            rnd.ints(2_000, 0, 1_000_000_000).asDoubleStream().toArray(),       // a range wider than the column: hashed
            {0x1p53, 0x1p53 + 2, 0x1p53, 7},                                    // beyond the exact integers: hashed
            {1e19, 1e19 + 4096, 1e19},                                          // beyond a long: hashed
            {NA, NA},                                                           // no number
            {Double.POSITIVE_INFINITY, 3, Double.NEGATIVE_INFINITY, 3},         // infinities: hashed
        };
        for (double[] v : columns) {
            for (int i = 0; i < v.length; i += 97) {
                v[i] = NA;
            }
            Dataset d = TestData.dataset("d").num("v", v).build();
            Categories.Coded mine = Categories.codes(d, "v");
            Dataset.Codes theirs = d.codes("v");
            assertArrayEquals(theirs.codes(), mine.codes());
            assertEquals(theirs.levelCount(), mine.levels());
        }
    }
}
