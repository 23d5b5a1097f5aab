package dev.repro.drift;

import dev.repro.study.Tolerance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares new results with the baseline, value by value. A number passes when
 * {@code |now - baseline| <= absolute + relative * |baseline|} (per-item rules first), and moreover an estimate
 * keeps its sign and a p-value its star level: a coefficient that loses a star has changed the paper,
 * however small the move. Texts must be equal. A value only in the baseline or only in the new results
 * is drift too: every number the build makes is under the gate.
 */
public final class DriftChecker {
    private final Tolerance tolerance;

    public DriftChecker(Tolerance tolerance) {
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
    }

    public List<DriftItem> compare(Map<String, Object> baseline, Map<String, Object> now) {
        List<DriftItem> items = new ArrayList<>();
        for (var e : baseline.entrySet()) {
            String key = e.getKey();
            Object b = e.getValue();
            if (!now.containsKey(key)) {
                items.add(new DriftItem(key, b instanceof Double d ? d : null, null, null, null, DriftItem.Status.MISSING,
                        b instanceof Double ? "not in the results" : "'" + b + "', not in the results"));
                continue;
            }
            items.add(compare(key, b, now.get(key)));
        }
        for (var e : now.entrySet()) {
            if (!baseline.containsKey(e.getKey())) {
                Object n = e.getValue();
                items.add(new DriftItem(e.getKey(), null, n instanceof Double d ? d : null, null, null, DriftItem.Status.NEW,
                        n instanceof Double ? "not in the baseline" : "'" + n + "', not in the baseline"));
            }
        }
        return items;
    }

    private DriftItem compare(String key, Object b, Object n) {
        if (!(b instanceof Double bd) || !(n instanceof Double nd)) {
            boolean same = String.valueOf(b).equals(String.valueOf(n));
            return new DriftItem(key, null, null, null, null, same ? DriftItem.Status.OK : DriftItem.Status.DRIFT,
                    same ? null : "'" + b + "' became '" + n + "'");
        }
        if (Double.isNaN(bd) || Double.isNaN(nd)) {
            boolean same = Double.isNaN(bd) && Double.isNaN(nd);
            return new DriftItem(key, bd, nd, null, null, same ? DriftItem.Status.OK : DriftItem.Status.DRIFT,
                    same ? null : "one side could not be computed");
        }
        double bound = tolerance.bound(key, bd);
        double diff = nd - bd;
        if (Math.abs(diff) > bound) {
            return new DriftItem(key, bd, nd, diff, bound, DriftItem.Status.DRIFT, null);
        }
        if (key.endsWith(".estimate") && bd != 0 && nd != 0 && Math.signum(bd) != Math.signum(nd)) {
            return new DriftItem(key, bd, nd, diff, bound, DriftItem.Status.SIGN, "the sign changed");
        }
        if (isPValue(key)) {
            int sb = tolerance.starsOf(bd);
            int sn = tolerance.starsOf(nd);
            if (sb != sn) {
                return new DriftItem(key, bd, nd, diff, bound, DriftItem.Status.STARS,
                        "significance changed from " + stars(sb) + " to " + stars(sn));
            }
        }
        return new DriftItem(key, bd, nd, diff, bound, DriftItem.Status.OK, null);
    }

    /** p-values of coefficients and tests: the last path segment is p or starts with p followed by a capital (pZbar). */
    static boolean isPValue(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        return last.equals("p") || (last.length() > 1 && last.charAt(0) == 'p' && Character.isUpperCase(last.charAt(1)));
    }

    private static String stars(int n) {
        return n == 0 ? "no star" : "*".repeat(n);
    }
}
