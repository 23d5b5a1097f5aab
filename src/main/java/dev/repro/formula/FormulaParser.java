package dev.repro.formula;

import dev.repro.formula.Lexer.Kind;
import dev.repro.formula.Lexer.Token;
import dev.repro.study.Suggest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser of {@code y ~ t1 + t2 | fe1 + fe2^fe3}.
 * <pre>
 * formula  = term "~" terms [ "|" effects ]
 * terms    = term { "+" term }
 * term     = name | "log(" term ")" | "L(" term [ "," lags ] ")" | "D(" term [ "," int ] ")"
 * lags     = int | int ":" int
 * effects  = effect { "+" effect } ;  effect = name { "^" name }
 * </pre>
 */
final class FormulaParser {
    private static final List<String> FUNCTIONS = List.of("log", "L", "D");
    private final String text;
    private List<Token> tokens;
    private int p;

    FormulaParser(String text) {
        this.text = text;
    }

    Formula formula() throws FormulaException {
        tokens = Lexer.lex(text);
        if (peek().is("~")) {
            throw error(peek(), "expected the dependent variable before '~'");
        }
        List<Term> lhs = terms(false);
        if (lhs.size() != 1) {
            throw error(tokens.get(0), "the left of '~' must be one variable, not a lag range");
        }
        if (!peek().is("~")) {
            throw error(peek(), peek().kind() == Kind.END
                    ? "expected '~' between the dependent variable and the regressors"
                    : "expected '~' or the end of the dependent variable, found " + peek().shown());
        }
        next();
        if (peek().kind() == Kind.END || peek().is("|")) {
            throw error(peek(), "expected at least one regressor after '~'");
        }
        List<Term> rhs = terms(true);
        List<List<String>> absorbed = new ArrayList<>();
        if (peek().is("|")) {
            next();
            Set<String> seen = new LinkedHashSet<>();
            do {
                Token start = peek();
                List<String> parts = new ArrayList<>();
                parts.add(name("a column to absorb after " + (absorbed.isEmpty() ? "'|'" : "'+'")));
                while (peek().is("^")) {
                    next();
                    parts.add(name("a column after '^'"));
                }
                if (!seen.add(Formula.effectName(parts))) {
                    throw error(start, "the fixed effect '" + Formula.effectName(parts) + "' is listed twice");
                }
                absorbed.add(parts);
            } while (accept("+"));
        }
        if (peek().is("~")) {
            throw error(peek(), "a formula has one '~'");
        }
        if (peek().kind() != Kind.END) {
            throw error(peek(), "unexpected " + peek().shown() + "; terms are joined by '+', fixed effects follow '|'");
        }
        Set<String> labels = new LinkedHashSet<>();
        labels.add(lhs.get(0).label());
        for (Term t : rhs) {
            if (!labels.add(t.label())) {
                throw error(tokens.get(0), "the term '" + t.label() + "' appears twice (or is the dependent variable)");
            }
        }
        return new Formula(text, lhs.get(0), rhs, absorbed);
    }

    private List<Term> terms(boolean rhs) throws FormulaException {
        List<Term> out = new ArrayList<>(term());
        while (rhs && peek().is("+")) {
            next();
            if (peek().kind() == Kind.END || peek().is("|") || peek().is("+")) {
                throw error(peek(), "expected a term after '+'");
            }
            out.addAll(term());
        }
        return out;
    }

    /** One term, or several for a lag range L(x, a:b). */
    private List<Term> term() throws FormulaException {
        Token t = peek();
        if (t.kind() != Kind.IDENT) {
            throw error(t, "expected a variable or a function such as log(x), found " + t.shown());
        }
        next();
        if (!peek().is("(")) {
            return List.of(new Term.Var(t.text()));
        }
        Token open = next();
        String fn = t.text();
        if (!FUNCTIONS.contains(fn)) {
            String hint = Suggest.didYouMean(fn, FUNCTIONS);
            throw error(t, "unknown function '" + fn + "'" + (hint.isEmpty() ? ";" : hint) + " the functions are log(x), L(x, k) and D(x)");
        }
        List<Term> inner = term();
        if (inner.size() != 1) {
            throw error(t, "a lag range can only be the outermost function");
        }
        Term in = inner.get(0);
        List<Term> out = new ArrayList<>();
        switch (fn) {
            case "log" -> out.add(new Term.Log(in));
            case "D" -> {
                int k = 1;
                if (accept(",")) {
                    k = integer("the order of the difference");
                    if (k < 1) {
                        throw error(tokens.get(p - 1), "the order of a difference must be at least 1");
                    }
                }
                out.add(new Term.Diff(in, k));
            }
            default -> {
                int a = 1;
                int b = 1;
                if (accept(",")) {
                    Token at = peek();
                    a = integer("a lag such as 1 or a range such as 1:2");
                    b = a;
                    if (accept(":")) {
                        b = integer("the last lag of the range");
                        if (b < a) {
                            throw error(at, "the lag range " + a + ":" + b + " is empty; write the smaller lag first, e.g. " + b + ":" + a);
                        }
                    }
                }
                for (int k = a; k <= b; k++) {
                    out.add(k == 0 ? in : new Term.Lag(in, k));
                }
            }
        }
        if (!peek().is(")")) {
            throw error(peek(), peek().kind() == Kind.END ? "missing ')' to close '(' at character " + open.pos()
                    : "expected ')' to close '(' at character " + open.pos() + ", found " + peek().shown());
        }
        next();
        return out;
    }

    private int integer(String what) throws FormulaException {
        Token t = peek();
        boolean negative = false;
        if (t.is("-")) {
            negative = true;
            next();
            t = peek();
        }
        if (t.kind() != Kind.NUMBER || !t.text().matches("\\d+")) {
            throw error(t, "expected " + what + " (a whole number), found " + t.shown());
        }
        next();
        if (negative) {
            throw error(t, "lags and differences cannot be negative");
        }
        try {
            return Integer.parseInt(t.text());
        } catch (NumberFormatException e) {
            throw error(t, "the number " + t.text() + " is too large");
        }
    }

    private String name(String what) throws FormulaException {
        Token t = peek();
        if (t.kind() != Kind.IDENT) {
            throw error(t, "expected " + what + ", found " + t.shown());
        }
        next();
        return t.text();
    }

    private Token peek() {
        return tokens.get(p);
    }

    private Token next() {
        return tokens.get(p++);
    }

    private boolean accept(String symbol) {
        if (peek().is(symbol)) {
            p++;
            return true;
        }
        return false;
    }

    private FormulaException error(Token at, String message) {
        return new FormulaException(text, at.pos(), message);
    }
}
