package dev.repro.formula;

import dev.repro.data.Dataset;
import dev.repro.data.PanelOrder;
import dev.repro.diag.Located;
import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static dev.repro.formula.TestData.NA;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * L and D within panel units by time value: the lag of (i, t) is the row (i, t - k) when it exists, else
 * missing; row order never matters. Checked on balanced, unbalanced, unsorted and gapped panels by hand,
 * on a random panel against a brute-force map, and against R plm in {@link LagGoldenTest}.
 */
class PanelLagTest {
    private static final Located SITE = new Located("study.yaml", "models.m.formula", 4, 14);

    private static double[] eval(Dataset d, String expression) throws FormulaException {
        Problems problems = new Problems();
        Evaluator ev = new Evaluator(d, SITE, problems);
        double[] v = ev.values(Expression.parse(expression).term());
        assertTrue(problems.isEmpty(), () -> problems.list().toString());
        return v;
    }

    private static List<String> problems(Dataset d, String expression) throws FormulaException {
        Problems problems = new Problems();
        Evaluator ev = new Evaluator(d, SITE, problems);
        ev.values(Expression.parse(expression).term());
        assertEquals(!problems.isEmpty(), ev.failed());
        return problems.list().stream().map(Problem::format).toList();
    }

    private static Dataset balanced() {
        return TestData.dataset("p").panel("id", "t")
                .num("id", 1, 1, 1, 2, 2, 2)
                .num("t", 1, 2, 3, 1, 2, 3)
                .num("x", 10, 11, 13, 20, 22, 25).build();
    }

    @Test
    void balancedSorted() throws FormulaException {
        Dataset d = balanced();
        assertArrayEquals(new double[] {NA, 10, 11, NA, 20, 22}, eval(d, "L(x, 1)"));
        assertArrayEquals(new double[] {NA, NA, 10, NA, NA, 20}, eval(d, "L(x, 2)"));
        assertArrayEquals(new double[] {NA, NA, NA, NA, NA, NA}, eval(d, "L(x, 3)"));
        assertArrayEquals(new double[] {10, 11, 13, 20, 22, 25}, eval(d, "L(x, 0)"));
        assertArrayEquals(new double[] {NA, 1, 2, NA, 2, 3}, eval(d, "D(x)"));
        assertArrayEquals(new double[] {NA, NA, 3, NA, NA, 5}, eval(d, "D(x, 2)"));
        // second difference and lag of a difference
        assertArrayEquals(new double[] {NA, NA, 1, NA, NA, 1}, eval(d, "D(D(x))"));
        assertArrayEquals(new double[] {NA, NA, 1, NA, NA, 2}, eval(d, "L(D(x), 1)"));
    }

    @Test
    void unsortedRowsGiveTheSameLags() throws FormulaException {
        // balanced() with rows in the order 5, 0, 3, 2, 4, 1
        Dataset d = TestData.dataset("p").panel("id", "t")
                .num("id", 2, 1, 2, 1, 2, 1)
                .num("t", 3, 1, 1, 3, 2, 2)
                .num("x", 25, 10, 20, 13, 22, 11).build();
        assertArrayEquals(new double[] {22, NA, NA, 11, 20, 10}, eval(d, "L(x, 1)"));
        assertArrayEquals(new double[] {20, NA, NA, 10, NA, NA}, eval(d, "L(x, 2)"));
        assertArrayEquals(new double[] {3, NA, NA, 2, 2, 1}, eval(d, "D(x)"));
    }

    @Test
    void gapsGiveMissingNeverThePreviousRow() throws FormulaException {
        // unit a: 2001, 2002, 2004 (2003 missing); unit b: 2001, 2003 (text ids, unbalanced)
        Dataset d = TestData.dataset("p").panel("id", "year")
                .text("id", "a", "a", "a", "b", "b")
                .num("year", 2001, 2002, 2004, 2001, 2003)
                .num("x", 1, 2, 4, 10, 30).build();
        assertArrayEquals(new double[] {NA, 1, NA, NA, NA}, eval(d, "L(x, 1)"));
        assertArrayEquals(new double[] {NA, NA, 2, NA, 10}, eval(d, "L(x, 2)"));
        assertArrayEquals(new double[] {NA, NA, 1, NA, NA}, eval(d, "L(x, 3)"));
        assertArrayEquals(new double[] {NA, 1, NA, NA, NA}, eval(d, "D(x)"));
        assertArrayEquals(new double[] {NA, NA, 2, NA, 20}, eval(d, "D(x, 2)"));
    }

