package dev.repro.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed write names the file it was writing, whatever the operating system's message says. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void failureNamesTheTarget() throws Exception {
        Path blocker = dir.resolve("target");
        Files.writeString(blocker, "a file where a folder should be");
        Path target = blocker.resolve("repro/results.json");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, new byte[] {1}));
        assertTrue(e.getMessage().startsWith("cannot write " + target + ": "), e.getMessage());
        assertEquals(1, Files.list(dir).count(), "no temporary file is left behind");
    }

    @Test
    void writesAndReplaces() throws Exception {
        Path target = dir.resolve("a/b.txt");
        AtomicFiles.write(target, "one");
        AtomicFiles.write(target, "two");
        assertEquals("two", Files.readString(target));
        assertEquals(1, Files.list(dir.resolve("a")).count());
    }
}
