package dev.repro.index.api;

import dev.repro.data.Column;
import dev.repro.data.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows grouped by the values of one or more columns (a missing value is a value of its own, as in Stata's
 * {@code by}), groups numbered in order of first appearance.
 */
public final class Groups {
    private final int[] code;
    private final String[] labels;
    private final int[] start;
    private final int[] rows;

    private Groups(int[] code, String[] labels) {
        this.code = code;
        this.labels = labels;
        int g = labels.length;
        this.start = new int[g + 1];
        for (int c : code) {
            start[c + 1]++;
        }
        for (int i = 0; i < g; i++) {
            start[i + 1] += start[i];
        }
        int[] fill = Arrays.copyOf(start, g);
        this.rows = new int[code.length];
        for (int i = 0; i < code.length; i++) {
            rows[fill[code[i]]++] = i;
        }
    }

    /** Groups by {@code columns} (which must exist); with no columns, one group "all". */
    public static Groups of(Dataset ds, List<String> columns) {
        int n = ds.rows();
        if (columns.isEmpty()) {
            return new Groups(new int[n], new String[] {"all"});
        }
        // combine the columns' codes one at a time, renumbering the pairs (group so far, code) densely in
        // order of first appearance: primitive arrays only, no per-row objects
        int[] code = new int[n];
        int count = 1;
        for (String c : columns) {
            Dataset.Codes dc = ds.codes(c);
            int[] cc = dc.codes();
            int levels = dc.levelCount() + 1;
            long space = (long) count * levels;
            int[] next = new int[n];
            int made = 0;
            if (space <= 1 << 26) {
                int[] dict = new int[(int) space];
                Arrays.fill(dict, -1);
                for (int i = 0; i < n; i++) {
                    int key = code[i] * levels + cc[i] + 1;
                    if (dict[key] < 0) {
                        dict[key] = made++;
                    }
                    next[i] = dict[key];
                }
            } else {
                Map<Long, Integer> dict = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    long key = (long) code[i] * levels + cc[i] + 1;
                    Integer g = dict.get(key);
                    if (g == null) {
                        g = made++;
                        dict.put(key, g);
                    }
                    next[i] = g;
                }
            }
            code = next;
            count = made;
        }
        String[] labels = new String[count];
        List<Column> cols = new ArrayList<>();
        for (String c : columns) {
            cols.add(ds.column(c));
        }
        for (int i = 0; i < n; i++) {
            if (labels[code[i]] == null) {
                StringBuilder sb = new StringBuilder();
                for (int k = 0; k < cols.size(); k++) {
                    if (k > 0) {
                        sb.append(", ");
                    }
                    sb.append(columns.get(k)).append('=').append(cols.get(k).display(i));
                }
                labels[code[i]] = sb.toString();
            }
        }
        return new Groups(code, labels);
    }

    public int count() {
        return labels.length;
    }

    public String label(int g) {
        return labels[g];
    }

    /** Group of a row. */
    public int of(int row) {
        return code[row];
    }

    /** Rows of group g in file order: {@code rows()[start(g)] .. rows()[start(g + 1) - 1]}. */
    public int start(int g) {
        return start[g];
    }

    public int[] rows() {
        return rows;
    }
}
