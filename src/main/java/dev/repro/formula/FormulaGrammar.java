package dev.repro.formula;

import dev.repro.formula.Token.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The grammar of formulas ({@code y ~ x1 + L(x2, 1:2) | unit + year}) and of term lists (the GMM
 * instruments): terms, calls of formula functions, lag ranges and absorbed effects (docs/formulas.md).
 */
final class FormulaGrammar extends CallSyntax {
    FormulaGrammar(String text, String what, String noun) {
        super(text, what, noun, true);
    }

    Formula formula(boolean allowInstruments) {
        if (isEmptyText()) {
            throw fail(0, "the formula is empty", "write it as y ~ x1 + x2");
        }
        if (peek().is(Type.TILDE)) {
            throw fail(peek(), "expected the dependent variable before '~'", "write the formula as y ~ x1 + x2");
        }
        int lhsStart = peek().start();
        List<Term> lhs = formulaTerm();
        int lhsEnd = previousEnd();
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
        Map<String, Regressor> seen = new LinkedHashMap<>();
        List<Regressor> regressors = new ArrayList<>();
        Set<String> implied = new HashSet<>();
        Token one = peek();
        boolean noExogenous = one.is(Type.NUMBER) && one.number() == 1 && (peek(1).is(Type.BAR) || peek(1).is(Type.END));
        if (noExogenous) {
            next(); // y ~ 1 | fe | d ~ z: no exogenous regressor
        } else {
            addParts(starChain(), dependent, seen, implied, regressors);
        }
        List<AbsorbedEffect> absorbed = null;
        Instruments instruments = null;
        while (true) {
            t = peek();
            if (t.is(Type.PLUS) && !noExogenous) {
                next();
                addParts(starChain(), dependent, seen, implied, regressors);
            } else if (t.is(Type.BAR)) {
                Token bar = next();
                if (!instrumentsAhead()) {
                    absorbed = effects();
                    if (peek().is(Type.BAR)) {
                        bar = next();
                        instruments = instruments(bar, allowInstruments, dependent, regressors);
                    }
                } else {
                    instruments = instruments(bar, allowInstruments, dependent, regressors);
                }
                break;
            } else if (t.is(Type.END)) {
                break;
            } else {
                throw afterTerm(t, true);
            }
        }
        if (regressors.isEmpty() && instruments == null) {
            throw fail(one, "y ~ 1 has no regressor", "the constant alone is only a model with instruments, as in y ~ 1 | fe | d ~ z");
        }
        return new Formula(text, dependent, regressors, absorbed == null ? List.of() : absorbed, instruments);
    }

    /** True when the part after the current '|' has a '~' before the next '|' or the end: it is an instruments part. */
    private boolean instrumentsAhead() {
        for (int k = 0; ; k++) {
            Token t = peek(k);
            if (t.is(Type.TILDE)) {
                return true;
            }
            if (t.is(Type.BAR) || t.is(Type.END)) {
                return false;
            }
        }
    }

    /**
     * {@code endog1 + endog2 ~ z1 + z2} after its '|': plain terms on each side, at least as many instruments as
     * endogenous regressors, none of them the dependent variable or an exogenous regressor, and the formula's last part.
     */
    private Instruments instruments(Token bar, boolean allowed, Term dependent, List<Regressor> exogenous) {
        if (!allowed) {
            throw fail(bar, "the instruments part ('| endogenous ~ instruments') is estimated only by estimator: iv",
                    "add estimator: iv to the model, or remove the part after the last '|'");
        }
        Map<String, String> seen = new LinkedHashMap<>();
        for (Regressor r : exogenous) {
            if (r instanceof Regressor.Numeric n && n.isTerm()) {
                seen.put(n.terms().get(0).label(), "an exogenous regressor");
            }
        }
        int start = peek().start();
        List<Term> endogenous = ivSide(dependent, seen, "an endogenous regressor", Type.TILDE);
        next(); // the '~'
        List<Term> instruments = ivSide(dependent, seen, "an instrument", Type.END);
        if (instruments.size() < endogenous.size()) {
            throw fail(start, endogenous.size() + " endogenous regressors need at least " + endogenous.size() + " excluded instruments, but "
                    + instruments.size() + (instruments.size() == 1 ? " is" : " are") + " given",
                    "add instruments right of the second '~', or treat fewer regressors as endogenous");
        }
        return new Instruments(endogenous, instruments, start);
    }

