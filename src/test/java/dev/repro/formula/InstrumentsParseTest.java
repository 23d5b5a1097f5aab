package dev.repro.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The instruments part of a formula, {@code y ~ exog | fe | endog ~ z} (fixest's syntax), and its mistakes. */
class InstrumentsParseTest {
    @Test
    void threePartsWithAbsorbedEffects() throws FormulaException {
        Formula f = Formula.parseWithInstruments("y ~ w1 + w2 | firm + year | x1 + x2 ~ z1 + L(z2, 1:2)");
        Instruments iv = f.instruments().orElseThrow();
        assertEquals(List.of("x1", "x2"), iv.endogenousLabels());
        assertEquals(List.of("z1", "L(z2, 1)", "L(z2, 2)"), iv.instrumentLabels());
        assertEquals(List.of("w1", "w2"), f.regressorLabels());
        assertEquals(2, f.absorbed().size());
        assertEquals("y ~ w1 + w2 | firm + year | x1 + x2 ~ z1 + L(z2, 1) + L(z2, 2)", f.label());
        assertTrue(f.usesPanel(), "a lagged instrument needs a panel");
        assertEquals(List.of("y", "w1", "w2", "firm", "year", "x1", "x2", "z1", "z2"), List.copyOf(f.columns()));
    }

    @Test
    void withoutAbsorbedEffectsOrExogenousRegressors() throws FormulaException {
        Formula pooled = Formula.parseWithInstruments("y ~ w | x ~ z");
        assertTrue(pooled.isPooled());
        assertEquals(List.of("x"), pooled.instruments().orElseThrow().endogenousLabels());
        Formula none = Formula.parseWithInstruments("y ~ 1 | f | x ~ z");
        assertEquals(List.of(), none.regressorLabels());
        assertEquals("y ~ 1 | f | x ~ z", none.label());
    }

    @Test
    void otherEstimatorsRefuseThePart() {
        FormulaException e = assertThrows(FormulaException.class, () -> Formula.parse("y ~ w | f | x ~ z"));
        assertEquals("the instruments part ('| endogenous ~ instruments') is estimated only by estimator: iv",
                e.problem().message());
    }

    @Test
    void mistakes() {
        assertEquals("y ~ 1 has no regressor", message("y ~ 1"));
        assertEquals("y ~ 1 has no regressor", message("y ~ 1 | f"));
        assertEquals("'x' is an endogenous regressor twice", message("y ~ w | x + x ~ z1 + z2"));
        assertEquals("the dependent variable 'y' cannot be an instrument", message("y ~ w | x ~ y"));
        assertEquals("an instrument must be a numeric term, not a factor", message("y ~ w | x ~ i(region)"));
        assertEquals("a third '~'", message("y ~ w | x ~ z ~ q"));
        assertEquals("a second '|'", message("y ~ w | f | g"));
    }

    private static String message(String formula) {
        return assertThrows(FormulaException.class, () -> Formula.parseWithInstruments(formula)).problem().message();
    }
}
