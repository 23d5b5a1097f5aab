package dev.repro.report;

import static dev.repro.report.TableCells.label;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.repro.diag.Problems;
import dev.repro.report.TableModel.Cell;
import dev.repro.report.TableModel.Num;
import dev.repro.report.TableModel.Row;
import dev.repro.report.TableModel.RowKind;
import dev.repro.results.ResultsJson;
import dev.repro.study.Label;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Index weights from results.json (an index step's auxiliary table), grouped by dimension.
 */
final class WeightsTable implements TableKind<TableSpec.Weights> {
    @Override
    public List<String> names() {
        return List.of("weights");
    }

    @Override
    public TableSpec.Weights parse(SpecFields e, TableKind.Head h) {
        e.known("from", "decimals");
        String from = e.str("from", null);
        int dec = e.integer("decimals", 4, 0, 10);
        if (e.failed() || from == null) {
            return null;
        }
        return new TableSpec.Weights(h.id(), h.title(), from, dec, h.labels(), h.notes(), h.siunitx());
    }

    @Override
    public Class<TableSpec.Weights> spec() {
        return TableSpec.Weights.class;
    }

    @Override
    public TableModel build(TableSpec.Weights s, TableInputs in, Problems problems) {
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
                // a weight that could not be computed is null: never read as 0.0
                r.put("weight", e.getValue().isNumber() ? e.getValue().doubleValue() : Double.NaN);
                rows.add(r);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            for (JsonNode o : node) {
                if (!o.isObject() || !o.path("indicator").isTextual() || !(o.path("weight").isNumber() || o.path("weight").isNull())) {
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
            double w = r.get("weight") instanceof Double d ? d : Double.NaN;
            sum += w;
            cells.add(Double.isFinite(w) ? Cell.num(Num.of(Fmt.fixed(w, s.decimals(), true), "", "", "")) : Cell.MISSING);
            Row row = Row.of(RowKind.TEXT, cells);
            body.add(groups && g != null && !body.isEmpty() && cells.get(0) != Cell.EMPTY ? row.withRule() : row);
        }
        List<Label> notes = new ArrayList<>();
        if (Double.isFinite(sum)) {
            notes.add(Label.plain("Weights sum to " + Fmt.fixed(sum, s.decimals(), true) + "."));
        }
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

    private static boolean allNumbers(JsonNode object) {
        for (JsonNode v : object) {
            if (!v.isNumber()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String describe(TableSpec.Weights s) {
        return "weights from " + s.from();
    }

    @Override
    public Reads inputs(TableSpec.Weights s) {
        return new Reads("datasets", List.of());
    }
}
