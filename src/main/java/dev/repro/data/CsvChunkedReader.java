package dev.repro.data;

import dev.repro.data.CsvChunkSplit.Range;
import dev.repro.data.CsvChunkSplit.Worker;
import dev.repro.diag.Problems;
import dev.repro.io.Sha256;
import dev.repro.numeric.Parallel;
import java.io.IOException;
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
 * inferred types and their tallies are folded in file order; the SHA-256 is taken over the bytes in order.
 * Whenever the file has any problem at all (a cell, a record, an encoding error, the header, an inferred id
 * spelled twice), this returns null and the sequential reader reads the file again, so that every message,
 * its location and its order are exactly the sequential ones. Duplicate (id, time) pairs are reported here,
 * by the same check on the same columns.
 *
 * <p>Memory: the final columns and their lines, each allocated once at its exact size (no chunk holds arrays
 * of its own, nothing is copied or trimmed at the end); besides, each worker thread holds one chunk's bytes
 * (records are scanned and numbers parsed on the bytes; only text cells are decoded, one at a time), each
 * chunk of the window being parsed its text levels, and the SHA-256 one 1 MB buffer.
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
        Sha256 sha = new Sha256();
        int lineOffset = split.firstLineOffset;
        if (!parseAll(ranges, null, acc, lines, sha, lineOffset)) {
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
     * Parses the ranges in windows of two per thread, each window in parallel and then folded in file order;
     * {@code reread} null for the first pass (every column, its lines, and the SHA-256 of the whole file, which one
     * task continues over each window's bytes while the others parse them), else only those columns, as text.
     * False when a range has a problem (the sequential reader then reads the file).
     */
    private boolean parseAll(List<Range> ranges, boolean[] reread, CsvChunkColumn[] acc, int[] lines, Sha256 sha,
                             int firstLineOffset) throws IOException {
        int lineOffset = firstLineOffset;
        int window = Math.max(2, 2 * threads);
        long hashed = 0;
        for (int first = 0; first < ranges.size(); first += window) {
            final int from = first;
            final int count = Math.min(window, ranges.size() - first);
            final long hashFrom = hashed;
            final long hashTo = ranges.get(from + count - 1).end;
            final int tasks = sha == null ? count : count + 1;
            Chunk[] got = new Chunk[count];
            IOException[] failure = new IOException[tasks];
            Parallel.forEach(tasks, threads, this::worker, (w, t) -> {
                try {
                    if (sha != null && t == count) {
                        split.hash(w, sha, hashFrom, hashTo);
                    } else {
                        got[t] = parse(w, ranges.get(from + t), reread, acc, lines);
                    }
                } catch (IOException e) {
                    failure[t] = e;
                }
            });
            returnWorkers();
            for (IOException e : failure) {
                if (e != null) {
                    throw e;
                }
            }
            hashed = hashTo;
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
        return true;
    }

    /**
     * Parses the range's records into its rows of the columns ({@code lines} too, unless null); {@code reread} null
     * for the first pass (every column by its plan), else only those columns, as text. FAILED on any problem,
     * and when the records are not those that {@link CsvChunkSplit} counted.
     */
    private Chunk parse(Worker w, Range range, boolean[] reread, CsvChunkColumn[] acc, int[] lines) throws IOException {
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