    @Test
    void biennialDataNeedTheirOwnLag() throws FormulaException {
        // time counts years: with one observation every two years, the previous observation is L(x, 2)
        Dataset d = TestData.dataset("p").panel("id", "year")
                .num("id", 1, 1, 1).num("year", 2000, 2002, 2004).num("x", 1, 2, 3).build();
        assertArrayEquals(new double[] {NA, NA, NA}, eval(d, "L(x, 1)"));
        assertArrayEquals(new double[] {NA, 1, 2}, eval(d, "L(x, 2)"));
    }

    @Test
    void missingIdOrTimeTakesNoPart() throws FormulaException {
        Dataset d = TestData.dataset("p").panel("id", "t")
                .text("id", "a", "a", null, "a", "a")
                .num("t", 1, 2, 3, NA, 3)
                .num("x", 1, 2, 3, 4, 5).build();
        assertArrayEquals(new double[] {NA, 1, NA, NA, 2}, eval(d, "L(x, 1)"));
        assertArrayEquals(new double[] {NA, 1, NA, NA, 3}, eval(d, "D(x)"));
    }

    @Test
    void missingValuesPropagateThroughLags() throws FormulaException {
        Dataset d = TestData.dataset("p").panel("id", "t")
                .num("id", 1, 1, 1, 1).num("t", 1, 2, 3, 4).num("x", 1, NA, 3, 4).build();
        assertArrayEquals(new double[] {NA, 1, NA, 3}, eval(d, "L(x, 1)"));
        assertArrayEquals(new double[] {NA, NA, NA, 1}, eval(d, "D(x)"));
        assertArrayEquals(new double[] {NA, NA, 2, NA}, eval(d, "D(x, 2)"));
    }

    @Test
    void negativeAndLargeTimes() throws FormulaException {
        Dataset d = TestData.dataset("p").panel("id", "t")
                .num("id", 7, 7, 7).num("t", -1, 0, 1_700_000_000).num("x", 1, 2, 3).build();
        assertArrayEquals(new double[] {NA, 1, NA}, eval(d, "L(x, 1)"));
    }

    @Test
    void indexOrderAndCache() {
        Dataset d = TestData.dataset("p").panel("id", "t")
                .text("id", "b", "a", "b", "a").num("t", 2, 2, 1, 1).num("x", 1, 2, 3, 4).build();
        PanelLags p = PanelLags.of(d);
        assertSame(p, PanelLags.of(d));
        assertEquals(2, p.order().units());
        assertArrayEquals(new int[] {2, 0, 3, 1}, p.order().order()); // unit b (code 0) first: first appearance
        assertArrayEquals(new int[] {0, 2, 4}, new int[] {p.order().start(0), p.order().start(1), p.order().end(1)});
        assertArrayEquals(new int[] {2, 3, -1, -1}, p.lagRows(1));
        assertArrayEquals(new int[] {0, 1, 2, 3}, p.lagRows(0));
        p.lagRows(1)[0] = 99; // a copy
        assertEquals(2, p.lagRows(1)[0]);
        assertThrows(IllegalArgumentException.class, () -> p.lagRows(-1));
        Dataset cross = TestData.dataset("c").num("x", 1).build();
        assertThrows(IllegalArgumentException.class, () -> PanelLags.of(cross));
    }

