package dev.repro.data;

import dev.repro.diag.Problems;
import dev.repro.io.Sha256;
import dev.repro.numeric.Parallel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fast path of {@link CsvReader} for a file without mistakes: the records after the header are cut into
 * chunks of about {@code chunkBytes} bytes, each parsed as bytes on its own thread ({@link CsvByteRecords}, the
 * state machine of {@link CsvParser} on bytes, into the same {@link CsvColumnBuilder}s as the sequential reader),
 * and folded together in file order.
 *
 * <p>Where a chunk starts: right after the first LF at or after its nominal offset. That is a record
 * boundary unless the LF is inside a quoted field, which the chunk before notices (its text then ends in an
 * unclosed quote): the two chunks are parsed again as one, so a quoted line break anywhere is read as the
 * sequential reader reads it. By induction from the header, every accepted chunk starts at a true record
 * boundary. Lines are counted per chunk and shifted by the lines of the chunks before.
 *
 * <p>The outcome does not depend on the thread count: chunk bounds depend on the bytes only; text codes are
 * given in file order of first appearance (each chunk's levels in its own order, chunks in file order);
 * inferred types and their tallies are folded in file order; the SHA-256 is taken over the bytes in order.
 * Whenever the file has any problem at all (a cell, a record, an encoding error, the header, an inferred id
 * spelled twice), this returns null and the sequential reader reads the file again, so that every message,
 * its location and its order are exactly the sequential ones. Duplicate (id, time) pairs are reported here,
 * by the same check on the same columns.
 *
 * <p>Memory: each column is folded into one array sized from the first chunk's estimate of the file's rows
 * ({@link Pieces}), trimmed or joined at the end one column at a time (so the peak is the columns once, plus one
 * column); besides, each worker thread holds one chunk's bytes (records are scanned and numbers parsed on the
 * bytes, see {@link CsvByteRecords}; only text cells are decoded, one at a time), and a window of two
 * chunks per thread is parsed at a time.
 */
final class CsvChunkedReader {
    /** Nominal chunk size: large enough that per-chunk costs vanish, small enough for little memory per thread. */
    static final int DEFAULT_CHUNK = 8 << 20;
    /** A header longer than this is left to the sequential reader. */
    private static final int MAX_HEADER_BLOCK = 64 << 20;
    private static final int SCAN = 1 << 16;

    private static final int OK = 0;
    private static final int UNCLOSED_AT_END = 1;
    private static final int FAILED = 2;

    private final Path file;
    private final CsvOptions o;
    private final int threads;
    private final int chunkBytes;
    private final int maxRecord;
    private final Problems scratch = new Problems();
    private FileChannel channel;
    private long size;
    private long dataStart;
    private int firstLineOffset;
    private List<String> header;
    private CsvColumnPlans plans;
    private int width;
    /** The arrays of chunks already folded, for the next chunks. */
    private final SpareArrays spares = new SpareArrays();

    private CsvChunkedReader(Path file, CsvOptions o, int chunkBytes, int maxRecord) {
        this.file = file;
        this.o = o;
        this.threads = o.threads() > 0 ? o.threads() : Runtime.getRuntime().availableProcessors();
        this.chunkBytes = Math.max(1, chunkBytes);
        this.maxRecord = maxRecord;
    }

