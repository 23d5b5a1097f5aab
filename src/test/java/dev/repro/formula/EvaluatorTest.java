package dev.repro.formula;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.data.TextColumn;
import dev.repro.study.Located;
import dev.repro.study.Problem;
import dev.repro.study.Problems;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    static final Located AT = new Located("study.yaml", "models.m.formula", 5, 14);
    static final double NA = Double.NaN;

    /** Unsorted unbalanced panel with a gap: unit a has 2001, 2002, 2004; unit b has 2002, 2003. */
    static Dataset panel() {
        List<Column> cols = List.of(
                TextColumn.of("id", Arrays.asList("b", "a", "a", "b", "a")),
                new NumericColumn("t", new double[] {2003, 2004, 2001, 2002, 2002}),
                new NumericColumn("x", new double[] {30, 4, 1, 20, 2}),
                new NumericColumn("z", new double[] {1, 0, -2, 5, NA}));
        return new Dataset("d", "data/d.csv", null, cols, new int[] {2, 3, 4, 5, 6}, "id", "t");
    }

    static double[] eval(String term) throws Exception {
        Problems ps = new Problems();
        Evaluator ev = new Evaluator(panel(), AT, ps);
        Term t = Formula.parse("x ~ " + term).regressors().get(0);
        ev.check(t);
        double[] v = ev.evaluate(t);
        assertEquals(List.of(), ps.list());
        return v;
    }

    @Test
    void lagsFollowTimeValuesWithinUnitsNotRowOrder() throws Exception {
        // rows: (b,2003) (a,2004) (a,2001) (b,2002) (a,2002)
        assertArrayEquals(new double[] {20, NA, NA, NA, 1}, eval("L(x, 1)"));
        assertArrayEquals(new double[] {NA, 2, NA, NA, NA}, eval("L(x, 2)"));
        assertArrayEquals(new double[] {10, NA, NA, NA, 1}, eval("D(x)"));
        assertArrayEquals(new double[] {Math.log(20), NA, NA, NA, 0}, eval("L(log(x), 1)"));
        assertArrayEquals(new double[] {Math.log(30) - Math.log(20), NA, NA, NA, Math.log(2)}, eval("D(log(x))"));
    }

    @Test
    void logOfNonPositiveValuesNamesTheRows() throws Exception {
        Problems ps = new Problems();
        Evaluator ev = new Evaluator(panel(), AT, ps);
        Term t = Formula.parse("x ~ log(z)").regressors().get(0);
        assertNull(ev.evaluate(t));
        assertEquals(List.of("study.yaml:5:14: models.m.formula: 'log(z)': the logarithm needs positive values, but z is zero or "
                + "negative in data/d.csv at line 3 (0), line 4 (-2); leave those rows out with sample: or transform the variable first"),
                ps.list().stream().map(Problem::format).toList());
    }

    @Test
    void unknownTextAndPanelProblems() throws Exception {
        Problems ps = new Problems();
        Dataset flat = new Dataset("f", "data/f.csv", null, List.of(new NumericColumn("x", new double[] {1}),
                TextColumn.of("name", List.of("a"))), new int[] {2}, null, null);
        Evaluator ev = new Evaluator(flat, AT, ps);
        ev.check(Formula.parse("x ~ prce").regressors().get(0));
        ev.check(Formula.parse("x ~ name").regressors().get(0));
        ev.check(Formula.parse("x ~ L(x, 1)").regressors().get(0));
        assertEquals(List.of(
                "study.yaml:5:14: models.m.formula: unknown variable 'prce' in dataset f; its columns are: x, name",
                "study.yaml:5:14: models.m.formula: variable 'name' of dataset f is text, not a number; use it as a fixed effect after '|' or fix the data (data/f.csv)",
                "study.yaml:5:14: models.m.formula: 'L(x, 1)' takes lags or differences, which need a panel: declare 'id' and 'time' for dataset f"),
                ps.list().stream().map(Problem::format).toList());
    }

    @Test
    void modelFrameKeepsCompleteRowsAndRecodes() throws Exception {
        Problems ps = new Problems();
        ModelFrame f = ModelFrame.build(Formula.parse("x ~ L(x, 1) | id^t"), panel(), AT,
                SampleFilter.parse("t >= 2002"), AT, List.of("id"), ps);
        assertEquals(List.of(), ps.list());
        assertArrayEquals(new int[] {0, 4}, f.rows());
        assertArrayEquals(new double[] {30, 2}, f.y());
        assertArrayEquals(new double[] {20, 1}, f.x()[0]);
        assertEquals(2, f.effects().get(0).levels());
        assertArrayEquals(new int[] {0, 1}, f.groups().get("id").codes());
    }

    @Test
    void emptySampleIsAProblem() throws Exception {
        Problems ps = new Problems();
        assertNull(ModelFrame.build(Formula.parse("x ~ z"), panel(), AT, SampleFilter.parse("t > 3000"), AT, List.of(), ps));
        assertEquals(List.of("study.yaml:5:14: models.m.formula: no observation is left: every row of dataset d is outside the "
                + "sample or has a missing value in one of x, z"), ps.list().stream().map(Problem::format).toList());
    }
}
