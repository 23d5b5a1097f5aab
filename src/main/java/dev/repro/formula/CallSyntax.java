package dev.repro.formula;

import dev.repro.diag.Suggest;
import dev.repro.formula.Token.Type;
import java.util.List;
import java.util.Locale;

/**
 * What formulas and expressions share about function calls: the functions each language knows, their
 * lag and difference arguments, the closing parenthesis, and the hints for a misspelt function.
 */
abstract class CallSyntax extends TokenCursor {
    /** Largest lag or difference accepted. */
    static final int MAX_LAG = 1_000_000;

    /** Most lags one range such as {@code L(y, 2:99)} gives: each is a column of the model frame. */
    static final int MAX_LAG_SPAN = 100;

    static final List<String> FORMULA_FUNCTIONS = List.of("log", "exp", "sqrt", "abs", "L", "D");
    static final List<String> EXPRESSION_FUNCTIONS = List.of("log", "exp", "sqrt", "abs", "L", "D", "ifelse");
    static final String DERIVED = "define it as a derived column and use that column here";

    /** Whether the text is a formula or term list (no arithmetic inside calls) rather than an expression or filter. */
    private final boolean formula;

    CallSyntax(String text, String what, String noun, boolean formula) {
        super(text, what, noun);
        this.formula = formula;
    }

    /** How to call {@code f}, for hints. */
    static String usage(String f) {
        return switch (f) {
            case "L" -> "L(x, 1) or L(x, 1:3)";
            case "D" -> "D(x) or D(x, 2)";
            case "ifelse" -> "ifelse(x > 0, x, 0)";
            default -> f + "(x)";
        };
    }

    /** Expects the ')' of a call, explaining what else was found. */
    void closeCall(String f, Token open) {
        Token t = peek();
        switch (t.type()) {
            case RPAREN -> next();
            case END -> throw fail(open, "unclosed '('", "add the matching ')'");
            case COMMA -> throw fail(t, f + "() takes " + arity(f), "write " + usage(f));
            case PLUS, MINUS, STAR, SLASH, CARET -> {
                if (formula) {
                    throw fail(t, "arithmetic is not allowed inside a formula term", DERIVED);
                }
                throw fail(t, expected("')'"), null);
            }
            case COLON -> throw fail(t, "a range such as 1:3 is only allowed as the lag of L()", null);
            default -> throw fail(t, expected("')'"), null);
        }
    }

    /** The arguments {@code f} takes, for messages. */
    static String arity(String f) {
        return switch (f) {
            case "L" -> "a term and a lag";
            case "D" -> "a term and a difference lag";
            case "ifelse" -> "a condition and two values";
            default -> "one argument";
        };
    }

    /** {@code k} or {@code a:b} (ranges only when allowed); returns {from, to}. */
    int[] lagSpec(boolean allowRange) {
        Token first = peek();
        int a = lagNumber("lag");
        if (peek().is(Type.COLON)) {
            Token colon = next();
            if (!allowRange) {
                throw fail(colon, "a range of lags is only allowed in a formula", "an expression takes one lag, as in L(x, 2)");
            }
            int b = lagNumber("lag");
            if (b < a) {
                throw fail(first, "the lag range " + a + ":" + b + " is empty", "write the smaller lag first, as in " + b + ":" + a);
            }
            if (b - a >= MAX_LAG_SPAN) {
                throw fail(first, "the lag range " + a + ":" + b + " gives " + (b - a + 1) + " lags",
                        "a range gives at most " + MAX_LAG_SPAN + " lags, each a column of the model");
            }
            return new int[] {a, b};
        }
        return new int[] {a, a};
    }

    int differenceSpec() {
        Token first = peek();
        int k = lagNumber("difference lag");
        if (peek().is(Type.COLON)) {
            throw fail(peek(), "D() takes one difference lag, not a range", "write D(x, 1) + D(x, 2)");
        }
        if (k == 0) {
            throw fail(first, "D(x, 0) is always zero", "the difference lag must be 1 or more");
        }
        return k;
    }

    private int lagNumber(String what) {
        Token t = peek();
        if (t.is(Type.MINUS)) {
            throw fail(t, "a " + what + " cannot be negative", "leads are not supported; lags count back in time");
        }
        if (t.is(Type.RPAREN) || t.is(Type.END)) {
            throw fail(t, expected("a " + what), null);
        }
        if (!t.is(Type.NUMBER)) {
            throw fail(t, "a " + what + " must be a whole number such as 1" + ("lag".equals(what) ? " or a range such as 1:3" : "")
                    + ", not " + t.describe(noun), null);
        }
        if (t.number() != Math.rint(t.number())) {
            throw fail(t, "a " + what + " must be a whole number, not " + t.text(), null);
        }
        if (t.number() > MAX_LAG) {
            throw fail(t, "the " + what + " " + t.text() + " is too large", "lags go up to " + MAX_LAG);
        }
        if (!t.text().chars().allMatch(Lexer::isDigit)) {
            throw fail(t, "a " + what + " is written with the digits 0-9 only, not " + t.text(), "write " + Texts.number(t.number()));
        }
        next();
        return (int) t.number();
    }

    Failure unknownFunction(Token name, List<String> allowed) {
        String f = name.text();
        String hint = functionHint(f, allowed);
        return fail(name, "unknown function '" + f + "'", hint);
    }

    static String functionHint(String f, List<String> allowed) {
        String lower = f.toLowerCase(Locale.ROOT);
        boolean formula = !allowed.contains("ifelse");
        if (f.equals("I")) {
            return formula ? "arithmetic is not allowed in a formula; " + DERIVED : null;
        }
        switch (lower) {
            case "ln" -> {
                return "did you mean 'log'? (log is the natural logarithm)";
            }
            case "log10", "log2", "log1p" -> {
                return "log() is the natural logarithm; define other logarithms as a derived column, as in log(x) / log(10)";
            }
            case "lag" -> {
                return "did you mean 'L'?";
            }
            case "diff", "d" -> {
                return "did you mean 'D'?";
            }
            case "i", "factor" -> {
                return formula ? f + "() gives dummies as a whole regressor on the right of '~', as in y ~ x + i(region)" : null;
            }
            case "poly" -> {
                return formula ? "arithmetic is not allowed in a formula; " + DERIVED : null;
            }
            case "as.factor", "c" -> {
                return formula ? "write i(column) for dummies, or absorb a categorical column as a fixed effect after '|'" : null;
            }
            case "lead", "f" -> {
                return "leads are not supported; lags count back in time";
            }
            case "ifelse" -> {
                if (formula) {
                    return "ifelse() belongs in a derived column; define one and use that column here";
                }
            }
            case "exp", "sqrt", "abs" -> {
                if (!f.equals(lower)) {
                    return "did you mean '" + lower + "'?";
                }
            }
            default -> {
                // fall through to the general suggestions
            }
        }
        String close = Suggest.question(f, allowed, Hints.limit(f));
        if (close != null) {
            return close;
        }
        StringBuilder sb = new StringBuilder("the functions are ");
        for (int i = 0; i < allowed.size(); i++) {
            if (i > 0) {
                sb.append(i == allowed.size() - 1 ? " and " : ", ");
            }
            sb.append(allowed.get(i)).append("()");
        }
        return sb.toString();
    }
}
