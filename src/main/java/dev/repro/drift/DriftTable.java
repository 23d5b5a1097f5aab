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
        rows.add(new String[] {"item", "baseline", "now", "difference", "tolerance", "note"});
        for (DriftItem d : items) {
            if (!d.failed()) {
                continue;
            }
            rows.add(new String[] {d.item(), value(d.baseline(), d.status() == DriftItem.Status.NEW ? "(not in baseline)" : ""),
                value(d.now(), d.status() == DriftItem.Status.MISSING ? "(not in results)" : ""),
                d.difference() == null ? "" : number(d.difference()), d.tolerance() == null ? "" : number(d.tolerance()),
                d.status() == DriftItem.Status.DRIFT && d.note() == null ? "" : d.note() == null ? d.status().name() : d.note()});
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

    private static String value(Double d, String absent) {
        return d == null ? absent : number(d);
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
