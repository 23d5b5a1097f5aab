package dev.repro.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that a reader sees either the old content or the whole new content, never half a file:
 * the bytes go to a temporary file in the same directory, which is then moved over the target.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Writes {@code content} to {@code target}; a failure (a full disk, a read-only folder) is an IOException
     * whose message names {@code target}, since the operating system's message ("No space left on device")
     * often names no file.
     */
    public static void write(Path target, byte[] content) throws IOException {
        try {
            writeAtomically(target, content);
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IOException("cannot write " + target + ": " + reason, e);
        }
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        writePrivately(target, true, channel -> {
            ByteBuffer bytes = ByteBuffer.wrap(content);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        });
    }

    /** What writes a file's content into the channel of its temporary copy. */
    @FunctionalInterface
    public interface Body {
        void writeTo(FileChannel channel) throws IOException;
    }

    /**
     * Streams {@code body} to a temporary file beside {@code target}, then moves it over {@code target}: for
     * content too large to hold in memory. The temporary file is created rw------- (where the file system has
     * permissions); {@code readable} opens it to rw-r--r-- before the move, else it stays private (a copy of
     * data). Not forced to disk: a reader must detect a copy cut short by a crash, as the dataset cache does.
     */
    public static void writePrivately(Path target, boolean readable, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            if (readable && tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                body.writeTo(channel);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void writeString(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code text} as UTF-8 (no BOM), creating the parent folders. */
    public static void write(Path target, String text) throws IOException {
        writeString(target, text);
    }
}
