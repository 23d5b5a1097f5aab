package dev.repro.estimate.linear;

import dev.repro.numeric.Effect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/** Reads the small CSV test resources of this package (header row, optional quotes, '#' comment lines). */
final class TestData {
    final List<String> header;
    final List<String[]> rows;

    private TestData(List<String> header, List<String[]> rows) {
        this.header = header;
        this.rows = rows;
    }

    static TestData read(String resource) {
        try (InputStream in = TestData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> header = null;
            List<String[]> rows = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isEmpty()) {
                    continue;
                }
                String[] f = split(line);
                if (header == null) {
                    header = List.of(f);
                } else {
                    rows.add(f);
                }
            }
            return new TestData(header, rows);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String[] split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean q = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                q = !q;
            } else if (c == ',' && !q) {
                out.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        out.add(sb.toString());
        return out.toArray(new String[0]);
    }

    int col(String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + name);
        }
        return i;
    }

    double[] numbers(String name) {
        int c = col(name);
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(rows.get(i)[c]);
        }
        return v;
    }

    String[] text(String name) {
        int c = col(name);
        String[] v = new String[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rows.get(i)[c];
        }
        return v;
    }

    /** Codes 0..L-1 in sorted order of the distinct values (as R's factor()). */
    Effect effect(String name) {
        String[] v = text(name);
        TreeMap<String, Integer> levels = new TreeMap<>();
        boolean numeric = true;
        for (String s : v) {
            levels.put(s, 0);
            numeric &= s.matches("-?[0-9]+");
        }
        Map<String, Integer> code = new HashMap<>();
        List<String> keys = new ArrayList<>(levels.keySet());
        if (numeric) {
            keys.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
        }
        for (int i = 0; i < keys.size(); i++) {
            code.put(keys.get(i), i);
        }
        int[] c = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            c[i] = code.get(v[i]);
        }
        return new Effect(name, c, keys.size());
    }

    /** The rows whose index satisfies the predicate, as a new data set. */
    TestData filter(IntPredicate keep) {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (keep.test(i)) {
                out.add(rows.get(i));
            }
        }
        return new TestData(header, out);
    }

    static Map<String, double[]> columns(Map<String, double[]> m) {
        return new LinkedHashMap<>(m);
    }
}
