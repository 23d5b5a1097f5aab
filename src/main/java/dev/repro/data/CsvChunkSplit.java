package dev.repro.data;

import dev.repro.diag.Problems;
import dev.repro.numeric.Parallel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where the records of a file read in chunks are ({@link CsvChunkedReader}), before any cell is parsed: the
 * header, then the body cut into ranges of whole records, each with the number of its records (so that every
 * chunk can store its cells straight into its rows of the final columns).
 *
 * <p>Where a range starts: right after the first LF at or after its nominal offset. That is a record boundary
 * unless the LF is inside a quoted field, which the count of the range before notices (it ends inside quotes):
 * the two are counted again as one, so a quoted line break anywhere is read as the sequential reader reads it.
 * By induction from the header, every range starts at a true record boundary.
 */
final class CsvChunkSplit {
    /** A header longer than this is left to the sequential reader. */
    private static final int MAX_HEADER_BLOCK = 64 << 20;
    /** Bytes read from the channel at a time: small enough to stay in the cache while they are counted or hashed. */
    static final int PIECE = 1 << 18;
    /** What a chunk's buffer holds beyond the nominal chunk size: the end of the line the range's end moved to. */
    private static final int SLACK_SHIFT = 6;

    /**
     * Scratch space of one worker thread, reused across its chunks and across the counting and parsing passes: the
     * bytes of one chunk (allocated once, at the size of a full chunk), and the piece through which every byte of
     * the file comes in. The channel reads into the worker's own direct buffer: reading into a heap array would make
     * the JDK allocate a temporary direct buffer of the read's size on each new thread, fresh memory every time.
     */
    static final class Worker {
        byte[] bytes = new byte[0];
        char[] chars = new char[0];
        /** A piece of the file, copied from {@link #staged}: what the counting pass reads. */
        final byte[] piece;
        final ByteBuffer staged;
        final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);

