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
 * Descriptive statistics (the paper's Table 3): one row per variable of a dataset.
 */
final class DescriptiveTable implements TableKind<TableSpec.Descriptive> {
    @Override
    public List<String> names() {
        return List.of("descriptive");
    }

    @Override
    public TableSpec.Descriptive parse(SpecFields e, TableKind.Head h) {
        e.known("dataset", "variables", "stats", "digits", "decimals");
        String ds = e.str("dataset", null);
        List<String> vars = e.strList("variables", true);
        List<String> stats = e.has("stats") ? e.strList("stats", false) : TableSpec.Descriptive.ALL_STATS;
        e.statistics("stats", TableSpec.Descriptive.ALL_STATS);
        int digits = e.integer("digits", 4, 1, 15);
        Integer dec = e.has("decimals") ? e.integer("decimals", 3, 0, 10) : null;
        e.refs("dataset", e.datasets(), "dataset", "datasets");
        if (e.failed() || ds == null || vars.isEmpty() || stats.isEmpty()) {
            return null;
        }
        return new TableSpec.Descriptive(h.id(), h.title(), ds, vars, stats, digits, dec, h.labels(), h.notes(), h.siunitx());
    }

    @Override
    public Class<TableSpec.Descriptive> spec() {
        return TableSpec.Descriptive.class;
    }

    @Override
    public TableModel build(TableSpec.Descriptive s, TableInputs in, Problems problems) {
        // the numbers as results.json holds them (summaries.<id>), so that the drift gate covers what is printed
        Summary sum = Summaries.forTable(s, in, problems);
        if (sum == null) {
            return null;
        }
        List<Cell> h = new ArrayList<>();
        h.add(Cell.text("Variable"));
        for (String st : s.stats()) {
            h.add(Cell.text(label(st, s.labels(), in)));
        }
        List<Row> body = new ArrayList<>();
        for (var e : sum.rows().entrySet()) {
            SummaryRow m = e.getValue();
            List<Cell> cells = new ArrayList<>();
            cells.add(Cell.text(label(e.getKey(), s.labels(), in)));
            for (String st : s.stats()) {
                double v = m.get(st);
                if (st.equals("n")) {
                    cells.add(Cell.num(Num.centred(Fmt.integer(m.n(), true))));
                    continue;
                }
                String f = s.decimals() != null ? Fmt.fixed(v, s.decimals(), true) : Fmt.significant(v, s.digits(), true);
                // significant digits do not line up on the decimal point: centre them, as the paper does
                cells.add(f.isEmpty() ? Cell.MISSING : Cell.num(s.decimals() != null ? Num.of(f, "", "", "") : Num.centred(f)));
            }
            body.add(Row.of(RowKind.SUMMARY, cells));
        }
        List<Label> notes = new ArrayList<>();
        notes.add(Label.plain("N counts the non-missing values; SD is the sample standard deviation (n - 1)."));
        notes.addAll(s.notes());
        return new TableModel(s.id(), s.kind(), s.title(), s.stats().size(), List.of(Row.of(RowKind.HEADER, h)), body,
                notes, s.siunitx());
    }

    @Override
    public String describe(TableSpec.Descriptive s) {
        return "descriptive, dataset " + s.dataset();
    }

    @Override
    public Reads inputs(TableSpec.Descriptive s) {
        return new Reads("datasets", List.of(s.dataset()));
    }
}
