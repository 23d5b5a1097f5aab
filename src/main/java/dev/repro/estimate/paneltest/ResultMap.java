package dev.repro.estimate.paneltest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@code toMap()} of a test result: insertion-ordered, numbers as Double or Integer, lists of
 * numbers as lists. A number that is not finite cannot be written to JSON, so it is left out (the result's
 * notes say why).
 */
final class ResultMap {
    private final LinkedHashMap<String, Object> map = new LinkedHashMap<>();

    ResultMap num(String key, double v) {
        if (Double.isFinite(v)) {
            map.put(key, v);
        }
        return this;
    }

    ResultMap integer(String key, int v) {
        map.put(key, v);
        return this;
    }

    ResultMap text(String key, String v) {
        if (v != null) {
            map.put(key, v);
        }
        return this;
    }

    ResultMap nums(String key, double[] v) {
        if (v != null) {
            List<Object> out = new ArrayList<>(v.length);
            for (double d : v) {
                out.add(Double.isFinite(d) ? (Object) d : null);
            }
            map.put(key, Collections.unmodifiableList(out));
        }
        return this;
    }

    ResultMap ints(String key, int[] v) {
        if (v != null) {
            List<Integer> out = new ArrayList<>(v.length);
            for (int d : v) {
                out.add(d);
            }
            map.put(key, Collections.unmodifiableList(out));
        }
        return this;
    }

    ResultMap texts(String key, List<String> v) {
        if (v != null && !v.isEmpty()) {
            map.put(key, List.copyOf(v));
        }
        return this;
    }

    ResultMap object(String key, Object v) {
        if (v != null) {
            map.put(key, v);
        }
        return this;
    }

    Map<String, Object> build() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** The lag order as a number: an Integer when every unit has the same, else the mean as a Double. */
    static Object lagValue(int[] lags) {
        boolean same = true;
        long sum = 0;
        for (int l : lags) {
            same &= l == lags[0];
            sum += l;
        }
        if (lags.length == 0) {
            return 0;
        }
        return same ? (Object) lags[0] : (Object) ((double) sum / lags.length);
    }
}
