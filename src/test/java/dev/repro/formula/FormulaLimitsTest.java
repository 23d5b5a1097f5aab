package dev.repro.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.data.Dataset;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The resource limits of the formula languages (docs/security-limits.md): too many terms or too long a lag
 * range is a located mistake naming the limit, found before anything large is built; texts at the limit
 * parse and evaluate even on a thread with a small stack.
 */
class FormulaLimitsTest {
    private static final Located SITE = new Located("study.yaml", "models.m.sample", 7, 13);
    private static final Dataset DATA = TestData.dataset("d").panel("s", "t")
            .text("s", "a", "a", "b", "b")
            .num("t", 1, 2, 1, 2)
            .num("x", 1, 2, 3, 4).build();

    private static String chain(String term, String op, int terms) {
        StringBuilder sb = new StringBuilder(term);
        for (int i = 1; i < terms; i++) {
            sb.append(op).append(term);
        }
        return sb.toString();
    }

    @Test
    void filterOfEightThousandTermsIsRefusedAtTheFirstTermTooMany() {
        String text = chain("x > 0", " and ", 8_000);
        FormulaException e = assertThrows(FormulaException.class, () -> SampleFilter.parse(text));
        assertEquals("the sample filter has more than 500 terms", e.problem().message());
        assertEquals("a formula, sample filter or expression joins at most 500 terms with and, or, +, -, *, / and ^;"
                + " split it into derived columns", e.problem().hint());
        assertEquals(500 * "x > 0 and ".length() - " and ".length() + 1, e.problem().position());
    }

    @Test
    void fiftyThousandTermsAreRefusedQuickly() {
        String text = chain("x > 0", " or ", 50_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            Problems p = new Problems();
            assertEquals(Optional.empty(), SampleFilter.parse(text, SITE, p));
            assertEquals(1, p.size());
            String message = p.list().get(0).format();
            assertTrue(message.startsWith("study.yaml:7:13: models.m.sample: sample \"\u2026"), message);
            assertTrue(message.length() < 1_000, "a long text is cut in the message: " + message.length());
            assertTrue(message.contains("the sample filter has more than 500 terms at character 4498"), message);
        });
    }

    @Test
    void expressionAndFormulaCountTheirOperators() {
        FormulaException ex = assertThrows(FormulaException.class, () -> Expression.parse(chain("x", " * ", 501)));
        assertEquals("the expression has more than 500 terms", ex.problem().message());
        FormulaException f = assertThrows(FormulaException.class, () -> Formula.parse("y ~ " + chain("x", " + ", 501)));
        assertEquals("the formula has more than 500 terms", f.problem().message());
    }

    @Test
    void lagRangeOfAHundredThousandIsRefused() {
        FormulaException e = assertThrows(FormulaException.class, () -> Formula.parse("y ~ L(x, 0:100000)"));
        assertEquals("the lag range 0:100000 gives 100001 lags", e.problem().message());
        assertEquals("a range gives at most 100 lags, each a column of the model", e.problem().hint());
        assertEquals(9, e.problem().position());
        assertEquals(100, assertDoesNotThrowFormula("y ~ L(x, 1:100)").regressors().size());
    }

    @Test
    void lagRangesTogetherCountAsTerms() {
        String text = "y ~ " + String.join(" + ", List.of("L(x, 1:100)", "L(z, 1:100)", "L(w, 1:100)", "L(v, 1:100)", "L(u, 1:100)", "L(q, 1:1)"));
        FormulaException e = assertThrows(FormulaException.class, () -> Formula.parse(text));
        assertEquals("the formula has more than 500 terms", e.problem().message());
        assertEquals("a formula or term list has at most 500 terms, counting each lag of a range", e.problem().hint());
    }

    /** At the limit, parsing, checking and evaluating run on a thread with a 256 KB stack (a pool thread has 1 MB or more). */
    @Test
    void atTheLimitEverythingFitsASmallStack() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<boolean[]> kept = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                Problems p = new Problems();
                SampleFilter f = SampleFilter.parse(chain("x > 0", " and ", 500));
                kept.set(f.select(DATA, SITE, p).orElseThrow());
                Expression e = Expression.parse(chain("x", " + ", 500));
                e.evaluate(DATA, SITE, p);
                e.label();
                assertEquals(0, p.size());
            } catch (Throwable x) {
                failure.set(x);
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        assertEquals(4, kept.get().length);
    }

    @Test
    void longTextIsCutAroundTheCaret() {
        String text = "x > 0 and ".repeat(40) + "x >> 1" + " and x > 0".repeat(40);
        FormulaException e = assertThrows(FormulaException.class, () -> SampleFilter.parse(text));
        String[] lines = e.problem().render().split("\n");
        assertEquals(3, lines.length);
        int at = e.problem().position();
        assertEquals(TextProblem.INDENT + "\u2026" + text.substring(at - 80, at + 80) + "\u2026", lines[1]);
        assertEquals(TextProblem.INDENT.length() + 1 + 80 + 1, lines[2].length(), "the caret is under the offending character");
    }

    private static Formula assertDoesNotThrowFormula(String text) {
        try {
            return Formula.parse(text);
        } catch (FormulaException e) {
            throw new AssertionError(e);
        }
    }
}
