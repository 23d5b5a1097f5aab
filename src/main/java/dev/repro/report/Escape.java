package dev.repro.report;

import dev.repro.io.MarkdownText;
import dev.repro.study.Label;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Escaping of plain text for each output format. Templates do not call these directly: the FreeMarker
 * output formats ({@link LatexOutputFormat}, {@link MarkdownOutputFormat}, {@link CsvOutputFormat} and
 * FreeMarker's own HTML/XML formats) apply them to every {@code ${...}} of plain text.
 */
public final class Escape {
    private Escape() {
    }

    /**
     * Plain text for LaTeX text mode: every character that is special to TeX ({@code & % $ # _ { } ~ ^ \})
     * becomes its text command, {@code < > |} (which print as other glyphs in OT1 fonts) too, and
     * {@code [ ]} are braced so that a cell starting with one is not read as the optional argument of the
     * preceding {@code \\}; a backtick prints as itself and {@code --} stays two hyphens (no en-dash
     * ligature). Control characters (newlines, tabs) become spaces: a label is one line.
     */
    /** The LaTeX of a label: its raw LaTeX, or its escaped plain text. */
    public static String tex(Label label) {
        return label.isRaw() ? label.latex() : latex(label.text());
    }

    public static String latex(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&', '%', '$', '#', '_', '{', '}' -> sb.append('\\').append(c);
                case '~' -> sb.append("\\textasciitilde{}");
                case '^' -> sb.append("\\textasciicircum{}");
                case '\\' -> sb.append("\\textbackslash{}");
                case '<' -> sb.append("\\textless{}");
                case '>' -> sb.append("\\textgreater{}");
                case '|' -> sb.append("\\textbar{}");
                case '[', ']' -> sb.append('{').append(c).append('}');
                case '`' -> sb.append("\\textasciigrave{}");
                case '-' -> sb.append(i + 1 < s.length() && s.charAt(i + 1) == '-' ? "-{}" : "-");
                default -> {
                    String math = c < 0x80 ? null : LATEX_SYMBOLS.get(c);
                    if (math != null) {
                        sb.append(math);
                    } else {
                        sb.append(c < ' ' || c == 0x7f ? ' ' : c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * Characters that pdflatex's UTF-8 input does not know but labels of economics tables use (Greek letters,
     * arrows, relations, superscript digits), as math-mode commands that work in text.
     */
    private static final Map<Character, String> LATEX_SYMBOLS = latexSymbols();

    private static Map<Character, String> latexSymbols() {
        Map<Character, String> m = new HashMap<>();
        String greek = "\u03b1alpha \u03b2beta \u03b3gamma \u03b4delta \u03b5epsilon \u03b6zeta \u03b7eta "
                + "\u03b8theta \u03b9iota \u03bakappa \u03bblambda \u03bcmu \u03bdnu \u03bexi \u03c0pi "
                + "\u03c1rho \u03c3sigma \u03c4tau \u03c5upsilon \u03c6phi \u03c7chi \u03c8psi \u03c9omega "
                + "\u0393Gamma \u0394Delta \u0398Theta \u039bLambda \u039eXi \u03a0Pi \u03a3Sigma \u03a6Phi "
                + "\u03a8Psi \u03a9Omega";
        for (String e : greek.split(" ")) {
            m.put(e.charAt(0), "\\ensuremath{\\" + e.substring(1) + "}");
        }
        m.put('\u2192', "\\ensuremath{\\rightarrow}");
        m.put('\u2190', "\\ensuremath{\\leftarrow}");
        m.put('\u2194', "\\ensuremath{\\leftrightarrow}");
        m.put('\u2264', "\\ensuremath{\\leq}");
        m.put('\u2265', "\\ensuremath{\\geq}");
        m.put('\u2260', "\\ensuremath{\\neq}");
        m.put('\u2248', "\\ensuremath{\\approx}");
        m.put('\u221e', "\\ensuremath{\\infty}");
        m.put('\u2212', "\\ensuremath{-}");
        m.put('\u00b1', "\\ensuremath{\\pm}");
        m.put('\u00d7', "\\ensuremath{\\times}");
        m.put('\u00b2', "\\textsuperscript{2}");
        m.put('\u00b3', "\\textsuperscript{3}");
        m.put('\u00b9', "\\textsuperscript{1}");
        return Map.copyOf(m);
    }

    /** Plain text for HTML element content and quoted attribute values: {@code & < > " '}. */
    public static String html(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Plain text for Markdown (a cell of a CommonMark/GitHub pipe table, a paragraph, a heading): ASCII
     * punctuation that could start emphasis, code, links, images, raw HTML, math or a column break
     * ({@code \ ` * _ [ ] < > | & $ ~}) is backslash-escaped, which CommonMark defines as the literal
     * character; line breaks become spaces. Where the text could open a block ({@code # x} a heading,
     * {@code - x} {@code + x} {@code 1. x} a list, {@code ---} {@code ===} a rule or heading underline), its
     * first marker is escaped too, so a note is always a paragraph; a number such as -0.25 is left as is.
     */
    public static String markdown(String s) {
        return MarkdownText.escape(s);
    }

    /**
     * Text as a Markdown code span (a file name in the replication README): enclosed in more backticks than
     * it contains in a row, pipes escaped for a table cell, line breaks as spaces.
     */
    public static String markdownCode(String s) {
        String text = s.replaceAll("[\\x00-\\x1f\\x7f]", " ").replace("|", "\\|");
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = longest > 0 || text.startsWith(" ") || text.endsWith(" ");
        return fence + (pad ? " " + text + " " : text) + fence;
    }

    /** Numbers as tables print them ("-0.250", "-4,937.897**", "1.5e-08"): no spreadsheet reads them as a formula. */
    private static final Pattern CSV_NUMBER = Pattern.compile("[-+]?[0-9][0-9,]*(\\.[0-9]+)?([eE][-+]?[0-9]+)?\\**");

    /**
     * One RFC 4180 field: quoted (with doubled quotes) when it holds a comma, quote, CR or LF, or edge spaces.
     * A text that a spreadsheet would run as a formula (it starts with {@code = + - @}, a tab or a carriage
     * return) is neutralised as OWASP's "CSV Injection" page recommends: prefixed with a single quote and
     * quoted. A number such as -0.25 or -4,937.897** stays as it is.
     */
    public static String csv(String s) {
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !CSV_NUMBER.matcher(s).matches()) {
            return "\"'" + s.replace("\"", "\"\"") + '"';
        }
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote && !s.isEmpty() && (s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ')) {
            quote = true;
        }
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
