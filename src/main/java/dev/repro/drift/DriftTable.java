package dev.repro.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders drifted items as a fixed-width text table for the build log: item, baseline, now, difference,
 * tolerance, note. The four middle columns hold numbers only, right-aligned; every text (a value that is not in
 * the baseline, a changed warning, a lost star) goes to the last column, on one line and cut to
 * {@link #NOTE_WIDTH} characters, so that the columns stay aligned whatever the results hold.
 */
public final class DriftTable {
    /** Longest note shown in the table; the JUnit report keeps the whole text. */
    static final int NOTE_WIDTH = 80;

    private DriftTable() {
    }

    public static List<String> lines(List<DriftItem> items) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"item", "baseline", "now", "difference", "tolerance", "note"});
        for (DriftItem d : items) {
            if (!d.failed()) {
                continue;
            }
            rows.add(new String[] {d.item(), value(d.baseline()), value(d.now()), value(d.difference()), value(d.tolerance()),
                note(d)});
        }
        int[] width = new int[6];
        for (String[] r : rows) {
            for (int i = 0; i < 6; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                sb.append(i == 0 ? "" : "  ").append(pad(r[i], width[i], i > 0 && i < 5));
            }
            out.add(sb.toString().stripTrailing());
        }
        return out;
    }

    /** The note column: a plain numeric drift has none; otherwise the note, or the status when there is no note. */
    private static String note(DriftItem d) {
        if (d.note() == null) {
            return d.status() == DriftItem.Status.DRIFT ? "" : d.status().name();
        }
        return cut(oneLine(d.note()), NOTE_WIDTH);
    }

    /** Line breaks, tabs and other control characters as spaces, so that a multi-line warning stays on its row. */
    static String oneLine(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) ? ' ' : c);
        }
        return sb.toString();
    }

    /** At most {@code max} characters, the cut marked by "..."; a surrogate pair is never split. */
    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max - 3;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "...";
    }

    private static String value(Double d) {
        return d == null ? "" : number(d);
    }

    static String number(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        return String.format(Locale.ROOT, "%.10g", d);
    }

    private static String pad(String s, int w, boolean right) {
        if (s.length() >= w) {
            return s;
        }
        String fill = " ".repeat(w - s.length());
        return right ? fill + s : s + fill;
    }
}
