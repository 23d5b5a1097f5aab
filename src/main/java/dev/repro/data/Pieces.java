package dev.repro.data;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One column of a file read in chunks, as it is folded in file order ({@link CsvChunkColumn}): values
 * ({@code double[]}) or codes ({@code int[]}) appended into large segments, and runs of missing cells. The first
 * segment is sized from an estimate of the file's rows ({@link #expect}), so that a column usually lives in one
 * array from start to end: G1 allocates such a "humongous" array in place and never copies it, where pieces of
 * a few thousand values survived several young collections and were copied each time.
 */
final class Pieces {
    /** Smallest segment: 256 KB of doubles. */
    private static final int MIN_SEGMENT = 1 << 15;

    /** Full segments (double[] or int[]), or the count of a run of missing cells (Integer), in order. */
    private final List<Object> done = new ArrayList<>();
    private Object open;
    private int used;
    private long rows;
    private long expected;

    /** The number of rows the column will probably have: the size of its first segment. */
    void expect(long total) {
        expected = total;
    }

    /** Appends {@code n} values of {@code src} (a double[] or int[]). */
    void add(Object src, int n) {
        if (open != null && open.getClass() != src.getClass()) {
            close();
        }
        int at = 0;
        while (at < n) {
            int room = open == null ? 0 : Array.getLength(open) - used;
            if (room == 0) {
                close();
                long want = Math.max(Math.max(n - at, MIN_SEGMENT), expected > rows ? expected - rows : rows / 4);
                int size = (int) Math.min(want, Integer.MAX_VALUE - 16);
                open = src instanceof double[] ? new double[size] : new int[size];
                used = 0;
                room = size;
            }
            int k = Math.min(room, n - at);
            System.arraycopy(src, at, open, used, k);
            used += k;
            at += k;
            rows += k;
        }
    }

    /** Appends a run of {@code n} missing cells. */
    void addMissing(int n) {
        close();
        done.add(n);
        rows += n;
    }

    /** Puts the open segment among the done ones, trimmed to what it holds. */
    private void close() {
        if (open == null) {
            return;
        }
        if (used > 0) {
            int length = Array.getLength(open);
            done.add(used == length ? open : open instanceof double[] d ? Arrays.copyOf(d, used) : Arrays.copyOf((int[]) open, used));
        }
        open = null;
        used = 0;
    }

    /** Turns values (all missing so far) into runs of missing cells: the column became text. */
    void valuesToMissing() {
        close();
        for (int i = 0; i < done.size(); i++) {
            if (done.get(i) instanceof double[] d) {
                done.set(i, d.length);
            }
        }
    }

    void clear() {
        done.clear();
        open = null;
        used = 0;
        rows = 0;
    }

    /** One array of the values, the pieces dropped as they are copied (so the peak is one column more). */
    double[] joinValues(int total) {
        if (done.isEmpty() && open instanceof double[] d && used == total && d.length == total) {
            clear();
            return d; // the column was one segment of the right size: no copy
        }
        close();
        if (done.size() == 1 && done.get(0) instanceof double[] d && d.length == total) {
            clear();
            return d;
        }
        double[] out = new double[total];
        int at = 0;
        for (int i = 0; i < done.size(); i++) {
            Object p = done.set(i, null);
            if (p instanceof double[] d) {
                System.arraycopy(d, 0, out, at, d.length);
                at += d.length;
            } else {
                int n = (Integer) p;
                Arrays.fill(out, at, at + n, Double.NaN);
                at += n;
            }
        }
        clear();
        return out;
    }

    /** As {@link #joinValues}, for codes (a run of missing cells is -1s). */
    int[] joinCodes(int total) {
        if (done.isEmpty() && open instanceof int[] c && used == total && c.length == total) {
            clear();
            return c;
        }
        close();
        if (done.size() == 1 && done.get(0) instanceof int[] c && c.length == total) {
            clear();
            return c;
        }
        int[] out = new int[total];
        int at = 0;
        for (int i = 0; i < done.size(); i++) {
            Object p = done.set(i, null);
            if (p instanceof int[] c) {
                System.arraycopy(c, 0, out, at, c.length);
                at += c.length;
            } else {
                int n = (Integer) p;
                Arrays.fill(out, at, at + n, -1);
                at += n;
            }
        }
        clear();
        return out;
    }
}
