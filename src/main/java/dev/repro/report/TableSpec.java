package dev.repro.report;

import dev.repro.study.Label;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.ArrayList;
import java.util.Collections;

/**
 * A validated, immutable table request: one entry of the study file's {@code tables:} section as its
 * {@link TableKind} parsed it (see {@link ReportSpecs}), or built in code. Each kind has its record; the common
 * parts are on this interface. Constructors check programmer errors (IllegalArgumentException); user mistakes
 * are reported as problems by the kind's parser (at validate) and by {@link Tables} (references into results).
 */
public interface TableSpec {

    /** Table ids become file names and LaTeX labels, so they are restricted to these characters. */
    Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    /** Stars at p below 0.1, 0.05 and 0.01, as the seed paper and Stata's esttab print them. */
    List<Double> DEFAULT_STAR_LEVELS = List.of(0.1, 0.05, 0.01);

    String id();

    /** regression, gmm, descriptive, yearly, weights, unitroot, granger, mediation or tests. */
    String kind();

    Label title();

    /** Display names for variables, coefficients, statistics and test ids; they win over the study's labels. */
    Map<String, Label> labels();

    /** User notes, printed after the automatic ones. */
    List<Label> notes();

    /** Whether the LaTeX uses siunitx S columns (decimal alignment) instead of centred columns. */
    boolean siunitx();

    /** What is printed under each coefficient: t statistic, standard error, p-value or confidence interval. */
    enum Stat { T, SE, P, CI }

