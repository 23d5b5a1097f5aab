package dev.repro.data.dta;

import dev.repro.io.Sha256;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The bytes of a .dta file read forward once, in the file's byte order, each read naming what it expects so
 * that a short or corrupt file fails with the byte offset and the expected thing. Every byte passes through
 * the SHA-256, also those after the last section.
 */
final class DtaInput implements Closeable {
    private final InputStream in;
    private final Sha256 sha;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    /** File offset of buf[0]. */
    private long base;
    boolean bigEndian;

    DtaInput(InputStream in, Sha256 sha) {
        this.in = in;
        this.sha = sha;
    }

    /** The file offset of the next byte. */
    long offset() {
        return base + pos;
    }

    /** Makes {@code n} bytes available from {@code pos}; false at the end of the file. */
    boolean available(int n) throws IOException {
        if (lim - pos >= n) {
            return true;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            base += pos;
            lim -= pos;
            pos = 0;
        }
        if (buf.length < n) {
            buf = Arrays.copyOf(buf, Math.max(n, buf.length * 2));
        }
        while (lim < n) {
            int r = in.read(buf, lim, buf.length - lim);
            if (r < 0) {
                return false;
            }
            sha.update(buf, lim, r);
            lim += r;
        }
        return true;
    }

    private void need(int n, String what) throws IOException {
        if (!available(n)) {
            throw new DtaException(offset(), "the file ends after " + (lim - pos) + " of the " + n + " bytes of " + what
                    + "; the file is truncated: copy or save it again");
        }
    }

    /** The buffer holding at least {@code n} bytes from {@link #position()}; for block decoding. */
    byte[] block(int n, String what) throws IOException {
        need(n, what);
        return buf;
    }

    int position() {
        return pos;
    }

    void skip(int n) {
        pos += n;
    }

    /** The next byte without reading it, or -1 at the end of the file. */
    int peek() throws IOException {
        return available(1) ? buf[pos] & 0xff : -1;
    }

    int u8(String what) throws IOException {
        need(1, what);
        return buf[pos++] & 0xff;
    }

    int u16(String what) throws IOException {
        need(2, what);
        int v = u16(buf, pos, bigEndian);
        pos += 2;
        return v;
    }

    long u32(String what) throws IOException {
        need(4, what);
        long v = i32(buf, pos, bigEndian) & 0xffffffffL;
        pos += 4;
        return v;
    }

    int i32(String what) throws IOException {
        need(4, what);
        int v = i32(buf, pos, bigEndian);
        pos += 4;
        return v;
    }

    long i64(String what) throws IOException {
        need(8, what);
        long v = i64(buf, pos, bigEndian);
        pos += 8;
        return v;
    }

    /** An unsigned integer of {@code width} bytes (1 to 8). */
    long unsigned(int width, String what) throws IOException {
        need(width, what);
        long v = unsigned(buf, pos, width, bigEndian);
        pos += width;
        return v;
    }

    byte[] bytes(int n, String what) throws IOException {
        need(n, what);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    /** A fixed-width text field: up to its first NUL byte. */
    String text(int width, Charset cs, String what) throws IOException {
        need(width, what);
        String s = text(buf, pos, width, cs);
        pos += width;
        return s;
    }

    /** Reads the exact tag {@code <tag>} of formats 117-119. */
    void tag(String tag) throws IOException {
        byte[] want = tag.getBytes(StandardCharsets.US_ASCII);
        long at = offset();
        if (!available(want.length) || !Arrays.equals(buf, pos, pos + want.length, want, 0, want.length)) {
            int have = Math.min(lim - pos, want.length);
            String found = have == 0 ? "the end of the file" : "'" + printable(buf, pos, have) + "'";
            throw new DtaException(at, "expected the tag " + tag + ", found " + found + "; the file is "
                    + (have < want.length ? "truncated" : "corrupt") + ": copy or save it again");
        }
        pos += want.length;
    }

    /** Whether the next bytes are {@code tag} (not consumed). */
    boolean at(String tag) throws IOException {
        byte[] want = tag.getBytes(StandardCharsets.US_ASCII);
        return available(want.length) && Arrays.equals(buf, pos, pos + want.length, want, 0, want.length);
    }

    /** Hashes the rest of the file. */
    void drain() throws IOException {
        pos = lim;
        byte[] b = new byte[1 << 16];
        for (int r; (r = in.read(b)) >= 0; ) {
            sha.update(b, 0, r);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    static int u16(byte[] b, int p, boolean be) {
        return be ? (b[p] & 0xff) << 8 | (b[p + 1] & 0xff) : (b[p + 1] & 0xff) << 8 | (b[p] & 0xff);
    }

    static int i32(byte[] b, int p, boolean be) {
        return be ? (b[p] & 0xff) << 24 | (b[p + 1] & 0xff) << 16 | (b[p + 2] & 0xff) << 8 | (b[p + 3] & 0xff)
                : (b[p + 3] & 0xff) << 24 | (b[p + 2] & 0xff) << 16 | (b[p + 1] & 0xff) << 8 | (b[p] & 0xff);
    }

    static long i64(byte[] b, int p, boolean be) {
        return be ? (long) i32(b, p, true) << 32 | (i32(b, p + 4, true) & 0xffffffffL)
                : (long) i32(b, p + 4, false) << 32 | (i32(b, p, false) & 0xffffffffL);
    }

    static long unsigned(byte[] b, int p, int width, boolean be) {
        long v = 0;
        for (int i = 0; i < width; i++) {
            int k = be ? p + i : p + width - 1 - i;
            v = v << 8 | (b[k] & 0xff);
        }
        return v;
    }

    static String text(byte[] b, int p, int width, Charset cs) {
        int e = p;
        while (e < p + width && b[e] != 0) {
            e++;
        }
        return new String(b, p, e - p, cs);
    }

    static String printable(byte[] b, int p, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = p; i < p + n; i++) {
            int c = b[i] & 0xff;
            sb.append(c >= 32 && c < 127 ? Character.toString(c) : String.format(Locale.ROOT, "\\x%02x", c));
        }
        return sb.toString();
    }
}
