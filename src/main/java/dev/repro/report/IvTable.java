package dev.repro.report;

import static dev.repro.report.TableCells.label;
import static dev.repro.report.TableCells.numCell;
import static dev.repro.report.TableCells.stars;

import dev.repro.diag.Problems;
import dev.repro.report.TableModel.Cell;
import dev.repro.report.TableModel.Num;
import dev.repro.report.TableModel.Row;
import dev.repro.report.TableModel.RowKind;
import dev.repro.results.CoefficientResult;
import dev.repro.results.IvFirstStage;
import dev.repro.results.IvInfo;
import dev.repro.results.IvTest;
import dev.repro.results.ModelResult;
import dev.repro.study.Label;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Instrumental-variables models side by side ({@code kind: iv}): the second-stage coefficients with standard errors,
 * then for each endogenous regressor its first stage (the excluded instruments' coefficients, partial R2 and F), then
 * the weak-identification F, the over-identification and endogeneity tests with their p-values in brackets, the
 * observations and the covariance. Every number is a results.json value of the model.
 */
final class IvTable implements TableKind<IvTableSpec> {
    @Override
    public List<String> names() {
        return List.of("iv");
    }

    @Override
    public IvTableSpec parse(SpecFields e, TableKind.Head h) {
        e.known("models", "decimals");
        List<String> models = e.strList("models", true);
        int dec = e.integer("decimals", 3, 0, 10);
        e.refs("models", e.models(), "model", "models");
        if (e.failed() || models.isEmpty()) {
            return null;
        }
        return new IvTableSpec(h.id(), h.title(), models, dec, h.labels(), h.notes(), h.siunitx());
    }

    @Override
    public Class<IvTableSpec> spec() {
        return IvTableSpec.class;
    }

    @Override
    public TableModel build(IvTableSpec s, TableInputs in, Problems problems) {
        String key = "tables." + s.id() + ".models";
        List<ModelResult> ms = new ArrayList<>();
        List<IvInfo> infos = new ArrayList<>();
        for (String id : s.models()) {
            ModelResult m = in.results().models().get(id);
            if (m == null) {
                problems.addKey(in.source(), 0, 0, key, "model '" + id + "' has no results; name one of the study's models: "
                        + String.join(", ", in.results().models().keySet()));
            } else if (!(m.info() instanceof IvInfo iv)) {
                problems.addKey(in.source(), 0, 0, key, "model '" + id + "' is a " + m.estimator()
                        + " model; an iv table shows models of estimator: iv only");
            } else {
                ms.add(m);
                infos.add(iv);
            }
        }
        if (ms.size() != s.models().size()) {
            return null;
        }
        int d = s.decimals();
        List<Double> levels = TableSpec.DEFAULT_STAR_LEVELS;
        List<Cell> head = new ArrayList<>();
        head.add(Cell.EMPTY);
        for (int c = 0; c < ms.size(); c++) {
            head.add(Cell.text("(" + (c + 1) + ")"));
        }
        List<Row> body = new ArrayList<>();
        body.add(section("Second stage: " + label(ms.get(0).dependent(), s.labels(), in).text(), ms.size()));
        Set<String> terms = new LinkedHashSet<>();
        ms.forEach(m -> terms.addAll(m.coefficients().keySet()));
        for (String t : terms) {
            addCoefficient(body, label(t, s.labels(), in), ms, m -> m.coefficients().get(t), d, levels);
        }
        Set<String> endogenous = new LinkedHashSet<>();
        infos.forEach(i -> endogenous.addAll(i.endogenous()));
        for (String x : endogenous) {
            List<IvFirstStage> stages = new ArrayList<>();
            for (IvInfo i : infos) {
                stages.add(i.firstStages().stream().filter(f -> f.endogenous().equals(x)).findFirst().orElse(null));
            }
            body.add(section("First stage: " + label(x, s.labels(), in).text(), ms.size()).withRule());
            Set<String> instruments = new LinkedHashSet<>();
            infos.forEach(i -> instruments.addAll(i.instruments()));
            for (String z : instruments) {
                List<CoefficientResult> cs = stages.stream().map(f -> f == null ? null : f.coefficients().get(z)).toList();
                addCoefficient(body, label(z, s.labels(), in), cs, Function.identity(), d, levels);
            }
            body.add(numbers("Partial R-squared", stages, f -> f == null ? null : f.partialR2(), d));
            body.add(numbers("F (excluded instruments)", stages, f -> f == null || f.F() == null ? null : f.F().statistic(), d));
        }
        List<Row> tests = new ArrayList<>();
        tests.add(numbers("Weak identification F", infos, i -> statistic(i.weakIdentification()), d));
        tests.addAll(withP("Over-identification", infos, IvInfo::overidentification, d));
        tests.addAll(withP("Endogeneity (Durbin-Wu-Hausman F)", infos, IvInfo::endogeneity, d));
        List<Cell> n = new ArrayList<>(List.of(Cell.text("Observations")));
        ms.forEach(m -> n.add(Cell.num(Num.centred(Fmt.significant(m.nobs(), 15, false)))));
        tests.add(Row.of(RowKind.SUMMARY, n));
        List<Cell> method = new ArrayList<>(List.of(Cell.text("Method")));
        infos.forEach(i -> method.add(Cell.text(i.method().equals("liml") ? "LIML" : "2SLS")));
        tests.add(Row.of(RowKind.TEXT, method));
        List<Cell> vcov = new ArrayList<>(List.of(Cell.text("Covariance")));
        ms.forEach(m -> vcov.add(Cell.text(m.vcov())));
        tests.add(Row.of(RowKind.TEXT, vcov));
        if (infos.stream().anyMatch(i -> i.weights() != null)) {
            // only when a column is weighted, so unweighted tables keep their rows
            List<Cell> weights = new ArrayList<>(List.of(Cell.text("Weights")));
            infos.forEach(i -> weights.add(i.weights() == null ? Cell.EMPTY : Cell.text(label(i.weights(), s.labels(), in))));
            tests.add(Row.of(RowKind.TEXT, weights));
        }
        tests.set(0, tests.get(0).withRule());
        body.addAll(tests);
        List<Label> notes = new ArrayList<>();
        notes.add(TableCells.starNote(levels));
        notes.add(Label.plain("Standard errors in parentheses, p-values in brackets. Weak identification: Cragg-Donald Wald F "
                + "with iid errors, Kleibergen-Paap rk Wald F with hc1 or cluster covariances (compare with Stock-Yogo critical "
                + "values). Over-identification: Sargan (iid) or Hansen J, chi-squared; empty when exactly identified."));
        notes.addAll(s.notes());
        return new TableModel(s.id(), s.kind(), s.title(), ms.size(), List.of(Row.of(RowKind.HEADER, head)), body, notes, s.siunitx());
    }

    private static Row section(String text, int columns) {
        List<Cell> cells = new ArrayList<>();
        cells.add(Cell.span(Label.plain(text), columns + 1));
        return Row.of(RowKind.TEXT, cells);
    }

    private static <T> void addCoefficient(List<Row> body, Label name, List<T> columns, Function<T, CoefficientResult> get, int d,
                                           List<Double> levels) {
        List<Cell> est = new ArrayList<>(List.of(Cell.text(name)));
        List<Cell> se = new ArrayList<>(List.of(Cell.EMPTY));
        for (T m : columns) {
            CoefficientResult c = m == null ? null : get.apply(m);
            if (c == null) {
                est.add(Cell.EMPTY);
                se.add(Cell.EMPTY);
            } else {
                est.add(numCell(c.estimate(), d, Double.isFinite(c.p()) ? stars(c.p(), levels) : ""));
                se.add(Double.isFinite(c.stdError()) ? Cell.num(Num.of(Fmt.fixed(c.stdError(), d, true), "", "(", ")")) : Cell.MISSING);
            }
        }
        body.add(Row.of(RowKind.COEFFICIENT, est));
        body.add(new Row(RowKind.STATISTIC, se, false, "standard error of " + name.text()));
    }

    private static <T> Row numbers(String name, List<T> columns, Function<T, Double> get, int d) {
        List<Cell> cells = new ArrayList<>(List.of(Cell.text(name)));
        for (T c : columns) {
            cells.add(numCell(get.apply(c), d, ""));
        }
        return Row.of(RowKind.SUMMARY, cells);
    }

    /** The statistic, and its p-value in brackets below it; empty where the test does not apply (exactly identified). */
    private static List<Row> withP(String name, List<IvInfo> infos, Function<IvInfo, IvTest> get, int d) {
        List<Cell> stat = new ArrayList<>(List.of(Cell.text(name)));
        List<Cell> p = new ArrayList<>(List.of(Cell.EMPTY));
        for (IvInfo i : infos) {
            IvTest t = get.apply(i);
            if (t == null) {
                stat.add(Cell.EMPTY);
                p.add(Cell.EMPTY);
            } else {
                stat.add(numCell(t.statistic(), d, ""));
                p.add(t.p() == null ? Cell.MISSING : Cell.num(Num.of(Fmt.fixed(t.p(), d, true), "", "[", "]")));
            }
        }
        return List.of(Row.of(RowKind.SUMMARY, stat), new Row(RowKind.STATISTIC, p, false, "p-value of " + name));
    }

    private static Double statistic(IvTest t) {
        return t == null ? null : t.statistic();
    }

    @Override
    public String describe(IvTableSpec s) {
        return "iv, models " + String.join(", ", s.models());
    }

    @Override
    public Reads inputs(IvTableSpec s) {
        return new Reads("models", s.models());
    }
}
