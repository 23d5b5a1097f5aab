package dev.repro.report;

import dev.repro.study.Label;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A validated figure request: one entry of the study file's {@code figures:} section as its {@link FigureKind} parsed it. */
public interface FigureSpec {
    String id();

    String kind();

    Label title();

    Map<String, Label> labels();

    /** The yearly trend of a variable: mean as a line over a min-max band (the paper's Table 2 as a figure). */
    record Trend(String id, Label title, String dataset, String variable, String time, Map<String, Label> labels)
            implements FigureSpec {
        public Trend {
            check(id, title);
            Objects.requireNonNull(dataset, "dataset");
            Objects.requireNonNull(variable, "variable");
            labels = Map.copyOf(labels);
        }

        @Override
        public String kind() {
            return "trend";
        }
    }

    /**
     * Estimates with confidence intervals, one row per coefficient and one marker per model.
     *
     * @param level confidence level, 0.95 by default
     * @param legend the legend entry of each model, in model order: "(11) Non-coastal" from {@code columnTitles} or
     *               a regression table's columns ({@code table:}); empty for the models' labels, "(1) m1" without one
     */
    record Coefficients(String id, Label title, List<String> models, List<String> keep, List<String> drop, double level,
                        Map<String, Label> labels, List<Label> legend) implements FigureSpec {
        /** A plot whose legend shows the models' labels. */
        public Coefficients(String id, Label title, List<String> models, List<String> keep, List<String> drop, double level,
                            Map<String, Label> labels) {
            this(id, title, models, keep, drop, level, labels, List.of());
        }

        public Coefficients {
            check(id, title);
            models = List.copyOf(models);
            if (models.isEmpty() || models.size() > 6) {
                throw new IllegalArgumentException("a coefficient plot shows 1 to 6 models");
            }
            keep = List.copyOf(keep);
            drop = List.copyOf(drop);
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("level must be in (0, 1)");
            }
            labels = Map.copyOf(labels);
            legend = List.copyOf(legend);
            if (!legend.isEmpty() && legend.size() != models.size()) {
                throw new IllegalArgumentException("one legend entry per model");
            }
        }

        @Override
        public String kind() {
            return "coefficients";
        }
    }

    /**
     * A tile-grid map coloured by a variable at one period (the paper's Figure 2 without GIS).
     *
     * @param region the column naming the region (default: the dataset's id column)
     * @param at     the period shown (default: the latest)
     * @param layout a project CSV {@code name,row,col}, or null for the 30 Chinese provinces
     */
    record TileMap(String id, Label title, String dataset, String variable, String region, Double at, String layout,
                   int decimals, Map<String, Label> labels) implements FigureSpec {
        public TileMap {
            check(id, title);
            Objects.requireNonNull(dataset, "dataset");
            Objects.requireNonNull(variable, "variable");
            if (decimals < 0 || decimals > 10) {
                throw new IllegalArgumentException("decimals must be 0..10");
            }
            labels = Map.copyOf(labels);
        }

        @Override
        public String kind() {
            return "tilemap";
        }
    }

    private static void check(String id, Label title) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        if (!TableSpec.ID.matcher(id).matches()) {
            throw new IllegalArgumentException("figure id must match " + TableSpec.ID.pattern() + ": " + id);
        }
    }
}
