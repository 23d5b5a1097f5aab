package dev.repro.report;

import static dev.repro.report.TableCells.INTERCEPT;
import static dev.repro.report.TableCells.addRuled;
import static dev.repro.report.TableCells.label;
import static dev.repro.report.TableCells.starNote;

import dev.repro.diag.Problems;
import dev.repro.diag.Suggest;
import dev.repro.report.TableModel.Cell;
import dev.repro.report.TableModel.Num;
import dev.repro.report.TableModel.Row;
import dev.repro.report.TableModel.RowKind;
import dev.repro.results.CoefficientResult;
import dev.repro.results.DiagnosticTest;
import dev.repro.results.ModelResult;
import dev.repro.study.Label;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
        e.known("models", "stat", "keep", "drop", "order", "fe", "collapse", "rows", "stats", "stars", "decimals", "statDecimals",
                "columnTitles", "firstColumn", "constant", "wild", "level");
        List<String> models = e.strList("models", true);
        TableSpec.Stat stat = stat(e);
        List<TableSpec.FeRow> fe = new ArrayList<>();
        for (var f : e.labels("fe").entrySet()) {
            fe.add(new TableSpec.FeRow(f.getKey(), f.getValue()));
        }
        List<TableSpec.CollapseRow> collapse = new ArrayList<>();
        for (var f : e.labels("collapse").entrySet()) {
            collapse.add(new TableSpec.CollapseRow(f.getKey(), f.getValue()));
        }
        List<TableSpec.CustomRow> rows = customRows(e, models.size());
        List<String> stats = e.has("stats") ? e.strList("stats", false)
                : h.kind().equals("gmm") ? TableSpec.Regression.DEFAULT_GMM_STATS : TableSpec.Regression.DEFAULT_STATS;
        List<Double> stars = e.stars();
        int dec = e.integer("decimals", 3, 0, 10);
        int sdec = e.integer("statDecimals", switch (stat) {
            case T -> 2;
            case P -> 3;
            case SE, CI -> dec;
        }, 0, 10);
        List<Label> titles = e.labelList("columnTitles");
        if (!titles.isEmpty() && titles.size() != models.size()) {
            e.problem("columnTitles", "give one title per model: " + models.size() + " models, " + titles.size() + " titles");
        }
        int first = e.integer("firstColumn", 1, 0, 10000);
        boolean constant = e.bool("constant", false);
        String wild = wild(e);
        double level = e.number("level", 0.95);
        if (!(level > 0 && level < 1)) {
            e.problem("level", "the confidence level of stat: ci must be between 0 and 1, e.g. 0.95; found " + level);
        } else if (e.has("level") && stat != TableSpec.Stat.CI) {
            e.problem("level", "level is the confidence level of stat: ci; add stat: ci or remove level");
        }
        e.refs("models", e.models(), "model", "models");
        e.statistics("stats", OFFERED_STATS);
        if (e.failed() || models.isEmpty()) {
            return null;
        }
        return new TableSpec.Regression(h.id(), h.kind(), h.title(), models, stat, unitsLabel(e, models, h.labels()),
                e.strList("keep", false), e.strList("drop", false), e.strList("order", false), fe, rows, stats,
                stars, dec, sdec, h.notes(), titles, first, h.siunitx(), constant, !wild.equals("none"), wild.equals("ci"), level,
                collapse);
    }

    /** {@code stat:} t (default, as the seed paper), se, p or ci. */
    private static TableSpec.Stat stat(SpecFields e) {
        String stat = e.str("stat", "t");
        return switch (stat) {
            case "t" -> TableSpec.Stat.T;
            case "se" -> TableSpec.Stat.SE;
            case "p" -> TableSpec.Stat.P;
            case "ci" -> TableSpec.Stat.CI;
            default -> {
                e.problem("stat", "use t (t statistics under the coefficients, as the seed paper), se (standard errors), "
                        + "p (p-values) or ci (confidence intervals, at level: 0.95 unless given); found '" + stat + "'"
                        + (stat.length() > 1 ? Suggest.didYouMean(stat, List.of("t", "se", "p", "ci")) : ""));
                yield TableSpec.Stat.T;
            }
        };
    }

    /** {@code wild:} false (default), true or p (the wild p-values), ci (the wild intervals): none, p or ci. */
    private static String wild(SpecFields e) {
        Object o = e.map.get("wild");
        if (o == null || Boolean.FALSE.equals(o)) {
            return "none";
        }
        if (Boolean.TRUE.equals(o) || "p".equals(o)) {
            return "p";
        }
        if ("ci".equals(o)) {
            return "ci";
        }
        e.problem("wild", "use true or p (the wild cluster bootstrap p-values in brackets), ci (its confidence intervals) "
                + "or false; found " + (o instanceof String t ? "'" + t + "'" : SpecFields.typeOf(o)));
        return "none";
    }

    /**
     * The table's labels with, unless the table or the study labels {@code groups}, the number-of-units row named
     * after the panel id the table's models share ("Number of province", as Stata's outreg2 names it), so that every
     * regression and GMM table of a study uses the same word; "Number of groups" when the models' datasets differ.
     */
    private static Map<String, Label> unitsLabel(SpecFields e, List<String> models, Map<String, Label> labels) {
        if (labels.containsKey("groups") || e.studyLabels().containsKey("groups")) {
            return labels;
        }
        String id = e.panelId(models);
        if (id == null) {
            return labels;
        }
        Label unit = e.studyLabels().getOrDefault(id, Label.plain(id));
        Map<String, Label> out = new LinkedHashMap<>(labels);
        out.put("groups", unit.isRaw() ? new Label("Number of " + unit.text(), "Number of " + unit.latex())
                : Label.plain("Number of " + lowerFirst(unit.text())));
        return out;
    }

    /** "province" for "Province", "GDP" unchanged: a word in the middle of a sentence. */
    private static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(1))) {
            return s;
        }
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** A within model's constant ({@code constant: true}) shown in the "(Intercept)" row, as Stata's _cons. */
    private static ModelResult withConstantRow(ModelResult m) {
        if (m == null || m.constant() == null || m.coefficients().containsKey(INTERCEPT)) {
            return m;
        }
        Map<String, CoefficientResult> coefs = new LinkedHashMap<>(m.coefficients());
        coefs.put(INTERCEPT, m.constant());
        return m.withCoefficients(coefs);
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

        List<String> names = RegressionRows.names(s, models, in.source(), problems);

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

        List<Row> body = new ArrayList<>(RegressionRows.coefficients(s, models, names, in));

        List<Row> extra = new ArrayList<>();
        for (TableSpec.FeRow fe : s.fe()) {
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.text(fe.label()));
            for (ModelResult m : models) {
                cells.add(Cell.text(m.absorbed() != null && m.absorbed().contains(fe.effect()) ? "Yes" : "No"));
            }
            extra.add(Row.of(RowKind.TEXT, cells));
        }
        extra.addAll(RegressionRows.collapseRows(s, models));
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
        notes.add(Label.plain(RegressionNotes.statNote(s, models, in)));
        String wildNote = s.wild() ? RegressionNotes.wildNote(s, models) : null;
        if (wildNote != null) {
            notes.add(Label.plain(wildNote));
        }
        String weighted = RegressionNotes.weightsNote(s, models, in);
        if (weighted != null) {
            notes.add(Label.plain(weighted));
        }
        if (!s.starLevels().isEmpty()) {
            notes.add(starNote(s.starLevels()));
        }
        if (!diagShown.isEmpty()) {
            notes.add(Label.plain(RegressionNotes.diagNote(diagShown)));
        }
        notes.addAll(s.notes());
        if (problems.size() > before) {
            return null;
        }
        return new TableModel(s.id(), s.kind(), s.title(), k, header, body, notes, s.siunitx());
    }

    /** Summary statistics read from the model's top-level fields (the rest are diagnostics). */
    static final List<String> MODEL_STATS = List.of("nobs", "groups", "clusters", "r2Within", "r2", "adjR2", "F", "dfResid", "depMean");
    /** The diagnostics an estimator may report (GMM: Sargan, Hansen, Arellano-Bond AR(1) and AR(2)). */
    static final List<String> DIAGNOSTICS = List.of("sargan", "hansen", "ar1", "ar2");
    /** What {@code stats:} may name: checked at validate; whether the models have a diagnostic, when rendering. */
    static final List<String> OFFERED_STATS = Stream.concat(MODEL_STATS.stream(), DIAGNOSTICS.stream()).toList();

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
            case "depMean" -> m.depMean();
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
        // the dependent variable's mean in the coefficients' unit and decimals; F and the R-squared with 3
        int dec = st.equals("depMean") ? decimals : st.equals("F") ? Math.min(decimals, 3) : 3;
        return Cell.num(Num.of(Fmt.fixed(d, dec, true), "", "", ""));
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
