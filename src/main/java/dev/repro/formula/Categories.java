package dev.repro.formula;

import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.data.TextColumn;
import java.util.Arrays;

/** Integer codes of categorical variables: interactions and dense renumbering, with primitive arrays. */
final class Categories {
    /** Above this many possible pairs an interaction uses a hash table instead of a dense one. */
    private static final long DENSE_LIMIT = 1L << 22;
    /** Widest range of whole numbers coded through a direct table (64 MB of ints at most). */
    private static final double DIRECT_LIMIT = 1 << 24;
    /** 2^53: every whole number up to this magnitude is a double of its own and converts to a long exactly. */
    private static final double EXACT_INTEGERS = 0x1p53;

    private Categories() {
    }

    /** Codes and the number of levels. */
    record Coded(int[] codes, int levels) {
    }

    /**
     * Codes 0..levels-1 of any column in order of first appearance, -1 for a missing cell: the same codes as
     * {@link Dataset#codes(String)}, computed for numbers with a primitive hash table instead of boxed keys.
     * A fresh array.
     */
    static Coded codes(Dataset data, String column) {
        Column c = data.column(column);
        if (c instanceof TextColumn t) {
            return new Coded(t.codes().clone(), t.levelCount());
        }
        if (!(c instanceof NumericColumn num)) {
            throw new IllegalArgumentException("no column " + column + " in dataset " + data.name());
        }
        double[] v = num.values();
        Coded direct = integerCodes(v);
        if (direct != null) {
            return direct;
        }
        int[] out = new int[v.length];
        LongIntTable table = new LongIntTable(Math.min(v.length, 1 << 16));
        int next = 0;
        for (int i = 0; i < v.length; i++) {
            double x = v[i];
            if (Double.isNaN(x)) {
                out[i] = -1;
                continue;
            }
            long key = Double.doubleToLongBits(x + 0.0); // -0.0 and 0.0 are one level; a number's bits are never -1
            int code = table.get(key);
            if (code < 0) {
                code = next++;
                table.put(key, code);
            }
            out[i] = code;
        }
        return new Coded(out, next);
    }

    /**
     * The codes of {@link #codes(Dataset, String)} for a column of whole numbers in a range at most a few times its
     * length (identifiers such as 1..100000): a direct table indexed by value - min replaces the hash table, whose
     * random probes cost most of a model frame at millions of rows. Null for any other column (a fraction, an
     * infinity, a wide range).
     */
    private static Coded integerCodes(double[] v) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (x != x) {
                continue; // missing
            }
            if ((double) (long) x != x) {
                return null; // a fraction, an infinity or a number beyond a long
            }
            if (x < min) {
                min = x;
            }
            if (x > max) {
                max = x;
            }
        }
        if (!(max >= min) || min < -EXACT_INTEGERS || max > EXACT_INTEGERS
                || !(max - min < Math.min(DIRECT_LIMIT, Math.max(1024.0, 2.0 * v.length)))) {
            return null; // no number, an infinity, a number beyond the exact integers of a double, or a wide range
        }
        long base = (long) min;
        int[] table = new int[(int) ((long) max - base) + 1];
        Arrays.fill(table, -1);
        int[] out = new int[v.length];
        int next = 0;
        for (int i = 0; i < v.length; i++) {
            double x = v[i];
            if (Double.isNaN(x)) {
                out[i] = -1;
                continue;
            }
            int slot = (int) ((long) x - base); // -0.0 and 0.0 share a slot, as they share a level
            int code = table[slot];
            if (code < 0) {
                code = next++;
                table[slot] = code;
            }
            out[i] = code;
        }
        return new Coded(out, next);
    }

    /**
     * One code per observed pair (a, b), numbered in order of first appearance; -1 where either is missing.
     */
    static Coded interact(int[] a, int levelsA, int[] b, int levelsB) {
        int n = a.length;
        int[] out = new int[n];
        int next = 0;
        long pairs = (long) levelsA * levelsB;
        if (pairs <= DENSE_LIMIT) {
            int[] table = new int[(int) Math.max(pairs, 1)];
            Arrays.fill(table, -1);
            for (int i = 0; i < n; i++) {
                if (a[i] < 0 || b[i] < 0) {
                    out[i] = -1;
                    continue;
                }
                int key = a[i] * levelsB + b[i];
                if (table[key] < 0) {
                    table[key] = next++;
                }
                out[i] = table[key];
            }
        } else {
            LongIntTable table = new LongIntTable(Math.min(n, 1 << 20));
            for (int i = 0; i < n; i++) {
                if (a[i] < 0 || b[i] < 0) {
                    out[i] = -1;
                    continue;
                }
                long key = (long) a[i] * levelsB + b[i];
                int code = table.get(key);
                if (code < 0) {
                    code = next++;
                    table.put(key, code);
                }
                out[i] = code;
            }
        }
        return new Coded(out, next);
    }

    /** The codes of the kept rows renumbered 0.. in order of first appearance (no empty levels). */
    static Coded dense(int[] codes, int levels, int[] rows) {
        int[] map = new int[levels];
        Arrays.fill(map, -1);
        int[] out = new int[rows.length];
        int next = 0;
        for (int k = 0; k < rows.length; k++) {
            int c = codes[rows[k]];
            if (c < 0) {
                throw new IllegalArgumentException("row " + rows[k] + " has a missing code");
            }
            if (map[c] < 0) {
                map[c] = next++;
            }
            out[k] = map[c];
        }
        return new Coded(out, next);
    }

    /** Open addressing map from long keys other than -1 to int values; get gives -1 when absent. */
    static final class LongIntTable {
        private long[] keys;
        private int[] values;
        private int size;

        LongIntTable(int expected) {
            int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
            keys = new long[cap];
            values = new int[cap];
            Arrays.fill(keys, -1L);
        }

        private static int slot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }

        int get(long key) {
            int mask = keys.length - 1;
            for (int s = slot(key, mask); ; s = (s + 1) & mask) {
                if (keys[s] == key) {
                    return values[s];
                }
                if (keys[s] == -1L) {
                    return -1;
                }
            }
        }

        void put(long key, int value) {
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int s = slot(key, mask);
            while (keys[s] != -1L && keys[s] != key) {
                s = (s + 1) & mask;
            }
            if (keys[s] == -1L) {
                size++;
            }
            keys[s] = key;
            values[s] = value;
        }

        private void grow() {
            long[] ok = keys;
            int[] ov = values;
            keys = new long[ok.length * 2];
            values = new int[ok.length * 2];
            Arrays.fill(keys, -1L);
            size = 0;
            for (int i = 0; i < ok.length; i++) {
                if (ok[i] != -1L) {
                    put(ok[i], ov[i]);
                }
            }
        }
    }
}
