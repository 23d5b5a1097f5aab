package dev.repro.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Formulas that parse: canonical labels (the coefficient keys), lag range expansion, absorbed effects. */
class FormulaParseTest {

    static Stream<Arguments> formulas() {
        return Stream.of(
                Arguments.of("sales ~ price + ndi + pop16 | state + year", "sales",
                        List.of("price", "ndi", "pop16"), List.of("state", "year")),
                // the contract's key: one space after each comma, no other spaces
                Arguments.of("log(sales) ~ L(log(sales),1) + log(price) + log(ndi)", "log(sales)",
                        List.of("L(log(sales), 1)", "log(price)", "log(ndi)"), List.of()),
                Arguments.of("  y~L( y , 1 )+x|s  ", "y", List.of("L(y, 1)", "x"), List.of("s")),
                Arguments.of("y ~ L(y, 1:2)", "y", List.of("L(y, 1)", "L(y, 2)"), List.of()),
                Arguments.of("y ~ L(x, 0:2)", "y", List.of("x", "L(x, 1)", "L(x, 2)"), List.of()),
                Arguments.of("y ~ L(x)", "y", List.of("L(x, 1)"), List.of()),
                Arguments.of("y ~ L(x, 3:3)", "y", List.of("L(x, 3)"), List.of()),
                Arguments.of("D(y) ~ D(x, 1) + D(x, 2) + D(log(z))", "D(y)", List.of("D(x)", "D(x, 2)", "D(log(z))"), List.of()),
                Arguments.of("y ~ L(D(x), 1) + D(L(x, 2))", "y", List.of("L(D(x), 1)", "D(L(x, 2))"), List.of()),
                Arguments.of("y ~ log(L(x, 1:2))", "y", List.of("log(L(x, 1))", "log(L(x, 2))"), List.of()),
                Arguments.of("y ~ L(L(x, 1:2), 1:2)", "y",
                        List.of("L(L(x, 1), 1)", "L(L(x, 1), 2)", "L(L(x, 2), 1)", "L(L(x, 2), 2)"), List.of()),
                Arguments.of("y ~ exp(x) + sqrt(z) + abs(w)", "y", List.of("exp(x)", "sqrt(z)", "abs(w)"), List.of()),
                Arguments.of("y ~ x | region^year + firm", "y", List.of("x"), List.of("region^year", "firm")),
                Arguments.of("y ~ x | a ^ b ^ c", "y", List.of("x"), List.of("a^b^c")),
                Arguments.of("`sales tax` ~ `2digit` + x.1 + _y + .z + `and` | `my fe`", "`sales tax`",
                        List.of("`2digit`", "x.1", "_y", ".z", "`and`"), List.of("`my fe`")),
                Arguments.of("`plain` ~ x", "plain", List.of("x"), List.of()),
                Arguments.of("碳排放 ~ 开放度 + L(碳排放, 1) | 省份", "碳排放", List.of("开放度", "L(碳排放, 1)"), List.of("省份")),
                Arguments.of("y ~ L\n(x,\t2)", "y", List.of("L(x, 2)"), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formulas")
    void canonicalLabels(String text, String dependent, List<String> regressors, List<String> effects) throws FormulaException {
        Formula f = Formula.parse(text);
        assertEquals(text, f.text());
        assertEquals(dependent, f.dependent().label());
        assertEquals(regressors, f.regressorLabels());
        assertEquals(effects, f.absorbed().stream().map(AbsorbedEffect::label).toList());
        assertEquals(effects.isEmpty(), f.isPooled());
        // the canonical formula parses back to itself
        Formula again = Formula.parse(f.label());
        assertEquals(f.label(), again.label());
        assertEquals(f.regressors(), again.regressors());
        assertEquals(f.dependent(), again.dependent());
    }

    @Test
    void canonicalFormula() throws FormulaException {
        assertEquals("log(sales) ~ L(log(sales), 1) + log(price) | state + region^year",
                Formula.parse("log(sales)~L(log(sales),1)+log(price)|state+region^year").label());
        assertEquals("y ~ x", Formula.parse("y~x").toString());
    }

    @Test
    void termsAreValuesComparedByLabel() throws FormulaException {
        Term parsed = Formula.parse("y ~ L(log(sales),1)").regressors().get(0);
        Term built = new Term.Lag(new Term.Function(Term.Function.Kind.LOG, new Term.Variable("sales")), 1);
        assertEquals(built, parsed);
        assertEquals(built.hashCode(), parsed.hashCode());
        assertEquals(4, parsed.position());
        assertEquals(-1, built.position());
        assertNotEquals(new Term.Lag(new Term.Variable("x"), 1), new Term.Lag(new Term.Variable("x"), 2));
        assertEquals(new Term.Variable("x"), Term.lag(new Term.Variable("x"), 0));
        assertEquals("D(x)", new Term.Difference(new Term.Variable("x"), 1).label());
        assertEquals("D(x, 3)", new Term.Difference(new Term.Variable("x"), 3).label());
        assertEquals("`a b`", new Term.Variable("a b").label());
        assertEquals("a b", ((Term.Variable) new Term.Variable("a b")).name());
    }

    @Test
    void columnsAndPanelUse() throws FormulaException {
        String text = "log(sales) ~ L(log(sales), 1:2) + price + D(ndi) | state + region^year";
        Formula f = Formula.parse(text);
        assertEquals(List.of("sales", "price", "ndi", "state", "region", "year"), List.copyOf(f.columns()));
        assertTrue(f.usesPanel());
        assertFalse(Formula.parse("y ~ log(x) | s").usesPanel());
        assertTrue(Formula.parse("D(y) ~ x").usesPanel());
        AbsorbedEffect e = f.absorbed().get(1);
        assertEquals(List.of("region", "year"), e.columns());
        assertTrue(e.isInteraction());
        assertEquals(text.indexOf("region"), e.position());
    }

    @Test
    void termLists() throws FormulaException {
        assertEquals(List.of("L(log(sales), 2)", "L(log(sales), 3)", "L(log(sales), 4)"),
                Formula.parseTerms("L(log(sales), 2:4)", "gmm").stream().map(Term::label).toList());
        assertEquals(List.of("x", "L(z, 1)"), Formula.parseTerms("x + L(z,1)", "iv").stream().map(Term::label).toList());
    }

    @Test
    void programmerErrorsAreIllegalArguments() {
        assertThrows(IllegalArgumentException.class, () -> new Term.Lag(new Term.Variable("x"), 0));
        assertThrows(IllegalArgumentException.class, () -> new Term.Difference(new Term.Variable("x"), 0));
        assertThrows(IllegalArgumentException.class, () -> new Term.Variable(""));
        assertThrows(IllegalArgumentException.class, () -> new Term.Variable("a`b"));
        assertThrows(IllegalArgumentException.class, () -> new Term.Constant(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new AbsorbedEffect(List.of("a", "a"), -1));
        assertThrows(IllegalArgumentException.class, () -> new AbsorbedEffect(List.of(), -1));
        assertThrows(IllegalArgumentException.class, () -> new Condition.Membership(new Term.Variable("x"), false, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new Condition.Membership(new Term.Variable("x"), false, List.of(new Term.Variable("y"))));
        assertThrows(NullPointerException.class, () -> Formula.parse(null));
    }
}
