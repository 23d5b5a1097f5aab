package dev.repro.formula;

import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
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

/** Derived-column expressions: precedence, canonical text, missing values and Stata's "non-finite is missing". */
class ExpressionTest {
    private static final Located SITE = new Located("study.yaml", "derived.lx", 20, 9);
    private static final double E = 1e-15;

    /** Row 0: x = 3, y = 2; row 1: x missing; row 2: x = -8, y = 0. */
    static Dataset data() {
        return TestData.dataset("d").text("city", "Beijing", "Tianjin", null)
                .num("x", 3, NA, -8).num("y", 2, 5, 0).build();
    }

    static Stream<Arguments> values() {
        return Stream.of(
                // precedence: ^ > unary minus > * / > + -; left to right within a level
                Arguments.of("1 + 2 * 3", new double[] {7, 7, 7}),
                Arguments.of("(1 + 2) * 3", new double[] {9, 9, 9}),
                Arguments.of("10 - 4 - 3", new double[] {3, 3, 3}),
                Arguments.of("10 - (4 - 3)", new double[] {9, 9, 9}),
                Arguments.of("100 / 10 / 5", new double[] {2, 2, 2}),
                Arguments.of("2 * 3^2", new double[] {18, 18, 18}),
                Arguments.of("-2^2", new double[] {-4, -4, -4}),
                Arguments.of("(-2)^2", new double[] {4, 4, 4}),
                Arguments.of("2^-1", new double[] {0.5, 0.5, 0.5}),
                Arguments.of("-x^2", new double[] {-9, NA, -64}),
                Arguments.of("(-x)^2", new double[] {9, NA, 64}),
                Arguments.of("x - -y", new double[] {5, NA, -8}),
                Arguments.of("1.5e1 + .5", new double[] {15.5, 15.5, 15.5}),
                // missing propagates; a non-finite result is missing (Stata); pow(missing, 0) too
                Arguments.of("x + y", new double[] {5, NA, -8}),
                Arguments.of("x / y", new double[] {1.5, NA, NA}),
                Arguments.of("y / y", new double[] {1, 1, NA}),
                Arguments.of("x^0", new double[] {1, NA, 1}),
                Arguments.of("x^(1 / 3)", new double[] {Math.cbrt(3), NA, NA}),
                Arguments.of("y^-1", new double[] {0.5, 0.2, NA}),
                Arguments.of("exp(1000) + 0 * x", new double[] {NA, NA, NA}),
                Arguments.of("exp(y)", new double[] {Math.exp(2), Math.exp(5), 1}),
                Arguments.of("abs(x)", new double[] {3, NA, 8}),
                Arguments.of("sqrt(abs(x))", new double[] {Math.sqrt(3), NA, Math.sqrt(8)}),
                Arguments.of("log(exp(y))", new double[] {2, 5, 0}),
                // ifelse: missing where the condition is unknown; each branch checked only where taken
                Arguments.of("ifelse(x > 0, log(x), 0)", new double[] {Math.log(3), NA, 0}),
                Arguments.of("ifelse(x > 0 or y == 5, 1, 0)", new double[] {1, 1, 0}),
                Arguments.of("ifelse(city == 'Beijing', y, -y)", new double[] {2, -5, NA}),
                Arguments.of("ifelse(city in ('Tianjin') and not y > 4, 1, 0)", new double[] {0, 0, NA}),
                Arguments.of("ifelse(x < 0, ifelse(y == 0, 100, 200), x)", new double[] {3, NA, 100}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void evaluates(String text, double[] expected) throws FormulaException {
        Expression e = Expression.parse(text);
        Problems problems = new Problems();
        double[] got = e.evaluate(data(), SITE, problems).orElseThrow(() -> new AssertionError(problems.list().toString()));
        assertEquals(expected.length, got.length);
        for (int i = 0; i < got.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertTrue(Double.isNaN(got[i]), text + " row " + i + " gave " + got[i]);
            } else {
                assertEquals(expected[i], got[i], E * Math.max(1, Math.abs(expected[i])), text + " row " + i);
            }
        }
        // the canonical text evaluates the same
        double[] again = Expression.parse(e.label()).evaluate(data(), SITE, problems).orElseThrow();
        assertArrayEquals(got, again);
    }

    static Stream<Arguments> labels() {
        return Stream.of(
                Arguments.of("a+b*c", "a + b * c"),
                Arguments.of("(a+b)*c", "(a + b) * c"),
                Arguments.of("a-(b-c)", "a - (b - c)"),
                Arguments.of("a-(b+c)", "a - (b + c)"),
                Arguments.of("(a-b)-c", "a - b - c"),
                Arguments.of("a+(b-c)", "a + (b - c)"),
                Arguments.of("a/(b*c)", "a / (b * c)"),
                Arguments.of("a*(b/c)", "a * (b / c)"),
                Arguments.of("(a*b)/c", "a * b / c"),
                Arguments.of("a*(b*c)", "a * (b * c)"),
                Arguments.of("-(a+b)", "-(a + b)"),
                Arguments.of("-(a*b)", "-(a * b)"),
                Arguments.of("(-a)*b", "-a * b"),
                Arguments.of("- - a", "--a"),
                Arguments.of("-a^2", "-a^2"),
                Arguments.of("(-a)^2", "(-a)^2"),
                Arguments.of("(a^b)^c", "(a^b)^c"),
                Arguments.of("a^(b^c)", "a^(b^c)"),
                Arguments.of("a^-b", "a^-b"),
                Arguments.of("a^(-b)", "a^-b"),
                Arguments.of("a^(b+1)", "a^(b + 1)"),
                Arguments.of("(a+1)^2", "(a + 1)^2"),
                Arguments.of("log(a)^2", "log(a)^2"),
                Arguments.of("2.50*a + 0.001", "2.5 * a + 0.001"),
                Arguments.of("1e-30 * a", "1.0E-30 * a"),
                Arguments.of("L(log(a),1)-L( a ,2)", "L(log(a), 1) - L(a, 2)"),
                Arguments.of("D(a,1)+D(a,2)", "D(a) + D(a, 2)"),
                Arguments.of("L(a, 0)", "a"),
                Arguments.of("ifelse(a>0 and b>0, 1, 0)", "ifelse(a > 0 and b > 0, 1, 0)"),
                Arguments.of("`a b` / `in`", "`a b` / `in`"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labels")
    void canonicalText(String text, String label) throws FormulaException {
        Expression e = Expression.parse(text);
        assertEquals(label, e.label());
        assertEquals(e.term(), Expression.parse(label).term());
    }

    @Test
    void programmaticNegativeConstantsPrintSafely() throws FormulaException {
        Term pow = new Term.Arithmetic(Term.Arithmetic.Op.POW, new Term.Constant(-2), new Term.Constant(2));
        assertEquals("(-2)^2", pow.label());
        assertEquals(4.0, new Evaluator(data(), SITE, new Problems()).values(pow)[0]);
        assertEquals(4.0, new Evaluator(data(), SITE, new Problems()).values(Expression.parse(pow.label()).term())[0]);
        assertEquals("x - -1", new Term.Arithmetic(Term.Arithmetic.Op.SUB, new Term.Variable("x"), new Term.Constant(-1)).label());
    }

    @Test
    void derivedColumn() throws FormulaException {
        Problems problems = new Problems();
        NumericColumn c = Expression.parse("x * 2").column("x2", data(), SITE, problems).orElseThrow();
        assertEquals("x2", c.name());
        assertEquals(6.0, c.get(0));
        assertTrue(c.isMissing(1));
        assertEquals(List.of("x"), List.copyOf(Expression.parse("x * 2 + L(x, 1)").columns()));
    }

    @Test
    void mistakesAreReported() throws FormulaException {
        Problems problems = new Problems();
        assertTrue(Expression.parse("log(x)").evaluate(data(), SITE, problems).isEmpty());
        assertTrue(Expression.parse("city * 2").evaluate(data(), SITE, problems).isEmpty());
        assertEquals(List.of(
                "data/d.csv:4: derived.lx: log(x) needs positive values, but x is 0 or negative in 1 row of dataset d: line 4 (-8);"
                        + " keep positive values with sample: \"x > 0\", or define a derived column such as log(x + 1)",
                "study.yaml:20:9: derived.lx: expression \"city * 2\": variable 'city' of dataset d is text, not numeric at character 1;"
                        + " text columns can only be compared, as in ifelse(state == 'AL', 1, 0)\n"
                        + "    city * 2\n"
                        + "    ^"),
                problems.list().stream().map(Problem::format).toList());
    }

    @Test
    void uncheckedUnknownColumnsAreReportedByTheEvaluator() {
        Problems problems = new Problems();
        Evaluator ev = new Evaluator(data(), SITE, problems);
        double[] v = ev.values(new Term.Variable("z"));
        assertTrue(Double.isNaN(v[0]));
        ev.values(new Term.Function(Term.Function.Kind.ABS, new Term.Variable("city")));
        assertEquals(List.of("study.yaml:20:9: derived.lx: unknown variable 'z' in dataset d; did you mean 'x' or 'y'?",
                "study.yaml:20:9: derived.lx: variable 'city' of dataset d is text, not numeric"),
                problems.list().stream().map(Problem::format).toList());
    }
}
