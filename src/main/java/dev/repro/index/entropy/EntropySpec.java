package dev.repro.index.entropy;

import dev.repro.index.api.IndexStepSpec;
import dev.repro.diag.Located;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An entropy-weight composite index (seed paper section 4.1.2, Table 1).
 *
 * @param dataset the input dataset
 * @param output the dataset this step creates: the input with the index column added
 * @param column name of the index column
 * @param indicators the indicators with their direction; at least one, each column once
 * @param weighting {@link Weighting#POOLED} normalises and weights over all rows (all province-years);
 *        {@link Weighting#PER_YEAR} does both within each year
 * @param year the year column (per-year weighting and the yearly table); null = the dataset's time column
 * @param zeros how p ln p is kept finite when a normalised value is 0
 * @param shift the constant added to every normalised value under {@link Zeros#SHIFT} (the "+0.0001" convention)
 * @param score which normalised values the composite sums: plain min-max values or the shifted ones
 * @param missing whether a missing indicator value is a mistake or leaves the row out (index missing)
 */
public record EntropySpec(Located at, String dataset, String output, String column, List<Indicator> indicators,
                          Weighting weighting, String year, Zeros zeros, double shift, Score score, Missing missing)
        implements IndexStepSpec {

    public static final String KIND = "entropy";
    public static final double DEFAULT_SHIFT = 0.0001;

    public enum Direction {
        /** More is better: x' = (x - min) / (max - min). */
        POSITIVE("positive"),
        /** Less is better: x' = (max - x) / (max - min). */
        NEGATIVE("negative");

        private final String keyword;

        Direction(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    public enum Weighting {
        POOLED("pooled"), PER_YEAR("per-year");

        private final String keyword;

        Weighting(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    public enum Zeros {
        /** p_ij from x'_ij + shift for every value (the common "+0.0001" translation). */
        SHIFT("shift"),
        /** p_ij from x'_ij itself, with 0 ln 0 = 0 (its limit). */
        LIMIT("limit");

        private final String keyword;

        Zeros(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    public enum Score {
        /** composite = sum_j w_j x'_ij with the min-max values in [0, 1]. */
        NORMALIZED("normalized"),
        /** composite = sum_j w_j (x'_ij + shift), the values the weights were computed from. */
        SHIFTED("shifted");

        private final String keyword;

        Score(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    public enum Missing {
        ERROR("error"), SKIP("skip");

        private final String keyword;

        Missing(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    /**
     * @param group the primary index the indicator belongs to (Table 1's first column), or null
     */
    public record Indicator(String column, Direction direction, String group) {
        public Indicator {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(direction, "direction");
        }
    }

    public EntropySpec {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(column, "column");
        indicators = List.copyOf(indicators);
        Objects.requireNonNull(weighting, "weighting");
        Objects.requireNonNull(zeros, "zeros");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(missing, "missing");
        if (indicators.isEmpty()) {
            throw new IllegalArgumentException("an entropy index needs at least one indicator");
        }
        Set<String> seen = new HashSet<>();
        for (Indicator i : indicators) {
            if (!seen.add(i.column())) {
                throw new IllegalArgumentException("indicator " + i.column() + " listed twice");
            }
        }
        if (!(shift >= 0) || Double.isInfinite(shift)) {
            throw new IllegalArgumentException("shift must be finite and >= 0, was " + shift);
        }
        if (zeros == Zeros.SHIFT && shift == 0) {
            throw new IllegalArgumentException("zeros: shift needs a positive shift");
        }
        if (score == Score.SHIFTED && zeros != Zeros.SHIFT) {
            throw new IllegalArgumentException("score: shifted needs zeros: shift");
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
        m.put("column", column);
        List<Map<String, Object>> ind = new ArrayList<>();
        for (Indicator i : indicators) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("column", i.column());
            e.put("direction", i.direction().keyword());
            if (i.group() != null) {
                e.put("group", i.group());
            }
            ind.add(e);
        }
        m.put("indicators", ind);
        m.put("weighting", weighting.keyword());
        m.put("year", year);
        m.put("zeros", zeros.keyword());
        if (zeros == Zeros.SHIFT) {
            m.put("shift", shift);
        }
        m.put("score", score.keyword());
        m.put("missing", missing.keyword());
        return m;
    }
}
