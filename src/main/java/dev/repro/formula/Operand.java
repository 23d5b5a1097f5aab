package dev.repro.formula;

/** One side of a comparison: a numeric {@link Term}, or quoted text compared with a text column. */
public sealed interface Operand permits Term, TextLiteral {
    /** The canonical text of the operand. */
    String label();

    /** 0-based position in the source text, or -1 when built in code. */
    int position();
}
