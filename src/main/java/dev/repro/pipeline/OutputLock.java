package dev.repro.pipeline;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a project's output directory ({@code target/repro/.lock}), held while a goal reads
 * and writes its outputs, so that two builds of one project (two terminals, an IDE and a terminal) never
 * see each other's half-written or deleted results. The lock is the operating system's file lock, released
 * when it is closed or the process ends; a build that finds it taken says so once and waits.
 *
 * <p>File locks belong to a process, so a second holder in the same JVM (a build run twice in one Maven
 * daemon) is told apart by {@link OverlappingFileLockException} and waits the same way.
 */
public final class OutputLock implements AutoCloseable {
    /** The lock file's name inside the output directory. */
    public static final String FILE = ".lock";
    /** How long to sleep between attempts while another build holds the lock. */
    static final long POLL_MILLIS = 100;

    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code ws}'s output directory, waiting (and saying so once) while another build holds it. */
    public static OutputLock acquire(Workspace ws, Reporter log) throws IOException {
        Path file = ws.outputDir().resolve(FILE);
        Files.createDirectories(ws.outputDir());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            boolean told = false;
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return new OutputLock(channel, lock);
                }
                if (!told) {
                    log.info("waiting for another build of this project (lock " + ws.display(file) + ")");
                    told = true;
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the lock " + ws.display(file), e);
                }
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by another build in this JVM
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
