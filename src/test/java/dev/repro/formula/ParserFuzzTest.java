package dev.repro.formula;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

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
    };

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

    @Test
    void deepNestingIsAMistakeNotAStackOverflow() {
        String deep = "(".repeat(5000) + "x" + ")".repeat(5000);
        FormulaException e = org.junit.jupiter.api.Assertions.assertThrows(FormulaException.class, () -> Expression.parse(deep));
        assertEquals("the expression is nested too deeply", e.problem().message());
        assertEquals("use at most 200 levels of parentheses, calls and signs", e.problem().hint());
        org.junit.jupiter.api.Assertions.assertThrows(FormulaException.class, () -> SampleFilter.parse("not ".repeat(5000) + "x > 1"));
        org.junit.jupiter.api.Assertions.assertThrows(FormulaException.class, () -> Formula.parse("y ~ " + "log(".repeat(5000) + "x"));
        org.junit.jupiter.api.Assertions.assertThrows(FormulaException.class, () -> Expression.parse("-".repeat(5000) + "x"));
        assertEquals("x", assertDoesNotThrow(() -> Expression.parse("(".repeat(190) + "x" + ")".repeat(190))).label());
    }
}
