package dev.repro.formula;

import dev.repro.data.Dataset;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random texts over the languages' alphabet: the parsers either succeed, with a canonical text that parses
 * back to the same thing, or fail with a FormulaException whose position lies inside the text; never any
 * other exception (a user must never see a stack trace).
 */
class ParserFuzzTest {
    private static final String[] PIECES = {
        "y", "x", "z", "log", "L", "D", "exp", "ifelse", "and", "or", "not", "in", "(", ")", ",", "~", "|", "+", "-", "*",
        "/", "^", ":", "<", "<=", ">", "==", "!=", "=", "!", "&", "1", "2", "0", "1.5", "'a'", "\"b\"", "`c d`", " ", " ",
        "  ", "\t", "$", "'", "`", "1e", ".", "x.1", "~~", "||", "&&", "\u00A0", "\uFF5E",
        // digits of other scripts, combining marks, CJK, a character outside the BMP
        "\uFF11", "\u0663", "\u0301", "\u78B3", "\uD835\uDC65", "1.0", "1e3", "s", "t",
    };

    /** A panel over which every text that parses is also checked and evaluated: y, x, t numeric, s text. */
    private static final Dataset DATA = TestData.dataset("d").panel("s", "t")
            .text("s", "a", "a", "b", "b", "b")
            .num("t", 1, 2, 1, 3, 2)
            .num("y", 1, 0, -1, 2, TestData.NA)
            .num("x", 0.5, 2, 3, -4, 5)
            .num("c d", 1, 2, 3, 4, 5).build();
    private static final Located SITE = new Located("study.yaml", "k", 1, 1);

    private static String random(Random rnd) {
        StringBuilder sb = new StringBuilder();
        int n = rnd.nextInt(14);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[rnd.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    @Test
    void neverCrashes() {
        Random rnd = new Random(42);
        int parsed = 0;
        for (int i = 0; i < 30_000; i++) {
            String text = random(rnd);
            for (int kind = 0; kind < 3; kind++) {
                try {
                    String label = switch (kind) {
                        case 0 -> Formula.parse(text).label();
                        case 1 -> SampleFilter.parse(text).label();
                        default -> Expression.parse(text).label();
                    };
                    String again = switch (kind) {
                        case 0 -> Formula.parse(label).label();
                        case 1 -> SampleFilter.parse(label).label();
                        default -> Expression.parse(label).label();
                    };
                    assertEquals(label, again, "canonical text of " + text);
                    parsed++;
                    evaluate(kind, text);
                } catch (FormulaException e) {
                    TextProblem p = e.problem();
                    assertEquals(text, p.text());
                    assertTrue(p.position() >= 0 && p.position() <= text.length());
                    assertTrue(e.getMessage().startsWith(p.what() + " \""));
                }
            }
        }
        assertTrue(parsed > 1000, "some random texts parse: " + parsed);
    }

    /** Checking and evaluating never throw: every mistake about the data is a problem. */
    private static void evaluate(int kind, String text) throws FormulaException {
        Problems problems = new Problems();
        switch (kind) {
            case 0 -> ModelFrame.build(Formula.parse(text), DATA, null, List.of("s"), SITE, problems)
                    .ifPresent(ModelFrame::completeCases);
            case 1 -> SampleFilter.parse(text).select(DATA, SITE, problems);
            default -> Expression.parse(text).evaluate(DATA, SITE, problems);
        }
    }

    @Test
    void deepNestingIsAMistakeNotAStackOverflow() {
        String deep = "(".repeat(5000) + "x" + ")".repeat(5000);
        FormulaException e = assertThrows(FormulaException.class, () -> Expression.parse(deep));
        assertEquals("the expression is nested too deeply", e.problem().message());
        assertEquals("use at most 200 levels of parentheses, calls and signs", e.problem().hint());
        assertThrows(FormulaException.class, () -> SampleFilter.parse("not ".repeat(5000) + "x > 1"));
        assertThrows(FormulaException.class, () -> Formula.parse("y ~ " + "log(".repeat(5000) + "x"));
        assertThrows(FormulaException.class, () -> Expression.parse("-".repeat(5000) + "x"));
        assertEquals("x", assertDoesNotThrow(() -> Expression.parse("(".repeat(190) + "x" + ")".repeat(190))).label());
    }
}
