package dev.repro.formula;

import dev.repro.diag.Located;
import dev.repro.diag.Problem;
import java.util.Objects;

/**
 * A mistake at one character of a formula, sample filter or expression. {@link #render()} gives the
 * message line followed by the text and a caret under the offending character:
 * <pre>
 * formula "sales ~ price + | state": expected a term after '+' at character 17
 *     sales ~ price + | state
 *                     ^
 * </pre>
 *
 * @param what the name shown before the quoted text: {@code formula}, {@code sample}, {@code expression}
 * @param noun the name used for the end of the text: "the end of the formula"
 * @param text the whole text as the user wrote it
 * @param position 0-based index of the offending character in {@code text}; {@code text.length()} for the end
 * @param message what is wrong
 * @param hint how to fix it, or null
 * @param elsewhere the problem as reported when its cause lies outside the text, or null: a column made text by a
 *                  few cells of its file is reported once at the first such cell, not at every formula that uses it
 */
public record TextProblem(String what, String noun, String text, int position, String message, String hint,
                          Problem elsewhere) {
    /** Indentation of the echoed text and the caret line. */
    public static final String INDENT = "    ";

    /** Longest text echoed in a message; a longer one is cut to this many characters around the position. */
    static final int MAX_SHOWN = 160;

    public TextProblem(String what, String noun, String text, int position, String message, String hint) {
        this(what, noun, text, position, message, hint, null);
    }

    public TextProblem {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(noun, "noun");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(message, "message");
        if (position < 0 || position > text.length()) {
            throw new IllegalArgumentException("position " + position + " outside a text of " + text.length() + " characters");
        }
    }

    /** 1-based number of the offending character, counted in Unicode code points. */
    public int character() {
        return text.codePointCount(0, position) + 1;
    }

    /** True when the problem is at the end of the text (something is missing). */
    public boolean atEnd() {
        return position == text.length();
    }

    /** The first line of {@link #render()}: {@code formula "...": message at character N; hint}. */
    public String headline() {
        StringBuilder sb = new StringBuilder();
        sb.append(what).append(" \"").append(oneLine(shown())).append("\": ").append(message);
        if (atEnd() && !text.isBlank()) {
            sb.append(" at the end of the ").append(noun);
        } else if (!text.isBlank()) {
            sb.append(" at character ").append(character());
        }
        if (hint != null) {
            sb.append("; ").append(hint);
        }
        return sb.toString();
    }

    /**
     * The headline, then the text and a caret line, separated by {@code \n} (the headline alone for a blank
     * text). The caret is indented by the terminal width of the text before it (see {@link #columns}).
     */
    public String render() {
        StringBuilder sb = new StringBuilder(headline());
        if (text.isBlank()) {
            return sb.toString();
        }
        String shown = shown();
        int from = shownFrom();
        sb.append('\n').append(INDENT).append(oneLine(shown));
        sb.append('\n').append(INDENT);
        int caret = (from > 0 ? 1 : 0) + columns(text.substring(from), position - from);
        sb.append(" ".repeat(caret)).append('^');
        return sb.toString();
    }

    /** Where the echoed part of a long text starts (0 for a text of at most {@link #MAX_SHOWN} characters). */
    private int shownFrom() {
        if (text.length() <= MAX_SHOWN) {
            return 0;
        }
        int from = Math.max(0, Math.min(position - MAX_SHOWN / 2, text.length() - MAX_SHOWN));
        return Character.isLowSurrogate(text.charAt(from)) ? from + 1 : from;
    }

    /** The text, or for a long one the {@link #MAX_SHOWN} characters around the position with "…" for the cut parts. */
    private String shown() {
        int from = shownFrom();
        if (from == 0 && text.length() <= MAX_SHOWN) {
            return text;
        }
        int to = Math.min(text.length(), from + MAX_SHOWN);
        if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) {
            to--;
        }
        return (from > 0 ? "\u2026" : "") + text.substring(from, to) + (to < text.length() ? "\u2026" : "");
    }

    /**
     * Terminal columns taken by {@code text[0, end)}: two for East Asian wide and full-width characters
     * (Chinese, Japanese, Korean, full-width forms), none for combining marks and format characters, one
     * otherwise; so that the caret stays under its character in a console with CJK names.
     */
    static int columns(String text, int end) {
        int width = 0;
        for (int i = 0; i < end; ) {
            int cp = text.codePointAt(i);
            width += width(cp);
            i += Character.charCount(cp);
        }
        return width;
    }

    /** Columns of one code point in a monospaced terminal (0, 1 or 2). */
    static int width(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        return isWide(cp) ? 2 : 1;
    }

    /** The East Asian Wide and Fullwidth blocks of Unicode (UAX #11), by range. */
    private static boolean isWide(int cp) {
        if (cp < 0x1100) {
            return false;
        }
        return cp <= 0x115F                          // Hangul Jamo leading consonants
                || (cp >= 0x2E80 && cp <= 0x303E)    // CJK radicals, Kangxi radicals, CJK symbols and punctuation
                || (cp >= 0x3041 && cp <= 0x33FF)    // kana, Bopomofo, Hangul compatibility Jamo, enclosed CJK, CJK compatibility
                || (cp >= 0x3400 && cp <= 0x4DBF)    // CJK unified ideographs extension A
                || (cp >= 0x4E00 && cp <= 0x9FFF)    // CJK unified ideographs
                || (cp >= 0xA000 && cp <= 0xA4CF)    // Yi
                || (cp >= 0xA960 && cp <= 0xA97F)    // Hangul Jamo extended A
                || (cp >= 0xAC00 && cp <= 0xD7A3)    // Hangul syllables
                || (cp >= 0xF900 && cp <= 0xFAFF)    // CJK compatibility ideographs
                || (cp >= 0xFE10 && cp <= 0xFE19)    // vertical forms
                || (cp >= 0xFE30 && cp <= 0xFE6F)    // CJK compatibility forms, small form variants
                || (cp >= 0xFF00 && cp <= 0xFF60)    // full-width ASCII forms
                || (cp >= 0xFFE0 && cp <= 0xFFE6)    // full-width signs
                || (cp >= 0x1F300 && cp <= 0x1F64F)  // pictographs and emoticons
                || (cp >= 0x1F900 && cp <= 0x1F9FF)  // supplemental pictographs
                || (cp >= 0x20000 && cp <= 0x3FFFD); // CJK unified ideographs extensions B and later
    }

    /** The rendered problem at a site of the study file. */
    public Problem toProblem(Located site) {
        return elsewhere != null ? elsewhere : site.problem(render());
    }

    @Override
    public String toString() {
        return render();
    }

    /** Tabs and line breaks shown as spaces, so that the caret stays under its character. */
    static String oneLine(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
        }
        return sb.toString();
    }
}