    /**
     * Reads {@code file} in parallel chunks; null when the sequential reader must read it (any problem, or a
     * file that is not plain UTF-8 text), in which case nothing was added to {@code problems}.
     */
    static CsvResult read(Path file, CsvOptions o, Problems problems, int chunkBytes, int maxRecord) throws IOException {
        CsvChunkedReader r = new CsvChunkedReader(file, o, chunkBytes, maxRecord);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            r.channel = ch;
            return r.run(problems);
        }
    }

    /** Scratch space of one worker thread, reused across its chunks. */
    private static final class Worker {
        byte[] bytes = new byte[0];
        char[] chars = new char[0];
        byte[] scan;
        final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** One parsed byte range [start, end) of the file. */
    private static final class Chunk {
        int index;
        long start;
        long end;
        int status = OK;
        CsvColumnBuilder[] builders;
        int rows;
        int[] lines;
        int breaks;
    }

    /** Hands each worker thread a Worker, reusing those of earlier windows (their buffers are the big part). */
    private final List<Worker> idle = new ArrayList<>();
    private final List<Worker> handedOut = new ArrayList<>();

    private Worker worker() {
        synchronized (idle) {
            Worker w = idle.isEmpty() ? new Worker() : idle.remove(idle.size() - 1);
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
        Worker main = new Worker();
        if (!readHeader(main)) {
            return null;
        }
        long body = size - dataStart;
        int n = (int) Math.max(1, (body + chunkBytes - 1) / chunkBytes);
        CsvChunkColumn[] acc = new CsvChunkColumn[width];
        for (int j = 0; j < width; j++) {
            acc[j] = new CsvChunkColumn(plans.builder(j, header.get(j), true));
        }
        Sha256 sha = new Sha256();
        long hashed = 0;
        long expected = dataStart;
        int lineOffset = firstLineOffset;
        int rows = 0;
        Pieces rowLines = new Pieces();
        Chunk[] override = new Chunk[1];
        List<long[]> ranges = new ArrayList<>();
        int window = Math.max(2, 2 * threads);
        for (int first = 0; first < n; first += window) {
            final int from = first;
            final int count = Math.min(window, n - first);
            final long hashFrom = hashed;
            final long hashTo = first + count >= n ? size : nominal(first + count);
            Chunk[] got = new Chunk[count];
            IOException[] failure = new IOException[count + 1];
            // task 0 continues the SHA-256 over this window's bytes while the others parse its chunks
            Parallel.forEach(count + 1, threads, this::worker, (w, t) -> {
                try {
                    if (t == 0) {
                        hash(sha, hashFrom, hashTo);
                    } else {
                        int k = from + t - 1;
                        if (override[0] == null || override[0].index != k) {
                            got[t - 1] = parse(w, k, start(w, k, n), end(w, k, n), null);
                        }
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
                int k = from + t;
                Chunk c = override[0] != null && override[0].index == k ? override[0] : got[t];
                got[t] = null;
                if (c.start != expected) {
                    return null; // chunks meet at their shared boundary by construction; never trust otherwise
                }
                if (c.status == UNCLOSED_AT_END && k + 1 < n) {
                    // the line break that ends this chunk is inside a quoted field: parse it with the next one
                    long joinedEnd = end(main, k + 1, n);
                    if (joinedEnd - c.start > 2L * maxRecord + 4L * chunkBytes) {
                        return null; // no record is that long: an unclosed quote, which the sequential reader names
                    }
                    override[0] = parse(main, k + 1, c.start, joinedEnd, null);
                    continue;
                }
                if (c.status != OK) {
                    return null;
                }
                if (rows == 0 && c.rows > 0) {
                    // the file's rows were they as long as the first chunk's: each column's first segment
                    long estimate = (size - dataStart) * c.rows / Math.max(1, c.end - c.start) * 51 / 50 + 1024;
                    for (int j = 0; j < width; j++) {
                        acc[j].pieces.expect(estimate);
                    }
                    rowLines.expect(estimate);
                }
                for (int j = 0; j < width; j++) {
                    acc[j].fold(c.builders[j], lineOffset);
                }
                for (int r = 0; r < c.rows; r++) {
                    c.lines[r] += lineOffset;
                }
                rowLines.add(c.lines, c.rows);
                spares.keep(c.builders, c.lines);
                c.builders = null;
                c.lines = null;
                rows += c.rows;
                lineOffset += c.breaks;
                expected = c.end;
                ranges.add(new long[] {c.start, c.end});
            }
        }
        if (rows == 0 || expected != size) {
            return null; // a header without records is a problem the sequential reader names
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
            secondPass(acc, reread, ranges);
        }
        // the workers' buffers (a chunk's bytes each) and the spare arrays are not needed by the (id, time) check
        synchronized (idle) {
            idle.clear();
        }
        spares.clear();
        main = null;
        return finish(acc, rowLines, rows, sha.hex(), problems);
    }

    /** Offset where chunk k would start were there no line to finish (chunk 0 starts right after the header). */
    private long nominal(int k) {
        return dataStart + (long) k * chunkBytes;
    }

    private long start(Worker w, int k, int n) throws IOException {
        return k == 0 ? dataStart : afterNewline(w, nominal(k));
    }

    private long end(Worker w, int k, int n) throws IOException {
        return k + 1 >= n ? size : afterNewline(w, nominal(k + 1));
    }

    /** Just after the first LF at or after {@code at}; the file's size when there is none. */
    private long afterNewline(Worker w, long at) throws IOException {
        if (w.scan == null) {
            w.scan = new byte[SCAN];
        }
        long pos = at;
        while (pos < size) {
            int len = (int) Math.min(SCAN, size - pos);
            readFully(w.scan, len, pos);
            for (int i = 0; i < len; i++) {
                if (w.scan[i] == '\n') {
                    return pos + i + 1;
                }
            }
            pos += len;
        }
        return size;
    }

    private void readFully(byte[] dst, int len, long pos) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(dst, 0, len);
        long p = pos;
        while (bb.hasRemaining()) {
            int r = channel.read(bb, p);
            if (r < 0) {
                throw new IOException("the file changed while it was being read");
            }
            p += r;
        }
    }

    private void hash(Sha256 sha, long from, long to) throws IOException {
        byte[] buf = new byte[1 << 20];
        for (long pos = from; pos < to; ) {
            int len = (int) Math.min(buf.length, to - pos);
            readFully(buf, len, pos);
            sha.update(buf, 0, len);
            pos += len;
        }
    }

    /** Decodes {@code w.bytes[off..off+len)} strictly into {@code w.chars}; -1 when it is not valid UTF-8. */
    private static int decode(Worker w, int off, int len, boolean endOfInput) {
        if (w.chars.length < len) {
            w.chars = new char[len];
        }
        CharBuffer out = CharBuffer.wrap(w.chars);
        w.decoder.reset();
        CoderResult r = w.decoder.decode(ByteBuffer.wrap(w.bytes, off, len), out, endOfInput);
        if (r.isError() || (endOfInput && w.decoder.flush(out).isError())) {
            return -1;
        }
        return out.position();
    }

    /**
     * The header: read in a growing first block until its record is complete; false (sequential reader) for
     * anything the sequential reader would report or treats specially: UTF-16, a NUL byte in the first
     * block, invalid UTF-8 there, a quoting error, an empty, repeated or missing column name, too many columns.
     */
    private boolean readHeader(Worker w) throws IOException {
        size = channel.size();
        if (size == 0) {
            return false;
        }
        int block = (int) Math.min(size, CsvReader.DEFAULT_BYTE_BUFFER);
        for (;;) {
            if (w.bytes.length < block) {
                w.bytes = new byte[block];
            }
            readFully(w.bytes, block, 0);
            byte[] a = w.bytes;
            if (block >= 2 && (((a[0] & 0xFF) == 0xFF && (a[1] & 0xFF) == 0xFE) || ((a[0] & 0xFF) == 0xFE && (a[1] & 0xFF) == 0xFF))) {
                return false;
            }
            for (int i = 0; i < Math.min(block, CsvReader.DEFAULT_BYTE_BUFFER); i++) {
                if (a[i] == 0) {
                    return false;
                }
            }
            int bom = block >= 3 && (a[0] & 0xFF) == 0xEF && (a[1] & 0xFF) == 0xBB && (a[2] & 0xFF) == 0xBF ? 3 : 0;
            boolean whole = block == size;
            int len = decode(w, bom, block - bom, whole);
            if (len < 0) {
                return false;
            }
            CsvParser p = new CsvParser(w.chars, len, maxRecord);
            boolean got = p.next();
            if (!whole && (!got || p.recordEnd() >= len)) {
                if (block >= MAX_HEADER_BLOCK) {
                    return false;
                }
                block = (int) Math.min(size, 2L * block);
                continue;
            }
            if (!got || p.syntaxError() != CsvParser.NO_ERROR || p.count() > CsvReader.MAX_COLUMNS
                    || 2L * p.recordLength() >= maxRecord) {
                return false;
            }
            List<String> names = new ArrayList<>(p.count());
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < p.count(); i++) {
                String name = p.text(i);
                if (name.isEmpty() || !seen.add(name)) {
                    return false;
                }
                names.add(name);
            }
            if ((o.idColumn() != null && !seen.contains(o.idColumn())) || (o.timeColumn() != null && !seen.contains(o.timeColumn()))
                    || !seen.containsAll(o.schema().keySet())) {
                return false;
            }
            plans = new CsvColumnPlans(o, scratch);
            if (!scratch.isEmpty()) {
                return false;
            }
            header = List.copyOf(names);
            width = names.size();
            long bytes = bom;
            for (int i = 0; i < p.recordEnd(); i++) {
                bytes += CsvParser.utf8Length(w.chars[i]);
            }
            dataStart = bytes;
            firstLineOffset = p.line() - 1;
            w.chars = new char[0]; // chunks are read as bytes: only the header is decoded whole
            return true;
        }
    }

    /**
     * Parses bytes [start, end) as whole records; {@code reread} null for the first pass (every column by its
     * plan), else only those columns, as text. The chunk FAILED on any problem; UNCLOSED_AT_END when its text
     * ends inside a quoted field (its end is then no record boundary, or the file really has an unclosed quote).
     */
    private Chunk parse(Worker w, int index, long start, long end, boolean[] reread) throws IOException {
        Chunk c = new Chunk();
        c.index = index;
        c.start = start;
        c.end = end;
        c.builders = new CsvColumnBuilder[width];
        for (int j = 0; j < width; j++) {
            String name = header.get(j);
            c.builders[j] = reread == null ? plans.builder(j, name, true)
                    : reread[j] ? CsvColumnBuilder.text(j, name) : CsvColumnBuilder.skip(j, name);
        }
        c.lines = new int[0];
        if (start >= end) {
            return c;
        }
        int len = (int) (end - start);
        if (w.bytes.length < len) {
            w.bytes = new byte[len];
        }
        readFully(w.bytes, len, start);
        Problems local = new Problems();
        CellChecks checks = new CellChecks(o, local) {
        };
        // records are scanned and numbers parsed on the bytes; a cell is decoded (strictly) only as text
        CsvByteRecords p = new CsvByteRecords(w.bytes, len);
        int[] lines = spares.ints(Math.max(16, len / 64));
        int rows = 0;
        while (p.next()) {
            int err = p.syntaxError();
            if (err != CsvParser.NO_ERROR) {
                c.status = err == CsvParser.UNCLOSED_QUOTE ? UNCLOSED_AT_END : FAILED;
                return c;
            }
            if (p.count() != width || 2L * p.recordLength() >= maxRecord) {
                c.status = FAILED;
                return c;
            }
            if (rows == 0) {
                // room for the chunk's rows were they as long as its first, in arrays of chunks already folded
                int estimate = (int) Math.min(Integer.MAX_VALUE - 16, len / Math.max(1, p.recordLength()) * 9L / 8 + 16);
                for (CsvColumnBuilder b : c.builders) {
                    b.expect(estimate, spares);
                }
            }
            for (CsvColumnBuilder b : c.builders) {
                if (!b.add(p, b.index, checks)) {
                    c.status = FAILED; // invalid UTF-8: the sequential reader names where
                    return c;
                }
            }
            if (rows == lines.length) {
                lines = Arrays.copyOf(lines, rows + (rows >> 1) + 16);
            }
            lines[rows++] = p.recordLine();
        }
        if (!local.isEmpty()) {
            c.status = FAILED;
            return c;
        }
        c.rows = rows;
        c.lines = lines;
        c.breaks = p.line() - 1;
        return c;
    }

    /** Reads the columns to re-read as text, chunk by chunk again (in parallel, folded in file order). */
    private void secondPass(CsvChunkColumn[] acc, boolean[] reread, List<long[]> ranges) throws IOException {
        for (int j = 0; j < width; j++) {
            if (reread[j]) {
                CsvChunkColumn a = acc[j];
                a.reread = false;
                a.pieces.clear();
                a.toText();
            }
        }
        int window = Math.max(2, 2 * threads);
        for (int first = 0; first < ranges.size(); first += window) {
            final int from = first;
            final int count = Math.min(window, ranges.size() - first);
            Chunk[] got = new Chunk[count];
            IOException[] failure = new IOException[count];
            Parallel.forEach(count, threads, this::worker, (w, t) -> {
                long[] r = ranges.get(from + t);
                try {
                    got[t] = parse(w, from + t, r[0], r[1], reread);
                } catch (IOException e) {
                    failure[t] = e;
                }
            });
            returnWorkers();
            for (int t = 0; t < count; t++) {
                if (failure[t] != null) {
                    throw failure[t];
                }
                if (got[t].status != OK) {
                    throw new IOException("the file changed while it was being read");
                }
                for (int j = 0; j < width; j++) {
                    if (reread[j]) {
                        CsvColumnBuilder b = got[t].builders[j];
                        acc[j].addCodes(b, b.size());
                    }
                }
            }
        }
    }

    private CsvResult finish(CsvChunkColumn[] acc, Pieces rowLines, int rows, String hash, Problems problems) {
        List<Column> columns = new ArrayList<>(width);
        Map<String, CsvResult.Cell> textBecause = new LinkedHashMap<>();
        Column id = null;
        Column time = null;
        for (int j = 0; j < width; j++) {
            CsvChunkColumn a = acc[j];
            String name = header.get(j);
            Column c;
            if (a.text) {
                c = new TextColumn(name, a.pieces.joinCodes(rows), a.dict.levels());
                InferredText why = a.summary.inferredText(o.displayPath(), o.missing());
                if (why != null) {
                    c = ((TextColumn) c).inferredFrom(why);
                }
            } else {
                c = new NumericColumn(name, a.pieces.joinValues(rows));
            }
            if (a.summary.firstText != null) {
                textBecause.put(name, a.summary.firstText);
            }
            columns.add(c);
            id = name.equals(plans.idColumn()) ? c : id;
            time = name.equals(plans.timeColumn()) ? c : time;
        }
        int[] lines = rowLines.joinCodes(rows);
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
