package dev.repro.formula;

import dev.repro.study.Problem;
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
 */
public record TextProblem(String what, String noun, String text, int position, String message, String hint) {
    /** Indentation of the echoed text and the caret line. */
    public static final String INDENT = "    ";

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
        sb.append(what).append(" \"").append(oneLine(text)).append("\": ").append(message);
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

    /** The headline, then the text and a caret line, separated by {@code \n} (the headline alone for a blank text). */
    public String render() {
        StringBuilder sb = new StringBuilder(headline());
        if (text.isBlank()) {
            return sb.toString();
        }
        sb.append('\n').append(INDENT).append(oneLine(text));
        sb.append('\n').append(INDENT);
        int pad = text.codePointCount(0, position);
        sb.append(" ".repeat(pad)).append('^');
        return sb.toString();
    }

    /** The rendered problem at a site of the study file. */
    public Problem toProblem(Site site) {
        return site.problem(render());
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
