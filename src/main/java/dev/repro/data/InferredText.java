package dev.repro.data;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Why a column without a declared type came out as text although most of its cells are numbers: its
 * first text cell, how many more there are and where, so that a later "is text, not numeric" names the
 * cell to fix or the token to declare missing.
 *
 * @param file       the file as the study names it
 * @param line       1-based physical line of the first text cell
 * @param column     1-based column index
 * @param value      the first text cell as written
 * @param others     how many more text cells the column has
 * @param otherLines the lines of the first few of them
 * @param texts      the distinct texts, in order of appearance (the first few)
 * @param missing    the missing-value tokens in effect, to extend in the suggested fix
 */
public record InferredText(String file, int line, int column, String value, int others, List<Integer> otherLines,
                           Set<String> texts, List<String> missing) {
    /** Lines of further text cells named in the message before "...". */
    static final int LINES_SHOWN = 5;

    public InferredText {
        otherLines = List.copyOf(otherLines);
        texts = Collections.unmodifiableSet(new LinkedHashSet<>(texts));
        missing = List.copyOf(missing);
    }

    /** {@code data/gas.csv:50:5}: where the first text cell is. */
    public String where() {
        return file + ":" + line + ":" + column;
    }

    /** The whole located message, e.g. for a variable used as a number. */
    public String message(String columnName) {
        StringBuilder sb = new StringBuilder(where()).append(": column ").append(CsvMessages.show(columnName))
                .append(" is numeric except for ").append(CsvMessages.show(value)).append(" here");
        if (others > 0) {
            sb.append(" (and ").append(others).append(others == 1 ? " more cell: line " : " more cells: lines ");
            for (int i = 0; i < otherLines.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(otherLines.get(i));
            }
            sb.append(others > otherLines.size() ? ", ...)" : ")");
        }
        return sb.append("; ").append(fix()).toString();
    }

    /** Declare the texts as missing (the tokens already in effect kept) or fix the cell. */
    public String fix() {
        StringBuilder sb = new StringBuilder("declare the text as missing (missing: [");
        int i = 0;
        for (String t : missing) {
            sb.append(i++ > 0 ? ", " : "").append(quoted(t));
        }
        for (String t : texts) {
            if (!missing.contains(t)) {
                sb.append(i++ > 0 ? ", " : "").append(quoted(t));
            }
        }
        return sb.append("]) or fix the ").append(others > 0 ? "cells" : "cell").toString();
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
