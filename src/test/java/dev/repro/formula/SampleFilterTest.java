package dev.repro.formula;

import dev.repro.data.Dataset;
import dev.repro.diag.Located;
import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.repro.formula.TestData.NA;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sample filters: comparisons, in lists, and / or / not with precedence not > and > or, and three-valued
 * logic where a comparison with a missing cell is unknown and only true rows are kept.
 */
class SampleFilterTest {
    private static final byte T = Evaluator.TRUE;
    private static final byte F = Evaluator.FALSE;
    private static final byte U = Evaluator.UNKNOWN;
    private static final Located SITE = new Located("study.yaml", "models.m.sample", 7, 13);

    static Dataset cities() {
        return TestData.dataset("cities").panel("city", "year")
                .text("city", "Beijing", "Shanghai", null, "Beijing", "Tianjin")
                .text("port", "Tianjin", "Shanghai", "Dalian", null, "Tianjin")
                .num("year", 2010, 2015, 2019, NA, 2018)
                .num("coastal", 1, 1, 0, 1, NA)
                .num("x", 2, -1, 0, 5, NA).build();
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of("year <= 2018", new byte[] {T, T, F, U, T}),
                Arguments.of("year < 2015", new byte[] {T, F, F, U, F}),
                Arguments.of("year > 2015", new byte[] {F, F, T, U, T}),
                Arguments.of("year >= 2015", new byte[] {F, T, T, U, T}),
                Arguments.of("year == 2015", new byte[] {F, T, F, U, F}),
                Arguments.of("year != 2015", new byte[] {T, F, T, U, T}),
                // not of unknown stays unknown: rows with a missing year never enter through 'not'
                Arguments.of("not (year <= 2018)", new byte[] {F, F, T, U, F}),
                Arguments.of("not year <= 2018", new byte[] {F, F, T, U, F}),
                Arguments.of("year <= 2018 or coastal == 1", new byte[] {T, T, F, T, T}),
                Arguments.of("year <= 2018 and coastal == 1", new byte[] {T, T, F, U, U}),
                Arguments.of("year > 2018 and coastal == 1", new byte[] {F, F, F, U, F}),
                Arguments.of("year > 2018 or coastal == 0", new byte[] {F, F, T, U, U}),
                Arguments.of("city == 'Beijing'", new byte[] {T, F, U, T, F}),
                Arguments.of("city == \"Beijing\"", new byte[] {T, F, U, T, F}),
                Arguments.of("'Beijing' == city", new byte[] {T, F, U, T, F}),
                Arguments.of("city != 'Beijing'", new byte[] {F, T, U, F, T}),
                Arguments.of("city == 'Paris'", new byte[] {F, F, U, F, F}),
                Arguments.of("city in ('Beijing', 'Tianjin')", new byte[] {T, F, U, T, T}),
                Arguments.of("city not in ('Beijing', 'Tianjin')", new byte[] {F, T, U, F, F}),
                Arguments.of("city == port", new byte[] {F, T, U, U, T}),
                Arguments.of("city != port", new byte[] {T, F, U, U, F}),
                Arguments.of("year in (2010, 2018)", new byte[] {T, F, F, U, T}),
                Arguments.of("year not in (2010)", new byte[] {F, T, T, U, T}),
                Arguments.of("x in (-1, 0)", new byte[] {F, T, T, F, U}),
                Arguments.of("x == -0", new byte[] {F, F, T, F, U}),
                Arguments.of("x in (-0)", new byte[] {F, F, T, F, U}),
                Arguments.of("x * 2 > year / 1000", new byte[] {T, F, F, U, U}),
                // precedence: not > and > or
                Arguments.of("coastal == 1 or year > 2016 and coastal == 0", new byte[] {T, T, T, T, U}),
                Arguments.of("(coastal == 1 or year > 2016) and coastal == 0", new byte[] {F, F, T, F, U}),
                Arguments.of("not coastal == 1 and year > 2016", new byte[] {F, F, T, F, U}),
                Arguments.of("not (coastal == 1 and year > 2016)", new byte[] {T, T, T, U, U}),
                // guards: the right side is only evaluated (and checked) where the left does not decide
                Arguments.of("x > 0 and log(x) > 1", new byte[] {F, F, F, T, U}),
                Arguments.of("x <= 0 or log(x) < 1", new byte[] {T, T, T, F, U}),
                Arguments.of("L(year, 1) > 0", new byte[] {U, U, U, U, U}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void truthTable(String text, byte[] expected) throws FormulaException {
        SampleFilter f = SampleFilter.parse(text);
        Dataset d = cities();
        assertEquals(List.of(), f.check(d));
        Problems problems = new Problems();
        Evaluator ev = new Evaluator(d, SITE, problems);
        assertArrayEquals(expected, ev.truth(f.condition(), null));
        assertTrue(problems.isEmpty(), () -> problems.list().toString());
        boolean[] keep = f.select(d, SITE, problems).orElseThrow();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i] == T, keep[i], "row " + i);
        }
        // the canonical text means the same
        SampleFilter again = SampleFilter.parse(f.label());
        assertEquals(f.label(), again.label());
        assertArrayEquals(expected, new Evaluator(d, SITE, problems).truth(again.condition(), null));
    }

    static Stream<Arguments> labels() {
        return Stream.of(
                Arguments.of("year<=2018 and coastal==1", "year <= 2018 and coastal == 1"),
                Arguments.of("a>1 or b>2 and c>3", "a > 1 or b > 2 and c > 3"),
                Arguments.of("(a>1 or b>2) and c>3", "(a > 1 or b > 2) and c > 3"),
                Arguments.of("a > 1 and (b > 2 and c > 3)", "a > 1 and (b > 2 and c > 3)"),
                Arguments.of("a > 1 or (b > 2 or c > 3)", "a > 1 or (b > 2 or c > 3)"),
                Arguments.of("((a > 1))", "a > 1"),
                Arguments.of("not not a > 1", "not (not (a > 1))"),
                Arguments.of("city == \"Bei'jing\"", "city == 'Bei\\'jing'"),
                Arguments.of("city in ( 'a' ,\"b\" )", "city in ('a', 'b')"),
                Arguments.of("x not in (1, -2.50)", "x not in (1, -2.5)"),
                Arguments.of("(x + 1) * 2 >= -y", "(x + 1) * 2 >= -y"),
                Arguments.of("`my col` == 1 and `in` > 0", "`my col` == 1 and `in` > 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labels")
    void canonicalText(String text, String label) throws FormulaException {
        SampleFilter f = SampleFilter.parse(text);
        assertEquals(label, f.label());
        assertEquals(f.condition(), SampleFilter.parse(label).condition());
    }

    @Test
    void columnsInOrder() throws FormulaException {
        assertEquals(List.of("year", "city", "x"),
                List.copyOf(SampleFilter.parse("year > 1 and city in ('a') or log(x) > year").columns()));
    }

    @Test
    void unguardedLogIsReported() throws FormulaException {
        Problems problems = new Problems();
        assertTrue(SampleFilter.parse("log(x) > 1").select(cities(), SITE, problems).isEmpty());
        assertEquals(List.of("data/cities.csv:3: models.m.sample: log(x) needs positive values, but x is 0 or negative in 2 rows"
                + " of dataset cities: line 3 (-1) and line 4 (0); keep positive values with sample: \"x > 0\","
                + " or define a derived column such as log(x + 1)"), problems.list().stream().map(Problem::format).toList());
    }

    @Test
    void checkedBeforeEvaluation() throws FormulaException {
        Problems problems = new Problems();
        assertTrue(SampleFilter.parse("year == '2010'").select(cities(), SITE, problems).isEmpty());
        assertEquals(List.of("study.yaml:7:13: models.m.sample: sample \"year == '2010'\": variable 'year' is numeric and cannot be"
                + " compared with text '2010' at character 9; remove the quotes: year == 2010\n"
                + "    year == '2010'\n"
                + "            ^"), problems.list().stream().map(Problem::format).toList());
    }

    @Test
    void uncheckedTypeMistakesStillReportedByTheEvaluator() {
        Problems problems = new Problems();
        Evaluator ev = new Evaluator(cities(), SITE, problems);
        Condition c = new Condition.Comparison(new Term.Variable("city"), Condition.Op.LT, new TextLiteral("B"));
        assertArrayEquals(new byte[] {U, U, U, U, U}, ev.truth(c, null));
        Condition m = new Condition.Membership(new Term.Variable("year"), false, List.of(new TextLiteral("2010")));
        assertArrayEquals(new byte[] {U, U, U, U, U}, ev.truth(m, null));
        assertEquals(List.of(
                "study.yaml:7:13: models.m.sample: cannot evaluate city < 'B' on dataset cities: text can only be compared with text,"
                        + " using == or !=",
                "study.yaml:7:13: models.m.sample: cannot evaluate year in ('2010') on dataset cities: compare a text column with"
                        + " quoted text and numbers with numbers"),
                problems.list().stream().map(Problem::format).toList());
        assertTrue(ev.failed());
    }
}
