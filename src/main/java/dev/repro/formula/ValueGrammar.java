package dev.repro.formula;

import dev.repro.formula.Token.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The grammar of values: sample filters (comparisons and memberships joined by and, or, not) and
 * expressions of derived columns (arithmetic, functions, lags and ifelse), which share their operands
 * (docs/formulas.md).
 */
final class ValueGrammar extends CallSyntax {
    ValueGrammar(String text, String what, String noun) {
        super(text, what, noun, false);
    }

    Condition sample() {
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
            leave();
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
                leave();
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
        int save = mark();
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
        reset(save);
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

    Term expression() {
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
            leave();
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
                leave();
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
                leave();
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
