package dev.repro.report;

import dev.repro.study.Label;

import dev.repro.study.TableSpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.results.CoefficientResult;
import dev.repro.results.DiagnosticTest;
import dev.repro.results.GrangerTest;
import dev.repro.results.MediationEffect;
import dev.repro.results.MediationResult;
import dev.repro.results.ModelResult;
import dev.repro.results.ResultsJson;
import dev.repro.results.TestResult;
import dev.repro.report.TableModel.Cell;
import dev.repro.report.TableModel.Num;
import dev.repro.report.TableModel.Row;
import dev.repro.report.TableModel.RowKind;
import dev.repro.diag.Problems;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Builds the format-neutral {@link TableModel} of each table kind from a {@link TableSpec} and the
 * {@link TableInputs}. A reference to a model, test, dataset or column that does not exist is a user
 * mistake: it is added to {@code problems} (with the study key) and the table is not built (null).
 */
public final class Tables {
    /** The name estimators give the constant; shown last, as "Constant", unless the table says otherwise. */
    public static final String INTERCEPT = "(Intercept)";

    private static final Map<String, String> DEFAULT_LABELS = Map.ofEntries(
            Map.entry(INTERCEPT, "Constant"),
            Map.entry("nobs", "Observations"),
            Map.entry("groups", "Number of groups"),
            Map.entry("clusters", "Number of clusters"),
            Map.entry("r2Within", "Within R-squared"),
            Map.entry("r2", "R-squared"),
            Map.entry("adjR2", "Adjusted R-squared"),
            Map.entry("F", "F statistic"),
            Map.entry("dfResid", "Residual degrees of freedom"),
            Map.entry("sargan", "Sargan test"),
            Map.entry("hansen", "Hansen test"),
            Map.entry("ar1", "AR(1) test"),
            Map.entry("ar2", "AR(2) test"),
            Map.entry("n", "N"),
            Map.entry("mean", "Mean"),
            Map.entry("sd", "SD"),
            Map.entry("min", "Min"),
            Map.entry("max", "Max"));

    /** Summary statistics read from the model's top-level fields (the rest are diagnostics). */
    static final List<String> MODEL_STATS = List.of("nobs", "groups", "clusters", "r2Within", "r2", "adjR2", "F", "dfResid");

    private Tables() {
    }

