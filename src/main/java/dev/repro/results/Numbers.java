package dev.repro.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** NaN and infinities become null, so that a record read back from results.json equals the one written. */
final class Numbers {
    private Numbers() {
    }

    static Double finiteOrNull(Double v) {
        return v == null || v.isNaN() || v.isInfinite() ? null : v;
    }

    /** A list copied with every non-finite entry as null; null stays null. */
    static List<Double> finiteOrNull(List<Double> values) {
        if (values == null) {
            return null;
        }
        List<Double> out = new ArrayList<>(values.size());
        for (Double v : values) {
            out.add(finiteOrNull(v));
        }
        return Collections.unmodifiableList(out);
    }

    static <T> List<T> copy(List<T> values) {
        return values == null ? null : Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** A list of texts that is left out when empty (warnings, notes). */
    static List<String> nonEmpty(List<String> values) {
        return values == null || values.isEmpty() ? null : List.copyOf(values);
    }
}
