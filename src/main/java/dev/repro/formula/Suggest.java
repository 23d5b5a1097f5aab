package dev.repro.formula;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "Did you mean" suggestions for misspelt column and function names. */
final class Suggest {
    /** How many column names a message lists when nothing is close. */
    static final int LISTED = 12;
    private static final Pattern STATA_OPERATOR = Pattern.compile("([LlDdIiCc])([0-9]*)\\.(.+)");

    private Suggest() {
    }

    /**
     * The candidate closest to {@code name}: equal ignoring case first, then the smallest edit distance
     * (insertions, deletions, substitutions, swaps of neighbours; ignoring case) within {@code max}, ties
     * going to the earlier candidate; null when none is close enough.
     */
    static String closest(String name, List<String> candidates, int max) {
        for (String c : candidates) {
            if (c.equalsIgnoreCase(name)) {
                return c;
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = max + 1;
        for (String c : candidates) {
            int d = distance(lower, c.toLowerCase(Locale.ROOT), bestDistance);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    /** Distance allowed for a name of this length: 1 up to 4 characters, 2 up to 8, then 3. */
    static int allowed(String name) {
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
                    return formula ? "absorb " + x + " as a fixed effect after '|'" : "did you mean '" + m.group(3) + "'?";
                }
                default -> {
                    return "did you mean '" + m.group(3) + "'?";
                }
            }
        }
        if (List.of("NA", "NaN", "NULL", "null", "na", "nan", "missing").contains(name)) {
            return Lexer.MISSING_HINT;
        }
        String close = closest(name, columns, allowed(name));
        if (close != null) {
            return "did you mean '" + close + "'?";
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

    /** Optimal string alignment distance, or a number above {@code cap} once it cannot be within it. */
    static int distance(String a, String b, int cap) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > cap) {
            return cap + 1;
        }
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > cap) {
                return cap + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}
