package dev.repro.estimate.paneltest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The golden files of src/test/golden/paneltest/golden.R and the panels they were computed on (the shared copies
 * in src/test/golden/datasets: the same values, rows and order as R's plm data). A panel spec is
 * {@code name[_from<year>][_ub][_gaps]} exactly as golden.R's {@code panel()}: {@code _fromY} keeps years >= Y,
 * {@code _ub} drops the years before 1970 of states 1-10 (an unbalanced Cigar), {@code _gaps} drops firm 2's 1940,
 * firm 5's 1945-1946 and firm 9's 1936 (gaps inside Grunfeld's units).
 */
final class Golden {
    private Golden() {
    }

    /** A CSV file: '#' lines skipped, first line the header, no commas inside cells, surrounding quotes dropped. */
    record Table(List<String> header, List<String[]> rows) {
        int col(String name) {
            int i = header.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("no column " + name + " in " + header);
            }
            return i;
        }
    }

    /** One golden row, by column name. */
    record Row(Map<String, String> cells) {
        String s(String k) {
            String v = cells.get(k);
            if (v == null) {
                throw new IllegalArgumentException("no column " + k);
            }
            return v;
        }

        boolean na(String k) {
            return s(k).equals("NA");
        }

        double d(String k) {
            return number(s(k));
        }

        int i(String k) {
            return Integer.parseInt(s(k));
        }

        double[] list(String k) {
            return Arrays.stream(s(k).split(";")).mapToDouble(Golden::number).toArray();
        }

        @Override
        public String toString() {
            return cells.toString();
        }
    }

    static Table read(String resource) {
        try (InputStream in = Golden.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> header = null;
            List<String[]> rows = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                for (int i = 0; i < f.length; i++) {
                    f[i] = f[i].length() >= 2 && f[i].startsWith("\"") && f[i].endsWith("\"") ? f[i].substring(1, f[i].length() - 1) : f[i];
                }
                if (header == null) {
                    header = List.of(f);
                } else {
                    rows.add(f);
                }
            }
            return new Table(header, rows);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Row> rows(String file) {
        Table t = read("/paneltest/" + file);
        List<Row> out = new ArrayList<>();
        for (String[] r : t.rows()) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < t.header().size(); i++) {
                m.put(t.header().get(i), r[i]);
            }
            out.add(new Row(m));
        }
        return out;
    }

    /** A panel: unit codes in order of first appearance (the files are sorted by unit, then year). */
    record Panel(int[] unit, int[] time, Map<String, double[]> columns, String[] labels) {
        double[] values(String expr) {
            if (expr.startsWith("log(") && expr.endsWith(")")) {
                double[] v = values(expr.substring(4, expr.length() - 1));
                double[] o = new double[v.length];
                for (int i = 0; i < v.length; i++) {
                    o[i] = Math.log(v[i]);
                }
                return o;
            }
            double[] v = columns.get(expr);
            if (v == null) {
                throw new IllegalArgumentException("no column " + expr);
            }
            return v;
        }

        int units() {
            return labels.length;
        }
    }

    static Panel panel(String spec) {
        String[] parts = spec.split("_");
        Table t = read("/datasets/" + (parts[0].equals("empluk") ? "emplUK" : parts[0]) + ".csv");
        int from = Integer.MIN_VALUE;
        boolean ub = false;
        boolean gaps = false;
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].startsWith("from")) {
                from = Integer.parseInt(parts[i].substring(4));
            } else if (parts[i].equals("ub")) {
                ub = true;
            } else if (parts[i].equals("gaps")) {
                gaps = true;
            }
        }
        List<String[]> keep = new ArrayList<>();
        for (String[] r : t.rows()) {
            int year = Integer.parseInt(r[1]);
            boolean gap = gaps && ((r[0].equals("2") && year == 1940) || (r[0].equals("5") && (year == 1945 || year == 1946))
                    || (r[0].equals("9") && year == 1936));
            if (year < from || (ub && Integer.parseInt(r[0]) <= 10 && year < 70) || gap) {
                continue;
            }
            keep.add(r);
        }
        int n = keep.size();
        int[] unit = new int[n];
        int[] time = new int[n];
        Map<String, Integer> codes = new LinkedHashMap<>();
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (int c = 2; c < t.header().size(); c++) {
            cols.put(t.header().get(c), new double[n]);
        }
        for (int i = 0; i < n; i++) {
            String[] r = keep.get(i);
            unit[i] = codes.computeIfAbsent(r[0], k -> codes.size());
            time[i] = Integer.parseInt(r[1]);
            for (int c = 2; c < t.header().size(); c++) {
                cols.get(t.header().get(c))[i] = r[c].equals("NA") || r[c].isEmpty() ? Double.NaN : Double.parseDouble(r[c]);
            }
        }
        return new Panel(unit, time, cols, codes.keySet().toArray(new String[0]));
    }

    /** A number as R writes it: Inf, -Inf, NaN and NA included (NA as NaN). */
    static double number(String v) {
        return switch (v) {
            case "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN", "NA" -> Double.NaN;
            default -> Double.parseDouble(v);
        };
    }

    /** Relative difference (0 when both are the same infinity or both NaN) |a - e| / max(|e|, floor). */
    static double rel(double actual, double expected, double floor) {
        if (!Double.isFinite(expected)) {
            return Double.compare(actual, expected) == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return Math.abs(actual - expected) / Math.max(Math.abs(expected), floor);
    }
}