    /** Builds one table; null (with problems added) when it refers to something that does not exist. */
    public static TableModel build(TableSpec spec, TableInputs in, Problems problems) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(in, "in");
        if (spec instanceof TableSpec.Regression r) {
            return regression(r, in, problems);
        } else if (spec instanceof TableSpec.Descriptive d) {
            return descriptive(d, in, problems);
        } else if (spec instanceof TableSpec.Yearly y) {
            return yearly(y, in, problems);
        } else if (spec instanceof TableSpec.Weights w) {
            return weights(w, in, problems);
        } else if (spec instanceof TableSpec.UnitRoot u) {
            return unitRoot(u, in, problems);
        } else if (spec instanceof TableSpec.Granger g) {
            return granger(g, in, problems);
        } else if (spec instanceof TableSpec.Mediation m) {
            return mediation(m, in, problems);
        } else {
            return tests((TableSpec.Tests) spec, in, problems);
        }
    }

    // ----------------------------------------------------------------------------------------------------
    // regression and GMM

    private static TableModel regression(TableSpec.Regression s, TableInputs in, Problems problems) {
        String key = "tables." + s.id();
        List<ModelResult> models = new ArrayList<>();
        int before = problems.size();
        for (String id : s.models()) {
            ModelResult m = in.results().models().get(id);
            if (m == null) {
                problems.addKey(in.source(), 0, 0, key + ".models", "no model named '" + id + "' in the results; "
                        + "name one of the study's models: " + String.join(", ", in.results().models().keySet()));
            }
            models.add(m);
        }
        if (problems.size() > before) {
            return null;
        }
        int k = models.size();

        // coefficient rows: first appearance across the columns, ordered, kept, dropped, the constant last
        LinkedHashSet<String> all = new LinkedHashSet<>();
        for (ModelResult m : models) {
            all.addAll(m.coefficients().keySet());
        }
        List<String> names = new ArrayList<>();
        for (String o : s.order()) {
            boolean matched = false;
            for (String n : all) {
                if (glob(o).matcher(n).matches() && !names.contains(n)) {
                    names.add(n);
                    matched = true;
                }
            }
            if (!matched) {
                problems.addKey(in.source(), 0, 0, key + ".order", noMatch(o, all));
            }
        }
        for (String n : all) {
            if (!names.contains(n) && !n.equals(INTERCEPT)) {
                names.add(n);
            }
        }
        if (all.contains(INTERCEPT) && !names.contains(INTERCEPT)) {
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
                    problems.addKey(in.source(), 0, 0, key + ".keep", noMatch(p, all));
                }
            }
            names.removeIf(n -> !kept.contains(n));
        }
        for (String p : s.drop()) {
            if (!names.removeIf(n -> glob(p).matcher(n).matches())) {
                problems.addKey(in.source(), 0, 0, key + ".drop", noMatch(p, all));
            }
        }

        List<Row> header = new ArrayList<>();
        List<Cell> nums = new ArrayList<>();
        nums.add(Cell.EMPTY);
        for (int j = 0; j < k; j++) {
            nums.add(Cell.text("(" + (s.firstColumn() + j) + ")"));
        }
        header.add(Row.of(RowKind.HEADER, nums));
        if (!s.columnTitles().isEmpty()) {
            List<Cell> t = new ArrayList<>();
            t.add(Cell.EMPTY);
            for (Label l : s.columnTitles()) {
                t.add(Cell.text(l));
            }
            header.add(Row.of(RowKind.HEADER, t));
        }
        List<Cell> dep = new ArrayList<>();
        dep.add(Cell.EMPTY);
        for (ModelResult m : models) {
            dep.add(Cell.text(label(m.dependent(), s.labels(), in)));
        }
        header.add(Row.of(RowKind.HEADER, dep));

        List<Row> body = new ArrayList<>();
        String statName = s.stat() == TableSpec.Stat.T ? (allGmm(models) ? "z statistic" : "t statistic") : "standard error";
        for (String n : names) {
            Label l = label(n, s.labels(), in);
            List<Cell> est = new ArrayList<>();
            List<Cell> st = new ArrayList<>();
            est.add(Cell.text(l));
            st.add(Cell.EMPTY);
            for (ModelResult m : models) {
                CoefficientResult c = m.coefficients().get(n);
                if (c == null) {
                    est.add(Cell.EMPTY);
                    st.add(Cell.EMPTY);
                    continue;
                }
                est.add(Cell.num(Num.of(Fmt.fixed(c.estimate(), s.decimals(), true), stars(c.p(), s.starLevels()), "", "")));
                double sv = s.stat() == TableSpec.Stat.T ? c.t() : c.stdError();
                int d = s.stat() == TableSpec.Stat.T ? s.statDecimals() : s.decimals();
                st.add(Double.isNaN(sv) ? Cell.EMPTY : Cell.num(Num.of(Fmt.fixed(sv, d, true), "", "(", ")")));
            }
            body.add(Row.of(RowKind.COEFFICIENT, est));
            body.add(new Row(RowKind.STATISTIC, st, false, statName + " of " + l.text()));
        }

        List<Row> extra = new ArrayList<>();
        for (TableSpec.FeRow fe : s.fe()) {
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.text(fe.label()));
            for (ModelResult m : models) {
                cells.add(Cell.text(m.absorbed() != null && m.absorbed().contains(fe.effect()) ? "Yes" : "No"));
            }
            extra.add(Row.of(RowKind.TEXT, cells));
        }
        for (TableSpec.CustomRow cr : s.rows()) {
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.text(cr.label()));
            for (String v : cr.values()) {
                cells.add(Cell.text(v));
            }
            extra.add(Row.of(RowKind.TEXT, cells));
        }
        addRuled(body, extra);

        List<Row> summary = new ArrayList<>();
        List<String> diagShown = new ArrayList<>();
        boolean defaults = s.stats().equals(TableSpec.Regression.DEFAULT_STATS)
                || s.stats().equals(TableSpec.Regression.DEFAULT_GMM_STATS);
        for (String st : s.stats()) {
            if (MODEL_STATS.contains(st)) {
                List<Cell> cells = new ArrayList<>();
                cells.add(Cell.text(label(st, s.labels(), in)));
                boolean any = false;
                for (ModelResult m : models) {
                    Cell c = modelStat(m, st, s.decimals());
                    any |= c != Cell.EMPTY;
                    cells.add(c);
                }
                if (any) {
                    summary.add(Row.of(RowKind.SUMMARY, cells));
                }
                continue;
            }
            boolean known = false;
            Set<Integer> dfs = new LinkedHashSet<>();
            for (ModelResult m : models) {
                DiagnosticTest d = m.diagnostics() == null ? null : m.diagnostics().get(st);
                if (d != null) {
                    known = true;
                    dfs.add(d.df());
                }
            }
            if (!known) {
                if (!defaults) {
                    Set<String> diags = new LinkedHashSet<>();
                    for (ModelResult m : models) {
                        if (m.diagnostics() != null) {
                            diags.addAll(m.diagnostics().keySet());
                        }
                    }
                    problems.addKey(in.source(), 0, 0, key + ".stats", "'" + st + "' is neither a model statistic ("
                            + String.join(", ", MODEL_STATS) + ") nor a diagnostic of models " + String.join(", ", s.models())
                            + (diags.isEmpty() ? " (they have none)" : " (their diagnostics: " + String.join(", ", diags) + ")"));
                }
                continue;
            }
            Label l = label(st, s.labels(), in);
            Integer df = dfs.size() == 1 ? dfs.iterator().next() : null;
            if (df != null && !s.labels().containsKey(st)) {
                l = Label.plain(l.text() + " (df = " + Fmt.significant(df.doubleValue(), 15, false) + ")");
            }
            List<Cell> stat = new ArrayList<>();
            List<Cell> pv = new ArrayList<>();
            stat.add(Cell.text(l));
            pv.add(Cell.EMPTY);
            for (ModelResult m : models) {
                DiagnosticTest d = m.diagnostics() == null ? null : m.diagnostics().get(st);
                Double v = d == null ? null : d.statistic();
                Double p = d == null ? null : d.p();
                stat.add(v == null ? Cell.EMPTY : Cell.num(Num.of(Fmt.fixed(v, 3, true), "", "", "")));
                pv.add(p == null ? Cell.EMPTY : Cell.num(Num.of(Fmt.fixed(p, 3, true), "", "[", "]")));
            }
            summary.add(Row.of(RowKind.SUMMARY, stat));
            summary.add(new Row(RowKind.STATISTIC, pv, false, "p-value of " + l.text()));
            diagShown.add(st);
        }
        addRuled(body, summary);

        List<Label> notes = new ArrayList<>();
        notes.add(Label.plain(statNote(s, models, in)));
        if (!s.starLevels().isEmpty()) {
            notes.add(starNote(s.starLevels()));
        }
        if (!diagShown.isEmpty()) {
            notes.add(Label.plain(diagNote(diagShown)));
        }
        notes.addAll(s.notes());
        if (problems.size() > before) {
            return null;
        }
        return new TableModel(s.id(), s.kind(), s.title(), k, header, body, notes, s.siunitx());
    }

    private static boolean allGmm(List<ModelResult> models) {
        for (ModelResult m : models) {
            if (m.estimator() == null || !m.estimator().equalsIgnoreCase("gmm")) {
                return false;
            }
        }
        return true;
    }

    private static Cell modelStat(ModelResult m, String st, int decimals) {
        Number v = switch (st) {
            case "nobs" -> m.nobs();
            case "groups" -> m.groups();
            case "clusters" -> m.clusters();
            case "dfResid" -> m.dfResid();
            case "r2Within" -> m.r2Within();
            case "r2" -> m.r2();
            case "adjR2" -> m.adjR2();
            case "F" -> m.F();
            default -> throw new IllegalArgumentException(st);
        };
        if (v == null) {
            return Cell.EMPTY;
        }
        if (v instanceof Integer i) {
            return Cell.num(Num.centred(Fmt.integer(i, true)));
        }
        double d = v.doubleValue();
        if (Double.isNaN(d)) {
            return Cell.EMPTY;
        }
        return Cell.num(Num.of(Fmt.fixed(d, st.equals("F") ? Math.min(decimals, 3) : 3, true), "", "", ""));
    }

    /** "t statistics in parentheses, computed with standard errors clustered by Province." and the like. */
    private static String statNote(TableSpec.Regression s, List<ModelResult> models, TableInputs in) {
        LinkedHashMap<String, List<Integer>> byVcov = new LinkedHashMap<>();
        for (int j = 0; j < models.size(); j++) {
            String v = models.get(j).vcov();
            if (v != null) {
                byVcov.computeIfAbsent(vcovPhrase(v, s.labels(), in), x -> new ArrayList<>()).add(s.firstColumn() + j);
            }
        }
        boolean t = s.stat() == TableSpec.Stat.T;
        String what = t ? (allGmm(models) ? "z statistics" : "t statistics") : "Standard errors";
        if (byVcov.isEmpty()) {
            return what + " in parentheses.";
        }
        if (byVcov.size() == 1) {
            String p = byVcov.keySet().iterator().next();
            return t ? what + " in parentheses, computed with " + p + "." : capitalize(p) + " in parentheses.";
        }
        List<String> parts = new ArrayList<>();
        for (var e : byVcov.entrySet()) {
            parts.add(e.getKey() + " in " + columnRanges(e.getValue()));
        }
        return t ? what + " in parentheses, computed with " + String.join("; ", parts) + "."
                : "Standard errors in parentheses: " + String.join("; ", parts) + ".";
    }

    /** The covariance as a noun phrase, from results.json's vcov ("cluster(state)", "hc1", "iid", ...). */
    static String vcovPhrase(String vcov, Map<String, Label> labels, TableInputs in) {
        String v = vcov.strip();
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.startsWith("cluster(") && lower.endsWith(")")) {
            String g = v.substring("cluster(".length(), v.length() - 1).strip();
            return "standard errors clustered by " + label(g, labels, in).text();
        }
        return switch (lower) {
            case "iid", "ols", "conventional" -> "conventional (iid) standard errors";
            case "hc0" -> "heteroskedasticity-robust (HC0) standard errors";
            case "hc1", "robust-hc1" -> "heteroskedasticity-robust (HC1) standard errors";
            case "hc2" -> "heteroskedasticity-robust (HC2) standard errors";
            case "hc3" -> "heteroskedasticity-robust (HC3) standard errors";
            case "robust" -> "robust standard errors";
            case "windmeijer" -> "Windmeijer-corrected robust standard errors";
            default -> "standard errors of type " + v;
        };
    }

    private static String columnRanges(List<Integer> cols) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < cols.size()) {
            int j = i;
            while (j + 1 < cols.size() && cols.get(j + 1) == cols.get(j) + 1) {
                j++;
            }
            out.add(i == j ? "(" + cols.get(i) + ")" : "(" + cols.get(i) + ")-(" + cols.get(j) + ")");
            i = j + 1;
        }
        return String.join(", ", out);
    }

    /** "* p < 0.10, ** p < 0.05, *** p < 0.01." (in LaTeX with superscript stars and math-mode p). */
    static Label starNote(List<Double> levels) {
        List<String> parts = new ArrayList<>();
        List<String> tex = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            parts.add("*".repeat(i + 1) + " p < " + levelText(levels.get(i)));
            tex.add("\\sym{" + "*".repeat(i + 1) + "}~$p<" + levelText(levels.get(i)) + "$");
        }
        return new Label(String.join(", ", parts) + ".", String.join(", ", tex) + ".");
    }

    static String levelText(double level) {
        BigDecimal b = new BigDecimal(Double.toString(level)).stripTrailingZeros();
        if (b.scale() < 2) {
            b = b.setScale(2);
        }
        return b.toPlainString();
    }

    private static String diagNote(List<String> shown) {
        List<String> parts = new ArrayList<>();
        if (shown.contains("sargan")) {
            parts.add("Sargan: chi-squared test of the over-identifying restrictions");
        }
        if (shown.contains("hansen")) {
            parts.add("Hansen: robust chi-squared test of the over-identifying restrictions");
        }
        if (shown.contains("ar1") || shown.contains("ar2")) {
            parts.add((shown.contains("ar1") && shown.contains("ar2") ? "AR(1), AR(2)" : shown.contains("ar1") ? "AR(1)" : "AR(2)")
                    + ": Arellano-Bond tests for serial correlation in the first-differenced residuals");
        }
        String p = "p-values of the tests in brackets.";
        return parts.isEmpty() ? capitalize(p) : String.join("; ", parts) + "; " + p;
    }

    /** Stars by the levels the p-value is below: p < 0.01 gets *** with the default levels. */
    static String stars(double p, List<Double> levels) {
        if (Double.isNaN(p)) {
            return "";
        }
        int n = 0;
        for (double l : levels) {
            if (p < l) {
                n++;
            }
        }
        return "*".repeat(n);
    }

    // ----------------------------------------------------------------------------------------------------
    // descriptive statistics and yearly summaries

    private static TableModel descriptive(TableSpec.Descriptive s, TableInputs in, Problems problems) {
        String key = "tables." + s.id();
        Dataset d = dataset(s.dataset(), key + ".dataset", in, problems);
        if (d == null) {
            return null;
        }
        int before = problems.size();
        List<NumericColumn> cols = new ArrayList<>();
        for (String v : s.variables()) {
            NumericColumn c = numeric(d, v, key + ".variables", in, problems);
            if (c != null) {
                cols.add(c);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        List<Cell> h = new ArrayList<>();
        h.add(Cell.text("Variable"));
        for (String st : s.stats()) {
            h.add(Cell.text(label(st, s.labels(), in)));
        }
        List<Row> body = new ArrayList<>();
        for (NumericColumn c : cols) {
            Moments m = Moments.of(c.values());
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.text(label(c.name(), s.labels(), in)));
            for (String st : s.stats()) {
                double v = m.get(st);
                if (st.equals("n")) {
                    cells.add(Cell.num(Num.centred(Fmt.integer(m.n(), true))));
                    continue;
                }
                String f = s.decimals() != null ? Fmt.fixed(v, s.decimals(), true) : Fmt.significant(v, s.digits(), true);
                // significant digits do not line up on the decimal point: centre them, as the paper does
                cells.add(f.isEmpty() ? Cell.EMPTY : Cell.num(s.decimals() != null ? Num.of(f, "", "", "") : Num.centred(f)));
            }
            body.add(Row.of(RowKind.SUMMARY, cells));
        }
        List<Label> notes = new ArrayList<>();
        notes.add(Label.plain("N counts the non-missing values; SD is the sample standard deviation (n - 1)."));
        notes.addAll(s.notes());
        return new TableModel(s.id(), s.kind(), s.title(), s.stats().size(), List.of(Row.of(RowKind.HEADER, h)), body,
                notes, s.siunitx());
    }

    private static TableModel yearly(TableSpec.Yearly s, TableInputs in, Problems problems) {
        String key = "tables." + s.id();
        Dataset d = dataset(s.dataset(), key + ".dataset", in, problems);
        if (d == null) {
            return null;
        }
        String time = s.time() != null ? s.time() : d.timeColumn();
        if (time == null) {
            problems.addKey(in.source(), 0, 0, key + ".time", "dataset '" + s.dataset()
                    + "' declares no time column; name one with time: <column>");
            return null;
        }
        int before = problems.size();
        numeric(d, s.variable(), key + ".variable", in, problems);
        numeric(d, time, key + ".time", in, problems);
        if (problems.size() > before) {
            return null;
        }
        YearlySummary ys = YearlySummary.of(d, s.variable(), time);
        List<String> stats = List.of("mean", "sd", "min", "max");
        List<Cell> h = new ArrayList<>();
        h.add(Cell.text(label(time, s.labels(), in)));
        for (String st : stats) {
            h.add(Cell.text(label(st, s.labels(), in)));
        }
        List<Row> body = new ArrayList<>();
        for (YearlySummary.Period p : ys.periods()) {
            body.add(momentsRow(Label.plain(p.label()), p.moments(), stats, s.decimals()));
        }
        if (s.total()) {
            body.add(momentsRow(Label.plain("Total"), ys.total(), stats, s.decimals()).withRule());
        }
        List<Label> notes = new ArrayList<>();
        notes.add(Label.plain(label(s.variable(), s.labels(), in).text() + " by " + label(time, s.labels(), in).text()
                + (s.total() ? "; Total pools every period." : ".") + " SD is the sample standard deviation (n - 1)."));
        notes.addAll(s.notes());
        return new TableModel(s.id(), s.kind(), s.title(), stats.size(), List.of(Row.of(RowKind.HEADER, h)), body,
                notes, s.siunitx());
    }

    private static Row momentsRow(Label l, Moments m, List<String> stats, int decimals) {
        List<Cell> cells = new ArrayList<>();
        cells.add(Cell.text(l));
        for (String st : stats) {
            String f = Fmt.fixed(m.get(st), decimals, true);
            cells.add(f.isEmpty() ? Cell.EMPTY : Cell.num(Num.of(f, "", "", "")));
        }
        return Row.of(RowKind.SUMMARY, cells);
    }

    // ----------------------------------------------------------------------------------------------------
    // index weights

    private static TableModel weights(TableSpec.Weights s, TableInputs in, Problems problems) {
        String key = "tables." + s.id() + ".from";
        // a path into results.json as written: index.<dataset>.tables.<table> (or a mediation entry)
        JsonNode node = s.from().startsWith("index.") || s.from().startsWith("mediation.")
                ? ResultsJson.tree(in.results()) : MissingNode.getInstance();
        for (String part : s.from().split("\\.", -1)) {
            node = node.isObject() ? node.path(part) : MissingNode.getInstance();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        if (node.isObject() && !node.isEmpty() && allNumbers(node)) {
            for (var e : node.properties()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("indicator", e.getKey());
                r.put("weight", e.getValue().doubleValue());
                rows.add(r);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            for (JsonNode o : node) {
                if (!o.isObject() || !o.path("indicator").isTextual() || !o.path("weight").isNumber()) {
                    problems.addKey(in.source(), 0, 0, key, "'" + s.from() + "' holds a list whose entries are not all "
                            + "{indicator: <text>, weight: <number>} maps (optional keys: group, source)");
                    return null;
                }
                Map<String, Object> r = new LinkedHashMap<>();
                for (var e : o.properties()) {
                    JsonNode v = e.getValue();
                    r.put(e.getKey(), v.isNull() ? null : v.isNumber() ? (Object) v.doubleValue() : v.asText());
                }
                rows.add(r);
            }
        } else {
            problems.addKey(in.source(), 0, 0, key, "no index weights at '" + s.from() + "' in the results; expected a map "
                    + "of indicator to weight or a list of {group, indicator, source, weight} maps, e.g. index.<dataset>.tables.weights");
            return null;
        }
        boolean groups = rows.stream().anyMatch(r -> r.get("group") != null);
        boolean sources = rows.stream().anyMatch(r -> r.get("source") != null);
        List<Cell> h = new ArrayList<>();
        h.add(Cell.text(groups ? "Dimension" : "Indicator"));
        if (groups) {
            h.add(Cell.text("Indicator"));
        }
        if (sources) {
            h.add(Cell.text("Data source"));
        }
        h.add(Cell.text("Weight"));
        List<Row> body = new ArrayList<>();
        Object lastGroup = null;
        double sum = 0;
        for (Map<String, Object> r : rows) {
            List<Cell> cells = new ArrayList<>();
            Object g = r.get("group");
            if (groups) {
                boolean first = g != null && !g.equals(lastGroup);
                cells.add(first ? Cell.text(label(String.valueOf(g), s.labels(), in)) : Cell.EMPTY);
                lastGroup = g;
            }
            cells.add(Cell.text(label(String.valueOf(r.get("indicator")), s.labels(), in)));
            if (sources) {
                Object src = r.get("source");
                cells.add(src == null ? Cell.EMPTY : Cell.text(String.valueOf(src)));
            }
            double w = (Double) r.get("weight");
            sum += w;
            cells.add(Cell.num(Num.of(Fmt.fixed(w, s.decimals(), true), "", "", "")));
            Row row = Row.of(RowKind.TEXT, cells);
            body.add(groups && g != null && !body.isEmpty() && cells.get(0) != Cell.EMPTY ? row.withRule() : row);
        }
        List<Label> notes = new ArrayList<>();
        notes.add(Label.plain("Weights sum to " + Fmt.fixed(sum, s.decimals(), true) + "."));
        notes.addAll(s.notes());
        List<String> align = new ArrayList<>();
        if (groups) {
            align.add("l");
        }
        if (sources) {
            align.add("l");
        }
        align.add("d");
        return new TableModel(s.id(), s.kind(), s.title(), h.size() - 1, List.of(Row.of(RowKind.HEADER, h)), body,
                notes, s.siunitx(), align);
    }

    // ----------------------------------------------------------------------------------------------------
    // tests: unit roots, Granger, mediation, generic

    private static TableModel unitRoot(TableSpec.UnitRoot s, TableInputs in, Problems problems) {
        String key = "tables." + s.id();
        int before = problems.size();
        List<Cell> h1 = new ArrayList<>();
        List<Cell> h2 = new ArrayList<>();
        h1.add(Cell.EMPTY);
        h2.add(Cell.text("Variable"));
        for (TableSpec.UnitRootColumn c : s.columns()) {
            h1.add(Cell.span(c.label(), 2));
            h2.add(Cell.text(c.statisticLabel()));
            h2.add(Cell.text("p-value"));
        }
        List<Row> body = new ArrayList<>();
        for (TableSpec.UnitRootRow r : s.rows()) {
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.text(label(r.variable(), s.labels(), in)));
            for (int j = 0; j < s.columns().size(); j++) {
                String tid = r.tests().get(j);
                TableSpec.UnitRootColumn c = s.columns().get(j);
                if (tid == null) {
                    cells.add(Cell.EMPTY);
                    cells.add(Cell.EMPTY);
                    continue;
                }
                TestResult t = test(tid, key + ".rows." + r.variable(), in, problems);
                Map<String, Double> numbers = t == null ? Map.of() : t.numbers();
                Double v = numbers.get(c.statistic());
                Double p = numbers.get(c.p());
                if (t != null && v == null) {
                    problems.addKey(in.source(), 0, 0, key + ".rows." + r.variable(), "test '" + tid + "' has no number '"
                            + c.statistic() + "'; its keys are: " + String.join(", ", numbers.keySet()));
                }
                cells.add(v == null ? Cell.EMPTY : Cell.num(Num.of(Fmt.fixed(v, s.decimals(), true),
                        p == null ? "" : stars(p, s.starLevels()), "", "")));
                cells.add(p == null ? Cell.EMPTY : Cell.num(Num.of(Fmt.fixed(p, s.decimals(), true), "", "", "")));
            }
            body.add(Row.of(RowKind.SUMMARY, cells));
        }
        if (problems.size() > before) {
            return null;
        }
        List<Label> notes = new ArrayList<>();
        notes.add(Label.plain("H0: the series has a unit root. Each test gives its statistic and p-value."));
        if (!s.starLevels().isEmpty()) {
            notes.add(starNote(s.starLevels()));
        }
        notes.addAll(s.notes());
        return new TableModel(s.id(), s.kind(), s.title(), 2 * s.columns().size(),
                List.of(Row.of(RowKind.HEADER, h1), Row.of(RowKind.HEADER, h2)), body, notes, s.siunitx());
    }

    private static TableModel granger(TableSpec.Granger s, TableInputs in, Problems problems) {
        String key = "tables." + s.id() + ".tests";
        int before = problems.size();
        List<GrangerTest> ts = new ArrayList<>();
        for (String id : s.tests()) {
            TestResult t = test(id, key, in, problems);
            if (t instanceof GrangerTest g && g.wbar() != null) {
                ts.add(g);
            } else if (t != null) {
                problems.addKey(in.source(), 0, 0, key, "test '" + id + "' is not a Dumitrescu-Hurlin result (no 'wbar'); "
                        + "its keys are: " + String.join(", ", t.numbers().keySet()));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        boolean lags = ts.stream().anyMatch(t -> t.lags() != null);
        List<Cell> h = new ArrayList<>();
        h.add(Cell.text("Null hypothesis"));
        if (lags) {
            h.add(Cell.text("Lags"));
        }
        for (String c : List.of("W-bar", "Z-bar", "p-value", "Z-bar tilde", "p-value")) {
            h.add(Cell.text(c));
        }
        List<Row> body = new ArrayList<>();
        for (int i = 0; i < ts.size(); i++) {
            GrangerTest t = ts.get(i);
            String id = s.tests().get(i);
            Label l;
            if (s.labels().containsKey(id)) {
                l = label(id, s.labels(), in);
            } else if (t.cause() != null && t.effect() != null) {
                Label lc = label(t.cause(), s.labels(), in);
                Label le = label(t.effect(), s.labels(), in);
                l = new Label(lc.text() + " does not Granger-cause " + le.text(),
                        lc.isRaw() || le.isRaw() ? Escape.tex(lc) + " does not Granger-cause " + Escape.tex(le) : null);
            } else {
                l = Label.plain(id);
            }
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.text(l));
            if (lags) {
                Integer lg = t.lags();
                cells.add(lg == null ? Cell.EMPTY : Cell.num(Num.centred(Fmt.significant(lg, 15, false))));
            }
            cells.add(numCell(t.wbar(), s.decimals(), ""));
            cells.add(numCell(t.zbar(), s.decimals(), ""));
            cells.add(numCell(t.pZbar(), s.decimals(), ""));
            cells.add(numCell(t.zbarTilde(), s.decimals(), ""));
            cells.add(numCell(t.pZbarTilde(), s.decimals(), ""));
            body.add(Row.of(RowKind.SUMMARY, cells));
        }
        List<Label> notes = new ArrayList<>();
        notes.add(Label.plain("Dumitrescu-Hurlin (2012) panel Granger non-causality test. H0: no Granger causality "
                + "in any panel unit; H1: Granger causality in at least one unit. W-bar is the mean unit Wald statistic; "
                + "Z-bar and Z-bar tilde are its standardised versions with their p-values."));
        notes.addAll(s.notes());
        return new TableModel(s.id(), s.kind(), s.title(), h.size() - 1, List.of(Row.of(RowKind.HEADER, h)), body,
                notes, s.siunitx());
    }

    private static TableModel mediation(TableSpec.Mediation s, TableInputs in, Problems problems) {
        String key = "tables." + s.id() + ".paths";
        int before = problems.size();
        List<MediationResult> ms = new ArrayList<>();
        for (String id : s.paths()) {
            MediationResult m = in.results().mediation().get(id);
            if (m == null) {
                problems.addKey(in.source(), 0, 0, key, "no mediation result named '" + id + "'; the results hold: "
                        + (in.results().mediation().isEmpty() ? "none" : String.join(", ", in.results().mediation().keySet())));
            } else if (effect(m.indirect()) == null) {
                problems.addKey(in.source(), 0, 0, key, "mediation result '" + id + "' has no 'indirect' effect "
                        + "(a number or {estimate, se, ciLower, ciUpper, p})");
            }
            ms.add(m);
        }
        if (problems.size() > before) {
            return null;
        }
        // which columns have data in at least one path
        List<Function<MediationResult, double[]>> effects = List.of(m -> effect(m.a()), m -> effect(m.b()),
                m -> effect(m.indirect()), m -> effect(m.cPrime()), m -> effect(m.c()));
        int indirect = 2;
        String[] heads = {"a", "b", "Indirect (a \u00d7 b)", "Direct (c')", "Total (c)"};
        boolean[] has = new boolean[effects.size()];
        boolean se = false;
        boolean ci = false;
        boolean share = false;
        for (MediationResult m : ms) {
            for (int i = 0; i < effects.size(); i++) {
                has[i] |= effects.get(i).apply(m) != null;
            }
            se |= m.indirect() != null && m.indirect().se() != null;
            ci |= ci(m) != null;
            share |= effect(m.c()) != null;
        }
        List<Cell> h = new ArrayList<>();
        h.add(Cell.text("Path"));
        for (int i = 0; i < effects.size(); i++) {
            if (has[i]) {
                h.add(Cell.text(heads[i]));
            }
            if (i == indirect) {
                if (se) {
                    h.add(Cell.text("Bootstrap SE"));
                }
                if (ci) {
                    h.add(Cell.text(ciHeader(ms)));
                }
            }
        }
        if (share) {
            h.add(Cell.text("Share mediated"));
        }
        List<Row> body = new ArrayList<>();
        for (int r = 0; r < ms.size(); r++) {
            MediationResult m = ms.get(r);
            String id = s.paths().get(r);
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.text(pathLabel(id, m, s.labels(), in)));
            for (int i = 0; i < effects.size(); i++) {
                double[] e = effects.get(i).apply(m);
                if (has[i]) {
                    cells.add(e == null ? Cell.EMPTY : Cell.num(Num.of(Fmt.fixed(e[0], s.decimals(), true),
                            stars(e[1], s.starLevels()), "", "")));
                }
                if (i == indirect) {
                    if (se) {
                        cells.add(numCell(m.indirect() == null ? null : m.indirect().se(), s.decimals(), ""));
                    }
                    if (ci) {
                        double[] c = ci(m);
                        cells.add(c == null ? Cell.EMPTY : Cell.text(interval(c[0], c[1], s.decimals())));
                    }
                }
            }
            if (share) {
                double[] ind = effect(m.indirect());
                double[] c = effect(m.c());
                cells.add(ind == null || c == null || c[0] == 0 ? Cell.EMPTY
                        : Cell.num(Num.of(Fmt.fixed(ind[0] / c[0], s.decimals(), true), "", "", "")));
            }
            body.add(Row.of(RowKind.SUMMARY, cells));
        }
        List<Label> notes = new ArrayList<>();
        StringBuilder n = new StringBuilder("a: treatment on mediator; b: mediator on outcome given the treatment; "
                + "indirect effect a \u00d7 b; direct effect c'; total effect c.");
        MediationResult first = ms.get(0);
        if (first.replications() != null || first.ciMethod() != null || first.seed() != null) {
            n.append(" Bootstrap");
            if (first.replications() != null) {
                n.append(" with ").append(Fmt.integer(first.replications(), true)).append(" replications");
            }
            if (first.ciMethod() != null) {
                n.append(", ").append(first.ciMethod()).append(" confidence interval");
            }
            if (first.seed() != null) {
                n.append(", seed ").append(Fmt.integer(first.seed(), false));
            }
            n.append('.');
        }
        notes.add(Label.plain(n.toString()));
        if (!s.starLevels().isEmpty()) {
            notes.add(starNote(s.starLevels()));
        }
        notes.addAll(s.notes());
        return new TableModel(s.id(), s.kind(), s.title(), h.size() - 1, List.of(Row.of(RowKind.HEADER, h)), body,
                notes, s.siunitx());
    }

    private static String ciHeader(List<MediationResult> ms) {
        Double level = ms.get(0).level();
        return (level == null ? "95" : Fmt.significant(level * 100, 4, false)) + "% CI";
    }

    /** "[-470.300, 142.000]", with true minus signs in LaTeX. */
    static Label interval(double lo, double hi, int decimals) {
        String a = Fmt.fixed(lo, decimals, true);
        String b = Fmt.fixed(hi, decimals, true);
        return new Label("[" + a + ", " + b + "]", "{[}" + texNumber(a) + ", " + texNumber(b) + "{]}");
    }

    private static String texNumber(String formatted) {
        return formatted.startsWith("-") ? "$-$" + formatted.substring(1) : formatted;
    }

    /** The table's own label for the path id, else "treatment \u2192 mediator \u2192 outcome" from the result. */
    private static Label pathLabel(String id, MediationResult m, Map<String, Label> labels, TableInputs in) {
        if (labels.containsKey(id)) {
            return label(id, labels, in);
        }
        List<Label> parts = new ArrayList<>();
        for (String v : new String[] {m.treatment(), m.mediator(), m.outcome()}) {
            if (v != null) {
                parts.add(label(v, labels, in));
            }
        }
        if (parts.size() < 2) {
            return Label.plain(id);
        }
        StringBuilder text = new StringBuilder();
        StringBuilder tex = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                text.append(" \u2192 ");
                tex.append(" $\\rightarrow$ ");
            }
            text.append(parts.get(i).text());
            tex.append(Escape.tex(parts.get(i)));
        }
        return new Label(text.toString(), tex.toString());
    }

    /** {estimate, p} of a regression coefficient of the analysis; null when absent. */
    static double[] effect(CoefficientResult c) {
        return c == null || Double.isNaN(c.estimate()) ? null : new double[] {c.estimate(), c.p()};
    }

    /** {estimate, p} of an effect (p NaN without a bootstrap); null when absent. */
    static double[] effect(MediationEffect e) {
        return e == null || e.estimate() == null || e.estimate().isNaN() ? null
                : new double[] {e.estimate(), e.p() == null ? Double.NaN : e.p()};
    }

    /** The bootstrap interval of the indirect effect, or null. */
    private static double[] ci(MediationResult m) {
        MediationEffect ind = m.indirect();
        return ind == null || ind.ciLower() == null || ind.ciUpper() == null ? null : new double[] {ind.ciLower(), ind.ciUpper()};
    }

    private static TableModel tests(TableSpec.Tests s, TableInputs in, Problems problems) {
        String key = "tables." + s.id() + ".tests";
        int before = problems.size();
        List<TestResult> ts = new ArrayList<>();
        for (String id : s.tests()) {
            ts.add(test(id, key, in, problems));
        }
        if (problems.size() > before) {
            return null;
        }
        boolean df = ts.stream().anyMatch(t -> t.df() != null);
        List<Cell> h = new ArrayList<>();
        h.add(Cell.text("Test"));
        h.add(Cell.text("Statistic"));
        if (df) {
            h.add(Cell.text("df"));
        }
        h.add(Cell.text("p-value"));
        List<Row> body = new ArrayList<>();
        for (int i = 0; i < ts.size(); i++) {
            TestResult t = ts.get(i);
            Double p = t.p();
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.text(label(s.tests().get(i), s.labels(), in)));
            Double st = t.statistic();
            cells.add(st == null ? Cell.EMPTY : Cell.num(Num.of(Fmt.fixed(st, s.decimals(), true),
                    p == null ? "" : stars(p, s.starLevels()), "", "")));
            if (df) {
                Integer d = t.df();
                cells.add(d == null ? Cell.EMPTY : Cell.num(Num.centred(Fmt.significant(d, 15, true))));
            }
            cells.add(numCell(p, s.decimals(), ""));
            body.add(Row.of(RowKind.SUMMARY, cells));
        }
        List<Label> notes = new ArrayList<>();
        if (!s.starLevels().isEmpty()) {
            notes.add(starNote(s.starLevels()));
        }
        notes.addAll(s.notes());
        return new TableModel(s.id(), s.kind(), s.title(), h.size() - 1, List.of(Row.of(RowKind.HEADER, h)), body,
                notes, s.siunitx());
    }

    // ----------------------------------------------------------------------------------------------------
    // helpers

    private static TestResult test(String id, String key, TableInputs in, Problems problems) {
        TestResult t = in.results().tests().get(id);
        if (t == null) {
            problems.addKey(in.source(), 0, 0, key, "no test named '" + id + "' in the results; the study's tests are: "
                    + (in.results().tests().isEmpty() ? "none" : String.join(", ", in.results().tests().keySet())));
        }
        return t;
    }

    private static Dataset dataset(String name, String key, TableInputs in, Problems problems) {
        Dataset d = in.datasets().get(name);
        if (d == null) {
            problems.addKey(in.source(), 0, 0, key, "no dataset named '" + name + "'; the study's datasets are: "
                    + (in.datasets().isEmpty() ? "none" : String.join(", ", new TreeSet<>(in.datasets().keySet()))));
        }
        return d;
    }

    private static NumericColumn numeric(Dataset d, String col, String key, TableInputs in, Problems problems) {
        Column c = d.column(col);
        if (c == null) {
            problems.addKey(in.source(), 0, 0, key, "dataset '" + d.name() + "' has no column '" + col + "'; its columns are: "
                    + String.join(", ", d.columnNames()));
            return null;
        }
        if (!(c instanceof NumericColumn n)) {
            problems.addKey(in.source(), 0, 0, key, "column '" + col + "' of dataset '" + d.name()
                    + "' is text; summary statistics need a numeric column");
            return null;
        }
        return n;
    }

    private static Cell numCell(Double v, int decimals, String stars) {
        return v == null || v.isNaN() ? Cell.EMPTY : Cell.num(Num.of(Fmt.fixed(v, decimals, true), stars, "", ""));
    }

    /** The display label of a name: the table's labels, then the study's, then a default, then the name itself. */
    static Label label(String name, Map<String, Label> labels, TableInputs in) {
        Label l = labels.get(name);
        if (l == null) {
            l = in.labels().get(name);
        }
        if (l == null && DEFAULT_LABELS.containsKey(name)) {
            l = Label.plain(DEFAULT_LABELS.get(name));
        }
        return l != null ? l : Label.plain(name);
    }

    private static boolean allNumbers(JsonNode object) {
        for (JsonNode v : object) {
            if (!v.isNumber()) {
                return false;
            }
        }
        return true;
    }

    private static void addRuled(List<Row> body, List<Row> rows) {
        for (int i = 0; i < rows.size(); i++) {
            body.add(i == 0 && !body.isEmpty() ? rows.get(i).withRule() : rows.get(i));
        }
    }

    /** A keep/drop/order pattern: exact name, or {@code *} matching any run of characters. */
    static Pattern glob(String p) {
        String[] parts = p.split("\\*", -1);
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                re.append(".*");
            }
            re.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(re.toString());
    }

    private static String noMatch(String pattern, Set<String> all) {
        return "'" + pattern + "' matches no coefficient; the coefficients are: " + String.join(", ", all);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
