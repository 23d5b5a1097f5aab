package dev.repro.estimate.paneltest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the datasets and golden values that src/test/r/paneltest/golden.R wrote. */
final class GoldenData {
    private GoldenData() {
    }

    /** A dataset: named numeric columns, the unit codes by first appearance and the integer years. */
    record Table(String[] header, List<String[]> rows, int[] unit, String[] unitLabels, int[] time) {
        double[] column(String name) {
            int c = Arrays.asList(header).indexOf(name);
            if (c < 0) {
                throw new IllegalArgumentException("no column " + name);
            }
            double[] v = new double[rows.size()];
            for (int i = 0; i < v.length; i++) {
                String s = rows.get(i)[c];
                v[i] = s.isEmpty() || s.equals("NA") ? Double.NaN : Double.parseDouble(s);
            }
            return v;
        }

        PanelSeries series(String... columns) {
            double[][] cols = new double[columns.length][];
            for (int i = 0; i < columns.length; i++) {
                cols[i] = column(columns[i]);
            }
            return PanelSeries.of(unit, time, unitLabels, cols);
        }

        int units() {
            return unitLabels.length;
        }
    }

    private static final Map<String, Table> TABLES = new LinkedHashMap<>();

    static synchronized Table table(String name) {
        return TABLES.computeIfAbsent(name, GoldenData::readTable);
    }

    private static List<String> lines(String resource) {
        try (InputStream in = GoldenData.class.getResourceAsStream("/paneltest/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> out = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("#")) {
                    out.add(line);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Table readTable(String name) {
        List<String> ls = lines(name + ".csv");
        String[] header = ls.get(0).split(",", -1);
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < ls.size(); i++) {
            rows.add(ls.get(i).split(",", -1));
        }
        int[] unit = new int[rows.size()];
        int[] time = new int[rows.size()];
        Map<String, Integer> codes = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String u = rows.get(i)[0];
            Integer c = codes.get(u);
            if (c == null) {
                c = codes.size();
                codes.put(u, c);
            }
            unit[i] = c;
            time[i] = Integer.parseInt(rows.get(i)[1]);
        }
        return new Table(header, rows, unit, codes.keySet().toArray(new String[0]), time);
    }

    /** One golden case: the key fields and its quantities. */
    record Case(String test, String dataset, String variable, String exo, String lags, String options,
                Map<String, Double> values) {
        double get(String q) {
            Double v = values.get(q);
            if (v == null) {
                throw new IllegalArgumentException("no golden " + q + " in " + this);
            }
            return v;
        }

        boolean has(String q) {
            return values.containsKey(q);
        }

        /** Per-unit values prefix.1, prefix.2, ... */
        double[] units(String prefix) {
            List<Double> out = new ArrayList<>();
            for (int i = 1; values.containsKey(prefix + "." + i); i++) {
                out.add(values.get(prefix + "." + i));
            }
            double[] v = new double[out.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = out.get(i);
            }
            return v;
        }

        @Override
        public String toString() {
            return test + " " + dataset + " " + variable + " exo=" + exo + " lags=" + lags + " " + options;
        }
    }

    private static List<Case> cases;

    static synchronized List<Case> cases(String test) {
        if (cases == null) {
            cases = readCases();
        }
        List<Case> out = new ArrayList<>();
        for (Case c : cases) {
            if (c.test().equals(test)) {
                out.add(c);
            }
        }
        return out;
    }

    private static List<Case> readCases() {
        List<String> ls = lines("golden.csv");
        Map<String, Case> byKey = new LinkedHashMap<>();
        for (int i = 1; i < ls.size(); i++) {
            String[] f = unquote(ls.get(i));
            String key = String.join("|", Arrays.copyOf(f, 6));
            Case c = byKey.computeIfAbsent(key, k -> new Case(f[0], f[1], f[2], f[3], f[4], f[5], new LinkedHashMap<>()));
            c.values().put(f[6], number(f[7]));
        }
        return new ArrayList<>(byKey.values());
    }

    static double number(String s) {
        switch (s) {
            case "NA":
            case "NaN":
                return Double.NaN;
            case "Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                return Double.parseDouble(s);
        }
    }

    private static String[] unquote(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            if (line.charAt(i) == '"') {
                int j = line.indexOf('"', i + 1);
                out.add(line.substring(i + 1, j));
                i = j + 2;
            } else {
                int j = line.indexOf(',', i);
                if (j < 0) {
                    j = line.length();
                }
                out.add(line.substring(i, j));
                i = j + 1;
            }
        }
        return out.toArray(new String[0]);
    }

    static Deterministic exo(String s) {
        return Deterministic.parse(s);
    }

    static Lags lags(String s, int pmax) {
        Lags.Rule r = Lags.Rule.parse(s);
        return r != null ? Lags.select(r, pmax) : Lags.fixedOrder(Integer.parseInt(s));
    }

    /** |actual - expected| <= rel |expected| + abs. */
    static boolean close(double actual, double expected, double rel, double abs) {
        if (!Double.isFinite(expected)) {
            return Double.compare(actual, expected) == 0;
        }
        return Math.abs(actual - expected) <= rel * Math.abs(expected) + abs;
    }
}
