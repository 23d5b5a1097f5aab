package dev.repro.drift;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The head of a drift report, so that one changed data cell does not drown in a hundred rows: how many values
 * drifted in each model, test, mediation, index, summary table or figure, and the largest relative change
 * {@code (now - baseline) / |baseline|} with the item it is at (p-values only when nothing else drifted: a tiny
 * p-value moves by large factors).
 *
 * @param drifted      the failed items by their group ({@code model fe}, {@code test hausman}), in key order
 * @param largest      the failed item with the largest relative change, or null when no failed item has two numbers
 *                     and a baseline other than zero
 * @param relative     its relative change, {@code (now - baseline) / |baseline|}
 */
public record DriftSummary(Map<String, Integer> drifted, DriftItem largest, double relative) {
    public DriftSummary {
        drifted = Collections.unmodifiableMap(new TreeMap<>(drifted));
    }

    public static DriftSummary of(List<DriftItem> items) {
        Map<String, Integer> groups = new TreeMap<>();
        for (DriftItem d : items) {
            if (d.failed()) {
                groups.merge(group(d.item()), 1, Integer::sum);
            }
        }
        // a p-value of 1e-6 that becomes 1e-5 moves by 900%: the largest change is sought among the other values first
        DriftItem largest = largest(items, false);
        if (largest == null) {
            largest = largest(items, true);
        }
        return new DriftSummary(groups, largest, largest == null ? 0 : relative(largest));
    }

    private static DriftItem largest(List<DriftItem> items, boolean pValues) {
        DriftItem largest = null;
        for (DriftItem d : items) {
            Double b = d.baseline();
            Double n = d.now();
            if (!d.failed() || DriftChecker.isPValue(d.item()) != pValues || b == null || n == null || b == 0
                    || b.isNaN() || n.isNaN()) {
                continue;
            }
            if (largest == null || Math.abs(relative(d)) > Math.abs(relative(largest))) {
                largest = d;
            }
        }
        return largest;
    }

    private static double relative(DriftItem d) {
        return (d.now() - d.baseline()) / Math.abs(d.baseline());
    }

    /** {@code drifted: 6 in model fe, 1 in test hausman} and {@code largest relative change: +4.98% at ...}. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder("drifted: ");
        int i = 0;
        for (var e : drifted.entrySet()) {
            sb.append(i++ > 0 ? ", " : "").append(e.getValue()).append(" in ").append(e.getKey());
        }
        out.add(sb.toString());
        if (largest == null) {
            out.add("largest relative change: none (only texts, new or missing values, or values whose baseline is zero drifted)");
        } else {
            out.add("largest relative change: " + percent(relative) + " at " + largest.item() + " (baseline "
                    + DriftTable.number(largest.baseline()) + ", now " + DriftTable.number(largest.now()) + ")");
        }
        return out;
    }

    /** {@code +4.98%}; a tiny change keeps three significant digits ({@code -0.000120%}). */
    static String percent(double r) {
        double p = 100 * r;
        return Math.abs(p) >= 0.1 ? String.format(Locale.ROOT, "%+.2f%%", p) : String.format(Locale.ROOT, "%+.3g%%", p);
    }

    /**
     * The model, test, ... an item belongs to, in words: {@code models.fe.coefficients.x.estimate} is in
     * {@code model fe}; a top-level value is its own group.
     */
    static String group(String item) {
        int dot = item.indexOf('.');
        if (dot < 0) {
            return item;
        }
        String section = item.substring(0, dot);
        String rest = item.substring(dot + 1);
        int end = rest.length();
        for (int i = 0; i < rest.length(); i++) {
            if (rest.charAt(i) == '.' || rest.charAt(i) == '[') {
                end = i;
                break;
            }
        }
        String word = switch (section) {
            case "models" -> "model";
            case "tests" -> "test";
            case "mediation" -> "mediation";
            case "index" -> "index";
            case "summaries" -> "summary table";
            case "figures" -> "figure";
            default -> section;
        };
        return word + " " + rest.substring(0, end);
    }
}
