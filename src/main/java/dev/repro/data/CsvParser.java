package dev.repro.data;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 4180 records from a decoded char buffer: a hand-written state machine that finds field bounds
 * without copying (a quoted field with {@code ""} escapes is unescaped only when its value is asked for).
 *
 * <p>A record is parsed from its first char with local state only; when the buffer ends before the
 * record does, the buffer is refilled (keeping the record, growing the buffer for long records) and
 * the record is scanned again from its start. Records are a few hundred chars and a refill brings tens
 * of thousands, so the re-scan costs nothing measurable and keeps the state machine free of resumption
 * logic. Physical lines are counted at LF, CRLF and a lone CR, inside quoted fields too, so every
 * position can be named by its line in the file. Empty lines between records are skipped.
 */
final class CsvParser {
    static final byte QUOTED = 1;
    static final byte ESCAPED = 2;
    static final byte UNCLOSED = 4;

    /** Kinds of syntax error in a record (only the first one of a record is kept). */
    static final int NO_ERROR = 0;
    static final int JUNK_AFTER_QUOTE = 1;
    static final int BARE_QUOTE = 2;
    static final int UNCLOSED_QUOTE = 3;

    private static final int MORE = -1;
    private static final int END = 0;
    private static final int OK = 1;

    /** A line with invalid UTF-8: its first malformed sequence. */
    record BadBytes(int line, int byteColumn, long fileOffset, byte[] bytes) {
    }

    private final Utf8Source src;
    private final int maxRecord;
    private char[] buf;
    private int pos;
    private int lim;
    private long base; // position of buf[0] in the decoded text
    private boolean eof;
    private int line = 1;

    // the current record
    private int count;
    private int[] start = new int[16];
    private int[] end = new int[16];
    private int[] fieldLine = new int[16];
    private byte[] flags = new byte[16];
    private int recordLine;
    private int recordStart;
    private int recordEnd;
    private int syntaxError;
    private int errorField;
    private int errorLine;
    private char errorChar;

    // where the last incomplete scan stopped, to describe a record that outgrows maxRecord
    private boolean moreQuoted;
    private int moreField;
    private int moreFieldLine;
    private boolean tooLong;

    // the value of one field, set by value(i)
    char[] va;
    int vs;
    int ve;
    private char[] scratch = new char[64];

    CsvParser(Utf8Source src, int initialBuffer, int maxRecord) {
        this.src = src;
        this.maxRecord = maxRecord;
        this.buf = new char[Math.max(2, Math.min(initialBuffer, maxRecord))];
    }

    /**
     * Records of text already decoded in memory ({@code text[0..length)}, the end of the text being the end of
     * the input): one chunk of a file read in parallel. Lines are counted from 1 at {@code text[0]}; the
     * caller checks record lengths against {@code maxRecord} itself, as nothing is refilled here.
     */
    CsvParser(char[] text, int length, int maxRecord) {
        this.src = null;
        this.maxRecord = maxRecord;
        this.buf = text;
        this.lim = length;
        this.eof = true;
    }

    /** Moves to the next record; false at the end of the file or when a record is longer than the maximum. */
    boolean next() throws IOException {
        for (;;) {
            int r = scan();
            if (r == OK) {
                return true;
            }
            if (r == END || !fill()) {
                return false;
            }
        }
    }

    private boolean fill() throws IOException {
        if (pos > 0) {
            int keep = lim - pos;
            System.arraycopy(buf, pos, buf, 0, keep);
            base += pos;
            lim = keep;
            pos = 0;
        }
        // grow when the record fills three quarters of the buffer; keep room for 2 chars at least, as
        // the decoder cannot deliver a surrogate pair into a single free char
        if (lim >= buf.length - Math.max(2, buf.length / 4) && buf.length < maxRecord) {
            buf = Arrays.copyOf(buf, (int) Math.min(2L * buf.length, maxRecord));
        }
        if (buf.length - lim < 2) {
            tooLong = true;
            return false;
        }
        int n = src.read(buf, lim, buf.length - lim);
        if (n < 0) {
            eof = true;
        } else {
            lim += n;
        }
        return true;
    }

