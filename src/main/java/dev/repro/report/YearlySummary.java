package dev.repro.report;

import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A variable summarised per period (the paper's Table 2 and the trend figure): one {@link Moments} per
 * distinct value of the time column, in increasing order, and the pooled moments over every period.
 */
public record YearlySummary(String variable, String time, List<Period> periods, Moments total) {

    /** One period: its time value and the moments of the variable's non-missing values in it. */
    public record Period(double time, Moments moments) {
        /** The time value as printed: an integer year without decimals. */
        public String label() {
            return Fmt.significant(time, 15, false);
        }
    }

    public YearlySummary {
        periods = List.copyOf(periods);
    }

    /** Groups the rows of {@code data} by {@code time} (rows with a missing time are left out). */
    public static YearlySummary of(Dataset data, String variable, String time) {
        double[] v = data.numeric(variable).values();
        NumericColumn tc = data.numeric(time);
        double[] t = tc.values();
        TreeMap<Double, List<Integer>> byTime = new TreeMap<>();
        boolean[] any = new boolean[v.length];
        for (int i = 0; i < t.length; i++) {
            if (!Double.isNaN(t[i])) {
                byTime.computeIfAbsent(t[i], k -> new ArrayList<>()).add(i);
                any[i] = true;
            }
        }
        List<Period> periods = new ArrayList<>(byTime.size());
        boolean[] rows = new boolean[v.length];
        for (var e : byTime.entrySet()) {
            for (int i : e.getValue()) {
                rows[i] = true;
            }
            periods.add(new Period(e.getKey(), Moments.of(v, rows)));
            for (int i : e.getValue()) {
                rows[i] = false;
            }
        }
        return new YearlySummary(variable, time, periods, Moments.of(v, any));
    }
}
