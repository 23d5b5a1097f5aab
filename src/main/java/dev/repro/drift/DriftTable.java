package dev.repro.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders drifted items as a fixed-width text table for the build log: item, baseline, now, difference, tolerance. */
public final class DriftTable {
    private DriftTable() {
    }

    public static List<String> lines(List<DriftItem> items) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"item", "baseline", "now", "difference", "tolerance"});
        for (DriftItem d : items) {
            if (!d.failed()) {
                continue;
            }
            rows.add(new String[] {d.item(), value(d.baseline(), "(not in baseline)"), value(d.now(), "(not in results)"),
                d.difference() == null ? "" : number(d.difference()), d.tolerance()});
        }
        int[] width = new int[5];
        for (String[] r : rows) {
            for (int i = 0; i < 5; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 5; i++) {
                sb.append(i == 0 ? "" : "  ").append(pad(r[i], width[i], i > 0 && i < 4));
            }
            out.add(sb.toString().stripTrailing());
        }
        return out;
    }

    private static String value(Object o, String absent) {
        if (o == null) {
            return absent;
        }
        return o instanceof Double d ? number(d) : "'" + o + "'";
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
