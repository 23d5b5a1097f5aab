package dev.repro.formula;

import java.util.Objects;

/** Quoted text such as {@code 'Beijing'}, only allowed in comparisons with a text column. */
public final class TextLiteral extends Node implements Operand {
    private final String value;

    public TextLiteral(String value, int position) {
        super(Texts.quote(Objects.requireNonNull(value, "value")), position);
        this.value = value;
    }

    public TextLiteral(String value) {
        this(value, -1);
    }

    /** The text without quotes. */
    public String value() {
        return value;
    }
}
