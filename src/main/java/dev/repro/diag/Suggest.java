package dev.repro.diag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean" suggestions for misspelt keys, columns, functions and names. A candidate equal to the
 * word ignoring case wins outright; otherwise the candidates at the smallest Damerau-Levenshtein distance
 * (optimal string alignment: insertions, deletions, substitutions and swaps of neighbours, ignoring case)
 * within a limit are offered, all of them when several are equally close.
 */
public final class Suggest {
    private Suggest() {
    }

    /** The default distance allowed for a word: max(2, length / 3). */
    public static int limit(String word) {
        return Math.max(2, word.length() / 3);
    }

    /**
     * The candidates closest to {@code word}, in their order: those equal ignoring case if any, else those
     * at the smallest distance when it is at most {@code max}; empty when none is close enough.
     */
    public static List<String> closestAll(String word, Collection<String> candidates, int max) {
        List<String> sameIgnoringCase = new ArrayList<>();
        for (String c : candidates) {
            if (c.equalsIgnoreCase(word)) {
                sameIgnoringCase.add(c);
            }
        }
        if (!sameIgnoringCase.isEmpty()) {
            return sameIgnoringCase;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        List<String> best = new ArrayList<>();
        int bestDistance = max + 1;
        for (String c : candidates) {
            // capped at the best so far: a distance up to the cap is exact, a larger one is only "too far"
            int d = distance(lower, c.toLowerCase(Locale.ROOT), bestDistance);
            if (d < bestDistance) {
                best.clear();
                best.add(c);
                bestDistance = d;
            } else if (d == bestDistance && !best.isEmpty()) {
                best.add(c);
            }
        }
        return best;
    }

    /** The first of {@link #closestAll} within {@link #limit}, or null when none is close. */
    public static String closest(String word, Collection<String> candidates) {
        return closest(word, candidates, limit(word));
    }

    /** The first of {@link #closestAll} within {@code max}, or null when none is close. */
    public static String closest(String word, Collection<String> candidates, int max) {
        List<String> all = closestAll(word, candidates, max);
        return all.isEmpty() ? null : all.get(0);
    }

    /** "did you mean 'x'?" or "did you mean 'x' or 'y'?" for candidates within {@code max}, or null. */
    public static String question(String word, Collection<String> candidates, int max) {
        List<String> all = closestAll(word, candidates, max);
        if (all.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder("did you mean ");
        for (int i = 0; i < all.size(); i++) {
            if (i > 0) {
                sb.append(i == all.size() - 1 ? " or " : ", ");
            }
            sb.append('\'').append(all.get(i)).append('\'');
        }
        return sb.append('?').toString();
    }

    /** ", did you mean 'x'?" (or "'x' or 'y'" on a tie) within {@link #limit}, or "" when nothing is close. */
    public static String didYouMean(String word, Collection<String> candidates) {
        String q = question(word, candidates, limit(word));
        return q == null ? "" : ", " + q;
    }

    /** The optimal string alignment distance between two strings (case-sensitive). */
    public static int distance(String a, String b) {
        return distance(a, b, Integer.MAX_VALUE - 1);
    }

    /** The optimal string alignment distance, or a number above {@code cap} once it cannot be within it. */
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
