package dev.repro.report;

import java.util.Optional;
import dev.repro.results.WildInference;
import static dev.repro.report.TableCells.INTERCEPT;
import static dev.repro.report.TableCells.addRuled;
import static dev.repro.report.TableCells.capitalize;
import static dev.repro.report.TableCells.glob;
import static dev.repro.report.TableCells.label;
import static dev.repro.report.TableCells.starNote;
import static dev.repro.report.TableCells.stars;

import dev.repro.diag.Problems;
import dev.repro.report.TableModel.Cell;
import dev.repro.report.TableModel.Num;
import dev.repro.report.TableModel.Row;
import dev.repro.report.TableModel.RowKind;
import dev.repro.results.CoefficientResult;
import dev.repro.results.DiagnosticTest;
import dev.repro.results.LinearInfo;
import dev.repro.results.ModelResult;
import dev.repro.study.Label;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Regression and GMM tables (the paper's Table 5): one column per model, coefficients with t statistics or
 * standard errors under them, fixed-effect and custom rows, then model statistics and GMM diagnostics.
 */
final class RegressionTable implements TableKind<TableSpec.Regression> {
    @Override
    public List<String> names() {
        return List.of("regression", "gmm");
    }

    @Override
    public TableSpec.Regression parse(SpecFields e, TableKind.Head h) {
        e.known("models", "stat", "keep", "drop", "order", "fe", "rows", "stats", "stars", "decimals", "statDecimals",
                "columnTitles", "firstColumn", "constant", "wild");
        List<String> models = e.strList("models", true);
        String stat = e.str("stat", "t");
        if (!stat.equals("t") && !stat.equals("se")) {
            e.problem("stat", "use t (t statistics under the coefficients, as the seed paper) or se (standard errors); found '" + stat + "'");
        }
        List<TableSpec.FeRow> fe = new ArrayList<>();
        for (var f : e.labels("fe").entrySet()) {
            fe.add(new TableSpec.FeRow(f.getKey(), f.getValue()));
        }
        List<TableSpec.CustomRow> rows = customRows(e, models.size());
        List<String> stats = e.has("stats") ? e.strList("stats", false)
                : h.kind().equals("gmm") ? TableSpec.Regression.DEFAULT_GMM_STATS : TableSpec.Regression.DEFAULT_STATS;
        List<Double> stars = e.stars();
        int dec = e.integer("decimals", 3, 0, 10);
        int sdec = e.integer("statDecimals", stat.equals("se") ? dec : 2, 0, 10);
        List<Label> titles = e.labelList("columnTitles");
        if (!titles.isEmpty() && titles.size() != models.size()) {
            e.problem("columnTitles", "give one title per model: " + models.size() + " models, " + titles.size() + " titles");
        }
        int first = e.integer("firstColumn", 1, 0, 10000);
        boolean constant = e.bool("constant", false);
        boolean wild = e.bool("wild", false);
        e.refs("models", e.models(), "model", "models");
        e.statistics("stats", OFFERED_STATS);
        if (e.failed() || models.isEmpty()) {
            return null;
        }
        return new TableSpec.Regression(h.id(), h.kind(), h.title(), models, stat.equals("se") ? TableSpec.Stat.SE : TableSpec.Stat.T,
                h.labels(), e.strList("keep", false), e.strList("drop", false), e.strList("order", false), fe, rows, stats,
                stars, dec, sdec, h.notes(), titles, first, h.siunitx(), constant, wild);
    }

    /** A within model's constant ({@code constant: true}) shown in the "(Intercept)" row, as Stata's _cons. */
    private static ModelResult withConstantRow(ModelResult m) {
        if (m == null || m.constant() == null || m.coefficients().containsKey(INTERCEPT)) {
            return m;
        }
        Map<String, CoefficientResult> coefs = new LinkedHashMap<>(m.coefficients());
        coefs.put(INTERCEPT, m.constant());
        return new ModelResult(m.dependent(), m.estimator(), m.vcov(), m.nobs(), m.groups(), m.clusters(), m.r2Within(), m.r2(),
                m.adjR2(), m.F(), m.dfResid(), coefs, m.dropped(), m.absorbed(), m.diagnostics(), m.info(), m.constant(), m.wild());
    }

    @Override
    public Class<TableSpec.Regression> spec() {
        return TableSpec.Regression.class;
    }

    @Override
    public TableModel build(TableSpec.Regression s, TableInputs in, Problems problems) {
        String key = "tables." + s.id();
        List<ModelResult> models = new ArrayList<>();
        int before = problems.size();
        for (String id : s.models()) {
            ModelResult m = in.results().models().get(id);
            if (m == null) {
                problems.addKey(in.source(), 0, 0, key + ".models", "no model named '" + id + "' in the results; "
                        + "name one of the study's models: " + String.join(", ", in.results().models().keySet()));
            }
            models.add(s.constant() ? withConstantRow(m) : m);
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
        String statName = s.stat() == TableSpec.Stat.T ? (allZ(models) ? "z statistic" : "t statistic") : "standard error";
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
                est.add(Double.isFinite(c.estimate())
                        ? Cell.num(Num.of(Fmt.fixed(c.estimate(), s.decimals(), true), stars(c.p(), s.starLevels()), "", ""))
                        : Cell.MISSING);
                double sv = s.stat() == TableSpec.Stat.T ? c.t() : c.stdError();
                int d = s.stat() == TableSpec.Stat.T ? s.statDecimals() : s.decimals();
                st.add(!Double.isFinite(sv) ? Cell.MISSING : Cell.num(Num.of(Fmt.fixed(sv, d, true), "", "(", ")")));
            }
            body.add(Row.of(RowKind.COEFFICIENT, est));
            body.add(new Row(RowKind.STATISTIC, st, false, statName + " of " + l.text()));
            if (s.wild()) {
                wildRow(n, models, s).ifPresent(cells -> {
                    cells.add(0, Cell.EMPTY);
                    body.add(new Row(RowKind.STATISTIC, cells, false, "wild cluster bootstrap p-value of " + l.text()));
                });
            }
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
                stat.add(d == null ? Cell.EMPTY : v == null ? Cell.MISSING : Cell.num(Num.of(Fmt.fixed(v, 3, true), "", "", "")));
                pv.add(d == null ? Cell.EMPTY : p == null ? Cell.MISSING : Cell.num(Num.of(Fmt.fixed(p, 3, true), "", "[", "]")));
            }
            summary.add(Row.of(RowKind.SUMMARY, stat));
            summary.add(new Row(RowKind.STATISTIC, pv, false, "p-value of " + l.text()));
            diagShown.add(st);
        }
        addRuled(body, summary);

        List<Label> notes = new ArrayList<>();
        notes.add(Label.plain(statNote(s, models, in)));
        String wildNote = s.wild() ? wildNote(models) : null;
        if (wildNote != null) {
            notes.add(Label.plain(wildNote));
        }
        String weighted = weightsNote(s, models, in);
        if (weighted != null) {
            notes.add(Label.plain(weighted));
        }
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

    /** Summary statistics read from the model's top-level fields (the rest are diagnostics). */
    static final List<String> MODEL_STATS = List.of("nobs", "groups", "clusters", "r2Within", "r2", "adjR2", "F", "dfResid");
    /** The diagnostics an estimator may report (GMM: Sargan, Hansen, Arellano-Bond AR(1) and AR(2)). */
    static final List<String> DIAGNOSTICS = List.of("sargan", "hansen", "ar1", "ar2");
    /** What {@code stats:} may name: checked at validate; whether the models have a diagnostic, when rendering. */
    static final List<String> OFFERED_STATS = Stream.concat(MODEL_STATS.stream(), DIAGNOSTICS.stream()).toList();

    /** Whether every column reports z statistics (GMM), so the note and the row say z rather than t. */
    private static boolean allZ(List<ModelResult> models) {
        return models.stream().allMatch(ModelResult::zStatistics);
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
            // absent for this estimator (a pooled model has no within R-squared); estimation fails on one not computed
            return Cell.EMPTY;
        }
        if (v instanceof Integer i) {
            return Cell.num(Num.centred(Fmt.integer(i, true)));
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            return Cell.MISSING;
        }
        return Cell.num(Num.of(Fmt.fixed(d, st.equals("F") ? Math.min(decimals, 3) : 3, true), "", "", ""));
    }

    /** " (z statistics in (1))" when some but not all columns report z statistics (PPML or GMM next to linear models). */
    private static String zColumns(TableSpec.Regression s, List<ModelResult> models) {
        List<Integer> z = new ArrayList<>();
        for (int j = 0; j < models.size(); j++) {
            if (models.get(j).zStatistics()) {
                z.add(s.firstColumn() + j);
            }
        }
        return z.isEmpty() ? "" : " (z statistics in " + columnRanges(z) + ")";
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
        String what = t ? (allZ(models) ? "z statistics" : "t statistics" + zColumns(s, models)) : "Standard errors";
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
    /**
     * The wild cluster bootstrap p-values of a term in brackets, one cell per model (empty where the model has none),
     * or nothing when no model bootstrapped the term; the numbers are results.json's {@code wild.<term>.p}.
     */
    private static Optional<List<Cell>> wildRow(String term, List<ModelResult> models, TableSpec.Regression s) {
        List<Cell> cells = new ArrayList<>();
        boolean any = false;
        for (ModelResult m : models) {
            WildInference w = m.wild() == null ? null : m.wild().get(term);
            if (w == null) {
                cells.add(Cell.EMPTY);
                continue;
            }
            any = true;
            cells.add(Double.isFinite(w.p()) ? Cell.num(Num.of(Fmt.fixed(w.p(), s.statDecimals() + 1, true), "", "[", "]")) : Cell.MISSING);
        }
        return any ? Optional.of(cells) : Optional.empty();
    }

    /** "Wild cluster restricted bootstrap p-values (Rademacher weights, 1,024 draws, all enumerated) in brackets." */
    private static String wildNote(List<ModelResult> models) {
        Set<String> how = new LinkedHashSet<>();
        for (ModelResult m : models) {
            if (m.wild() != null) {
                for (WildInference w : m.wild().values()) {
                    String weights = w.weights().isEmpty() ? w.weights()
                            : Character.toUpperCase(w.weights().charAt(0)) + w.weights().substring(1);
                    how.add(weights + " weights, " + String.format(Locale.ROOT, "%,d", w.draws()) + " draws"
                            + (w.enumerated() ? ", all enumerated" : ""));
                }
            }
        }
        return how.isEmpty() ? null
                : "Wild cluster restricted bootstrap p-values (" + String.join("; ", how) + ") in brackets.";
    }

    /** "Weighted least squares with weights Population in (2)-(3)." for the weighted columns; null when none is. */
    private static String weightsNote(TableSpec.Regression s, List<ModelResult> models, TableInputs in) {
        LinkedHashMap<String, List<Integer>> byWeights = new LinkedHashMap<>();
        for (int j = 0; j < models.size(); j++) {
            if (models.get(j).info() instanceof LinearInfo li && li.weights() != null) {
                byWeights.computeIfAbsent(label(li.weights(), s.labels(), in).text(), x -> new ArrayList<>()).add(s.firstColumn() + j);
            }
        }
        if (byWeights.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (var e : byWeights.entrySet()) {
            parts.add(e.getKey() + (byWeights.size() == 1 && e.getValue().size() == models.size() ? "" : " in " + columnRanges(e.getValue())));
        }
        return "Weighted least squares with weights " + String.join("; ", parts) + ".";
    }

    static String vcovPhrase(String vcov, Map<String, Label> labels, TableInputs in) {
        String v = vcov.strip();
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.startsWith("cluster(") && lower.endsWith(")")) {
            String g = v.substring("cluster(".length(), v.length() - 1).strip();
            return "standard errors clustered by " + label(g, labels, in).text();
        }
        if (lower.matches("(dk|nw)\\([0-9]+\\)")) {
            String lag = v.substring(3, v.length() - 1);
            return (lower.startsWith("dk") ? "Driscoll-Kraay" : "panel Newey-West") + " standard errors (Bartlett kernel, lag " + lag + ")";
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


    private static String noMatch(String pattern, Set<String> all) {
        return "'" + pattern + "' matches no coefficient; the coefficients are: " + String.join(", ", all);
    }

    @Override
    public String describe(TableSpec.Regression s) {
        return s.kind() + ", models " + String.join(", ", s.models());
    }

    @Override
    public Reads inputs(TableSpec.Regression s) {
        return new Reads("models", s.models());
    }

    /** {@code rows:} a list of {label, values: [one per model]}. */
    private static List<TableSpec.CustomRow> customRows(SpecFields e, int models) {
        Object o = e.map.get("rows");
        List<TableSpec.CustomRow> out = new ArrayList<>();
        if (o == null) {
            return out;
        }
        if (!(o instanceof List<?> l)) {
            e.problem("rows", "expected a list of {label: ..., values: [...]}; found " + SpecFields.typeOf(o));
            return out;
        }
        for (Object x : l) {
            if (!(x instanceof Map<?, ?> m) || Label.parse(m.get("label")) == null || !(m.get("values") instanceof List<?> vs)) {
                e.problem("rows", "every row needs label: <text> and values: [one per model]");
                return List.of();
            }
            if (vs.size() != models) {
                e.problem("rows", "row '" + Label.parse(m.get("label")).text() + "' has " + vs.size() + " values for " + models + " models; give one per model");
                return List.of();
            }
            List<String> values = new ArrayList<>();
            for (Object v : vs) {
                values.add(v == null ? "" : String.valueOf(v));
            }
            out.add(new TableSpec.CustomRow(Label.parse(m.get("label")), values));
        }
        return out;
    }
}
