package dev.repro.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of raw bytes in lower-case hex: the fingerprint recorded for every input file, so that a
 * result can be traced to the exact bytes it was computed from (a re-saved CSV with the same numbers
 * but other line endings has another fingerprint, on purpose).
 */
public final class Sha256 {
    private final MessageDigest digest;

    public Sha256() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // every Java platform is required to provide SHA-256
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public void update(byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
    }

    /** The digest of everything passed to {@link #update} so far, in lower-case hex; resets this object. */
    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String of(byte[] bytes) {
        Sha256 s = new Sha256();
        s.update(bytes, 0, bytes.length);
        return s.hex();
    }

    /** Digest of a whole file, streamed. */
    public static String of(Path file) throws IOException {
        Sha256 s = new Sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                s.update(buf, 0, n);
            }
        }
        return s.hex();
    }
}