    /** A random unbalanced, gapped, shuffled panel against a map from (unit, time) to row. */
    @Test
    void randomPanelAgainstBruteForce() {
        Random rnd = new Random(20250101L);
        List<double[]> rows = new ArrayList<>();
        for (int unit = 0; unit < 300; unit++) {
            int start = 1990 + rnd.nextInt(5);
            int len = 1 + rnd.nextInt(15);
            for (int t = start; t < start + len; t++) {
                if (rnd.nextDouble() > 0.15) {
                    rows.add(new double[] {unit * 37 % 301, t});
                }
            }
        }
        Collections.shuffle(rows, rnd);
        int n = rows.size();
        double[] id = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            id[i] = rows.get(i)[0];
            t[i] = rows.get(i)[1];
        }
        Dataset d = TestData.dataset("r").panel("id", "t").num("id", id).num("t", t).build();
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < n; i++) {
            at.put((long) id[i] + "/" + (long) t[i], i);
        }
        PanelLags p = PanelLags.of(d);
        for (int k = 0; k <= 4; k++) {
            int[] expected = new int[n];
            for (int i = 0; i < n; i++) {
                expected[i] = at.getOrDefault((long) id[i] + "/" + ((long) t[i] - k), -1);
            }
            assertArrayEquals(expected, p.lagRows(k), "lag " + k);
        }
        PanelOrder o = p.order();
        int[] order = o.order();
        for (int i = 1; i < order.length; i++) {
            int a = order[i - 1];
            int b = order[i];
            assertTrue(o.unit(a) < o.unit(b) || (o.unit(a) == o.unit(b) && o.time(a) < o.time(b)));
        }
    }

    @Test
    void duplicateUnitTimeIsReported() throws FormulaException {
        Dataset d = TestData.dataset("p").panel("state", "year")
                .text("state", "AL", "AL", "AK", "AL", "AK")
                .num("year", 1980, 1981, 1980, 1980, 1980)
                .num("x", 1, 2, 3, 4, 5).lines(2, 3, 4, 9, 12).build();
        assertEquals(List.of("data/p.csv:9: models.m.formula: dataset p has more than one row for the same state and year:"
                + " lines 2 and 9 (state AL, year 1980) and lines 4 and 12 (state AK, year 1980);"
                + " lags and differences need one row per unit and time period"), problems(d, "L(x, 1)"));
        assertEquals(2, PanelLags.of(d).duplicateCount());
        // lags without duplicates are unaffected; no lag, no message
        assertEquals(List.of(), problems(d, "x + 1"));
    }

    @Test
    void fractionalTimeIsReported() throws FormulaException {
        Dataset d = TestData.dataset("p").panel("id", "year")
                .num("id", 1, 1, 1).num("year", 1990, 1990.5, 1991).num("x", 1, 2, 3).build();
        assertEquals(List.of("data/p.csv:3: models.m.formula: time column 'year' of dataset p must hold whole numbers for lags"
                + " and differences, but 1 row does not: line 3 (1990.5)"), problems(d, "D(x)"));
    }

    @Test
    void oneCallForm() throws FormulaException {
        Problems problems = new Problems();
        assertArrayEquals(new double[] {NA, 10, 11, NA, 20, 22},
                Evaluator.evaluate(Expression.parse("L(x, 1)").term(), balanced(), SITE, problems).orElseThrow());
        assertTrue(Evaluator.evaluate(Expression.parse("log(-x)").term(), balanced(), SITE, problems).isEmpty());
        assertEquals(1, problems.size());
    }

    @Test
    void lagsNeedAPanel() throws FormulaException {
        Dataset d = TestData.dataset("cross").num("x", 1, 2).build();
        assertEquals(List.of("study.yaml:4:14: models.m.formula: L(x, 1) needs a panel dataset, but dataset cross has no id and time;"
                + " declare id: and time: for dataset cross in the study file"), problems(d, "L(x, 1) + 1"));
    }

    @Test
    void logOfNonPositiveValuesNamesTheRows() throws FormulaException {
        Dataset d = TestData.dataset("cigar").source("data/cigar.csv")
                .num("price", 1, 0, -2, 3, NA, 0, 0, -1, 0, 5)
                .lines(2, 3, 5, 6, 7, 8, 9, 10, 11, 12).build();
        assertEquals(List.of("data/cigar.csv:3: models.m.formula: log(price) needs positive values, but price is 0 or negative in"
                + " 6 rows of dataset cigar: line 3 (0), line 5 (-2), line 8 (0), line 9 (0), line 10 (-1) and 1 more;"
                + " keep positive values with sample: \"price > 0\", or define a derived column such as log(price + 1)"),
                problems(d, "log(price)"));
        Dataset one = TestData.dataset("cigar").num("price", 1, -0.5).build();
        assertEquals(List.of("data/cigar.csv:3: models.m.formula: log(price / 2) needs positive values, but price / 2 is 0 or"
                + " negative in 1 row of dataset cigar: line 3 (-0.25); keep positive values with sample: \"price / 2 > 0\","
                + " or define a derived column such as log(price / 2 + 1)"), problems(one, "log(price / 2)"));
        assertEquals(List.of("data/cigar.csv:3: models.m.formula: sqrt(price) needs values of 0 or more, but price is negative in"
                + " 1 row of dataset cigar: line 3 (-0.5); keep values of 0 or more with sample: \"price >= 0\""),
                problems(one, "sqrt(price)"));
        Dataset two = TestData.dataset("cigar").num("price", -1, -2).build();
        assertEquals(List.of("data/cigar.csv:2: models.m.formula: log(price) needs positive values, but price is 0 or negative in"
                + " 2 rows of dataset cigar: line 2 (-1) and line 3 (-2);"
                + " keep positive values with sample: \"price > 0\", or define a derived column such as log(price + 1)"),
                problems(two, "log(price)"));
    }

    @Test
    void missingValuesAreNoLogError() throws FormulaException {
        Dataset d = TestData.dataset("p").num("x", NA, 1, Math.E).build();
        assertArrayEquals(new double[] {NA, 0, 1}, eval(d, "log(x)"));
    }

    @Test
    void onlyNeededRowsAreChecked() throws FormulaException {
        // x <= 0 in the last year of each unit: L(log(x), 1) never reads it, so no error
        Dataset d = TestData.dataset("p").panel("id", "t")
                .num("id", 1, 1, 1, 2, 2).num("t", 1, 2, 3, 1, 2).num("x", 1, Math.E, 0, Math.E, -1).build();
        assertArrayEquals(new double[] {NA, 0, 1, NA, 1}, eval(d, "L(log(x), 1)"));
        // D reads both rows
        assertEquals(1, problems(d, "D(log(x))").size());
        // rows outside the mask are not reported; the mask follows the lag to the row read
        Problems ps = new Problems();
        Evaluator ev = new Evaluator(d, SITE, ps);
        boolean[] firstUnitEarly = {true, true, false, false, false};
        double[] v = ev.values(Expression.parse("log(x)").term(), firstUnitEarly);
        assertTrue(ps.isEmpty());
        assertTrue(Double.isNaN(v[2]));
        boolean[] lastOfUnit1 = {false, false, false, false, true};
        ev.values(Expression.parse("L(log(x), 1)").term(), lastOfUnit1);
        assertTrue(ps.isEmpty());
        ev.values(Expression.parse("log(L(x, 1))").term(), new boolean[] {false, false, true, false, false});
        assertTrue(ps.isEmpty());
        ev.values(Expression.parse("L(log(x), 1)").term(), new boolean[] {false, false, false, false, false});
        assertTrue(ps.isEmpty());
        assertFalse(ev.failed());
    }

    @Test
    void valuesAreACopy() throws FormulaException {
        Dataset d = balanced();
        double[] v = new Evaluator(d, SITE, new Problems()).values(new Term.Variable("x"));
        v[0] = -1;
        assertEquals(10, d.numeric("x").get(0));
        assertArrayEquals(new double[] {10, 11, 13, 20, 22, 25}, eval(d, "x"));
        assertThrows(IllegalArgumentException.class,
                () -> new Evaluator(d, SITE, new Problems()).values(new Term.Variable("x"), new boolean[2]));
    }
}
