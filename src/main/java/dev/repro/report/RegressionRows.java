package dev.repro.report;

import static dev.repro.report.TableCells.INTERCEPT;
import static dev.repro.report.TableCells.glob;
import static dev.repro.report.TableCells.interval;
import static dev.repro.report.TableCells.label;
import static dev.repro.report.TableCells.stars;

import dev.repro.diag.Problems;
import dev.repro.report.TableModel.Cell;
import dev.repro.report.TableModel.Num;
import dev.repro.report.TableModel.Row;
import dev.repro.report.TableModel.RowKind;
import dev.repro.results.CoefficientResult;
import dev.repro.results.IntervalTable;
import dev.repro.results.ModelResult;
import dev.repro.results.WildInference;
import dev.repro.study.Label;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The coefficient part of a regression table: which coefficients are rows (order, keep, drop by glob, factors
 * collapsed into one row), each estimate with what is under it (t, standard error, p-value or confidence interval)
 * and the wild bootstrap row, and the Yes/No rows of collapsed factors. Every number comes from results.json.
 */
final class RegressionRows {
    /** What separates a factor term from its level in a coefficient key: {@code i(year, treated, ref = 2015)::2018}. */
    static final String LEVEL = "::";

    private RegressionRows() {
    }

    /** The factor term of a coefficient key ({@code i(region)} of {@code i(region)::east}), or null for other terms. */
    static String factorOf(String key) {
        int at = key.indexOf(LEVEL);
        return at < 0 ? null : key.substring(0, at);
    }

    /** Whether a collapse pattern takes a coefficient: its factor term matches the pattern. */
    static boolean collapsed(String key, TableSpec.CollapseRow c) {
        String f = factorOf(key);
        return f != null && glob(c.factor()).matcher(f).matches();
    }

    /**
     * The coefficient rows in order: first appearance across the columns, collapsed factors left out, then
     * {@code order}, {@code keep} and {@code drop}; the constant last. A pattern matching nothing is a problem at its key.
     */
    static List<String> names(TableSpec.Regression s, List<ModelResult> models, String source, Problems problems) {
        String key = "tables." + s.id();
        LinkedHashSet<String> all = new LinkedHashSet<>();
        for (ModelResult m : models) {
            all.addAll(m.coefficients().keySet());
        }
        Set<String> factors = new LinkedHashSet<>();
        all.forEach(n -> {
            if (factorOf(n) != null) {
                factors.add(factorOf(n));
            }
        });
        LinkedHashSet<String> shown = new LinkedHashSet<>(all);
        for (TableSpec.CollapseRow c : s.collapse()) {
            if (!shown.removeIf(n -> collapsed(n, c)) && all.stream().noneMatch(n -> collapsed(n, c))) {
                problems.addKey(source, 0, 0, key + ".collapse", "'" + c.factor() + "' matches no factor of the table's models; "
                        + (factors.isEmpty() ? "they have no factor terms (write i(x) or factor(x) in a formula)"
                        : "their factors are: " + String.join(", ", factors)));
            }
        }
        List<String> names = new ArrayList<>();
        for (String o : s.order()) {
            boolean matched = false;
            for (String n : shown) {
                if (glob(o).matcher(n).matches() && !names.contains(n)) {
                    names.add(n);
                    matched = true;
                }
            }
            if (!matched) {
                problems.addKey(source, 0, 0, key + ".order", noMatch(o, all));
            }
        }
        for (String n : shown) {
            if (!names.contains(n) && !n.equals(INTERCEPT)) {
                names.add(n);
            }
        }
        if (shown.contains(INTERCEPT) && !names.contains(INTERCEPT)) {
            names.add(INTERCEPT);
        }
        if (!s.keep().isEmpty()) {
            Set<String> kept = new LinkedHashSet<>();
            for (String p : s.keep()) {
                boolean matched = false;
                for (String n : names) {
                    if (glob(p).matcher(n).matches()) {
                        kept.add(n);
                        matched = true;
                    }
                }
                if (!matched) {
                    problems.addKey(source, 0, 0, key + ".keep", noMatch(p, all));
                }
            }
            names.removeIf(n -> !kept.contains(n));
        }
        for (String p : s.drop()) {
            if (!names.removeIf(n -> glob(p).matcher(n).matches())) {
                problems.addKey(source, 0, 0, key + ".drop", noMatch(p, all));
            }
        }
        return names;
    }

    private static String noMatch(String pattern, Set<String> all) {
        return "'" + pattern + "' matches no coefficient; the coefficients are: " + String.join(", ", all);
    }

