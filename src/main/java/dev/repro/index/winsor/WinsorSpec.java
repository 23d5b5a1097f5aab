package dev.repro.index.winsor;

import dev.repro.index.api.IndexStepSpec;
import dev.repro.diag.Located;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Winsorizing (or trimming) columns at the lower and upper percentiles, Stata's winsor2 conventions.
 *
 * @param columns the numeric columns to treat
 * @param lower lower cut in percent (default 1)
 * @param upper upper cut in percent (default 99)
 * @param by group columns: percentiles are computed within each group (e.g. by year); empty = all rows
 * @param mode {@link Mode#WINSORIZE} replaces values beyond a cut by the cut; {@link Mode#TRIM} makes them missing
 * @param suffix appended to each column name for the treated copy (winsor2's default "_w"); ignored with replace
 * @param replace overwrite the columns instead of adding suffixed copies
 */
public record WinsorSpec(Located at, String dataset, String output, List<String> columns, double lower, double upper,
                         List<String> by, Mode mode, String suffix, boolean replace) implements IndexStepSpec {
    public static final String KIND = "winsorize";

    public enum Mode {
        WINSORIZE("winsorize"), TRIM("trim");

        private final String keyword;

        Mode(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    public WinsorSpec {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(output, "output");
        columns = List.copyOf(columns);
        by = List.copyOf(by);
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(suffix, "suffix");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("winsorize needs at least one column");
        }
        Set<String> seen = new HashSet<>(columns);
        if (seen.size() != columns.size()) {
            throw new IllegalArgumentException("a column is listed twice");
        }
        if (!(lower >= 0 && lower < upper && upper <= 100)) {
            throw new IllegalArgumentException("cuts must satisfy 0 <= lower < upper <= 100, were " + lower + ", " + upper);
        }
        if (!replace && suffix.isEmpty()) {
            throw new IllegalArgumentException("an empty suffix needs replace: true");
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<String> inputs() {
        return List.of(dataset);
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", dataset);
        m.put("columns", columns);
        m.put("cuts", List.of(lower, upper));
        m.put("by", by);
        m.put("mode", mode.keyword());
        m.put("replace", replace);
        if (!replace) {
            m.put("suffix", suffix);
        }
        m.put("percentiles", "stata (R quantile type 2)");
        return m;
    }
}
