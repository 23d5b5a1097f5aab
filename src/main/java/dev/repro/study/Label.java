package dev.repro.study;

import java.util.Map;
import java.util.Objects;

/**
 * A display text. {@code text} is plain text, escaped by every renderer; {@code latex} is either null
 * (LaTeX gets the escaped text) or raw LaTeX written as is, for labels such as {@code $\beta_1$}.
 *
 * <p>In a study file a label is a string (plain text), a string starting with {@code raw:} (raw LaTeX;
 * the other formats show the part after {@code raw:} as plain text), or a map
 * {@code {latex: '$\beta$', text: 'beta'}} giving both.
 */
public record Label(String text, String latex) {
    public static final String RAW_PREFIX = "raw:";

    public Label {
        Objects.requireNonNull(text, "text");
    }

    public static Label plain(String text) {
        return new Label(text, null);
    }

    public static Label raw(String latex, String text) {
        return new Label(text, latex);
    }

    public boolean isRaw() {
        return latex != null;
    }

    /**
     * Reads a label value as a study file holds it; returns null when the shape is wrong (the caller reports
     * where). A {@code raw:} string shows its LaTeX source to the non-LaTeX formats.
     */
    public static Label parse(Object value) {
        if (value instanceof String s) {
            if (s.startsWith(RAW_PREFIX)) {
                String latex = s.substring(RAW_PREFIX.length());
                return new Label(latex, latex);
            }
            return plain(s);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return plain(String.valueOf(value));
        }
        if (value instanceof Map<?, ?> m) {
            Object latex = m.get("latex");
            Object text = m.get("text");
            for (Object k : m.keySet()) {
                if (!"latex".equals(k) && !"text".equals(k)) {
                    return null;
                }
            }
            if (text != null && !(text instanceof String) || latex != null && !(latex instanceof String)) {
                return null;
            }
            if (text == null && latex == null) {
                return null;
            }
            return new Label(text != null ? (String) text : (String) latex, (String) latex);
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }
}