    /** Each coefficient's estimate row, the row under it and, with {@code wild:}, the wild bootstrap row. */
    static List<Row> coefficients(TableSpec.Regression s, List<ModelResult> models, List<String> names, TableInputs in) {
        IntervalTable ci = s.stat() == TableSpec.Stat.CI ? Intervals.forTable(s, in.results()) : null;
        String under = switch (s.stat()) {
            case T -> RegressionNotes.allZ(models) ? "z statistic" : "t statistic";
            case SE -> "standard error";
            case P -> "p-value";
            case CI -> RegressionNotes.percent(s.level()) + " confidence interval";
        };
        List<Row> body = new ArrayList<>();
        for (String n : names) {
            Label l = label(n, s.labels(), in);
            List<Cell> est = new ArrayList<>();
            List<Cell> st = new ArrayList<>();
            est.add(Cell.text(l));
            st.add(Cell.EMPTY);
            for (int j = 0; j < models.size(); j++) {
                CoefficientResult c = models.get(j).coefficients().get(n);
                if (c == null) {
                    est.add(Cell.EMPTY);
                    st.add(Cell.EMPTY);
                    continue;
                }
                est.add(Double.isFinite(c.estimate())
                        ? Cell.num(Num.of(Fmt.fixed(c.estimate(), s.decimals(), true), stars(c.p(), s.starLevels()), "", ""))
                        : Cell.MISSING);
                st.add(under(s, c, ci == null ? null : ci.models().getOrDefault(s.models().get(j), Map.of()).get(n)));
            }
            body.add(Row.of(RowKind.COEFFICIENT, est));
            body.add(new Row(RowKind.STATISTIC, st, false, under + " of " + l.text()));
            if (s.wild()) {
                List<Cell> w = wildCells(n, models, s);
                if (w != null) {
                    w.add(0, Cell.EMPTY);
                    body.add(new Row(RowKind.STATISTIC, w, false, "wild cluster bootstrap "
                            + (s.wildInterval() ? "confidence interval" : "p-value") + " of " + l.text()));
                }
            }
        }
        return body;
    }

    /** The cell under an estimate; a value that could not be computed (NaN, or a null interval end) is n/a. */
    private static Cell under(TableSpec.Regression s, CoefficientResult c, IntervalTable.Interval ci) {
        return switch (s.stat()) {
            case T -> number(c.t(), s.statDecimals(), "(", ")");
            case SE -> number(c.stdError(), s.decimals(), "(", ")");
            case P -> number(c.p(), s.statDecimals(), "[", "]");
            case CI -> ci == null || ci.low() == null || ci.high() == null ? Cell.MISSING
                    : Cell.text(interval(ci.low(), ci.high(), s.decimals()));
        };
    }

    private static Cell number(double v, int decimals, String open, String close) {
        return Double.isFinite(v) ? Cell.num(Num.of(Fmt.fixed(v, decimals, true), "", open, close)) : Cell.MISSING;
    }

    /**
     * The wild cluster bootstrap p-values (results.json {@code wild.<term>.p}) or intervals ({@code ciLow},
     * {@code ciHigh}) of a term in brackets, one cell per model (empty where the model has none); null when no model
     * bootstrapped the term. An unbounded or uncomputed interval end (null) makes the cell n/a.
     */
    private static List<Cell> wildCells(String term, List<ModelResult> models, TableSpec.Regression s) {
        List<Cell> cells = new ArrayList<>();
        boolean any = false;
        for (ModelResult m : models) {
            WildInference w = m.wild() == null ? null : m.wild().get(term);
            if (w == null) {
                cells.add(Cell.EMPTY);
                continue;
            }
            any = true;
            if (s.wildInterval()) {
                cells.add(w.ciLow() == null || w.ciHigh() == null ? Cell.MISSING : Cell.text(interval(w.ciLow(), w.ciHigh(), s.decimals())));
            } else {
                // one decimal more than the t statistics (3 by default), as many as the analytic p-values of stat: p
                cells.add(number(w.p(), s.stat() == TableSpec.Stat.P ? s.statDecimals() : s.statDecimals() + 1, "[", "]"));
            }
        }
        return any ? cells : null;
    }

    /** "Year FE: Yes" where a model has a coefficient of the collapsed factor, "No" otherwise. */
    static List<Row> collapseRows(TableSpec.Regression s, List<ModelResult> models) {
        List<Row> rows = new ArrayList<>();
        for (TableSpec.CollapseRow c : s.collapse()) {
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.text(c.label()));
            for (ModelResult m : models) {
                boolean has = m.coefficients().keySet().stream().anyMatch(n -> collapsed(n, c));
                cells.add(Cell.text(has ? "Yes" : "No"));
            }
            rows.add(Row.of(RowKind.TEXT, cells));
        }
        return rows;
    }
}
