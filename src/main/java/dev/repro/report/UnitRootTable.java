package dev.repro.report;

import static dev.repro.report.TableCells.label;
import static dev.repro.report.TableCells.starNote;
import static dev.repro.report.TableCells.stars;
import static dev.repro.report.TableCells.test;

import dev.repro.diag.Problems;
import dev.repro.report.TableModel.Cell;
import dev.repro.report.TableModel.Num;
import dev.repro.report.TableModel.Row;
import dev.repro.report.TableModel.RowKind;
import dev.repro.results.TestResult;
import dev.repro.study.Label;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Panel unit-root tests (the paper's Table 4): variables as rows, each test a statistic and p-value pair.
 */
final class UnitRootTable implements TableKind<TableSpec.UnitRoot> {
    @Override
    public List<String> names() {
        return List.of("unitroot");
    }

    @Override
    public TableSpec.UnitRoot parse(SpecFields e, TableKind.Head h) {
        e.known("columns", "rows", "stars", "decimals");
        List<TableSpec.UnitRootColumn> cols = unitRootColumns(e);
        List<TableSpec.UnitRootRow> rows = unitRootRows(e, cols.size());
        List<Double> stars = e.stars();
        int dec = e.integer("decimals", 3, 0, 10);
        for (TableSpec.UnitRootRow row : rows) {
            e.refs(e.node("rows").get(row.variable()), e.key + ".rows." + row.variable(), e.tests(), "test", "tests");
        }
        if (e.failed() || cols.isEmpty() || rows.isEmpty()) {
            return null;
        }
        return new TableSpec.UnitRoot(h.id(), h.title(), cols, rows, stars, dec, h.labels(), h.notes(), h.siunitx());
    }

    @Override
    public Class<TableSpec.UnitRoot> spec() {
        return TableSpec.UnitRoot.class;
    }

    @Override
    public TableModel build(TableSpec.UnitRoot s, TableInputs in, Problems problems) {
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
                Map<String, Double> numbers = t == null ? Map.of() : t.numberKeys();
                Double v = numbers.get(c.statistic());
                Double p = numbers.get(c.p());
                if (t != null && !numbers.containsKey(c.statistic())) {
                    problems.addKey(in.source(), 0, 0, key + ".rows." + r.variable(), "test '" + tid + "' has no number '"
                            + c.statistic() + "'; its keys are: " + String.join(", ", numbers.keySet()));
                }
                cells.add(v == null ? Cell.MISSING : Cell.num(Num.of(Fmt.fixed(v, s.decimals(), true),
                        p == null ? "" : stars(p, s.starLevels()), "", "")));
                cells.add(p == null ? Cell.MISSING : Cell.num(Num.of(Fmt.fixed(p, s.decimals(), true), "", "", "")));
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

    @Override
    public String describe(TableSpec.UnitRoot s) {
        return "unitroot, tests " + String.join(", ", testIds(s));
    }

    @Override
    public Reads inputs(TableSpec.UnitRoot s) {
        return new Reads("tests", testIds(s));
    }

    /** Every test id of the table's rows, in order (an empty cell has none). */
    private static List<String> testIds(TableSpec.UnitRoot s) {
        return s.rows().stream().flatMap(r -> r.tests().stream()).filter(Objects::nonNull).toList();
    }

    /** {@code columns:} test labels or {label, statistic, p, statLabel} maps. */
    private static List<TableSpec.UnitRootColumn> unitRootColumns(SpecFields e) {
        Object o = e.map.get("columns");
        List<TableSpec.UnitRootColumn> out = new ArrayList<>();
        if (!(o instanceof List<?> l) || l.isEmpty()) {
            e.problem("columns", o == null ? "missing; list the tests, e.g. [LLC, Fisher-ADF]" : "expected a list of test labels or "
                    + "{label, statistic, p, statLabel} maps; found " + SpecFields.typeOf(o));
            return out;
        }
        for (Object x : l) {
            if (x instanceof String s) {
                out.add(new TableSpec.UnitRootColumn(Label.plain(s), "statistic", "p", Label.plain("Statistic")));
            } else if (x instanceof Map<?, ?> m && Label.parse(m.get("label")) != null) {
                Object st = m.get("statistic");
                Object p = m.get("p");
                Label sl = m.get("statLabel") == null ? Label.plain("Statistic") : Label.parse(m.get("statLabel"));
                if (st != null && !(st instanceof String) || p != null && !(p instanceof String) || sl == null) {
                    e.problem("columns", "statistic and p name keys of the test result (text), statLabel is a label");
                    return List.of();
                }
                out.add(new TableSpec.UnitRootColumn(Label.parse(m.get("label")), st == null ? "statistic" : (String) st,
                        p == null ? "p" : (String) p, sl));
            } else {
                e.problem("columns", "every column is a test label or {label, statistic, p, statLabel}; found " + SpecFields.typeOf(x));
                return List.of();
            }
        }
        return out;
    }

    /** {@code rows:} each variable mapped to its test ids, one per column (null for an empty cell). */
    private static List<TableSpec.UnitRootRow> unitRootRows(SpecFields e, int columns) {
        Object o = e.map.get("rows");
        List<TableSpec.UnitRootRow> out = new ArrayList<>();
        if (!(o instanceof Map<?, ?> m) || m.isEmpty()) {
            e.problem("rows", o == null ? "missing; map each variable to its test ids, e.g. {ce: [llc_ce, fadf_ce]}"
                    : "expected a map of variable to test ids; found " + SpecFields.typeOf(o));
            return out;
        }
        for (var row : m.entrySet()) {
            if (!(row.getValue() instanceof List<?> l) || l.size() != columns
                    || !l.stream().allMatch(x -> x == null || x instanceof String)) {
                e.problemAt(e.entryNode().get("rows").get(String.valueOf(row.getKey())), e.key + ".rows." + row.getKey(), "give one test id per column (" + columns
                        + "), null for an empty cell");
                return List.of();
            }
            List<String> ids = new ArrayList<>();
            for (Object x : l) {
                ids.add((String) x);
            }
            out.add(new TableSpec.UnitRootRow(String.valueOf(row.getKey()), ids));
        }
        return out;
    }
}
