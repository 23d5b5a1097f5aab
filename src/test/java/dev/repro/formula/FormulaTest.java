package dev.repro.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FormulaTest {
    @Test
    void parsesTermsEffectsAndCanonicalLabels() throws Exception {
        Formula f = Formula.parse("log(sales) ~ L(log(sales),1) + log(price) + D(ndi) + L(y, 0:2) | state + region^year");
        assertEquals("log(sales)", f.dependent().label());
        assertEquals(List.of("L(log(sales), 1)", "log(price)", "D(ndi)", "y", "L(y, 1)", "L(y, 2)"),
                f.regressors().stream().map(Term::label).toList());
        assertEquals(List.of(List.of("state"), List.of("region", "year")), f.absorbed());
        assertEquals("region^year", Formula.effectName(f.absorbed().get(1)));
        assertEquals(List.of("sales", "price", "ndi", "y", "state", "region", "year"), List.copyOf(f.columns()));
    }

    @Test
    void pooledFormulaHasNoEffects() throws Exception {
        Formula f = Formula.parse("y ~ x");
        assertEquals(List.of(), f.absorbed());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', quoteCharacter = '"', value = {
        "\"y x\"                 # 3 # expected '~' or the end of the dependent variable, found 'x'",
        "\"y\"                   # 2 # expected '~' between the dependent variable and the regressors",
        "\"~ x\"                 # 1 # expected the dependent variable before '~'",
        "\"y ~\"                 # 4 # expected at least one regressor after '~'",
        "\"y ~ x ~ z\"           # 7 # a formula has one '~'",
        "\"y ~ x + | f\"         # 9 # expected a term after '+'",
        "\"y ~ x +\"             # 8 # expected a term after '+'",
        "\"y ~ lg(x)\"           # 5 # unknown function 'lg', did you mean 'log'? the functions are log(x), L(x, k) and D(x)",
        "\"y ~ exp(x)\"          # 5 # unknown function 'exp'; the functions are log(x), L(x, k) and D(x)",
        "\"y ~ L(x, 2:1)\"       # 10 # the lag range 2:1 is empty; write the smaller lag first, e.g. 1:2",
        "\"y ~ L(x, -1)\"        # 11 # lags and differences cannot be negative",
        "\"y ~ L(x, 1.5)\"       # 10 # expected a lag such as 1 or a range such as 1:2 (a whole number), found '1.5'",
        "\"y ~ log(x\"           # 10 # missing ')' to close '(' at character 8",
        "\"y ~ log(x, 2)\"       # 10 # expected ')' to close '(' at character 8, found ','",
        "\"y ~ x )\"             # 7 # unexpected ')'; terms are joined by '+', fixed effects follow '|'",
        "\"y ~ x + x\"           # 1 # the term 'x' appears twice (or is the dependent variable)",
        "\"y ~ y\"               # 1 # the term 'y' appears twice (or is the dependent variable)",
        "\"y ~ x | f + f\"       # 13 # the fixed effect 'f' is listed twice",
        "\"y ~ x | \"            # 9 # expected a column to absorb after '|', found the end",
        "\"y ~ x | a^\"          # 11 # expected a column after '^', found the end",
        "\"L(y, 1:2) ~ x\"       # 1 # the left of '~' must be one variable, not a lag range",
        "\"y ~ x $ z\"           # 7 # unexpected character '$'",
        "\"y ~ D(x, 0)\"         # 10 # the order of a difference must be at least 1",
    })
    void syntaxErrorsPointAtTheCharacter(String text, int position, String reason) {
        FormulaException e = assertThrows(FormulaException.class, () -> Formula.parse(text));
        assertEquals(reason, e.reason());
        assertEquals(position, e.position());
        assertEquals(reason + " at character " + position, e.getMessage());
    }

    @Test
    void caretSitsUnderTheCharacter() {
        FormulaException e = assertThrows(FormulaException.class, () -> Formula.parse("y ~ x + | f"));
        assertEquals("    y ~ x + | f" + System.lineSeparator() + "            ^", e.caret());
    }
}
