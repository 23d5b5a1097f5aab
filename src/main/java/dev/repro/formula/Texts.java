package dev.repro.formula;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** Formatting shared by labels and messages; independent of the default locale. */
final class Texts {
    /** How many rows a message names before "and N more". */
    static final int ROWS_SHOWN = 5;

    private Texts() {
    }

    /** A text literal in single quotes, with backslash before a quote or backslash inside. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('\'').toString();
    }

    /** A column name as written in a formula: plain, or in backquotes when it is not a plain name. */
    static String name(String name) {
        return Lexer.isPlainName(name) && !KEYWORDS.contains(name) ? name : "`" + name + "`";
    }

    /** Words of the filter language; a column of that name is written in backquotes. */
    static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in");

    /** A number as short as exact: 2, 0.5, 0.0001; very large or small ones as 1.0E-30. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String plain = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        return plain.length() <= 24 ? plain : Double.toString(v);
    }

    /** "a, b and c" with each item in single quotes. */
    static String andList(List<String> items) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(i == items.size() - 1 ? " and " : ", ");
            }
            sb.append('\'').append(items.get(i)).append('\'');
        }
        return sb.toString();
    }

    /** "1 row" / "3 rows". */
    static String rows(int n) {
        return n == 1 ? "1 row" : n + " rows";
    }
}
