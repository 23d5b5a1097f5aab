package dev.repro.formula;

/**
 * A formula or filter that cannot be parsed: {@code position} is the 1-based character where the
 * problem is, {@link #caret()} draws the text with a caret under it.
 */
public final class FormulaException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String text;
    private final int position;
    private final String reason;

    public FormulaException(String text, int position, String reason) {
        super(reason + " at character " + position);
        this.text = text;
        this.position = position;
        this.reason = reason;
    }

    public int position() {
        return position;
    }

    public String reason() {
        return reason;
    }

    /** Two lines: the text, and a caret under the offending character. */
    public String caret() {
        return "    " + text + System.lineSeparator() + "    " + " ".repeat(Math.max(0, position - 1)) + "^";
    }
}
