package dev.repro.data;

import dev.repro.io.Sha256;

import java.io.Closeable;
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
import java.util.ArrayDeque;

/**
 * The characters of a file decoded strictly as UTF-8 (a {@link CharsetDecoder} set to REPORT, never
 * replacing silently), with the SHA-256 of the raw bytes computed on the way. A UTF-8 byte order mark
 * is skipped. Each malformed sequence is queued as an {@link EncodingError} at the char position where
 * it occurred and stands in the text as one U+FFFD, so that the parser can name its line.
 */
final class Utf8Source implements Closeable {

    /** Why the file cannot be decoded at all. */
    enum Fatal { NONE, UTF16, NUL }

    /** A malformed byte sequence: where it sits in the decoded text and in the file. */
    record EncodingError(long charPos, long fileOffset, byte[] bytes) {
    }

    private final FileChannel channel;
    private final ByteBuffer bytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final Sha256 sha;
    private final ArrayDeque<EncodingError> errors = new ArrayDeque<>();
    private long bufferOffset; // file offset of bytes[0]
    private long charsOut;
    private boolean inputDone;
    private boolean done;
    private boolean bom;
    private Fatal fatal = Fatal.NONE;
    private long fatalOffset;
    private int fatalLine;

    /** Opens the file and reads its first block; {@link #fatal()} then tells whether it is text at all. */
    Utf8Source(Path file, int byteBufferSize, Sha256 sha) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.bytes = ByteBuffer.allocate(Math.max(byteBufferSize, 4));
        this.bytes.limit(0);
        this.sha = sha;
        try {
            fillBytes();
            sniff();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private void sniff() {
        byte[] a = bytes.array();
        int n = bytes.limit();
        if (n >= 3 && (a[0] & 0xFF) == 0xEF && (a[1] & 0xFF) == 0xBB && (a[2] & 0xFF) == 0xBF) {
            bom = true;
            bytes.position(3);
        } else if (n >= 2 && (((a[0] & 0xFF) == 0xFF && (a[1] & 0xFF) == 0xFE)
                || ((a[0] & 0xFF) == 0xFE && (a[1] & 0xFF) == 0xFF))) {
            fatal = Fatal.UTF16;
            fatalLine = 1;
            return;
        }
        // a NUL byte in the first block: UTF-16 without a byte order mark, a spreadsheet, a zip file...
        int line = 1;
        for (int i = 0; i < n; i++) {
            if (a[i] == 0) {
                fatal = Fatal.NUL;
                fatalOffset = i;
                fatalLine = line;
                return;
            }
            if (a[i] == '\n') {
                line++;
            }
        }
    }

    Fatal fatal() {
        return fatal;
    }

    long fatalOffset() {
        return fatalOffset;
    }

    int fatalLine() {
        return fatalLine;
    }

    /** True when the file started with a UTF-8 byte order mark (3 bytes, not part of the text). */
    boolean bom() {
        return bom;
    }

    /** Malformed sequences found so far, in file order; the parser takes them off the front. */
    ArrayDeque<EncodingError> errors() {
        return errors;
    }

    /** Decodes up to {@code len} chars into {@code dst}; returns how many, or -1 at the end of the file. */
    int read(char[] dst, int off, int len) throws IOException {
        if (done || fatal != Fatal.NONE || len == 0) {
            return done || fatal != Fatal.NONE ? -1 : 0;
        }
        CharBuffer out = CharBuffer.wrap(dst, off, len);
        for (;;) {
            CoderResult r = decoder.decode(bytes, out, inputDone);
            if (r.isError()) {
                if (!out.hasRemaining()) {
                    break; // report it on the next call, when there is room for its U+FFFD
                }
                int n = r.length();
                int at = bytes.position();
                byte[] bad = new byte[n];
                System.arraycopy(bytes.array(), at, bad, 0, n);
                errors.add(new EncodingError(charsOut + (out.position() - off), bufferOffset + at, bad));
                bytes.position(at + n);
                out.put('\uFFFD');
                continue;
            }
            if (r.isOverflow() || out.position() > off) {
                break;
            }
            if (inputDone) {
                decoder.flush(out);
                done = true;
                break;
            }
            fillBytes();
        }
        int n = out.position() - off;
        charsOut += n;
        return n == 0 && done ? -1 : n;
    }

    private void fillBytes() throws IOException {
        bufferOffset += bytes.position();
        bytes.compact();
        while (bytes.hasRemaining()) {
            int start = bytes.position();
            int n = channel.read(bytes);
            if (n < 0) {
                inputDone = true;
                break;
            }
            if (sha != null) {
                sha.update(bytes.array(), start, n);
            }
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
