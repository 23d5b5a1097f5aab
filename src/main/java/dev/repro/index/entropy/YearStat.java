package dev.repro.index.entropy;

import dev.repro.index.api.TableRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the yearly statistics of the index (seed paper Table 2): count, mean, sample standard
 * deviation (n - 1, as Stata's summarize), minimum and maximum.
 *
 * @param year the year, or {@link #TOTAL} (all rows pooled) or {@link #MEAN_OF_YEARS} (the average of the
 *        yearly rows' statistics, which is what the seed paper's Table 2 prints as "Total")
 */
public record YearStat(String year, int n, double mean, double sd, double min, double max) implements TableRow {
    public static final String TOTAL = "Total";
    public static final String MEAN_OF_YEARS = "Mean of years";
    public static final List<String> COLUMNS = List.of("year", "n", "mean", "sd", "min", "max");

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", year);
        m.put("n", n);
        m.put("mean", mean);
        m.put("sd", sd);
        m.put("min", min);
        m.put("max", max);
        return m;
    }
}
