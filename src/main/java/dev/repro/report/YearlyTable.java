package dev.repro.report;

import static dev.repro.report.TableCells.label;

import dev.repro.diag.Problems;
import dev.repro.report.TableModel.Cell;
import dev.repro.report.TableModel.Num;
import dev.repro.report.TableModel.Row;
import dev.repro.report.TableModel.RowKind;
import dev.repro.results.Summary;
import dev.repro.results.SummaryRow;
import dev.repro.study.Label;
import java.util.ArrayList;
import java.util.List;

/**
 * A variable summarised period by period (mean, sd, min, max), with a pooled total row.
 */
final class YearlyTable implements TableKind<TableSpec.Yearly> {
    @Override
    public List<String> names() {
        return List.of("yearly");
    }

    @Override
    public TableSpec.Yearly parse(SpecFields e, TableKind.Head h) {
        e.known("dataset", "variable", "time", "decimals", "total");
        String ds = e.str("dataset", null);
        String v = e.str("variable", null);
        String t = e.str("time", "");
        int dec = e.integer("decimals", 2, 0, 10);
        boolean total = e.bool("total", true);
        e.refs("dataset", e.datasets(), "dataset", "datasets");
        if (e.failed() || ds == null || v == null) {
            return null;
        }
        return new TableSpec.Yearly(h.id(), h.title(), ds, v, t.isEmpty() ? null : t, dec, total, h.labels(), h.notes(), h.siunitx());
    }

    @Override
    public Class<TableSpec.Yearly> spec() {
        return TableSpec.Yearly.class;
    }

    @Override
    public TableModel build(TableSpec.Yearly s, TableInputs in, Problems problems) {
        // the numbers as results.json holds them (summaries.<id>), so that the drift gate covers what is printed
        Summary ys = Summaries.forTable(s, in, problems);
        if (ys == null) {
            return null;
        }
        String time = ys.time();
        List<String> stats = List.of("mean", "sd", "min", "max");
        List<Cell> h = new ArrayList<>();
        h.add(Cell.text(label(time, s.labels(), in)));
        for (String st : stats) {
            h.add(Cell.text(label(st, s.labels(), in)));
        }
        List<Row> body = new ArrayList<>();
        for (var p : ys.rows().entrySet()) {
            if (!p.getKey().equals(Summaries.TOTAL)) {
                body.add(momentsRow(Label.plain(p.getKey()), p.getValue(), stats, s.decimals()));
            }
        }
        if (s.total() && ys.rows().containsKey(Summaries.TOTAL)) {
            body.add(momentsRow(Label.plain(Summaries.TOTAL), ys.rows().get(Summaries.TOTAL), stats, s.decimals()).withRule());
        }
        List<Label> notes = new ArrayList<>();
        notes.add(Label.plain(label(s.variable(), s.labels(), in).text() + " by " + label(time, s.labels(), in).text()
                + (s.total() ? "; Total pools every period." : ".") + " SD is the sample standard deviation (n - 1)."));
        notes.addAll(s.notes());
        return new TableModel(s.id(), s.kind(), s.title(), stats.size(), List.of(Row.of(RowKind.HEADER, h)), body,
                notes, s.siunitx());
    }

    private static Row momentsRow(Label l, SummaryRow m, List<String> stats, int decimals) {
        List<Cell> cells = new ArrayList<>();
        cells.add(Cell.text(l));
        for (String st : stats) {
            String f = Fmt.fixed(m.get(st), decimals, true);
            cells.add(f.isEmpty() ? Cell.MISSING : Cell.num(Num.of(f, "", "", "")));
        }
        return Row.of(RowKind.SUMMARY, cells);
    }

    @Override
    public String describe(TableSpec.Yearly s) {
        return "yearly, dataset " + s.dataset() + ", variable " + s.variable();
    }

    @Override
    public Reads inputs(TableSpec.Yearly s) {
        return new Reads("datasets", List.of(s.dataset()));
    }
}