    /** One side of the instruments part: terms joined by '+' up to {@code end}. */
    private List<Term> ivSide(Term dependent, Map<String, String> seen, String what, Type end) {
        List<Term> out = new ArrayList<>();
        while (true) {
            Token at = peek();
            if (at.is(Type.NAME) && !at.quoted() && peek(1).is(Type.LPAREN) && (at.text().equals("i") || at.text().equals("factor"))) {
                throw fail(at, what + " must be a numeric term, not a factor", "write one dummy column per level as a derived column");
            }
            for (Term term : formulaTerm()) {
                if (term.equals(dependent)) {
                    throw fail(term.position(), "the dependent variable '" + term.label() + "' cannot be " + what, "remove it from the instruments part");
                }
                String first = seen.putIfAbsent(term.label(), what);
                if (first != null) {
                    throw fail(term.position(), "'" + term.label() + "' is " + first + (first.equals(what) ? " twice" : " and " + what),
                            "list each variable once: an exogenous regressor instruments itself, so it is neither endogenous nor an instrument");
                }
                out.add(term);
            }
            Token t = peek();
            if (t.is(Type.PLUS)) {
                next();
            } else if (t.is(end)) {
                return out;
            } else if (t.is(Type.BAR)) {
                throw fail(t, "a formula has at most three parts", "write y ~ exogenous | absorbed effects | endogenous ~ instruments");
            } else if (t.is(Type.TILDE)) {
                throw fail(t, "a third '~'", "the instruments part has one '~': endogenous ~ instruments");
            } else if (t.is(Type.END)) {
                throw fail(t, "expected '~' and the instruments after the endogenous regressors", "write | endogenous ~ instrument1 + instrument2");
            } else {
                throw fail(t, expected(end == Type.END ? "'+' or the end of the formula" : "'+' or '~'"), "separate terms with '+'");
            }
        }
    }

