package dev.repro.data;

import java.util.ArrayDeque;

/**
 * The arrays of chunks already folded ({@link CsvChunkedReader}: their values were copied into the columns'
 * pieces), handed to the next chunks. A chunk's arrays are a megabyte or more each, which the G1 collector
 * allocates as "humongous" objects; allocating them afresh for every chunk and column kept the collector busy.
 * Shared by the worker threads.
 */
final class SpareArrays {
    private final ArrayDeque<double[]> values = new ArrayDeque<>();
    private final ArrayDeque<int[]> ints = new ArrayDeque<>();

    /** A spare array of at least {@code n} values (contents undefined), or a new one. */
    synchronized double[] values(int n) {
        double[] a = values.pollFirst();
        return a != null && a.length >= n ? a : new double[n];
    }

    /** A spare array of at least {@code n} ints (contents undefined), or a new one. */
    synchronized int[] ints(int n) {
        int[] a = ints.pollFirst();
        return a != null && a.length >= n ? a : new int[n];
    }

    /** Keeps the arrays of a folded chunk: its builders' values or codes, and its lines. */
    synchronized void keep(CsvColumnBuilder[] builders, int[] lines) {
        for (CsvColumnBuilder b : builders) {
            if (b.valueArray() != null) {
                values.add(b.valueArray());
            }
            if (b.codeArray() != null) {
                ints.add(b.codeArray());
            }
        }
        ints.add(lines);
    }

    synchronized void clear() {
        values.clear();
        ints.clear();
    }
}
