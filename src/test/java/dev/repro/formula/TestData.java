package dev.repro.formula;

import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.data.TextColumn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small datasets for tests: built in code, or read from a simple CSV under src/test/golden/formula. */
final class TestData {
    private final String name;
    private String source;
    private final List<Column> columns = new ArrayList<>();
    private int[] lines;
    private String id;
    private String time;

    private TestData(String name) {
        this.name = name;
        this.source = "data/" + name + ".csv";
    }

    static TestData dataset(String name) {
        return new TestData(name);
    }

    TestData num(String column, double... values) {
        columns.add(new NumericColumn(column, values));
        return this;
    }

    /** Text cells; null is missing. */
    TestData text(String column, String... values) {
        columns.add(TextColumn.of(column, Arrays.asList(values)));
        return this;
    }

    TestData panel(String idColumn, String timeColumn) {
        this.id = idColumn;
        this.time = timeColumn;
        return this;
    }

    TestData lines(int... sourceLines) {
        this.lines = sourceLines;
        return this;
    }

    TestData source(String file) {
        this.source = file;
        return this;
    }

    Dataset build() {
        int n = columns.isEmpty() ? 0 : columns.get(0).size();
        int[] ls = lines;
        if (ls == null) {
            ls = new int[n];
            for (int i = 0; i < n; i++) {
                ls[i] = i + 2; // the header is line 1
            }
        }
        return new Dataset(name, source, null, columns, ls, id, time);
    }

    static final double NA = Double.NaN;

    /**
     * A CSV from the test resources: '#' lines skipped, a header, cells split at commas outside double
     * quotes (no line breaks inside cells), empty or NA is missing; a column is numeric when every
     * non-missing cell is a number. Line numbers count every physical line of the file.
     */
    static Dataset csv(String resource, String name, String idColumn, String timeColumn) throws IOException {
        // a resource starting with '/' is a path under src/test/golden (another area's folder)
        String path = resource.startsWith("/") ? resource : "/formula/" + resource;
        try (InputStream in = TestData.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("no resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int lineNo = 0;
            String[] header = null;
            List<String[]> rows = new ArrayList<>();
            List<Integer> lineNos = new ArrayList<>();
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.startsWith("#") || line.isEmpty()) {
                    continue;
                }
                String[] cells = split(line);
                if (header == null) {
                    header = cells;
                } else {
                    rows.add(cells);
                    lineNos.add(lineNo);
                }
            }
            TestData d = new TestData(name).source("src/test/golden" + path).panel(idColumn, timeColumn);
            int n = rows.size();
            for (int j = 0; j < header.length; j++) {
                boolean numeric = true;
                double[] v = new double[n];
                List<String> cells = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    String c = rows.get(i)[j];
                    boolean missing = c.isEmpty() || c.equals("NA");
                    cells.add(missing ? null : c);
                    if (missing) {
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
                    d.num(header[j], v);
                } else {
                    d.columns.add(TextColumn.of(header[j], cells));
                }
            }
            d.lines = lineNos.stream().mapToInt(Integer::intValue).toArray();
            return d.build();
        }
    }

    /** One CSV line: commas outside double quotes separate cells; "" inside quotes is a quote. */
    static String[] split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out.toArray(new String[0]);
    }
}