    /** A row of Yes/No by whether each model absorbed {@code effect} (a column named after {@code |}). */
    record FeRow(String effect, Label label) {
        public FeRow {
            Objects.requireNonNull(effect, "effect");
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * A factor shown as one row instead of its coefficients: the coefficients whose factor term (the key before
     * {@code ::}, e.g. {@code i(year)}) matches {@code factor} (with {@code *} wildcards) are left out, and the row
     * says Yes where the model has one of them, No otherwise ("Year FE: Yes").
     */
    record CollapseRow(String factor, Label label) {
        public CollapseRow {
            Objects.requireNonNull(factor, "factor");
            Objects.requireNonNull(label, "label");
        }
    }

    /** A row of given texts, one per model column (e.g. "Controls: Yes Yes No"). */
    record CustomRow(Label label, List<String> values) {
        public CustomRow {
            Objects.requireNonNull(label, "label");
            values = List.copyOf(values);
        }
    }

    /**
     * A regression table (kind regression) or a dynamic panel GMM table (kind gmm: the same layout with the
     * Sargan and Arellano-Bond AR(1)/AR(2) rows by default).
     *
     * @param models       model ids in column order
     * @param keep         coefficient names (with {@code *} wildcards) to show; empty shows all
     * @param drop         coefficient names (with {@code *} wildcards) to leave out
     * @param order        coefficient names to put first, in this order; the constant is last otherwise
     * @param stats        summary rows: nobs, groups, clusters, r2Within, r2, adjR2, F, dfResid or a
     *                     diagnostic name (sargan, hansen, ar1, ar2, ...); rows empty in every column are left out
     * @param starLevels   p-value thresholds, largest first (one star each); empty for no stars
     * @param decimals     decimals of the coefficients (and standard errors)
     * @param statDecimals decimals of the t statistics
     * @param columnTitles optional titles under the column numbers (e.g. "Coastal"), one per model
     * @param firstColumn  number of the first column, (1) by default; the paper's Table 6 starts at (6)
     * @param constant     whether the within models' constant fills the Constant row
     * @param wild         whether a row of wild cluster bootstrap results sits under the bootstrapped terms
     * @param wildInterval whether that row holds the wild interval (results.json wild.term.ciLow/ciHigh) rather than p
     * @param level        the confidence level of {@code stat: ci} (0.95)
     * @param collapse     factors shown as one Yes/No row each instead of their coefficients
     */
    record Regression(String id, String kind, Label title, List<String> models, Stat stat, Map<String, Label> labels,
                      List<String> keep, List<String> drop, List<String> order, List<FeRow> fe, List<CustomRow> rows,
                      List<String> stats, List<Double> starLevels, int decimals, int statDecimals, List<Label> notes,
                      List<Label> columnTitles, int firstColumn, boolean siunitx, boolean constant, boolean wild,
                      boolean wildInterval, double level, List<CollapseRow> collapse) implements TableSpec {
        public static final List<String> DEFAULT_STATS = List.of("nobs", "r2Within", "r2", "groups");
        public static final List<String> DEFAULT_GMM_STATS = List.of("nobs", "groups", "sargan", "hansen", "ar1", "ar2");

        /** A table with wild p-values (if any), 95% intervals and no collapsed factor. */
        public Regression(String id, String kind, Label title, List<String> models, Stat stat, Map<String, Label> labels,
                          List<String> keep, List<String> drop, List<String> order, List<FeRow> fe, List<CustomRow> rows,
                          List<String> stats, List<Double> starLevels, int decimals, int statDecimals, List<Label> notes,
                          List<Label> columnTitles, int firstColumn, boolean siunitx, boolean constant, boolean wild) {
            this(id, kind, title, models, stat, labels, keep, drop, order, fe, rows, stats, starLevels, decimals, statDecimals,
                    notes, columnTitles, firstColumn, siunitx, constant, wild, false, 0.95, List.of());
        }

        /** A table without the within models' constant row ({@code constant: false}, the default). */
        public Regression(String id, String kind, Label title, List<String> models, Stat stat, Map<String, Label> labels,
                          List<String> keep, List<String> drop, List<String> order, List<FeRow> fe, List<CustomRow> rows,
                          List<String> stats, List<Double> starLevels, int decimals, int statDecimals, List<Label> notes,
                          List<Label> columnTitles, int firstColumn, boolean siunitx) {
            this(id, kind, title, models, stat, labels, keep, drop, order, fe, rows, stats, starLevels, decimals, statDecimals,
                    notes, columnTitles, firstColumn, siunitx, false, false);
        }

        /** A table without the wild bootstrap p-value rows ({@code wild: false}, the default). */
        public Regression(String id, String kind, Label title, List<String> models, Stat stat, Map<String, Label> labels,
                          List<String> keep, List<String> drop, List<String> order, List<FeRow> fe, List<CustomRow> rows,
                          List<String> stats, List<Double> starLevels, int decimals, int statDecimals, List<Label> notes,
                          List<Label> columnTitles, int firstColumn, boolean siunitx, boolean constant) {
            this(id, kind, title, models, stat, labels, keep, drop, order, fe, rows, stats, starLevels, decimals, statDecimals,
                    notes, columnTitles, firstColumn, siunitx, constant, false);
        }

        public Regression {
            checkCommon(id, title);
            if (!kind.equals("regression") && !kind.equals("gmm")) {
                throw new IllegalArgumentException("kind must be regression or gmm");
            }
            models = List.copyOf(models);
            if (models.isEmpty()) {
                throw new IllegalArgumentException("a regression table needs at least one model");
            }
            Objects.requireNonNull(stat, "stat");
            labels = Map.copyOf(labels);
            keep = List.copyOf(keep);
            drop = List.copyOf(drop);
            order = List.copyOf(order);
            fe = List.copyOf(fe);
            rows = List.copyOf(rows);
            stats = List.copyOf(stats);
            starLevels = checkStars(starLevels);
            checkDecimals(decimals);
            checkDecimals(statDecimals);
            notes = List.copyOf(notes);
            columnTitles = List.copyOf(columnTitles);
            if (!columnTitles.isEmpty() && columnTitles.size() != models.size()) {
                throw new IllegalArgumentException("one column title per model");
            }
            for (CustomRow r : rows) {
                if (r.values().size() != models.size()) {
                    throw new IllegalArgumentException("custom row " + r.label() + " needs one value per model");
                }
            }
            if (firstColumn < 0) {
                throw new IllegalArgumentException("firstColumn must be >= 0");
            }
            if (!(level > 0 && level < 1)) {
                throw new IllegalArgumentException("level must be in (0, 1): " + level);
            }
            collapse = List.copyOf(collapse);
        }

        /** A table with the defaults for everything but the id, title and models. */
        public static Regression of(String id, String title, List<String> models) {
            return new Regression(id, "regression", Label.plain(title), models, Stat.T, Map.of(), List.of(), List.of(),
                    List.of(), List.of(), List.of(), DEFAULT_STATS, DEFAULT_STAR_LEVELS, 3, 2, List.of(), List.of(), 1, false);
        }
    }

    /**
     * Descriptive statistics (the paper's Table 3): one row per variable of a dataset, columns from
     * {@code stats} (n, mean, sd, min, max). Numbers with {@code digits} significant digits, or with fixed
     * {@code decimals} when that is not null.
     */
    record Descriptive(String id, Label title, String dataset, List<String> variables, List<String> stats,
                       int digits, Integer decimals, Map<String, Label> labels, List<Label> notes, boolean siunitx)
            implements TableSpec {
        public static final List<String> ALL_STATS = List.of("n", "mean", "sd", "min", "max");

        public Descriptive {
            checkCommon(id, title);
            Objects.requireNonNull(dataset, "dataset");
            variables = List.copyOf(variables);
            stats = List.copyOf(stats);
            if (variables.isEmpty() || stats.isEmpty()) {
                throw new IllegalArgumentException("descriptive table needs variables and stats");
            }
            for (String s : stats) {
                if (!ALL_STATS.contains(s)) {
                    throw new IllegalArgumentException("unknown statistic " + s);
                }
            }
            if (digits < 1 || digits > 15) {
                throw new IllegalArgumentException("digits must be 1..15");
            }
            if (decimals != null) {
                checkDecimals(decimals);
            }
            labels = Map.copyOf(labels);
            notes = List.copyOf(notes);
        }

        @Override
        public String kind() {
            return "descriptive";
        }
    }

    /**
     * Yearly summaries of one variable (the paper's Table 2): per value of the time column, mean, SD, min and
     * max, and a pooled "Total" row.
     *
     * @param time the time column, or null for the dataset's declared time column
     */
    record Yearly(String id, Label title, String dataset, String variable, String time, int decimals, boolean total,
                  Map<String, Label> labels, List<Label> notes, boolean siunitx) implements TableSpec {
        public Yearly {
            checkCommon(id, title);
            Objects.requireNonNull(dataset, "dataset");
            Objects.requireNonNull(variable, "variable");
            checkDecimals(decimals);
            labels = Map.copyOf(labels);
            notes = List.copyOf(notes);
        }

        @Override
        public String kind() {
            return "yearly";
        }
    }

    /**
     * Index weights (the paper's Table 1) read from {@code from}, a dotted path into results.json's extra
     * section (e.g. {@code indices.open.weights}) holding a list of {@code {group, indicator, source, weight}}
     * maps or a map of indicator to weight.
     */
    record Weights(String id, Label title, String from, int decimals, Map<String, Label> labels, List<Label> notes,
                   boolean siunitx) implements TableSpec {
        public Weights {
            checkCommon(id, title);
            Objects.requireNonNull(from, "from");
            checkDecimals(decimals);
            labels = Map.copyOf(labels);
            notes = List.copyOf(notes);
        }

        @Override
        public String kind() {
            return "weights";
        }
    }

    /** One test column group of a unit-root table: which keys of the test's result map to show. */
    record UnitRootColumn(Label label, String statistic, String p, Label statisticLabel) {
        public UnitRootColumn {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(statistic, "statistic");
            Objects.requireNonNull(p, "p");
            Objects.requireNonNull(statisticLabel, "statisticLabel");
        }
    }

    /** One variable of a unit-root table with its test ids, one per column (null for an empty cell). */
    record UnitRootRow(String variable, List<String> tests) {
        public UnitRootRow {
            Objects.requireNonNull(variable, "variable");
            tests = Collections.unmodifiableList(new ArrayList<>(tests));
        }
    }

    /** Panel unit-root tests (the paper's Table 4): variables as rows, each test a statistic and p-value pair. */
    record UnitRoot(String id, Label title, List<UnitRootColumn> columns, List<UnitRootRow> rows, List<Double> starLevels,
                    int decimals, Map<String, Label> labels, List<Label> notes, boolean siunitx) implements TableSpec {
        public UnitRoot {
            checkCommon(id, title);
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            if (columns.isEmpty() || rows.isEmpty()) {
                throw new IllegalArgumentException("unit-root table needs columns and rows");
            }
            for (UnitRootRow r : rows) {
                if (r.tests().size() != columns.size()) {
                    throw new IllegalArgumentException("row " + r.variable() + " needs one test per column");
                }
            }
            starLevels = checkStars(starLevels);
            checkDecimals(decimals);
            labels = Map.copyOf(labels);
            notes = List.copyOf(notes);
        }

        @Override
        public String kind() {
            return "unitroot";
        }
    }

    /** Dumitrescu-Hurlin panel Granger non-causality tests (the paper's Table 7), one row per test id. */
    record Granger(String id, Label title, List<String> tests, int decimals, Map<String, Label> labels, List<Label> notes,
                   boolean siunitx) implements TableSpec {
        public Granger {
            checkCommon(id, title);
            tests = List.copyOf(tests);
            if (tests.isEmpty()) {
                throw new IllegalArgumentException("granger table needs tests");
            }
            checkDecimals(decimals);
            labels = Map.copyOf(labels);
            notes = List.copyOf(notes);
        }

        @Override
        public String kind() {
            return "granger";
        }
    }

    /** Bootstrap mediation results (the paper's Table 8), one row per mediation id. */
    record Mediation(String id, Label title, List<String> paths, List<Double> starLevels, int decimals,
                     Map<String, Label> labels, List<Label> notes, boolean siunitx) implements TableSpec {
        public Mediation {
            checkCommon(id, title);
            paths = List.copyOf(paths);
            if (paths.isEmpty()) {
                throw new IllegalArgumentException("mediation table needs paths");
            }
            starLevels = checkStars(starLevels);
            checkDecimals(decimals);
            labels = Map.copyOf(labels);
            notes = List.copyOf(notes);
        }

        @Override
        public String kind() {
            return "mediation";
        }
    }

    /** Specification tests with a statistic, degrees of freedom and p-value (e.g. Hausman), one row per test id. */
    record Tests(String id, Label title, List<String> tests, List<Double> starLevels, int decimals,
                 Map<String, Label> labels, List<Label> notes, boolean siunitx) implements TableSpec {
        public Tests {
            checkCommon(id, title);
            tests = List.copyOf(tests);
            if (tests.isEmpty()) {
                throw new IllegalArgumentException("tests table needs tests");
            }
            starLevels = checkStars(starLevels);
            checkDecimals(decimals);
            labels = Map.copyOf(labels);
            notes = List.copyOf(notes);
        }

        @Override
        public String kind() {
            return "tests";
        }
    }

    private static void checkCommon(String id, Label title) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("table id must match " + ID.pattern() + ": " + id);
        }
    }

    private static void checkDecimals(int d) {
        if (d < 0 || d > 10) {
            throw new IllegalArgumentException("decimals must be 0..10, got " + d);
        }
    }

    private static List<Double> checkStars(List<Double> levels) {
        List<Double> l = List.copyOf(levels);
        for (int i = 0; i < l.size(); i++) {
            double v = l.get(i);
            if (!(v > 0 && v < 1) || i > 0 && !(v < l.get(i - 1))) {
                throw new IllegalArgumentException("star levels must be in (0, 1) and decreasing: " + l);
            }
        }
        return l;
    }
}
