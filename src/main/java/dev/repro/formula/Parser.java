package dev.repro.formula;

import dev.repro.diag.Suggest;
import dev.repro.formula.Token.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hand-written recursive descent parser for the three languages (grammar in docs/formulas.md).
 * A mistake stops parsing with a {@link TextProblem} at the offending character.
 */
final class Parser {
    enum Mode { FORMULA, SAMPLE, EXPRESSION }

    /** Largest lag or difference accepted. */
    static final int MAX_LAG = 1_000_000;

    static final List<String> FORMULA_FUNCTIONS = List.of("log", "exp", "sqrt", "abs", "L", "D");
    static final List<String> EXPRESSION_FUNCTIONS = List.of("log", "exp", "sqrt", "abs", "L", "D", "ifelse");
    private static final String DERIVED = "define it as a derived column and use that column here";

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

    private final String text;
    private final String what;
    private final String noun;
    private final Mode mode;
    private final List<Token> toks;
    private int p;
    private int depth;

    /** Deepest nesting of parentheses, calls and signs accepted (keeps the recursion far from the stack limit). */
    static final int MAX_DEPTH = 200;

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw fail(peek(), "the " + noun + " is nested too deeply", "use at most " + MAX_DEPTH + " levels of parentheses, calls and signs");
        }
    }

    private Parser(String text, String what, String noun, Mode mode) {
        this.text = text;
        this.what = what;
        this.noun = noun;
        this.mode = mode;
        this.toks = Lexer.tokens(text);
    }

    // ---------------------------------------------------------------- entry points

    static Formula formula(String text) throws FormulaException {
        Parser ps = new Parser(text, "formula", "formula", Mode.FORMULA);
        try {
            return ps.formula();
        } catch (Failure f) {
            throw new FormulaException(f.problem);
        }
    }

    static List<Term> termList(String text, String what) throws FormulaException {
        Parser ps = new Parser(text, what, "term list", Mode.FORMULA);
        try {
            return ps.termList();
        } catch (Failure f) {
            throw new FormulaException(f.problem);
        }
    }

    static Condition sample(String text) throws FormulaException {
        Parser ps = new Parser(text, "sample", "sample filter", Mode.SAMPLE);
        try {
            return ps.sample();
        } catch (Failure f) {
            throw new FormulaException(f.problem);
        }
    }

    static Term expression(String text) throws FormulaException {
        Parser ps = new Parser(text, "expression", "expression", Mode.EXPRESSION);
        try {
            return ps.expression();
        } catch (Failure f) {
            throw new FormulaException(f.problem);
        }
    }

    // ---------------------------------------------------------------- token helpers

    private Token peek() {
        return toks.get(p);
    }

    private Token peek(int ahead) {
        return toks.get(Math.min(p + ahead, toks.size() - 1));
    }

    private Token next() {
        Token t = toks.get(p);
        if (!t.is(Type.END) && !t.is(Type.ERROR)) {
            p++;
        }
        return t;
    }

    /** "expected X after '+'", or "expected X" at the start of the text. */
    private String expected(String thing) {
        return p == 0 ? "expected " + thing : "expected " + thing + " after " + toks.get(p - 1).describe(noun);
    }

    private Failure fail(Token at, String message, String hint) {
        if (at.is(Type.ERROR)) {
            return lexical(at);
        }
        return fail(at.start(), message, hint);
    }

    private Failure fail(int position, String message, String hint) {
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

    private String source(int from, int to) {
        return text.substring(from, to);
    }

    private boolean isEmptyText() {
        return peek().is(Type.END) && p == 0;
    }

    // ---------------------------------------------------------------- formulas

    private Formula formula() {
        if (isEmptyText()) {
            throw fail(0, "the formula is empty", "write it as y ~ x1 + x2");
        }
        if (peek().is(Type.TILDE)) {
            throw fail(peek(), "expected the dependent variable before '~'", "write the formula as y ~ x1 + x2");
        }
        int lhsStart = peek().start();
        List<Term> lhs = formulaTerm();
        int lhsEnd = toks.get(p - 1).end();
        if (lhs.size() != 1) {
            throw fail(lhsStart, "the dependent variable must be one term, but " + source(lhsStart, lhsEnd)
                    + " gives " + lhs.size() + " terms", null);
        }
        Token t = peek();
        if (!t.is(Type.TILDE)) {
            throw fail(t, "expected '~' after the dependent variable",
                    t.is(Type.PLUS) ? "a formula has one dependent variable, on the left of '~'" : "write the formula as y ~ x1 + x2");
        }
        next();
        Term dependent = lhs.get(0);
        Map<String, Term> seen = new LinkedHashMap<>();
        List<Term> regressors = new ArrayList<>();
        addTerms(formulaTerm(), dependent, seen, regressors);
        List<AbsorbedEffect> absorbed = null;
        while (true) {
            t = peek();
            if (t.is(Type.PLUS)) {
                next();
                addTerms(formulaTerm(), dependent, seen, regressors);
            } else if (t.is(Type.BAR)) {
                next();
                absorbed = effects();
                break;
            } else if (t.is(Type.END)) {
                break;
            } else {
                throw afterTerm(t, true);
            }
        }
        return new Formula(text, dependent, regressors, absorbed == null ? List.of() : absorbed);
    }

    private List<Term> termList() {
        if (isEmptyText()) {
            throw fail(0, "the term list is empty", "write terms joined by '+', as in L(y, 2:4) + x");
        }
        Map<String, Term> seen = new LinkedHashMap<>();
        List<Term> out = new ArrayList<>();
        addTerms(formulaTerm(), null, seen, out);
        while (true) {
            Token t = peek();
            if (t.is(Type.PLUS)) {
                next();
                addTerms(formulaTerm(), null, seen, out);
            } else if (t.is(Type.END)) {
                return out;
            } else if (t.is(Type.BAR)) {
                throw fail(t, "unexpected '|'", "a term list has no absorbed effects");
            } else {
                throw afterTerm(t, false);
            }
        }
    }

    /** The mistake when a formula term is followed by something other than '+', '|' or the end. */
    private Failure afterTerm(Token t, boolean formula) {
        String ends = formula ? "'+', '|' or the end of the formula" : "'+' or the end of the " + noun;
        return switch (t.type()) {
            case TILDE -> fail(t, "a second '~'", "a formula has exactly one '~'");
            case MINUS -> fail(t, "'-' is not supported in a formula",
                    "a model without '|' always has a constant and '|' absorbs it; to drop a term, delete it");
            case STAR, COLON -> fail(t, "'" + t.text() + "' is not supported in a formula",
                    "define the interaction as a derived column (an expression such as \"x1 * x2\") and add that column");
            case CARET -> fail(t, "'^' is only allowed between absorbed effects after '|'",
                    "define powers and products of regressors as derived columns");
            case SLASH -> fail(t, "'/' is not supported in a formula", "define the ratio as a derived column");
            case RPAREN -> fail(t, "unmatched ')'", "remove it or add the matching '('");
            case COMMA -> fail(t, "unexpected ','", "separate terms with '+'");
            case BARBAR -> fail(t, "unexpected '||'", "write a single '|' before the absorbed effects");
            case NAME, NUMBER, STRING, LPAREN -> fail(t, expected(ends), "separate terms with '+'");
            default -> fail(t, "unexpected '" + t.text() + "'", null);
        };
    }

    private void addTerms(List<Term> terms, Term dependent, Map<String, Term> seen, List<Term> out) {
        for (Term term : terms) {
            if (dependent != null && term.equals(dependent)) {
                throw fail(term.position(), "the dependent variable '" + term.label() + "' is also a regressor",
                        "remove it from the right of '~'");
            }
            Term first = seen.putIfAbsent(term.label(), term);
            if (first != null) {
                throw fail(term.position(), "duplicate term '" + term.label() + "'",
                        "it is already in the " + noun + " at character " + character(first.position()));
            }
            out.add(term);
        }
    }

    private int character(int position) {
        return text.codePointCount(0, position) + 1;
    }

    /** One term of a formula: a column or a function of terms; a lag range gives several terms. */
    private List<Term> formulaTerm() {
        enter();
        try {
            Token t = peek();
            switch (t.type()) {
                case NAME -> {
                    next();
                    if (peek().is(Type.LPAREN) && !t.quoted()) {
                        return formulaCall(t);
                    }
                    return List.of(new Term.Variable(t.text(), t.start()));
                }
                case NUMBER -> throw fail(t, "a number cannot be a term",
                        "a model without '|' always has a constant and '|' absorbs it; remove the number");
                case MINUS -> throw fail(t, "'-' is not supported in a formula",
                        "a model without '|' always has a constant and '|' absorbs it; to drop a term, delete it");
                case STRING -> throw fail(t, "quoted text cannot be a term",
                        "write a column name with spaces or symbols in backquotes, as in `my var`");
                case LPAREN -> throw fail(t, "parentheses cannot group terms in a formula", "remove them");
                default -> throw fail(t, expected("a term"), null);
            }
        } finally {
            depth--;
        }
    }

    private List<Term> formulaCall(Token name) {
        String f = name.text();
        Token open = next();
        if (!FORMULA_FUNCTIONS.contains(f)) {
            throw unknownFunction(name, FORMULA_FUNCTIONS);
        }
        if (peek().is(Type.RPAREN)) {
            throw fail(peek(), f + "() needs an argument", "write " + usage(f));
        }
        List<Term> args = formulaTerm();
        int[] lags = null;
        int diff = 1;
        if (peek().is(Type.COMMA) && (f.equals("L") || f.equals("D"))) {
            next();
            if (f.equals("L")) {
                lags = lagSpec(true);
            } else {
                diff = differenceSpec();
            }
        }
        closeCall(f, open);
        List<Term> out = new ArrayList<>();
        for (Term a : args) {
            switch (f) {
                case "L" -> {
                    int lo = lags == null ? 1 : lags[0];
                    int hi = lags == null ? 1 : lags[1];
                    for (int k = lo; k <= hi; k++) {
                        out.add(k == 0 ? a : new Term.Lag(a, k, name.start()));
                    }
                }
                case "D" -> out.add(new Term.Difference(a, diff, name.start()));
                default -> out.add(new Term.Function(Term.Function.Kind.named(f), a, name.start()));
            }
        }
        return out;
    }

    private static String usage(String f) {
        return switch (f) {
            case "L" -> "L(x, 1) or L(x, 1:3)";
            case "D" -> "D(x) or D(x, 2)";
            case "ifelse" -> "ifelse(x > 0, x, 0)";
            default -> f + "(x)";
        };
    }

    /** Expects the ')' of a call, explaining what else was found. */
    private void closeCall(String f, Token open) {
        Token t = peek();
        switch (t.type()) {
            case RPAREN -> next();
            case END -> throw fail(open, "unclosed '('", "add the matching ')'");
            case COMMA -> throw fail(t, f + "() takes " + arity(f), "write " + usage(f));
            case PLUS, MINUS, STAR, SLASH, CARET -> {
                if (mode == Mode.FORMULA) {
                    throw fail(t, "arithmetic is not allowed inside a formula term", DERIVED);
                }
                throw fail(t, expected("')'"), null);
            }
            case COLON -> throw fail(t, "a range such as 1:3 is only allowed as the lag of L()", null);
            default -> throw fail(t, expected("')'"), null);
        }
    }

    private static String arity(String f) {
        return switch (f) {
            case "L" -> "a term and a lag";
            case "D" -> "a term and a difference lag";
            case "ifelse" -> "a condition and two values";
            default -> "one argument";
        };
    }

    /** {@code k} or {@code a:b} (ranges only when allowed); returns {from, to}. */
    private int[] lagSpec(boolean allowRange) {
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
            return new int[] {a, b};
        }
        return new int[] {a, a};
    }

    private int differenceSpec() {
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

    private Failure unknownFunction(Token name, List<String> allowed) {
        String f = name.text();
        String hint = functionHint(f, allowed);
        return fail(name, "unknown function '" + f + "'", hint);
    }

    static String functionHint(String f, List<String> allowed) {
        String lower = f.toLowerCase(Locale.ROOT);
        boolean formula = !allowed.contains("ifelse");
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
            case "i", "poly" -> {
                return formula ? "arithmetic is not allowed in a formula; " + DERIVED : null;
            }
            case "factor", "as.factor", "c" -> {
                return formula ? "absorb a categorical column as a fixed effect after '|'" : null;
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

    private List<AbsorbedEffect> effects() {
        List<AbsorbedEffect> out = new ArrayList<>();
        Map<String, AbsorbedEffect> seen = new HashMap<>();
        while (true) {
            AbsorbedEffect e = effect();
            List<String> key = new ArrayList<>(e.columns());
            key.sort(null);
            AbsorbedEffect first = seen.putIfAbsent(String.join("\u0000", key), e);
            if (first != null) {
                throw fail(e.position(), "duplicate absorbed effect '" + e.label() + "'",
                        "it is already in the formula at character " + character(first.position()));
            }
            out.add(e);
            Token t = peek();
            switch (t.type()) {
                case PLUS -> next();
                case END -> {
                    return out;
                }
                case BAR -> throw fail(t, "a second '|'", "list every absorbed effect after one '|', joined by '+'");
                case TILDE -> throw fail(t, "a second '~'", "a formula has exactly one '~'");
                case STAR, COLON -> throw fail(t, "'" + t.text() + "' cannot join absorbed effects",
                        "write an interaction with '^', as in region^year");
                case RPAREN -> throw fail(t, "unmatched ')'", "remove it");
                default -> throw fail(t, expected("'+' or the end of the formula"), "separate absorbed effects with '+'");
            }
        }
    }

    private AbsorbedEffect effect() {
        Token first = peek();
        List<String> cols = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.is(Type.NAME) && peek(1).is(Type.LPAREN) && !t.quoted()) {
                throw fail(t, "an absorbed effect is a column or an interaction of columns such as region^year",
                        "write the column name without a function");
            }
            if (!t.is(Type.NAME)) {
                throw fail(t, expected(cols.isEmpty() ? "an absorbed effect" : "a column"),
                        cols.isEmpty() ? "after '|' list the columns to absorb, as in | state + year or | region^year" : null);
            }
            next();
            if (cols.contains(t.text())) {
                throw fail(t, "the interaction repeats '" + t.text() + "'", null);
            }
            cols.add(t.text());
            if (!peek().is(Type.CARET)) {
                return new AbsorbedEffect(cols, first.start());
            }
            next();
        }
    }

    // ---------------------------------------------------------------- sample filters and conditions

    private Condition sample() {
        if (isEmptyText()) {
            throw fail(0, "the sample filter is empty", "write a condition such as year <= 2018, or remove the key");
        }
        Condition c = or();
        Token t = peek();
        if (t.is(Type.END)) {
            return c;
        }
        if (t.is(Type.RPAREN)) {
            throw fail(t, "unmatched ')'", "remove it or add the matching '('");
        }
        if (isComparisonOp(t)) {
            throw fail(t, "comparisons cannot be chained", "join two comparisons with 'and', as in 1 < x and x < 5");
        }
        throw fail(t, expected("'and', 'or' or the end of the sample filter"), null);
    }

    private Condition or() {
        enter();
        try {
            Condition left = and();
            while (true) {
                Token t = peek();
                if (t.isWord("or")) {
                    next();
                    left = new Condition.Or(left, and(), left.position());
                } else if (t.is(Type.BAR) || t.is(Type.BARBAR)) {
                    throw fail(t, "'" + t.text() + "' is not an operator here", "write 'or'");
                } else {
                    return left;
                }
            }
        } finally {
            depth--;
        }
    }

    private Condition and() {
        Condition left = not();
        while (true) {
            Token t = peek();
            if (t.isWord("and")) {
                next();
                left = new Condition.And(left, not(), left.position());
            } else if (t.is(Type.AMP) || t.is(Type.AMPAMP)) {
                throw fail(t, "'" + t.text() + "' is not an operator here", "write 'and'");
            } else {
                return left;
            }
        }
    }

    private Condition not() {
        Token t = peek();
        if (t.isWord("not")) {
            next();
            enter();
            try {
                return new Condition.Not(not(), t.start());
            } finally {
                depth--;
            }
        }
        if (t.is(Type.BANG)) {
            throw fail(t, "'!' is not an operator here", "write 'not'");
        }
        return primaryCondition();
    }

    private Condition primaryCondition() {
        Token t = peek();
        if (!t.is(Type.LPAREN)) {
            return comparison();
        }
        int save = p;
        Failure asGroup;
        try {
            next();
            Condition c = or();
            Token close = peek();
            if (close.is(Type.RPAREN)) {
                next();
                if (isComparisonOp(peek())) {
                    throw fail(peek(), "a condition cannot be compared", "compare values, as in x > 0");
                }
                return c;
            }
            if (close.is(Type.END)) {
                throw fail(t, "unclosed '('", "add the matching ')'");
            }
            throw fail(close, expected("')'"), null);
        } catch (Failure f) {
            asGroup = f;
        }
        int reachedGroup = asGroup.reached;
        p = save;
        try {
            return comparison();
        } catch (Failure f) {
            throw f.reached > reachedGroup ? f : asGroup;
        }
    }

    private static boolean isComparisonOp(Token t) {
        return switch (t.type()) {
            case LT, LE, GT, GE, EQ, NE -> true;
            default -> false;
        };
    }

    private Condition comparison() {
        Token start = peek();
        if (start.isWord("and") || start.isWord("or") || start.isWord("in")) {
            throw fail(start, expected("a comparison"), null);
        }
        if (start.is(Type.END) || start.is(Type.RPAREN) || start.is(Type.COMMA)) {
            throw fail(start, expected("a comparison"), null);
        }
        Operand left = operand();
        Token t = peek();
        if (t.is(Type.LT) && peek(1).is(Type.GT) && peek(1).start() == t.end()) {
            throw fail(t, "'<>' is not a comparison", "write '!=' to test inequality");
        }
        if (t.is(Type.ASSIGN) && (peek(1).is(Type.GT) || peek(1).is(Type.LT)) && peek(1).start() == t.end()) {
            throw fail(t, "'=" + peek(1).text() + "' is not a comparison", "write '" + peek(1).text() + "='");
        }
        if (isComparisonOp(t)) {
            next();
            Condition.Op op = switch (t.type()) {
                case LT -> Condition.Op.LT;
                case LE -> Condition.Op.LE;
                case GT -> Condition.Op.GT;
                case GE -> Condition.Op.GE;
                case EQ -> Condition.Op.EQ;
                default -> Condition.Op.NE;
            };
            Operand right = operand();
            if (isComparisonOp(peek())) {
                throw fail(peek(), "comparisons cannot be chained", "join two comparisons with 'and', as in 1 < x and x < 5");
            }
            return new Condition.Comparison(left, op, right, left.position(), t.start());
        }
        if (t.isWord("in")) {
            next();
            return membership(left, false);
        }
        if (t.isWord("not") && peek(1).isWord("in")) {
            next();
            next();
            return membership(left, true);
        }
        if (t.is(Type.ASSIGN)) {
            throw fail(t, "'=' is not a comparison", "write '==' to test equality");
        }
        throw fail(t, expected("a comparison"),
                "compare with <, <=, >, >=, == or !=, or test membership with in (...)");
    }

    private Operand operand() {
        Token t = peek();
        if (t.is(Type.STRING)) {
            next();
            return new TextLiteral(t.text(), t.start());
        }
        return sum();
    }

    private Condition membership(Operand left, boolean negated) {
        Token open = peek();
        if (!open.is(Type.LPAREN)) {
            throw fail(open, expected("'('"), "list the values, as in year in (2010, 2012)");
        }
        next();
        List<Operand> values = new ArrayList<>();
        Boolean text = null;
        while (true) {
            Token t = peek();
            Operand v;
            if (t.is(Type.STRING)) {
                next();
                v = new TextLiteral(t.text(), t.start());
            } else if (t.is(Type.NUMBER)) {
                next();
                v = new Term.Constant(t.number(), t.start());
            } else if (t.is(Type.MINUS) && peek(1).is(Type.NUMBER)) {
                next();
                Token n = next();
                v = new Term.Constant(-n.number(), t.start());
            } else if (t.is(Type.END)) {
                throw fail(open, "unclosed '('", "add the matching ')'");
            } else {
                throw fail(t, expected("a number or quoted text"),
                        t.is(Type.NAME) ? "an in list holds values; put text in quotes, as in ('AL', 'AK')" : null);
            }
            boolean isText = v instanceof TextLiteral;
            if (text != null && text != isText) {
                throw fail(t, "the list mixes numbers and text", "compare a numeric column with numbers and a text column with quoted text");
            }
            text = isText;
            values.add(v);
            Token sep = peek();
            if (sep.is(Type.COMMA)) {
                next();
            } else if (sep.is(Type.RPAREN)) {
                next();
                return new Condition.Membership(left, negated, values, left.position());
            } else if (sep.is(Type.END)) {
                throw fail(open, "unclosed '('", "add the matching ')'");
            } else {
                throw fail(sep, expected("',' or ')'"), null);
            }
        }
    }

    // ---------------------------------------------------------------- expressions

    private Term expression() {
        if (isEmptyText()) {
            throw fail(0, "the expression is empty", "write a value such as log(x) or x / y");
        }
        Term e = sum();
        Token t = peek();
        if (t.is(Type.END)) {
            return e;
        }
        if (isComparisonOp(t) || t.isWord("in")) {
            throw fail(t, "a comparison is not a value", "for an indicator write ifelse(" + text.strip() + ", 1, 0)");
        }
        if (t.is(Type.RPAREN)) {
            throw fail(t, "unmatched ')'", "remove it or add the matching '('");
        }
        if (t.is(Type.ASSIGN)) {
            throw fail(t, "'=' is not an operator", "write only the value; the derived column is named by its key in the study file");
        }
        throw fail(t, expected("an operator or the end of the expression"), null);
    }

    private Term sum() {
        enter();
        try {
            Term left = product();
            while (peek().is(Type.PLUS) || peek().is(Type.MINUS)) {
                Token op = next();
                Term right = product();
                left = new Term.Arithmetic(op.is(Type.PLUS) ? Term.Arithmetic.Op.ADD : Term.Arithmetic.Op.SUB, left, right, left.position());
            }
            return left;
        } finally {
            depth--;
        }
    }

    private Term product() {
        Term left = unary();
        while (peek().is(Type.STAR) || peek().is(Type.SLASH)) {
            Token op = next();
            Term right = unary();
            left = new Term.Arithmetic(op.is(Type.STAR) ? Term.Arithmetic.Op.MUL : Term.Arithmetic.Op.DIV, left, right, left.position());
        }
        return left;
    }

    private Term unary() {
        Token t = peek();
        if (t.is(Type.MINUS)) {
            next();
            enter();
            try {
                return new Term.Negate(unary(), t.start());
            } finally {
                depth--;
            }
        }
        return power();
    }

    private Term power() {
        Term base = atom();
        if (!peek().is(Type.CARET)) {
            return base;
        }
        next();
        Term exponent = exponent();
        if (peek().is(Type.CARET)) {
            throw fail(peek(), "'^' cannot be chained", "add parentheses: (a^b)^c or a^(b^c)");
        }
        return new Term.Arithmetic(Term.Arithmetic.Op.POW, base, exponent, base.position());
    }

    private Term exponent() {
        Token t = peek();
        if (t.is(Type.MINUS)) {
            next();
            enter();
            try {
                return new Term.Negate(exponent(), t.start());
            } finally {
                depth--;
            }
        }
        return atom();
    }

    private Term atom() {
        Token t = peek();
        switch (t.type()) {
            case NUMBER -> {
                next();
                return new Term.Constant(t.number(), t.start());
            }
            case NAME -> {
                if (!t.quoted() && Texts.KEYWORDS.contains(t.text())) {
                    throw fail(t, expected("a value"),
                            "'" + t.text() + "' is a keyword; write a column of that name in backquotes: `" + t.text() + "`");
                }
                next();
                if (peek().is(Type.LPAREN) && !t.quoted()) {
                    return expressionCall(t);
                }
                return new Term.Variable(t.text(), t.start());
            }
            case LPAREN -> {
                next();
                Term inner = sum();
                Token close = peek();
                if (close.is(Type.RPAREN)) {
                    next();
                    return inner;
                }
                if (close.is(Type.END)) {
                    throw fail(t, "unclosed '('", "add the matching ')'");
                }
                throw fail(close, expected("')'"), null);
            }
            case STRING -> throw fail(t, "quoted text is not a value",
                    "quoted text can only be compared with a text column, as in city == 'Beijing'");
            default -> throw fail(t, expected("a value"), null);
        }
    }

    private Term expressionCall(Token name) {
        String f = name.text();
        Token open = next();
        if (!EXPRESSION_FUNCTIONS.contains(f)) {
            throw unknownFunction(name, EXPRESSION_FUNCTIONS);
        }
        if (peek().is(Type.RPAREN)) {
            throw fail(peek(), f + "() needs " + (f.equals("ifelse") ? "a condition and two values" : "an argument"), "write " + usage(f));
        }
        if (f.equals("ifelse")) {
            Condition c = or();
            expectComma(f, open);
            Term a = sum();
            expectComma(f, open);
            Term b = sum();
            closeCall(f, open);
            return new Term.IfElse(c, a, b, name.start());
        }
        Term arg = sum();
        int k = 1;
        if (peek().is(Type.COMMA) && (f.equals("L") || f.equals("D"))) {
            next();
            k = f.equals("L") ? lagSpec(false)[0] : differenceSpec();
        }
        closeCall(f, open);
        return switch (f) {
            case "L" -> k == 0 ? arg : new Term.Lag(arg, k, name.start());
            case "D" -> new Term.Difference(arg, k, name.start());
            default -> new Term.Function(Term.Function.Kind.named(f), arg, name.start());
        };
    }

    private void expectComma(String f, Token open) {
        Token t = peek();
        if (t.is(Type.COMMA)) {
            next();
            return;
        }
        if (t.is(Type.END)) {
            throw fail(open, "unclosed '('", "add the matching ')'");
        }
        if (t.is(Type.RPAREN)) {
            throw fail(t, f + "() takes " + arity(f), "write " + usage(f));
        }
        throw fail(t, expected("','"), null);
    }
}
