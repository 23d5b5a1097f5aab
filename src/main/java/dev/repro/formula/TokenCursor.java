package dev.repro.formula;

import dev.repro.formula.Token.Type;
import java.util.List;

/**
 * The token stream under a grammar of the formula languages ({@link FormulaGrammar},
 * {@link ValueGrammar}): where parsing stands, how deep it is nested, and the {@link Failure} that stops
 * it with a {@link TextProblem} at the offending character.
 */
abstract class TokenCursor {
    /** Internal failure carrying the problem and how far parsing got (for choosing between alternatives). */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient TextProblem problem;
        final int reached;

        Failure(TextProblem problem, int reached) {
            super(problem.headline(), null, false, false);
            this.problem = problem;
            this.reached = reached;
        }
    }


    /** Deepest nesting of parentheses, calls and signs accepted (keeps the recursion far from the stack limit). */
    static final int MAX_DEPTH = 200;

    /**
     * Most terms one formula, sample filter or expression joins with and, or, +, -, *, / and ^. A chain of
     * n terms is a tree n levels deep (checked, labelled and evaluated recursively), so without a bound a
     * filter of 8,000 terms overflows the stack and one of 50,000 exhausts memory.
     */
    static final int MAX_TERMS = 500;

    /** The text parsed, for sources of terms and messages. */
    final String text;
    /** What the user wrote it under, such as "formula" or a study key. */
    private final String what;
    /** What it is called in messages: "formula", "sample filter", "expression", "term list". */
    final String noun;
    private final List<Token> toks;
    private int p;
    private int depth;

    TokenCursor(String text, String what, String noun) {
        this.text = text;
        this.what = what;
        this.noun = noun;
        this.toks = Lexer.tokens(text);
        checkTermCount();
    }

    /** Fails at the operator that joins one term more than {@link #MAX_TERMS}, before any parsing. */
    private void checkTermCount() {
        int terms = 1;
        for (Token t : toks) {
            if (joinsTerms(t) && ++terms > MAX_TERMS) {
                throw fail(t.start(), "the " + noun + " has more than " + MAX_TERMS + " terms",
                        "a formula, sample filter or expression joins at most " + MAX_TERMS + " terms with and, or, +, -, *, / and ^;"
                                + " split it into derived columns");
            }
        }
    }

    private static boolean joinsTerms(Token t) {
        return switch (t.type()) {
            case PLUS, MINUS, STAR, SLASH, CARET -> true;
            default -> t.isWord("and") || t.isWord("or");
        };
    }

    /** One level deeper into parentheses, calls or signs; fails beyond {@link #MAX_DEPTH}. */
    void enter() {
        if (++depth > MAX_DEPTH) {
            throw fail(peek(), "the " + noun + " is nested too deeply", "use at most " + MAX_DEPTH + " levels of parentheses, calls and signs");
        }
    }

    /** Back out of the level of the matching {@link #enter()}. */
    void leave() {
        depth--;
    }

    /** The position to {@link #reset} to when trying another reading of the same tokens. */
    int mark() {
        return p;
    }

    void reset(int mark) {
        p = mark;
    }

    /** Where the token before the current one ends. */
    int previousEnd() {
        return toks.get(p - 1).end();
    }

    Token peek() {
        return toks.get(p);
    }

    Token peek(int ahead) {
        return toks.get(Math.min(p + ahead, toks.size() - 1));
    }

    Token next() {
        Token t = toks.get(p);
        if (!t.is(Type.END) && !t.is(Type.ERROR)) {
            p++;
        }
        return t;
    }

    /** "expected X after '+'", or "expected X" at the start of the text. */
    String expected(String thing) {
        return p == 0 ? "expected " + thing : "expected " + thing + " after " + toks.get(p - 1).describe(noun);
    }

    Failure fail(Token at, String message, String hint) {
        if (at.is(Type.ERROR)) {
            return lexical(at);
        }
        return fail(at.start(), message, hint);
    }

    Failure fail(int position, String message, String hint) {
        return new Failure(new TextProblem(what, noun, text, position, message, hint), p);
    }

    private Failure lexical(Token t) {
        String msg = t.text();
        String hint = null;
        int cut = msg.indexOf(Lexer.HINT);
        if (cut >= 0) {
            hint = msg.substring(cut + Lexer.HINT.length());
            msg = msg.substring(0, cut);
        }
        return new Failure(new TextProblem(what, noun, text, t.start(), msg, hint), p);
    }

    String source(int from, int to) {
        return text.substring(from, to);
    }

    boolean isEmptyText() {
        return peek().is(Type.END) && p == 0;
    }

    /** The 1-based character (code point) of a position, as messages count. */
    int character(int position) {
        return text.codePointCount(0, position) + 1;
    }
}
