package dev.repro.formula;

import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * A row condition: comparisons and {@code in} lists joined by {@code and}, {@code or}, {@code not}.
 * Conditions have three values: a comparison with a missing cell is <em>unknown</em>; {@code not unknown}
 * is unknown; {@code false and unknown} is false; {@code true or unknown} is true. A sample filter keeps the
 * rows where the condition is true.
 */
public sealed interface Condition
        permits Condition.Comparison, Condition.Membership, Condition.And, Condition.Or, Condition.Not {

    /** The canonical text. */
    String label();

    /** 0-based position in the source text, or -1 when built in code. */
    int position();

    /** {@code < <= > >= == !=}. */
    enum Op {
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** True for {@code ==} and {@code !=}, the only comparisons defined on text. */
        public boolean isEquality() {
            return this == EQ || this == NE;
        }
    }

    /** {@code left op right}. */
    final class Comparison extends Node implements Condition {
        private final Operand left;
        private final Op op;
        private final Operand right;
        private final int opPosition;

        public Comparison(Operand left, Op op, Operand right, int position, int opPosition) {
            super(side(left) + " " + Objects.requireNonNull(op, "op").symbol() + " " + side(right), position);
            this.left = left;
            this.op = op;
            this.right = right;
            this.opPosition = opPosition;
        }

        public Comparison(Operand left, Op op, Operand right) {
            this(left, op, right, -1, -1);
        }

        private static String side(Operand o) {
            Objects.requireNonNull(o, "operand");
            return o.label();
        }

        public Operand left() {
            return left;
        }

        public Op op() {
            return op;
        }

        public Operand right() {
            return right;
        }

        /** Position of the operator, or -1. */
        public int opPosition() {
            return opPosition;
        }
    }

    /** {@code x in (a, b, c)} or {@code x not in (...)}; the values are numbers or quoted text. */
    final class Membership extends Node implements Condition {
        private final Operand left;
        private final boolean negated;
        private final List<Operand> values;

        public Membership(Operand left, boolean negated, List<Operand> values, int position) {
            super(label(left, negated, values), position);
            this.left = left;
            this.negated = negated;
            this.values = List.copyOf(values);
        }

        public Membership(Operand left, boolean negated, List<Operand> values) {
            this(left, negated, values, -1);
        }

        private static String label(Operand left, boolean negated, List<Operand> values) {
            Objects.requireNonNull(left, "left");
            if (values.isEmpty()) {
                throw new IllegalArgumentException("an in list needs at least one value");
            }
            StringJoiner j = new StringJoiner(", ", "(", ")");
            for (Operand v : values) {
                if (!(v instanceof Term.Constant) && !(v instanceof TextLiteral)) {
                    throw new IllegalArgumentException("an in list holds numbers or text, not " + v.label());
                }
                j.add(v.label());
            }
            return left.label() + (negated ? " not in " : " in ") + j;
        }

        public Operand left() {
            return left;
        }

        public boolean negated() {
            return negated;
        }

        /** Each value is a {@link Term.Constant} or a {@link TextLiteral}. */
        public List<Operand> values() {
            return values;
        }
    }

    /** {@code a and b}. */
    final class And extends Node implements Condition {
        private final Condition left;
        private final Condition right;

        public And(Condition left, Condition right, int position) {
            super(Labels.wrap(Objects.requireNonNull(left, "left"), Labels.AND) + " and "
                    + Labels.wrap(Objects.requireNonNull(right, "right"), Labels.NOT), position);
            this.left = left;
            this.right = right;
        }

        public And(Condition left, Condition right) {
            this(left, right, -1);
        }

        public Condition left() {
            return left;
        }

        public Condition right() {
            return right;
        }
    }

    /** {@code a or b}. */
    final class Or extends Node implements Condition {
        private final Condition left;
        private final Condition right;

        public Or(Condition left, Condition right, int position) {
            super(Labels.wrap(Objects.requireNonNull(left, "left"), Labels.OR) + " or "
                    + Labels.wrap(Objects.requireNonNull(right, "right"), Labels.AND), position);
            this.left = left;
            this.right = right;
        }

        public Or(Condition left, Condition right) {
            this(left, right, -1);
        }

        public Condition left() {
            return left;
        }

        public Condition right() {
            return right;
        }
    }

    /** {@code not (a)}. */
    final class Not extends Node implements Condition {
        private final Condition operand;

        public Not(Condition operand, int position) {
            super("not (" + Objects.requireNonNull(operand, "operand").label() + ")", position);
            this.operand = operand;
        }

        public Not(Condition operand) {
            this(operand, -1);
        }

        public Condition operand() {
            return operand;
        }
    }
}
