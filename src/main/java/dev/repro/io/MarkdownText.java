package dev.repro.io;

/**
 * Plain text made safe inside Markdown: every character that Markdown or the HTML it may carry reads as
 * structure is escaped, and a leading block marker ({@code # x}, {@code - x}, {@code 1. x}, {@code ---}) is
 * neutralised, so that a title, a note or a citation never turns into a heading, a list, a link or markup.
 * Here, in the bottom layer, because the report's Markdown tables and the drift gate's published-table reports
 * both embed user text.
 */
public final class MarkdownText {
    private MarkdownText() {
    }

    /** The text with Markdown's structure characters escaped; control characters become spaces. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        int lead = 0;
        while (lead < s.length() && s.charAt(lead) == ' ') {
            lead++;
        }
        int marker = blockMarker(s, lead);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (i == marker) {
                sb.append('\\').append(c);
                continue;
            }
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '&', '$', '~' -> sb.append('\\').append(c);
                default -> sb.append(c < ' ' || c == 0x7f ? ' ' : c);
            }
        }
        return sb.toString();
    }

    /** The index of the character that would make {@code s} (from {@code at}) open a Markdown block, or -1. */
    private static int blockMarker(String s, int at) {
        if (at >= s.length()) {
            return -1;
        }
        char c = s.charAt(at);
        boolean spaceAfter = at + 1 >= s.length() || s.charAt(at + 1) == ' ' || s.charAt(at + 1) == '\t';
        if (c == '#') {
            return at;
        }
        if ((c == '-' || c == '+') && spaceAfter) {
            return at;
        }
        if ((c == '-' || c == '=') && s.substring(at).strip().chars().allMatch(ch -> ch == c || ch == ' ')) {
            return at; // a thematic break or a setext heading underline
        }
        int i = at;
        while (i < s.length() && i - at < 9 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i > at && i < s.length() && (s.charAt(i) == '.' || s.charAt(i) == ')')
                && (i + 1 >= s.length() || s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\t')) {
            return i; // "1. x" would be an ordered list; "1\\. x" is text
        }
        return -1;
    }
}
