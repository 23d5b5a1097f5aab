package dev.repro.formula;

/** Precedence-aware printing of canonical labels. */
final class Labels {
    /** Printing precedence of terms: sums, products, unary minus, powers, atoms. */
    static final int SUM = 1;
    static final int PRODUCT = 2;
    static final int UNARY = 3;
    static final int POWER = 4;
    static final int ATOM = 5;

    /** Printing precedence of conditions. */
    static final int OR = 1;
    static final int AND = 2;
    static final int NOT = 3;
    static final int COMPARISON = 4;

    private Labels() {
    }

    /** The label of a term used where at least {@code needed} precedence binds without parentheses. */
    static String wrap(Term t, int needed) {
        return precedence(t) < needed ? "(" + t.label() + ")" : t.label();
    }

    static int precedence(Term t) {
        if (t instanceof Term.Arithmetic a) {
            return switch (a.op()) {
                case ADD, SUB -> SUM;
                case MUL, DIV -> PRODUCT;
                case POW -> POWER;
            };
        }
        if (t instanceof Term.Negate) {
            return UNARY;
        }
        if (t instanceof Term.Constant c && c.value() < 0) {
            return UNARY;
        }
        return ATOM;
    }

    static String wrap(Condition c, int needed) {
        return precedence(c) < needed ? "(" + c.label() + ")" : c.label();
    }

    static int precedence(Condition c) {
        if (c instanceof Condition.Or) {
            return OR;
        }
        if (c instanceof Condition.And) {
            return AND;
        }
        if (c instanceof Condition.Not) {
            return NOT;
        }
        return COMPARISON;
    }

    static int requirePositive(int k, String what) {
        if (k < 1) {
            throw new IllegalArgumentException(what + " must be >= 1, got " + k);
        }
        return k;
    }
}
