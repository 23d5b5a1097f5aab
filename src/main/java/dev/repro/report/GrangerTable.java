package dev.repro.report;

import static dev.repro.report.TableCells.label;
import static dev.repro.report.TableCells.numCell;
import static dev.repro.report.TableCells.test;

import dev.repro.diag.Problems;
import dev.repro.report.TableModel.Cell;
import dev.repro.report.TableModel.Num;
import dev.repro.report.TableModel.Row;
import dev.repro.report.TableModel.RowKind;
import dev.repro.results.GrangerTest;
import dev.repro.results.TestResult;
import dev.repro.study.Label;
import java.util.ArrayList;
import java.util.List;

/**
 * Dumitrescu-Hurlin panel Granger non-causality tests, one row per test.
 */
final class GrangerTable implements TableKind<TableSpec.Granger> {
    @Override
    public List<String> names() {
        return List.of("granger");
    }

    @Override
    public TableSpec.Granger parse(SpecFields e, TableKind.Head h) {
        e.known("tests", "decimals");
        List<String> tests = e.strList("tests", true);
        int dec = e.integer("decimals", 4, 0, 10);
        e.refs("tests", e.tests(), "test", "tests");
        if (e.failed() || tests.isEmpty()) {
            return null;
        }
        return new TableSpec.Granger(h.id(), h.title(), tests, dec, h.labels(), h.notes(), h.siunitx());
    }

    @Override
    public Class<TableSpec.Granger> spec() {
        return TableSpec.Granger.class;
    }

    @Override
    public TableModel build(TableSpec.Granger s, TableInputs in, Problems problems) {
        String key = "tables." + s.id() + ".tests";
        int before = problems.size();
        List<GrangerTest> ts = new ArrayList<>();
        for (String id : s.tests()) {
            TestResult t = test(id, key, in, problems);
            if (t instanceof GrangerTest g) {
                ts.add(g); // a W-bar that could not be computed is null and shows as n/a
            } else if (t != null) {
                problems.addKey(in.source(), 0, 0, key, "test '" + id + "' is not a Dumitrescu-Hurlin result; "
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

    @Override
    public String describe(TableSpec.Granger s) {
        return "granger, tests " + String.join(", ", s.tests());
    }

    @Override
    public Reads inputs(TableSpec.Granger s) {
        return new Reads("tests", s.tests());
    }
}
