package dev.repro.data;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The records of one chunk of a CSV file held as bytes ({@code bytes[0..length)}, its end the end of the input),
 * for {@link CsvChunkedReader}: the same RFC 4180 state machine as {@link CsvParser}, on bytes. Every byte that
 * structures a record (comma, quote, CR, LF) is ASCII and never part of a multi-byte UTF-8 sequence, so field
 * bounds and line numbers are those of the decoded text. A field is decoded only when asked for as text
 * ({@link #value}), strictly, and only if it has a byte of 0x80 or more; numbers are parsed from the bytes.
 *
 * <p>The caller checks record lengths itself: {@link #recordLength()} counts bytes, at least the chars of the
 * decoded record, so a record at the limit goes to the sequential reader, which measures chars.
 */
final class CsvByteRecords {
    /** A field with a byte of 0x80 or more: not ASCII, decoded as UTF-8 when its text is asked for. */
    static final byte HIGH = 8;

    private final byte[] buf;
    private final int lim;
    private int pos;
    private int line = 1;

    private int count;
    private int[] start = new int[16];
    private int[] end = new int[16];
    private int[] fieldLine = new int[16];
    private byte[] flags = new byte[16];
    private int recordLine;
    private int recordStart;
    private int recordEnd;
    private int syntaxError;

    // the text of one field, set by value(i)
    char[] va = new char[64];
    int vs;
    int ve;
    private byte[] unescaped = new byte[64];
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    CsvByteRecords(byte[] bytes, int length) {
        this.buf = bytes;
        this.lim = length;
    }

    /** Moves to the next record; false at the end of the chunk. */
    boolean next() {
        final byte[] b = buf;
        final int lim = this.lim;
        int p = pos;
        int ln = line;
        // empty lines are not records
        for (;;) {
            if (p >= lim) {
                pos = p;
                line = ln;
                return false;
            }
            byte c = b[p];
            if (c == '\n') {
                p++;
                ln++;
            } else if (c == '\r') {
                p += p + 1 < lim && b[p + 1] == '\n' ? 2 : 1;
                ln++;
            } else {
                break;
            }
        }
        recordLine = ln;
        recordStart = p;
        syntaxError = CsvParser.NO_ERROR;
        int n = 0;
        for (;;) {
            if (n == start.length) {
                growFields();
            }
            final int fl = ln;
            byte f = 0;
            int s;
            int e;
            if (p < lim && b[p] == '"') {
                f = CsvParser.QUOTED;
                int q = p + 1;
                s = q;
                for (;;) {
                    if (q >= lim) {
                        f |= CsvParser.UNCLOSED;
                        if (syntaxError == CsvParser.NO_ERROR) {
                            syntaxError = CsvParser.UNCLOSED_QUOTE;
                        }
                        e = q;
                        p = q;
                        break;
                    }
                    byte c = b[q];
                    if (c == '"') {
                        if (q + 1 < lim && b[q + 1] == '"') {
                            f |= CsvParser.ESCAPED;
                            q += 2;
                            continue;
                        }
                        e = q;
                        p = q + 1;
                        break;
                    }
                    if (c < 0) {
                        f |= HIGH;
                    } else if (c == '\n') {
                        ln++;
                    } else if (c == '\r' && (q + 1 >= lim || b[q + 1] != '\n')) {
                        ln++;
                    }
                    q++;
                }
                if (p < lim && (f & CsvParser.UNCLOSED) == 0) {
                    byte c = b[p];
                    if (c != ',' && c != '\n' && c != '\r') {
                        if (syntaxError == CsvParser.NO_ERROR) {
                            syntaxError = CsvParser.JUNK_AFTER_QUOTE;
                        }
                        while (p < lim && (c = b[p]) != ',' && c != '\n' && c != '\r') {
                            p++;
                        }
                    }
                }
            } else {
                s = p;
                while (p < lim) {
                    byte c = b[p];
                    if (c > ',') {
                        p++;
                        continue;
                    }
                    if (c == ',' || c == '\n' || c == '\r') {
                        break;
                    }
                    if (c < 0) {
                        f |= HIGH;
                    } else if (c == '"' && syntaxError == CsvParser.NO_ERROR) {
                        syntaxError = CsvParser.BARE_QUOTE;
                    }
                    p++;
                }
                e = p;
            }
            start[n] = s;
            end[n] = e;
            fieldLine[n] = fl;
            flags[n] = f;
            n++;
            if (p >= lim) {
                break; // end of the chunk
            }
            byte c = b[p];
            if (c == ',') {
                p++;
                continue;
            }
            if (c == '\n') {
                p++;
            } else {
                p += p + 1 < lim && b[p + 1] == '\n' ? 2 : 1;
            }
            ln++;
            break;
        }
        count = n;
        recordEnd = p;
        pos = p;
        line = ln;
        return true;
    }

    private void growFields() {
        int m = start.length * 2;
        start = Arrays.copyOf(start, m);
        end = Arrays.copyOf(end, m);
        fieldLine = Arrays.copyOf(fieldLine, m);
        flags = Arrays.copyOf(flags, m);
    }

    int count() {
        return count;
    }

    int recordLine() {
        return recordLine;
    }

    /** The line where scanning resumes: after the current record, or after the last line at the end. */
    int line() {
        return line;
    }

    /** Bytes of the current record, its line end included. */
    int recordLength() {
        return recordEnd - recordStart;
    }

    int syntaxError() {
        return syntaxError;
    }

    int fieldLine(int i) {
        return fieldLine[i];
    }

    /** The chunk's bytes; field i is {@code bytes()[start(i)..end(i))} when it is {@link #plain}. */
    byte[] bytes() {
        return buf;
    }

    int start(int i) {
        return start[i];
    }

    int end(int i) {
        return end[i];
    }

    /** True when field i is ASCII without {@code ""} escapes: its bytes are its text. */
    boolean plain(int i) {
        return (flags[i] & (HIGH | CsvParser.ESCAPED)) == 0;
    }

    /**
     * Makes field i available as the text {@code va[vs..ve)}, quotes removed and unescaped, decoded strictly as
     * UTF-8; false when its bytes are not valid UTF-8 (the sequential reader then names the line and column).
     */
    boolean value(int i) {
        int s = start[i];
        int e = end[i];
        byte f = flags[i];
        byte[] src = buf;
        if ((f & CsvParser.ESCAPED) != 0) {
            if (unescaped.length < e - s) {
                unescaped = new byte[Math.max(e - s, 2 * unescaped.length)];
            }
            int j = 0;
            for (int k = s; k < e; k++) {
                byte c = buf[k];
                unescaped[j++] = c;
                if (c == '"') {
                    k++; // the second quote of a "" pair
                }
            }
            src = unescaped;
            s = 0;
            e = j;
        }
        if (va.length < e - s) {
            va = new char[Math.max(e - s, 2 * va.length)];
        }
        vs = 0;
        if ((f & HIGH) == 0) {
            for (int k = s; k < e; k++) {
                va[k - s] = (char) src[k];
            }
            ve = e - s;
            return true;
        }
        CharBuffer out = CharBuffer.wrap(va);
        decoder.reset();
        CoderResult r = decoder.decode(ByteBuffer.wrap(src, s, e - s), out, true);
        if (r.isError() || decoder.flush(out).isError()) {
            return false;
        }
        ve = out.position();
        return true;
    }
}
