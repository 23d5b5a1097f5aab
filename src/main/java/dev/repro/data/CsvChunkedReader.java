package dev.repro.data;

import dev.repro.data.CsvChunkSplit.Range;
import dev.repro.data.CsvChunkSplit.Worker;
import dev.repro.diag.Problems;
import dev.repro.io.Sha256;
import dev.repro.numeric.Parallel;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast path of {@link CsvReader} for a file without mistakes: {@link CsvChunkSplit} cuts the records after
 * the header into ranges of about {@code chunkBytes} bytes and counts the records of each (in parallel); the
 * columns' final arrays are then allocated at the file's exact number of rows, and each range is parsed as
 * bytes on its own thread ({@link CsvByteRecords}, the state machine of {@link CsvParser} on bytes, into the
 * same {@link CsvColumnBuilder}s as the sequential reader) straight into its rows of those arrays, then folded
 * in file order (text codes renumbered in place, inferred types decided, lines shifted by the lines before).
 *
 * <p>The outcome does not depend on the thread count: range bounds depend on the bytes only; text codes are
 * given in file order of first appearance (each chunk's levels in its own order, chunks in file order);
 * inferred types and their tallies are folded in file order; the SHA-256 is taken over the parsed bytes in order.
 * Whenever the file has any problem at all (a cell, a record, an encoding error, the header, an inferred id
 * spelled twice), this returns null and the sequential reader reads the file again, so that every message,
 * its location and its order are exactly the sequential ones. Duplicate (id, time) pairs are reported here,
 * by the same check on the same columns.
 *
 * <p>Memory: the final columns and their lines, each allocated once at its exact size (no chunk holds arrays
 * of its own, nothing is copied or trimmed at the end); besides, each worker thread holds one chunk's bytes
 * (allocated once at a full chunk's size; records are scanned and numbers parsed on the bytes; only text cells are
 * decoded, one at a time) and a piece of 256 KB through which every byte comes in, and each chunk of the window
 * being parsed its text levels. The file is read twice (counted, then parsed) and hashed once, over the very bytes
 * the columns are parsed from.
 */
final class CsvChunkedReader {
    /** Nominal chunk size: large enough that per-chunk costs vanish, small enough for little memory per thread. */
    static final int DEFAULT_CHUNK = 8 << 20;

    private static final int OK = 0;
    private static final int FAILED = 2;

    private final CsvOptions o;
    private final int threads;
    private final int chunkBytes;
    private final int maxRecord;
    private final CsvChunkSplit split;
    private List<String> header;
    private CsvColumnPlans plans;
    private int width;

    private CsvChunkedReader(FileChannel channel, CsvOptions o, int chunkBytes, int maxRecord) {
        this.o = o;
        this.threads = o.threads() > 0 ? o.threads() : Runtime.getRuntime().availableProcessors();
        this.chunkBytes = Math.max(1, chunkBytes);
        this.maxRecord = maxRecord;
        // pieces no larger than a chunk: tests with chunks of a few bytes put piece ends everywhere as well
        this.split = new CsvChunkSplit(channel, o, maxRecord, Math.min(CsvChunkSplit.PIECE, this.chunkBytes));
    }

    /**
     * Reads {@code file} in parallel chunks; null when the sequential reader must read it (any problem, or a
     * file that is not plain UTF-8 text), in which case nothing was added to {@code problems}.
     */
    static CsvResult read(Path file, CsvOptions o, Problems problems, int chunkBytes, int maxRecord) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return new CsvChunkedReader(ch, o, chunkBytes, maxRecord).run(problems);
        }
    }

    /** One parsed range of the file. */
    private static final class Chunk {
        final Range range;
        int status = OK;
        CsvColumnBuilder[] builders;
        int breaks;

        Chunk(Range range) {
            this.range = range;
        }
    }

    /**
     * Hands each worker thread a Worker, reusing those of the counting pass and of earlier windows (their buffers are
     * the big part): one per thread for the whole read, the one that read the header among them.
     */
    private final List<Worker> idle = new ArrayList<>();
    private final List<Worker> handedOut = new ArrayList<>();

    private Worker worker() {
        synchronized (idle) {
            Worker w = idle.isEmpty() ? new Worker(split.pieceBytes) : idle.remove(idle.size() - 1);
            handedOut.add(w);
            return w;
        }
    }

    private void returnWorkers() {
        synchronized (idle) {
            idle.addAll(handedOut);
            handedOut.clear();
        }
    }

    private CsvResult run(Problems problems) throws IOException {
        Worker main = new Worker(split.pieceBytes);
        if (!split.readHeader(main)) {
            return null;
        }
        Sha256 sha = new Sha256();
        sha.update(main.bytes, 0, (int) split.dataStart); // the header's bytes, as read and parsed
        synchronized (idle) {
            idle.add(main); // the first thread's worker; the main thread waits while the others run
        }
        header = split.header;
        plans = split.plans;
        width = split.width;
        List<Range> ranges = split.ranges(chunkBytes, threads, this::worker, main);
        returnWorkers();
        if (ranges == null) {
            return null;
        }
        int rows = CsvChunkSplit.rows(ranges);
        CsvChunkColumn[] acc = new CsvChunkColumn[width];
        for (int j = 0; j < width; j++) {
            acc[j] = new CsvChunkColumn(plans.builder(j, header.get(j), true), rows);
        }
        int[] lines = new int[rows];
        int lineOffset = split.firstLineOffset;
        if (!parseAll(ranges, null, acc, lines, new HashInTurn(sha), lineOffset)) {
            return null;
        }
        boolean[] reread = new boolean[width];
        boolean any = false;
        for (int j = 0; j < width; j++) {
            CsvChunkColumn a = acc[j];
            if (a.summary.role == CsvColumnBuilder.Role.ID && a.summary.inferred() && !a.text && !a.reread && a.idTrouble) {
                return null; // an inferred numeric id written two ways, or not whole: the sequential reader says where
            }
            reread[j] = a.reread;
            any |= a.reread;
        }
        if (any) {
            for (int j = 0; j < width; j++) {
                if (reread[j]) {
                    acc[j].startSecondPass();
                }
            }
            if (!parseAll(ranges, reread, acc, null, null, lineOffset)) {
                throw new IOException("the file changed while it was being read");
            }
        }
        // the workers' buffers (a chunk's bytes each) are not needed by the (id, time) check
        synchronized (idle) {
            idle.clear();
        }
        main = null;
        return finish(acc, lines, sha.hex(), problems);
    }

    /**
     * The SHA-256 of the file continued over each range's bytes, in file order, by the worker that loaded them for
     * parsing, before it parses them: the digest is of exactly the bytes the columns were parsed from (no read of its
     * own), and the bytes are hashed once. A worker waits for the ranges before its own to be hashed; they were all
     * taken before its own (tasks are taken in order) and are hashed right after their load, so the wait is short
     * and cannot close a cycle. A range whose task ends without hashing (a failure) breaks the digest and releases
     * every waiter: the read fails then anyway.
     */
    private static final class HashInTurn {
        private final Sha256 sha;
        private int next;
        private boolean broken;

        HashInTurn(Sha256 sha) {
            this.sha = sha;
        }

        /** Continues the digest over range {@code k}'s bytes once ranges 0..k-1 are in it. */
        synchronized void hash(int k, byte[] bytes, int len) throws InterruptedIOException {
            while (next != k && !broken) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while reading the file");
                }
            }
            if (!broken) {
                sha.update(bytes, 0, len);
                next = k + 1;
                notifyAll();
            }
        }

        /**
         * Range {@code k}'s task ended: if it failed, or its bytes were not hashed, the digest is broken (a failed task
         * may make the tasks after it be skipped, which must not leave a later one waiting).
         */
        synchronized void done(int k, boolean parsed) {
            if ((!parsed || next <= k) && !broken) {
                broken = true;
                notifyAll();
            }
        }

        /** True when exactly ranges 0..n-1 were hashed. */
        synchronized boolean complete(int n) {
            return !broken && next == n;
        }
    }

    /**
     * Parses the ranges in windows of two per thread, each window in parallel and then folded in file order;
     * {@code reread} null for the first pass (every column, its lines, and the SHA-256 of the whole file, which
     * {@code hash} continues over each range's bytes as they are loaded), else only those columns, as text
     * ({@code hash} null). False when a range has a problem (the sequential reader then reads the file).
     */
    private boolean parseAll(List<Range> ranges, boolean[] reread, CsvChunkColumn[] acc, int[] lines, HashInTurn hash,
                             int firstLineOffset) throws IOException {
        int lineOffset = firstLineOffset;
        int window = Math.max(2, 2 * threads);
        for (int first = 0; first < ranges.size(); first += window) {
            final int from = first;
            final int count = Math.min(window, ranges.size() - first);
            Chunk[] got = new Chunk[count];
            IOException[] failure = new IOException[count];
            Parallel.forEach(count, threads, this::worker, (w, t) -> {
                boolean parsed = false;
                try {
                    got[t] = parse(w, ranges.get(from + t), reread, acc, lines, hash, from + t);
                    parsed = true;
                } catch (IOException e) {
                    failure[t] = e;
                } finally {
                    if (hash != null) {
                        hash.done(from + t, parsed);
                    }
                }
            });
            returnWorkers();
            for (IOException e : failure) {
                if (e != null) {
                    throw e;
                }
            }
            for (int t = 0; t < count; t++) {
                Chunk c = got[t];
                got[t] = null;
                if (c.status != OK) {
                    return false;
                }
                int base = c.range.base;
                for (int j = 0; j < width; j++) {
                    if (reread == null) {
                        acc[j].fold(c.builders[j], base, lineOffset);
                    } else if (reread[j]) {
                        acc[j].renumber(c.builders[j], base, c.range.rows);
                    }
                }
                if (lines != null) {
                    for (int r = base, end = base + c.range.rows; r < end; r++) {
                        lines[r] += lineOffset;
                    }
                }
                lineOffset += c.breaks;
            }
        }
        return hash == null || hash.complete(ranges.size());
    }

    /**
     * Parses the range's records into its rows of the columns ({@code lines} too, unless null); {@code reread} null
     * for the first pass (every column by its plan), else only those columns, as text. FAILED on any problem,
     * and when the records are not those that {@link CsvChunkSplit} counted.
     */
    private Chunk parse(Worker w, Range range, boolean[] reread, CsvChunkColumn[] acc, int[] lines, HashInTurn hash, int k)
            throws IOException {
        Chunk c = new Chunk(range);
        c.builders = new CsvColumnBuilder[width];
        for (int j = 0; j < width; j++) {
            String name = header.get(j);
            CsvColumnBuilder b = reread == null ? plans.builder(j, name, true)
                    : reread[j] ? CsvColumnBuilder.text(j, name) : CsvColumnBuilder.skip(j, name);
            b.intoSlice(acc[j], range.base);
            c.builders[j] = b;
        }
        int len = split.load(w, range);
        if (hash != null) {
            hash.hash(k, w.bytes, len);
        }
        Problems local = new Problems();
        CellChecks checks = new CellChecks(o, local) {
        };
        // records are scanned and numbers parsed on the bytes; a cell is decoded (strictly) only as text
        CsvByteRecords p = new CsvByteRecords(w.bytes, len);
        CsvColumnBuilder[] builders = c.builders;
        int base = range.base;
        int expected = range.rows;
        int rows = 0;
        while (p.next()) {
            if (p.syntaxError() != CsvParser.NO_ERROR || p.count() != width || 2L * p.recordLength() >= maxRecord
                    || rows == expected) {
                c.status = FAILED;
                return c;
            }
            for (CsvColumnBuilder b : builders) {
                if (!b.add(p, b.index, checks)) {
                    c.status = FAILED; // invalid UTF-8: the sequential reader names where
                    return c;
                }
            }
            if (lines != null) {
                lines[base + rows] = p.recordLine();
            }
            rows++;
        }
        if (!local.isEmpty() || rows != expected) {
            c.status = FAILED;
            return c;
        }
        c.breaks = p.line() - 1;
        return c;
    }

    private CsvResult finish(CsvChunkColumn[] acc, int[] lines, String hash, Problems problems) {
        List<Column> columns = new ArrayList<>(width);
        Map<String, CsvResult.Cell> textBecause = new LinkedHashMap<>();
        Column id = null;
        Column time = null;
        for (int j = 0; j < width; j++) {
            CsvChunkColumn a = acc[j];
            String name = header.get(j);
            Column c;
            if (a.text) {
                c = new TextColumn(name, a.finalCodes(), a.dict.levels());
                InferredText why = a.summary.inferredText(o.displayPath(), o.missing());
                if (why != null) {
                    c = ((TextColumn) c).inferredFrom(why);
                }
            } else {
                c = new NumericColumn(name, a.finalValues());
            }
            if (a.summary.firstText() != null) {
                textBecause.put(name, a.summary.firstText());
            }
            columns.add(c);
            id = name.equals(plans.idColumn()) ? c : id;
            time = name.equals(plans.timeColumn()) ? c : time;
        }
        int before = problems.size();
        if (id != null && time instanceof NumericColumn t) {
            CsvReader.duplicateKeys(o.displayPath(), problems, id, t, lines);
        }
        if (problems.size() > before) {
            return new CsvResult(null, header, textBecause);
        }
        Dataset d = new Dataset(o.datasetName(), o.displayPath(), hash, columns, lines, plans.idColumn(), plans.timeColumn());
        return new CsvResult(d, header, textBecause);
    }
}