        Worker(int pieceBytes) {
            piece = new byte[pieceBytes];
            staged = ByteBuffer.allocateDirect(pieceBytes);
        }
    }

    /** Bytes [start, end) of the file: {@code rows} whole records, the first of them row {@code base} of the file. */
    static final class Range {
        final long start;
        final long end;
        int rows;
        int base;
        /** The bytes end inside a quoted field: no record boundary, or a quote never closed. */
        boolean unclosed;

        Range(long start, long end) {
            this.start = start;
            this.end = end;
        }
    }

    private final FileChannel channel;
    private final CsvOptions o;
    private final int maxRecord;
    /** Where the first line break after a nominal range start is looked for, a piece at a time. */
    private static final int SCAN = 1 << 16;
    /** Bytes of each piece read from the channel (a test reads in tiny pieces to put piece ends everywhere). */
    final int pieceBytes;
    /** The size a worker's chunk buffer gets when it first needs one: a full chunk and its slack, or the whole body. */
    private int bufferBytes;
    long size;
    long dataStart;
    int firstLineOffset;
    List<String> header;
    CsvColumnPlans plans;
    int width;

    CsvChunkSplit(FileChannel channel, CsvOptions o, int maxRecord, int pieceBytes) {
        this.channel = channel;
        this.o = o;
        this.maxRecord = maxRecord;
        this.pieceBytes = Math.max(1, pieceBytes);
    }

    /**
     * The body cut into ranges of about {@code chunkBytes} bytes, their records counted in parallel; null when the
     * sequential reader must read the file (no records, or a quoted field that never closes).
     */
    List<Range> ranges(int chunkBytes, int threads, Supplier<Worker> workers, Worker main) throws IOException {
        bufferBytes = (int) Math.min(size - dataStart, Math.min(Integer.MAX_VALUE - 16, chunkBytes + (long) (chunkBytes >> SLACK_SHIFT) + 1));
        long[] nominal = nominalStarts(chunkBytes);
        int n = nominal.length;
        Range[] counted = new Range[n];
        IOException[] failure = new IOException[n];
        Parallel.forEach(n, threads, workers, (w, k) -> {
            try {
                long start = k == 0 ? dataStart : afterNewline(w, nominal[k]);
                long end = k + 1 >= n ? size : afterNewline(w, nominal[k + 1]);
                counted[k] = count(w, new Range(start, end));
            } catch (IOException e) {
                failure[k] = e;
            }
        });
        for (IOException e : failure) {
            if (e != null) {
                throw e;
            }
        }
        List<Range> ranges = new ArrayList<>(n);
        long expected = dataStart;
        long rows = 0;
        for (int k = 0; k < n; k++) {
            Range r = counted[k];
            if (r.start != expected) {
                return null; // ranges meet at their shared boundary by construction; never trust otherwise
            }
            if (r.unclosed) {
                if (k + 1 >= n || counted[k + 1].end - r.start > 2L * maxRecord + 4L * chunkBytes) {
                    return null; // an unclosed quote (no record is that long), which the sequential reader names
                }
                // the line break that ends this range is inside a quoted field: count it with the next one
                counted[k + 1] = count(main, new Range(r.start, counted[k + 1].end));
                continue;
            }
            if (r.start < r.end) {
                r.base = (int) rows;
                rows += r.rows;
                ranges.add(r);
            }
            expected = r.end;
        }
        if (rows == 0 || rows > Integer.MAX_VALUE - 16 || expected != size) {
            return null; // a header without records is a problem the sequential reader names
        }
        return ranges;
    }

    /**
     * Where the ranges would start were there no line to finish: the first right after the header, then
     * {@code chunkBytes} apart, except that the first few ranges grow from a 32nd of it (one per size up to the
     * full one). Why: the JIT compiles the parsing loops while the first ranges are read; with short first ranges
     * the profile it compiles from has already seen ranges end (and no compiled loop is thrown away at the end of
     * its first range, as happens after one long range), and two threads share the work sooner.
     */
    private long[] nominalStarts(int chunkBytes) {
        List<Long> starts = new ArrayList<>();
        long at = dataStart;
        for (int shift = 5; at < size || starts.isEmpty(); shift = Math.max(0, shift - 1)) {
            starts.add(at);
            at += Math.max(1, chunkBytes >> shift);
        }
        long[] out = new long[starts.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = starts.get(k);
        }
        return out;
    }

    /** Total rows of the ranges. */
    static int rows(List<Range> ranges) {
        Range last = ranges.get(ranges.size() - 1);
        return last.base + last.rows;
    }

    /**
     * Reads the range's bytes into {@code w.bytes}; returns their length. The buffer is allocated once at a full
     * chunk's size (the first ranges are shorter), so a worker never reallocates it through the growing first ranges;
     * only a range longer than that (a very long record) makes a larger one. Bytes past the length are left over from
     * an earlier range and never read: {@link CsvByteRecords} stops at the length.
     */
    int load(Worker w, Range r) throws IOException {
        int len = (int) (r.end - r.start);
        if (w.bytes.length < len) {
            w.bytes = new byte[Math.max(len, bufferBytes)];
        }
        readFully(w, w.bytes, len, r.start);
        return len;
    }

    /**
     * Counts the records of the range as {@link CsvByteRecords#next} finds them: a record starts at any byte but
     * CR or LF (empty lines are none) and ends at a CR or LF outside quotes. A quote outside quotes opens a quoted
     * part that ends at the next quote ({@code ""} inside is a close and an open): that is the parser's state for
     * every well-formed record; a stray quote is a syntax error which the parse of the range meets.
     */
    private static final int BETWEEN = 0;
    private static final int RECORD = 1;
    private static final int QUOTED = 2;

    private Range count(Worker w, Range r) throws IOException {
        byte[] b = w.piece;
        int rows = 0;
        int state = BETWEEN;
        // read piece by piece (the chunk's buffer is not touched): the state carries a record or a quote over a piece's end
        for (long pos = r.start; pos < r.end; ) {
            int len = (int) Math.min(b.length, r.end - pos);
            readFully(w, b, len, pos);
            pos += len;
            int i = 0;
            while (i < len) {
                if (state == QUOTED) {
                    while (i < len && b[i] != '"') {
                        i++;
                    }
                    if (i >= len) {
                        break;
                    }
                    i++;
                    state = RECORD;
                    continue;
                }
                if (state == BETWEEN) {
                    byte c = b[i];
                    if (c == '\n' || c == '\r') {
                        i++;
                        continue;
                    }
                    rows++;
                    state = RECORD;
                }
                while (i < len) {
                    byte c = b[i++];
                    if (c > '"') {
                        continue;
                    }
                    if (c == '\n' || c == '\r') {
                        state = BETWEEN;
                        break;
                    }
                    if (c == '"') {
                        state = QUOTED;
                        break;
                    }
                }
            }
        }
        r.unclosed = state == QUOTED;
        r.rows = rows;
        return r;
    }

    /** Just after the first LF at or after {@code at}; the file's size when there is none. */
    private long afterNewline(Worker w, long at) throws IOException {
        byte[] b = w.piece;
        long pos = at;
        while (pos < size) {
            int len = (int) Math.min(Math.min(b.length, SCAN), size - pos);
            readFully(w, b, len, pos);
            for (int i = 0; i < len; i++) {
                if (b[i] == '\n') {
                    return pos + i + 1;
                }
            }
            pos += len;
        }
        return size;
    }

    /** Reads {@code len} bytes at {@code pos} into {@code dst}, through the worker's direct buffer. */
    private void readFully(Worker w, byte[] dst, int len, long pos) throws IOException {
        ByteBuffer st = w.staged;
        int off = 0;
        while (off < len) {
            int n = Math.min(len - off, st.capacity());
            st.clear().limit(n);
            while (st.hasRemaining()) {
                if (channel.read(st, pos + off + st.position()) < 0) {
                    throw new IOException("the file changed while it was being read");
                }
            }
            st.flip();
            st.get(dst, off, n);
            off += n;
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
    boolean readHeader(Worker w) throws IOException {
        size = channel.size();
        if (size == 0) {
            return false;
        }
        int block = (int) Math.min(size, CsvReader.DEFAULT_BYTE_BUFFER);
        for (;;) {
            if (w.bytes.length < block) {
                w.bytes = new byte[block];
            }
            readFully(w, w.bytes, block, 0);
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
            Problems scratch = new Problems();
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
}
