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
import dev.repro.study.TableSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Descriptive statistics (the paper's Table 3): one row per variable of a dataset.
 */
final class DescriptiveTable implements TableKind<TableSpec.Descriptive> {
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
