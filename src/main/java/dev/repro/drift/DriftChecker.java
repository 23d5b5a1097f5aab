package dev.repro.drift;

import dev.repro.study.Tolerance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Compares new results with the baseline, value by value: numbers within the tolerance
 * |now - baseline| <= absolute + relative * |baseline|, texts exactly. A value only in the baseline, or
 * only in the new results, is drift too: every number the build makes is under the gate.
 */
public final class DriftChecker {
    private final Tolerance tolerance;

    public DriftChecker(Tolerance tolerance) {
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
    }

    public List<DriftItem> compare(Map<String, Object> baseline, Map<String, Object> now) {
        List<DriftItem> items = new ArrayList<>();
        String tol = describe(tolerance);
        for (var e : baseline.entrySet()) {
            String key = e.getKey();
            Object b = e.getValue();
            if (!now.containsKey(key)) {
                items.add(new DriftItem(key, b, null, null, tol, DriftItem.Status.MISSING_NOW));
                continue;
            }
            Object n = now.get(key);
            if (b instanceof Double bd && n instanceof Double nd) {
                boolean same = tolerance.within(bd, nd);
                Double diff = Double.isNaN(bd) || Double.isNaN(nd) ? null : nd - bd;
                items.add(new DriftItem(key, bd, nd, diff, tol, same ? DriftItem.Status.SAME : DriftItem.Status.DRIFTED));
            } else {
                boolean same = Objects.equals(String.valueOf(b), String.valueOf(n));
                items.add(new DriftItem(key, b, n, null, "exact", same ? DriftItem.Status.SAME : DriftItem.Status.DRIFTED));
            }
        }
        for (var e : now.entrySet()) {
            if (!baseline.containsKey(e.getKey())) {
                items.add(new DriftItem(e.getKey(), null, e.getValue(), null, tol, DriftItem.Status.NEW));
            }
        }
        return items;
    }

    static String describe(Tolerance t) {
        return String.format(Locale.ROOT, "rel %.1e, abs %.1e", t.relative(), t.absolute());
    }
}
