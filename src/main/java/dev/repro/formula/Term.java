package dev.repro.formula;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A numeric term: a column, a number, arithmetic, a function, a lag or difference within panel units,
 * or {@code ifelse}. Terms are immutable and compare equal when their canonical {@link #label()}s are equal.
 *
 * <p>Canonical labels: a column is its name (in backquotes when it is not a plain name), a function is
 * {@code log(x)}, a lag {@code L(x, 1)}, a difference {@code D(x)} or {@code D(x, 2)}: one space after each
 * comma, none inside parentheses. Arithmetic has one space around {@code + - * /}, none around {@code ^},
 * and parentheses only where precedence needs them.
 */
public sealed interface Term extends Operand
        permits Term.Variable, Term.Constant, Term.Negate, Term.Arithmetic, Term.Function, Term.Lag,
        Term.Difference, Term.IfElse {

    /** Every column the term reads, in order of first appearance. */
    default Set<String> columns() {
        Set<String> out = new LinkedHashSet<>();
        Walk.columns(this, out);
        return out;
    }

    /** True when the term contains a lag or a difference (it needs a panel dataset). */
    default boolean usesPanel() {
        return Walk.usesPanel(this);
    }

    /** A lag; {@code L(x, 0)} is {@code x} itself. */
    static Term lag(Term operand, int lag) {
        return lag == 0 ? operand : new Lag(operand, lag, -1);
    }

    /** A column of the dataset. */
    final class Variable extends Node implements Term {
        private final String name;

        public Variable(String name, int position) {
            super(Texts.name(requireName(name)), position);
            this.name = name;
        }

        public Variable(String name) {
            this(name, -1);
        }

        private static String requireName(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty() || name.indexOf('`') >= 0) {
                throw new IllegalArgumentException("a column name must be non-empty and free of backquotes: '" + name + "'");
            }
            return name;
        }

        /** The column name, without backquotes. */
        public String name() {
            return name;
        }
    }

    /** A number. */
    final class Constant extends Node implements Term {
        private final double value;

        public Constant(double value, int position) {
            super(Texts.number(requireFinite(value)), position);
            this.value = value;
        }

        public Constant(double value) {
            this(value, -1);
        }

        private static double requireFinite(double v) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("a constant must be finite: " + v);
            }
            return v;
        }

        public double value() {
            return value;
        }
    }

    /** Unary minus. */
    final class Negate extends Node implements Term {
        private final Term operand;

        public Negate(Term operand, int position) {
            super("-" + Labels.wrap(Objects.requireNonNull(operand, "operand"), Labels.UNARY), position);
            this.operand = operand;
        }

        public Term operand() {
            return operand;
        }
    }

    /** {@code + - * / ^}; missing values propagate, a non-finite result (such as x / 0) is missing. */
    final class Arithmetic extends Node implements Term {
        public enum Op {
            ADD("+"), SUB("-"), MUL("*"), DIV("/"), POW("^");

            private final String symbol;

            Op(String symbol) {
                this.symbol = symbol;
            }

            public String symbol() {
                return symbol;
            }
        }

        private final Op op;
        private final Term left;
        private final Term right;

        public Arithmetic(Op op, Term left, Term right, int position) {
            super(label(Objects.requireNonNull(op, "op"), Objects.requireNonNull(left, "left"),
                    Objects.requireNonNull(right, "right")), position);
            this.op = op;
            this.left = left;
            this.right = right;
        }

        public Arithmetic(Op op, Term left, Term right) {
            this(op, left, right, -1);
        }

        private static String label(Op op, Term l, Term r) {
            return switch (op) {
                case ADD -> Labels.wrap(l, Labels.SUM) + " + " + Labels.wrap(r, Labels.PRODUCT);
                case SUB -> Labels.wrap(l, Labels.SUM) + " - " + Labels.wrap(r, Labels.PRODUCT);
                case MUL -> Labels.wrap(l, Labels.PRODUCT) + " * " + Labels.wrap(r, Labels.UNARY);
                case DIV -> Labels.wrap(l, Labels.PRODUCT) + " / " + Labels.wrap(r, Labels.UNARY);
                case POW -> Labels.wrap(l, Labels.ATOM) + "^" + exponent(r);
            };
        }

        /** An exponent is an atom or a minus sign before one; anything else gets parentheses. */
        private static String exponent(Term r) {
            Term t = r;
            while (t instanceof Negate n) {
                t = n.operand();
            }
            boolean simple = Labels.precedence(t) == Labels.ATOM || t instanceof Constant;
            return simple ? r.label() : "(" + r.label() + ")";
        }

        public Op op() {
            return op;
        }

        public Term left() {
            return left;
        }

        public Term right() {
            return right;
        }
    }

    /** {@code log} (natural), {@code exp}, {@code sqrt}, {@code abs}. */
    final class Function extends Node implements Term {
        public enum Kind {
            LOG("log"), EXP("exp"), SQRT("sqrt"), ABS("abs");

            private final String label;

            Kind(String label) {
                this.label = label;
            }

            /** The name as written: {@code log}. */
            public String label() {
                return label;
            }

            /** The function of that name, or null. */
            public static Kind named(String name) {
                for (Kind k : values()) {
                    if (k.label.equals(name)) {
                        return k;
                    }
                }
                return null;
            }
        }

        private final Kind kind;
        private final Term argument;

        public Function(Kind kind, Term argument, int position) {
            super(Objects.requireNonNull(kind, "kind").label() + "(" + Objects.requireNonNull(argument, "argument").label() + ")",
                    position);
            this.kind = kind;
            this.argument = argument;
        }

        public Function(Kind kind, Term argument) {
            this(kind, argument, -1);
        }

        public Kind kind() {
            return kind;
        }

        public Term argument() {
            return argument;
        }
    }

    /**
     * {@code L(x, k)}: the value of x in the same panel unit at time t - k; missing when that row does not
     * exist (a gap), whatever the order of the rows. {@code k >= 1}; use {@link Term#lag} for k = 0.
     */
    final class Lag extends Node implements Term {
        private final Term operand;
        private final int lag;

        public Lag(Term operand, int lag, int position) {
            super("L(" + Objects.requireNonNull(operand, "operand").label() + ", " + Labels.requirePositive(lag, "lag") + ")", position);
            this.operand = operand;
            this.lag = lag;
        }

        public Lag(Term operand, int lag) {
            this(operand, lag, -1);
        }

        public Term operand() {
            return operand;
        }

        public int lag() {
            return lag;
        }
    }

    /** {@code D(x, k) = x - L(x, k)} (R's diff(x, lag = k)); {@code D(x)} is the first difference. */
    final class Difference extends Node implements Term {
        private final Term operand;
        private final int lag;

        public Difference(Term operand, int lag, int position) {
            super("D(" + Objects.requireNonNull(operand, "operand").label() + (Labels.requirePositive(lag, "difference lag") == 1 ? "" : ", " + lag) + ")",
                    position);
            this.operand = operand;
            this.lag = lag;
        }

        public Difference(Term operand, int lag) {
            this(operand, lag, -1);
        }

        public Term operand() {
            return operand;
        }

        /** k in x - L(x, k). */
        public int lag() {
            return lag;
        }
    }

    /** {@code ifelse(condition, a, b)}: a where the condition is true, b where false, missing where unknown. */
    final class IfElse extends Node implements Term {
        private final Condition condition;
        private final Term whenTrue;
        private final Term whenFalse;

        public IfElse(Condition condition, Term whenTrue, Term whenFalse, int position) {
            super("ifelse(" + Objects.requireNonNull(condition, "condition").label() + ", "
                    + Objects.requireNonNull(whenTrue, "whenTrue").label() + ", "
                    + Objects.requireNonNull(whenFalse, "whenFalse").label() + ")", position);
            this.condition = condition;
            this.whenTrue = whenTrue;
            this.whenFalse = whenFalse;
        }

        public IfElse(Condition condition, Term whenTrue, Term whenFalse) {
            this(condition, whenTrue, whenFalse, -1);
        }

        public Condition condition() {
            return condition;
        }

        public Term whenTrue() {
            return whenTrue;
        }

        public Term whenFalse() {
            return whenFalse;
        }
    }
}
