package dev.repro.formula;

import dev.repro.diag.Suggest;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hints of the formula language for an unknown column or function name: Stata operators translated,
 * missing-value spellings explained, close spellings (by {@link Suggest}, with a limit suited to short
 * column names) or else the list of names.
 */
final class Hints {
    /** How many column names a message lists when nothing is close. */
    static final int LISTED = 12;
    private static final Pattern STATA_OPERATOR = Pattern.compile("([LlDdIiCc])([0-9]*)\\.(.+)");

    private Hints() {
    }

    /** Distance allowed for a name of this length: 1 up to 4 characters, 2 up to 8, then 3. */
    static int limit(String name) {
        int n = name.length();
        return n <= 4 ? 1 : n <= 8 ? 2 : 3;
    }

    /**
     * The hint for an unknown column name: Stata operators such as {@code L.x} translated, a close
     * spelling, a column the name is the start of, or else the list of columns.
     */
    static String column(String name, List<String> columns, boolean formula) {
        Matcher m = STATA_OPERATOR.matcher(name);
        if (m.matches() && columns.contains(m.group(3))) {
            String op = m.group(1).toUpperCase(Locale.ROOT);
            int k = m.group(2).isEmpty() ? 1 : Integer.parseInt(m.group(2));
            String x = Texts.name(m.group(3));
            switch (op) {
                case "L" -> {
                    return "did you mean L(" + x + ", " + k + ")?";
                }
                case "D" -> {
                    String d = x;
                    for (int i = 0; i < k; i++) {
                        d = "D(" + d + ")";
                    }
                    return "did you mean " + d + "?";
                }
                case "I" -> {
                    return formula ? "write i(" + x + ") for one dummy per level, or absorb " + x + " as a fixed effect after '|'" : "did you mean '" + m.group(3) + "'?";
                }
                default -> {
                    return "did you mean '" + m.group(3) + "'?";
                }
            }
        }
        if (List.of("NA", "NaN", "NULL", "null", "na", "nan", "missing").contains(name)) {
            return Lexer.MISSING_HINT;
        }
        String close = Suggest.question(name, columns, limit(name));
        if (close != null) {
            return close;
        }
        String prefixed = null;
        if (name.length() >= 2) {
            for (String c : columns) {
                if (c.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT))) {
                    if (prefixed != null) {
                        prefixed = null;
                        break;
                    }
                    prefixed = c;
                }
            }
        }
        if (prefixed != null) {
            return "did you mean '" + prefixed + "'?";
        }
        return "the columns are " + listColumns(columns);
    }

    /** 'a', 'b' and 'c'; beyond {@link #LISTED} names: 'a', ..., 'l' and 3 more. */
    static String listColumns(List<String> columns) {
        if (columns.isEmpty()) {
            return "none";
        }
        if (columns.size() <= LISTED) {
            return Texts.andList(columns);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < LISTED; i++) {
            sb.append(i == 0 ? "" : ", ").append('\'').append(columns.get(i)).append('\'');
        }
        return sb.append(" and ").append(columns.size() - LISTED).append(" more").toString();
    }
}