    List<Term> termList() {
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
            case STAR, COLON -> fail(t, "'" + t.text() + "' is not supported in a " + noun,
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

    /**
     * Adds regressors, refusing duplicates; a term that {@code a*b} implies and that is also written (as in
     * {@code x + x*z}) is one regressor, as in R.
     */
    private void addParts(List<Regressor> parts, Term dependent, Map<String, Regressor> seen, Set<String> implied, List<Regressor> out) {
        boolean star = parts.size() > 1 && parts.stream().anyMatch(p -> p instanceof Regressor.Numeric n && !n.isTerm()
                || p instanceof Regressor.Factor f && !f.slope().isEmpty());
        if (out.size() + parts.size() > MAX_TERMS && !parts.isEmpty()) {
            throw fail(parts.get(0).position(), "the " + noun + " has more than " + MAX_TERMS + " terms",
                    "a formula or term list has at most " + MAX_TERMS + " terms, counting each lag of a range");
        }
        for (Regressor part : parts) {
            if (part instanceof Regressor.Numeric n && n.isTerm() && n.terms().get(0).equals(dependent)) {
                throw fail(part.position(), "the dependent variable '" + dependent.label() + "' is also a regressor",
                        "remove it from the right of '~'");
            }
            String key = sameKey(part);
            Regressor first = seen.putIfAbsent(key, part);
            if (first != null && (star || implied.contains(key))) {
                continue;
            }
            if (star) {
                implied.add(key);
            }
            if (first != null) {
                throw fail(part.position(), "duplicate term '" + part.label() + "'",
                        "it is already in the " + noun + " at character " + character(first.position()));
            }
            out.add(part);
        }
    }

    /** Products are the same whatever the order of their terms: x:z and z:x are one regressor. */
    private static String sameKey(Regressor part) {
        if (part instanceof Regressor.Numeric n && !n.isTerm()) {
            List<String> labels = new ArrayList<>();
            n.terms().forEach(t -> labels.add(t.label()));
            labels.sort(null);
            return String.join("\u0000", labels);
        }
        return part.label();
    }

    private void addTerms(List<Term> terms, Term dependent, Map<String, Term> seen, List<Term> out) {
        if (out.size() + terms.size() > MAX_TERMS && !terms.isEmpty()) {
            throw fail(terms.get(0).position(), "the " + noun + " has more than " + MAX_TERMS + " terms",
                    "a formula or term list has at most " + MAX_TERMS + " terms, counting each lag of a range");
        }
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

    /**
     * {@code a * b * ...}: every product of a non-empty subset of the operands, main effects first, then pairs, and so
     * on, as R expands {@code a*b}; an operand is a product {@code x:z} or a factor. One operand alone may be a lag
     * range (several terms).
     */
    private List<Regressor> starChain() {
        List<Product> operands = new ArrayList<>();
        operands.add(colonProduct());
        while (peek().is(Type.STAR)) {
            Token star = next();
            Product p = colonProduct();
            operands.add(p);
            if (operands.size() > 4) {
                throw fail(star, "'*' joins at most 4 operands", "write the products you need with ':' and '+'");
            }
        }
        if (operands.size() == 1) {
            return operands.get(0).parts();
        }
        for (Product p : operands) {
            p.requireSingle(this);
        }
        List<Regressor> out = new ArrayList<>();
        int k = operands.size();
        for (int degree = 1; degree <= k; degree++) {
            for (int mask = 1; mask < (1 << k); mask++) {
                if (Integer.bitCount(mask) != degree) {
                    continue;
                }
                Product combined = null;
                for (int j = 0; j < k; j++) {
                    if ((mask & (1 << j)) != 0) {
                        combined = combined == null ? operands.get(j) : combined.times(operands.get(j), false, this);
                    }
                }
                out.add(combined.parts().get(0));
            }
        }
        return out;
    }

    /** {@code x:z:...}: the product of numeric terms, with at most one factor. */
    private Product colonProduct() {
        Product p = operand();
        while (peek().is(Type.COLON)) {
            next();
            p.requireSingle(this);
            Product q = operand();
            q.requireSingle(this);
            p = p.times(q, true, this);
        }
        return p;
    }

    /** A term (a lag range gives several), or a factor {@code i(...)} / {@code factor(...)}. */
    private Product operand() {
        Token t = peek();
        if (t.is(Type.NAME) && !t.quoted() && peek(1).is(Type.LPAREN) && (t.text().equals("i") || t.text().equals("factor"))) {
            return new Product(List.of(factorCall()), t.start());
        }
        List<Regressor> parts = new ArrayList<>();
        formulaTerm().forEach(term -> parts.add(new Regressor.Numeric(term)));
        return new Product(parts, t.start());
    }

    /** {@code i(col)}, {@code i(col, x)}, {@code i(col, ref = v)}, {@code i(col, x, ref = v)}, {@code factor(col)}. */
    private Regressor.Factor factorCall() {
        Token name = next();
        String f = name.text();
        Token open = next();
        Token col = peek();
        if (!col.is(Type.NAME) || (peek(1).is(Type.LPAREN) && !col.quoted())) {
            throw fail(col, f + "() takes a column name first, as in " + f + "(region)",
                    "a factor is a column of categories (numbers or text); define a derived column for anything else");
        }
        next();
        List<Term> slope = List.of();
        Object ref = null;
        while (peek().is(Type.COMMA)) {
            Token comma = next();
            if (f.equals("factor")) {
                throw fail(comma, "factor() takes one column", "write i(" + Texts.name(col.text()) + ", ref = ...) to choose the reference level");
            }
            if (peek().isWord("ref") && peek(1).is(Type.ASSIGN)) {
                if (ref != null) {
                    throw fail(peek(), "a second 'ref ='", "a factor has one reference level");
                }
                next();
                next();
                ref = refValue();
            } else if (ref != null || !slope.isEmpty()) {
                throw fail(peek(), "i() takes a column, a numeric term and ref = level", "write i(year, treated, ref = 2015)");
            } else {
                Token at = peek();
                List<Term> terms = formulaTerm();
                if (terms.size() != 1) {
                    throw fail(at, "a lag range cannot multiply a factor", "write one i() per lag");
                }
                slope = terms;
            }
        }
        if (!peek().is(Type.RPAREN)) {
            if (peek().is(Type.END)) {
                throw fail(open, "unclosed '('", "add the matching ')'");
            }
            throw fail(peek(), expected("')'"), f.equals("factor") ? null : "write i(year, treated, ref = 2015)");
        }
        next();
        Regressor.Reference reference = ref != null ? Regressor.Reference.GIVEN
                : slope.isEmpty() ? Regressor.Reference.FIRST : Regressor.Reference.NONE;
        return new Regressor.Factor(col.text(), slope, reference, ref, name.start());
    }

    /** The level after {@code ref =}: a number (possibly negative) or quoted text. */
    private Object refValue() {
        Token t = peek();
        if (t.is(Type.STRING)) {
            next();
            return t.text();
        }
        boolean negative = t.is(Type.MINUS);
        if (negative) {
            next();
        }
        Token v = peek();
        if (!v.is(Type.NUMBER)) {
            String message = v.is(Type.RPAREN) || v.is(Type.COMMA) || v.is(Type.END) ? "the level after 'ref =' is missing"
                    : "a reference level is a number or quoted text, not " + v.describe(noun);
            throw fail(v, message, "write ref = 2015 for a number or ref = 'north' for text");
        }
        next();
        return negative ? -v.number() : v.number();
    }

    /** One operand of {@code *} or {@code :}: one regressor, or the terms of a lag range (only valid alone). */
    private record Product(List<Regressor> parts, int position) {
        void requireSingle(FormulaGrammar g) {
            if (parts.size() != 1) {
                throw g.fail(position, "a lag range cannot be part of an interaction",
                        "write the interaction of each lag, as in L(x, 1):z + L(x, 2):z");
            }
        }

        /**
         * The product of this and {@code o}. With {@code colon}, a factor's slopes keep every level ({@code i(f):x}, as
         * fixest's {@code i(f, x)}); in {@code i(f)*x} they leave out the factor's reference level, as R's {@code f*x}.
         */
        Product times(Product o, boolean colon, FormulaGrammar g) {
            Regressor a = parts.get(0);
            Regressor b = o.parts.get(0);
            if (a instanceof Regressor.Factor fa && b instanceof Regressor.Factor fb) {
                throw g.fail(o.position, "two factors cannot be multiplied",
                        "absorb their combinations after '|', as in | " + Texts.name(fa.column()) + "^" + Texts.name(fb.column()));
            }
            if (a instanceof Regressor.Numeric na && b instanceof Regressor.Numeric nb) {
                List<Term> all = new ArrayList<>(na.terms());
                all.addAll(nb.terms());
                return new Product(List.of(new Regressor.Numeric(all, position)), position);
            }
            Regressor.Factor f = a instanceof Regressor.Factor fa ? fa : (Regressor.Factor) b;
            Regressor.Numeric n = a instanceof Regressor.Numeric na ? na : (Regressor.Numeric) b;
            Regressor.Reference ref = colon && f.reference() == Regressor.Reference.FIRST ? Regressor.Reference.NONE : f.reference();
            return new Product(List.of(f.times(n.terms(), ref)), position);
        }
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
            leave();
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
                case BAR -> {
                    if (instrumentsAfter()) {
                        return out;
                    }
                    throw fail(t, "a second '|'", "list every absorbed effect after one '|', joined by '+'");
                }
                case TILDE -> throw fail(t, "a second '~'", "a formula has exactly one '~'");
                case STAR, COLON -> throw fail(t, "'" + t.text() + "' cannot join absorbed effects",
                        "write an interaction with '^', as in region^year");
                case RPAREN -> throw fail(t, "unmatched ')'", "remove it");
                default -> throw fail(t, expected("'+' or the end of the formula"), "separate absorbed effects with '+'");
            }
        }
    }

    /** At a '|' after the absorbed effects: true when the part after it is an instruments part. */
    private boolean instrumentsAfter() {
        for (int k = 1; ; k++) {
            Token t = peek(k);
            if (t.is(Type.TILDE)) {
                return true;
            }
            if (t.is(Type.BAR) || t.is(Type.END)) {
                return false;
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
}
