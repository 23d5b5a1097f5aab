package dev.repro.report;

import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.data.TextColumn;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the small test CSVs of src/test/golden (by classpath path; written by R's write.csv: a header, numbers,
 * quoted text without embedded commas, empty = missing). A column is numeric when every non-empty cell parses.
 */
final class TestData {
    private TestData() {
    }

    static Dataset load(String name, String resource, String id, String time) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = TestData.class.getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\r?\n")) {
                if (!line.isEmpty()) {
                    String[] cells = line.split(",", -1);
                    for (int i = 0; i < cells.length; i++) {
                        String c = cells[i].strip();
                        cells[i] = c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"") ? c.substring(1, c.length() - 1) : c;
                    }
                    rows.add(cells);
                }
            }
        }
        String[] head = rows.get(0);
        int n = rows.size() - 1;
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < head.length; j++) {
            double[] v = new double[n];
            boolean numeric = true;
            for (int i = 0; i < n && numeric; i++) {
                String c = rows.get(i + 1)[j];
                if (c.isEmpty() || c.equals("NA")) {
                    v[i] = Double.NaN;
                } else {
                    try {
                        v[i] = Double.parseDouble(c);
                    } catch (NumberFormatException e) {
                        numeric = false;
                    }
                }
            }
            if (numeric) {
                cols.add(new NumericColumn(head[j], v));
            } else {
                List<String> s = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    s.add(rows.get(i + 1)[j]);
                }
                cols.add(TextColumn.of(head[j], s));
            }
        }
        int[] lines = new int[n];
        for (int i = 0; i < n; i++) {
            lines[i] = i + 2;
        }
        return new Dataset(name, resource, null, cols, lines, id, time);
    }

    /** Golden CSV rows (comment lines starting with # skipped), cells stripped. */
    static List<String[]> golden(String resource) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = TestData.class.getResourceAsStream("/report/" + resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            boolean header = true;
            for (String line : text.split("\r?\n")) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split(",", -1);
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].strip();
                }
                out.add(cells);
            }
        }
        return out;
    }
}
