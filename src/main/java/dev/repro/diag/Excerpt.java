package dev.repro.diag;

import java.util.Locale;

/**
 * A short, escaped excerpt of text that came from a file or the study (a cell, a header, a path) for a
 * message: in single quotes, control and bidirectional-override characters written as escapes, cut after
 * {@link #MAX} characters. So a message never carries a file's contents, a line break or a terminal
 * control sequence.
 */
public final class Excerpt {
    /** Longest excerpt kept, in characters. */
    public static final int MAX = 60;

    private Excerpt() {
    }

    /** {@code 'value'}, escaped and cut after {@link #MAX} characters (the full length is then said). */
    public static String quoted(String value) {
        int n = Math.min(value.length(), MAX);
        if (n < value.length() && Character.isHighSurrogate(value.charAt(n - 1))) {
            n--; // never cut a character in half
        }
        StringBuilder sb = new StringBuilder(n + 8).append('\'');
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || bidi(c)) {
                        sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('\'');
        if (value.length() > n) {
            sb.append("... (").append(value.length()).append(" characters)");
        }
        return sb.toString();
    }

    /** Characters that reorder the text around them on a terminal (Trojan Source, CVE-2021-42574). */
    private static boolean bidi(char c) {
        return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069' || c == '\u200E' || c == '\u200F'
                || c == '\u061C';
    }
}