    /** Scans one record from {@code pos}: OK (fields set), END (no more records) or MORE (refill and retry). */
    private int scan() {
        final char[] b = buf;
        final int lim = this.lim;
        int p = pos;
        int ln = line;
        // empty lines are not records
        for (;;) {
            if (p >= lim) {
                pos = p;
                line = ln;
                moreQuoted = false;
                return eof ? END : MORE;
            }
            char c = b[p];
            if (c == '\n') {
                p++;
                ln++;
            } else if (c == '\r') {
                if (p + 1 < lim) {
                    p += b[p + 1] == '\n' ? 2 : 1;
                } else if (eof) {
                    p++;
                } else {
                    pos = p;
                    line = ln;
                    moreQuoted = false;
                    return MORE;
                }
                ln++;
            } else {
                break;
            }
        }
        pos = p;
        line = ln;
        recordLine = ln;
        recordStart = p;
        syntaxError = NO_ERROR;
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
                f = QUOTED;
                int q = p + 1;
                s = q;
                for (;;) {
                    if (q >= lim) {
                        if (!eof) {
                            return more(true, n, fl);
                        }
                        f |= UNCLOSED;
                        if (syntaxError == NO_ERROR) {
                            syntaxError = UNCLOSED_QUOTE;
                            errorField = n;
                            errorLine = fl;
                        }
                        e = q;
                        p = q;
                        break;
                    }
                    char c = b[q];
                    if (c == '"') {
                        if (q + 1 >= lim && !eof) {
                            return more(true, n, fl);
                        }
                        if (q + 1 < lim && b[q + 1] == '"') {
                            f |= ESCAPED;
                            q += 2;
                            continue;
                        }
                        e = q;
                        p = q + 1;
                        break;
                    }
                    if (c == '\n') {
                        ln++;
                    } else if (c == '\r') {
                        if (q + 1 >= lim) {
                            if (!eof) {
                                return more(true, n, fl);
                            }
                            ln++;
                        } else if (b[q + 1] != '\n') {
                            ln++;
                        }
                    }
                    q++;
                }
                if (p < lim && (f & UNCLOSED) == 0) {
                    char c = b[p];
                    if (c != ',' && c != '\n' && c != '\r') {
                        if (syntaxError == NO_ERROR) {
                            syntaxError = JUNK_AFTER_QUOTE;
                            errorField = n;
                            errorLine = ln;
                            errorChar = c;
                        }
                        while (p < lim && (c = b[p]) != ',' && c != '\n' && c != '\r') {
                            p++;
                        }
                        if (p >= lim && !eof) {
                            return more(false, n, fl);
                        }
                    }
                } else if (p >= lim && !eof) {
                    return more(false, n, fl);
                }
            } else {
                s = p;
                while (p < lim) {
                    char c = b[p];
                    if (c > ',') {
                        p++;
                        continue;
                    }
                    if (c == ',' || c == '\n' || c == '\r') {
                        break;
                    }
                    if (c == '"' && syntaxError == NO_ERROR) {
                        syntaxError = BARE_QUOTE;
                        errorField = n;
                        errorLine = ln;
                    }
                    p++;
                }
                if (p >= lim && !eof) {
                    return more(false, n, fl);
                }
                e = p;
            }
            start[n] = s;
            end[n] = e;
            fieldLine[n] = fl;
            flags[n] = f;
            n++;
            if (p >= lim) {
                break; // end of file
            }
            char c = b[p];
            if (c == ',') {
                p++;
                continue;
            }
            if (c == '\n') {
                p++;
            } else if (p + 1 < lim) {
                p += b[p + 1] == '\n' ? 2 : 1;
            } else if (eof) {
                p++;
            } else {
                return more(false, n, fl);
            }
            ln++;
            break;
        }
        count = n;
        recordEnd = p;
        pos = p;
        line = ln;
        return OK;
    }

    private int more(boolean quoted, int field, int fl) {
        moreQuoted = quoted;
        moreField = field;
        moreFieldLine = fl;
        return MORE;
    }

    private void growFields() {
        int m = start.length * 2;
        start = Arrays.copyOf(start, m);
        end = Arrays.copyOf(end, m);
        fieldLine = Arrays.copyOf(fieldLine, m);
        flags = Arrays.copyOf(flags, m);
    }

    /** Number of fields of the current record. */
    int count() {
        return count;
    }

    /** 1-based physical line where the current record starts. */
    int recordLine() {
        return recordLine;
    }

    /** The line where scanning resumes: after the current record, or after the last line at the end. */
    int line() {
        return line;
    }

    /** Position in the text just after the current record (its line end included). */
    int recordEnd() {
        return recordEnd;
    }

    /** Chars of the current record, its line end included. */
    int recordLength() {
        return recordEnd - recordStart;
    }

    /** 1-based physical line where field i of the current record starts. */
    int fieldLine(int i) {
        return fieldLine[i];
    }

    int syntaxError() {
        return syntaxError;
    }

    int errorField() {
        return errorField;
    }

    int errorLine() {
        return errorLine;
    }

    char errorChar() {
        return errorChar;
    }

    /** True when reading stopped because a record outgrew the maximum record length. */
    boolean tooLong() {
        return tooLong;
    }

    /** Line of the record that outgrew the maximum. */
    int tooLongLine() {
        return line;
    }

    /** For a record that outgrew the maximum: whether it was inside a quoted field, and which. */
    boolean tooLongQuoted() {
        return moreQuoted;
    }

    int tooLongField() {
        return moreField;
    }

    int tooLongFieldLine() {
        return moreFieldLine;
    }

    int maxRecord() {
        return maxRecord;
    }

    /** Makes field i of the current record available as {@code va[vs..ve)}, quotes removed and unescaped. */
    void value(int i) {
        int s = start[i];
        int e = end[i];
        if ((flags[i] & ESCAPED) == 0) {
            va = buf;
            vs = s;
            ve = e;
            return;
        }
        if (scratch.length < e - s) {
            scratch = new char[Math.max(e - s, scratch.length * 2)];
        }
        char[] b = buf;
        int j = 0;
        for (int k = s; k < e; k++) {
            char c = b[k];
            scratch[j++] = c;
            if (c == '"') {
                k++; // the second quote of a "" pair
            }
        }
        va = scratch;
        vs = 0;
        ve = j;
    }

    /** Field i as a String (for messages and the header; not used for numeric cells). */
    String text(int i) {
        value(i);
        return new String(va, vs, ve - vs);
    }

    /**
     * The invalid UTF-8 inside the current record, one entry per line (its first malformed sequence);
     * consumes them from the source's queue. Empty (and cheap) in the normal case.
     */
    List<BadBytes> encodingErrors(boolean bom) {
        if (src == null) {
            return List.of(); // decoded strictly by the caller
        }
        ArrayDeque<Utf8Source.EncodingError> q = src.errors();
        long endPos = base + recordEnd;
        if (q.isEmpty() || q.peekFirst().charPos() >= endPos) {
            return List.of();
        }
        List<BadBytes> out = new ArrayList<>();
        int ln = recordLine;
        int lineStart = recordStart;
        int k = recordStart;
        int lastReported = 0;
        while (!q.isEmpty() && q.peekFirst().charPos() < endPos) {
            Utf8Source.EncodingError err = q.pollFirst();
            int at = (int) (err.charPos() - base);
            for (; k < at; k++) {
                char c = buf[k];
                if (c == '\n' || (c == '\r' && buf[k + 1] != '\n')) {
                    ln++;
                    lineStart = k + 1;
                }
            }
            if (ln == lastReported) {
                continue;
            }
            lastReported = ln;
            int bytes = 0;
            for (int j = lineStart; j < at; j++) {
                bytes += utf8Length(buf[j]);
            }
            if (ln == 1 && bom) {
                bytes += 3;
            }
            out.add(new BadBytes(ln, bytes + 1, err.fileOffset(), err.bytes()));
        }
        return out;
    }

    static int utf8Length(char c) {
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800 || Character.isSurrogate(c)) {
            return 2; // a surrogate pair is 4 bytes, 2 per char
        }
        return 3;
    }
}
