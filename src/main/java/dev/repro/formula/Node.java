package dev.repro.formula;

/**
 * Common part of every term, condition and literal: the canonical label, computed once, and the
 * position in the source text. Two nodes are equal when they are of the same kind and print the same
 * canonical label; the position does not take part.
 */
abstract class Node {
    private final String label;
    private final int position;

    Node(String label, int position) {
        if (position < -1) {
            throw new IllegalArgumentException("position must be >= -1");
        }
        this.label = label;
        this.position = position;
    }

    /** The canonical text (see docs/formulas.md); parsing it gives an equal node. */
    public final String label() {
        return label;
    }

    /** 0-based index of the node's first character in the text it was parsed from, or -1 when built in code. */
    public final int position() {
        return position;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((Node) o).label.equals(label);
    }

    @Override
    public final int hashCode() {
        return label.hashCode() * 31 + getClass().getSimpleName().hashCode();
    }

    @Override
    public final String toString() {
        return label;
    }
}
