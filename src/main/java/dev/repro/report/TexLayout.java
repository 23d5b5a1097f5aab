package dev.repro.report;

import dev.repro.report.TableModel.Cell;
import dev.repro.report.TableModel.Row;
import dev.repro.study.Label;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a table is laid out in LaTeX so that it fits the text block: which columns may wrap (the stub and the
 * left-aligned text columns, as {@code p{}} columns sharing the width left by the others, in proportion to their
 * longest texts) and which text cells of number columns are stacked on two or more lines (a long header such as
 * "Indirect (a × b)" or a confidence interval would otherwise set the column's width). The template then measures
 * the table in LaTeX and picks the first of: natural widths, wrapped columns, a smaller font (docs/tables.md).
 */
final class TexLayout {
    /** A text in a number column is stacked when it is longer than this and than the column's widest number. */
    static final int MIN_LINE = 8;
    /** The narrowest a wrapped column may get, in em of its font, before the template tries a smaller font. */
    static final int MIN_WRAP_EM = 4;

    private TexLayout() {
    }

    /** Per data column (0-based), the visible length of its widest number cell. */
    static int[] widestNumbers(TableModel t) {
        int[] w = new int[t.columns()];
        for (List<Row> part : List.of(t.header(), t.body())) {
            for (Row r : part) {
                int col = -1;
                for (Cell c : r.cells()) {
                    if (col >= 0 && c.span() == 1 && c.num() != null) {
                        w[col] = Math.max(w[col], c.num().display().length());
                    }
                    col += c.span();
                }
            }
        }
        return w;
    }

    /**
     * Per data column, the LaTeX that siunitx reserves before and after the numbers ({@code table-space-text-pre}
     * and {@code -post}): "(" when a cell opens a bracket, and the widest closing bracket with stars the column
     * holds, so that a column without stars is not as wide as one with three.
     */
    static List<List<String>> siunitxSpace(TableModel t) {
        String[] pre = new String[t.columns()];
        String[] post = new String[t.columns()];
        Arrays.fill(pre, "");
        Arrays.fill(post, "");
        for (Row r : t.body()) {
            int col = -1;
            for (Cell c : r.cells()) {
                if (col >= 0 && c.span() == 1 && c.num() != null) {
                    if (c.num().open().length() > pre[col].length()) {
                        pre[col] = c.num().open();
                    }
                    String p = c.num().close() + c.num().stars();
                    if (p.length() > post[col].length()) {
                        post[col] = p;
                    }
                }
                col += c.span();
            }
        }
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < t.columns(); i++) {
            String p = post[i];
            int star = p.indexOf('*');
            String tex = star < 0 ? Escape.latex(p) : Escape.latex(p.substring(0, star)) + "\\sym{" + p.substring(star) + "}";
            out.add(List.of(Escape.latex(pre[i]), tex));
        }
        return out;
    }

    /**
     * The wrapped columns' shares of the width left for them, as "0.45": the stub first, then each "l" column;
     * null for a column that does not wrap. Shares follow each column's longest text.
     */
    static List<String> wrapShares(TableModel t) {
        int[] longest = new int[t.columns() + 1];
        boolean[] wraps = new boolean[t.columns() + 1];
        wraps[0] = true;
        for (int i = 0; i < t.columns(); i++) {
            wraps[i + 1] = t.align().get(i).equals("l");
        }
        for (List<Row> part : List.of(t.header(), t.body())) {
            for (Row r : part) {
                int col = 0;
                for (Cell c : r.cells()) {
                    if (c.span() == 1 && wraps[col]) {
                        longest[col] = Math.max(longest[col], Math.max(1, visible(c)));
                    }
                    col += c.span();
                }
            }
        }
        int total = 0;
        for (int i = 0; i < longest.length; i++) {
            total += wraps[i] ? Math.max(longest[i], 1) : 0;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < longest.length; i++) {
            // rounded down, so that the shares never add up to more than the width (an overfull box)
            double share = Math.floor(1000.0 * Math.max(longest[i], 1) / total) / 1000;
            out.add(wraps[i] ? String.format(Locale.ROOT, "%.3f", share) : null);
        }
        return out;
    }

    /** How many columns wrap (the stub and the "l" columns). */
    static int wrapCount(TableModel t) {
        return 1 + (int) t.align().stream().filter(a -> a.equals("l")).count();
    }

    /**
     * The LaTeX of a text cell of a number column, broken at spaces into lines of at most {@code max} visible
     * characters (a word longer than that stays whole); one line when it fits or has no space to break at.
     * Raw LaTeX is broken only at spaces outside math and braces.
     */
    static List<String> lines(Label label, int max) {
        List<String> words = words(Escape.tex(label));
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int len = 0;
        for (String w : words) {
            int wl = visible(w);
            if (len > 0 && len + 1 + wl > max) {
                out.add(line.toString());
                line.setLength(0);
                len = 0;
            }
            if (len > 0) {
                line.append(' ');
                len++;
            }
            line.append(w);
            len += wl;
        }
        out.add(line.toString());
        return out;
    }

    /** The width a text cell of data column {@code col} may have before it is stacked. */
    static int lineLimit(int widestNumber) {
        return Math.max(MIN_LINE, widestNumber);
    }

    private static int visible(Cell c) {
        return c.num() != null ? c.num().display().length() : c.text() == null ? 0 : c.text().text().length();
    }

    /** Top-level words of LaTeX: split at spaces outside {@code $...$} and braces. */
    private static List<String> words(String tex) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        int depth = 0;
        boolean math = false;
        for (int i = 0; i < tex.length(); i++) {
            char ch = tex.charAt(i);
            if (ch == '\\' && i + 1 < tex.length()) {
                w.append(ch).append(tex.charAt(++i));
                continue;
            }
            if (ch == '{') {
                depth++;
            } else if (ch == '}') {
                depth--;
            } else if (ch == '$') {
                math = !math;
            }
            if (ch == ' ' && depth == 0 && !math) {
                if (w.length() > 0) {
                    out.add(w.toString());
                    w.setLength(0);
                }
            } else {
                w.append(ch);
            }
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }

    /** Rough printed length of LaTeX: a command counts as one character, {@code $ { }} as none. */
    static int visible(String tex) {
        int n = 0;
        for (int i = 0; i < tex.length(); i++) {
            char ch = tex.charAt(i);
            if (ch == '\\') {
                n++;
                i++;
                while (i + 1 < tex.length() && Character.isLetter(tex.charAt(i + 1))) {
                    i++;
                }
            } else if (ch != '$' && ch != '{' && ch != '}') {
                n++;
            }
        }
        return n;
    }
}
