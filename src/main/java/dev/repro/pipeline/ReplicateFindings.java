package dev.repro.pipeline;

import dev.repro.drift.DriftChecker;
import dev.repro.drift.DriftItem;
import dev.repro.report.FigureSpec;
import dev.repro.report.TableSpec;
import dev.repro.study.Tolerance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The data editor's findings: each table and figure of the package's {@code output/} against its rebuilt
 * twin. A table is compared cell by cell (its CSV rendering) and through the results.json numbers it
 * prints (with the study's tolerance): reproduced exactly when both agree to the byte, within tolerance when
 * the cells agree and the numbers move inside the tolerance, and differs otherwise, with every changed cell.
 */
final class ReplicateFindings {
    /** The four verdicts of a replication report. */
    enum Verdict {
        EXACT("reproduced exactly"), WITHIN("reproduced within tolerance"), DIFFERS("differs"), NOT_CHECKED("not checked");

        final String text;

        Verdict(String text) {
            this.text = text;
        }
    }

    /** A changed cell: CSV row and column (1-based, for the located message) and what it says. */
    record Cell(String file, int row, int column, String description) {
    }

    /** One table's or figure's verdict. */
    record Finding(String output, String id, Verdict verdict, String detail, List<Cell> cells) {
    }

    private ReplicateFindings() {
    }

    static Finding table(TableSpec table, Path shippedDir, Path rebuiltDir, Map<String, Object> shipped,
                         Map<String, Object> rebuilt, Tolerance tolerance) throws IOException {
        String name = "output/tables/" + table.id() + ".csv";
        Path a = shippedDir.resolve("tables").resolve(table.id() + ".csv");
        Path b = rebuiltDir.resolve("tables").resolve(table.id() + ".csv");
        if (!Files.isRegularFile(a)) {
            return new Finding("Table", table.id(), Verdict.NOT_CHECKED, "the package has no " + name, List.of());
        }
        if (!Files.isRegularFile(b)) {
            return new Finding("Table", table.id(), Verdict.DIFFERS, "the rebuild wrote no " + table.id() + ".csv", List.of());
        }
        List<Cell> cells = cells(name, csv(a), csv(b));
        List<DriftItem> items = new DriftChecker(tolerance).compare(only(shipped, prefixes(table)), only(rebuilt, prefixes(table)));
        List<String> drifted = new ArrayList<>();
        double largest = 0;
        for (DriftItem item : items) {
            if (item.failed()) {
                drifted.add(item.item());
            } else if (item.difference() != null) {
                largest = Math.max(largest, Math.abs(item.difference()));
            }
        }
        if (!cells.isEmpty() || !drifted.isEmpty()) {
            String detail = cells.size() + (cells.size() == 1 ? " cell differs" : " cells differ")
                    + (drifted.isEmpty() ? "" : "; results beyond tolerance: " + String.join(", ", drifted));
            return new Finding("Table", table.id(), Verdict.DIFFERS, detail, cells);
        }
        if (largest > 0) {
            return new Finding("Table", table.id(), Verdict.WITHIN,
                    "every cell equal; largest difference in the underlying results "
                            + String.format(Locale.ROOT, "%.3g", largest), List.of());
        }
        return new Finding("Table", table.id(), Verdict.EXACT, "every cell and every underlying number equal", List.of());
    }

    /** An output that was not rebuilt, with the reason (restricted data missing: data/x.csv). */
    static Finding notChecked(String output, String id, String reason) {
        return new Finding(output, id, Verdict.NOT_CHECKED, reason, List.of());
    }

    static Finding figure(FigureSpec figure, Path shippedDir, Path rebuiltDir) throws IOException {
        Path a = shippedDir.resolve("figures").resolve(figure.id() + ".svg");
        Path b = rebuiltDir.resolve("figures").resolve(figure.id() + ".svg");
        if (!Files.isRegularFile(a)) {
            return new Finding("Figure", figure.id(), Verdict.NOT_CHECKED, "the package has no output/figures/" + figure.id() + ".svg",
                    List.of());
        }
        if (!Files.isRegularFile(b) || !Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b))) {
            return new Finding("Figure", figure.id(), Verdict.DIFFERS, "the rebuilt SVG is not the shipped one", List.of());
        }
        return new Finding("Figure", figure.id(), Verdict.EXACT, "the SVG is identical", List.of());
    }

    /** The results.json subtrees a table prints; tables computed from data alone have none. */
    static List<String> prefixes(TableSpec table) {
        if (table instanceof TableSpec.Regression r) {
            return r.models().stream().map(m -> "models." + m + ".").toList();
        }
        if (table instanceof TableSpec.Granger g) {
            return g.tests().stream().map(t -> "tests." + t + ".").toList();
        }
        if (table instanceof TableSpec.Tests t) {
            return t.tests().stream().map(x -> "tests." + x + ".").toList();
        }
        if (table instanceof TableSpec.Mediation m) {
            return m.paths().stream().map(p -> "mediation." + p + ".").toList();
        }
        return List.of();
    }

    private static Map<String, Object> only(Map<String, Object> flat, List<String> prefixes) {
        Map<String, Object> out = new LinkedHashMap<>();
        flat.forEach((k, v) -> {
            if (prefixes.stream().anyMatch(k::startsWith)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Changed cells, named by the row's first cell and the column's header. */
    static List<Cell> cells(String file, List<List<String>> shipped, List<List<String>> rebuilt) {
        List<Cell> out = new ArrayList<>();
        int rows = Math.max(shipped.size(), rebuilt.size());
        for (int r = 0; r < rows; r++) {
            List<String> a = r < shipped.size() ? shipped.get(r) : List.of();
            List<String> b = r < rebuilt.size() ? rebuilt.get(r) : List.of();
            for (int c = 0; c < Math.max(a.size(), b.size()); c++) {
                String x = c < a.size() ? a.get(c) : "";
                String y = c < b.size() ? b.get(c) : "";
                if (!x.equals(y)) {
                    String rowName = a.isEmpty() ? b.get(0) : a.get(0);
                    String column = shipped.isEmpty() || c >= shipped.get(0).size() ? "column " + (c + 1) : shipped.get(0).get(c);
                    out.add(new Cell(file, r + 1, c + 1, "row '" + rowName + "', column '" + column + "': shipped '" + x
                            + "', rebuilt '" + y + "'"));
                }
            }
        }
        return out;
    }

    /** RFC 4180 as the tables goal writes it: quoted fields with doubled quotes, CRLF or LF line ends. */
    static List<List<String>> csv(Path file) throws IOException {
        return csv(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }

    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
