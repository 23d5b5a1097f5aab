package dev.repro.report;

import static dev.repro.report.TableCells.label;
import static dev.repro.report.TableCells.numCell;
import static dev.repro.report.TableCells.starNote;
import static dev.repro.report.TableCells.stars;
import static dev.repro.report.TableCells.test;

import dev.repro.diag.Problems;
import dev.repro.report.TableModel.Cell;
import dev.repro.report.TableModel.Num;
import dev.repro.report.TableModel.Row;
import dev.repro.report.TableModel.RowKind;
import dev.repro.results.HausmanTest;
import dev.repro.results.TestResult;
import dev.repro.study.Label;
import java.util.ArrayList;
import java.util.List;

/**
 * Specification tests with a statistic, degrees of freedom and p-value (e.g. Hausman), one row per test.
 */
final class TestsTable implements TableKind<TableSpec.Tests> {
    @Override
    public List<String> names() {
        return List.of("tests");
    }

    @Override
    public TableSpec.Tests parse(SpecFields e, TableKind.Head h) {
        e.known("tests", "stars", "decimals");
        List<String> tests = e.strList("tests", true);
        List<Double> stars = e.stars();
        int dec = e.integer("decimals", 3, 0, 10);
        e.refs("tests", e.tests(), "test", "tests");
        if (e.failed() || tests.isEmpty()) {
            return null;
        }
        return new TableSpec.Tests(h.id(), h.title(), tests, stars, dec, h.labels(), h.notes(), h.siunitx());
    }

    @Override
    public Class<TableSpec.Tests> spec() {
        return TableSpec.Tests.class;
    }

    @Override
    public TableModel build(TableSpec.Tests s, TableInputs in, Problems problems) {
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
            cells.add(st == null ? Cell.MISSING : Cell.num(Num.of(Fmt.fixed(st, s.decimals(), true),
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
        // a warning of the estimator (a Hausman V_b - V_B that is not positive definite) stays under the table
        for (int i = 0; i < ts.size(); i++) {
            if (ts.get(i) instanceof HausmanTest ht && ht.warnings() != null) {
                for (String w : ht.warnings()) {
                    notes.add(Label.plain(label(s.tests().get(i), s.labels(), in).text() + ": " + w));
                }
            }
        }
        return new TableModel(s.id(), s.kind(), s.title(), h.size() - 1, List.of(Row.of(RowKind.HEADER, h)), body,
                notes, s.siunitx());
    }

    @Override
    public String describe(TableSpec.Tests s) {
        return "tests " + String.join(", ", s.tests());
    }

    @Override
    public Reads inputs(TableSpec.Tests s) {
        return new Reads("tests", s.tests());
    }
}
