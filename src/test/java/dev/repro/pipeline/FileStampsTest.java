package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.io.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File digests through recorded sizes and modification times: trusted only when safe, re-hashed on demand. */
class FileStampsTest {
    private static Workspace ws(Path dir) {
        return new Workspace(dir, dir.resolve("study.yaml"), dir.resolve("out"), dir.resolve("baseline.json"), null);
    }

    /** A file last modified well before now, so that its stamp is not racy. */
    private static Path oldFile(Path dir, String text) throws Exception {
        Path f = dir.resolve("data.csv");
        Files.writeString(f, text);
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(60)));
        return f;
    }

    @Test
    void anUnchangedSizeAndTimeKeepsTheRecordedDigestWithoutReadingTheFile(@TempDir Path dir) throws Exception {
        Path f = oldFile(dir, "a,b\n1,2\n");
        FileStamps first = FileStamps.load(ws(dir), false, Reporter.SILENT);
        assertEquals(Sha256.of(f), first.digest(f));
        first.save();
        // same size, same time, other bytes: the stamp is trusted (what targets and make do) ...
        FileTime t = Files.getLastModifiedTime(f);
        Files.writeString(f, "a,b\n1,3\n");
        Files.setLastModifiedTime(f, t);
        assertEquals(Sha256.of("a,b\n1,2\n".getBytes()), FileStamps.load(ws(dir), false, Reporter.SILENT).digest(f));
        // ... and repro.hash=always reads the file
        assertEquals(Sha256.of(f), FileStamps.load(ws(dir), true, Reporter.SILENT).digest(f));
    }

    @Test
    void aChangedTimeOrSizeIsHashedAgain(@TempDir Path dir) throws Exception {
        Path f = oldFile(dir, "a,b\n1,2\n");
        FileStamps s = FileStamps.load(ws(dir), false, Reporter.SILENT);
        String before = s.digest(f);
        s.save();
        Files.writeString(f, "a,b\n1,3\n");
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(30)));
        String after = FileStamps.load(ws(dir), false, Reporter.SILENT).digest(f);
        assertNotEquals(before, after);
        assertEquals(Sha256.of(f), after);
    }

    @Test
    void aFileStampedWithinTheClockTickOfItsLastWriteIsNotTrusted(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("fresh.csv");
        Files.writeString(f, "x\n1\n");
        FileStamps s = FileStamps.load(ws(dir), false, Reporter.SILENT);
        s.digest(f);
        s.save();
        FileTime t = Files.getLastModifiedTime(f);
        Files.writeString(f, "x\n2\n"); // same size, and possibly the same time
        Files.setLastModifiedTime(f, t);
        assertEquals(Sha256.of(f), FileStamps.load(ws(dir), false, Reporter.SILENT).digest(f));
    }

    @Test
    void anUnreadableStateFileIsSaidAndEveryFileHashed(@TempDir Path dir) throws Exception {
        Path f = oldFile(dir, "a\n1\n");
        Files.createDirectories(dir.resolve("out/state"));
        Files.writeString(dir.resolve("out/state/files.tsv"), "garbage\n");
        List<String> log = new ArrayList<>();
        FileStamps s = FileStamps.load(ws(dir), false, BasicProject.collect(log));
        assertEquals(List.of("The state file out/state/files.tsv is unreadable (unknown header): every input file is hashed again"), log);
        assertEquals(Sha256.of(f), s.digest(f));
        assertEquals("absent", s.digest(dir.resolve("missing.csv")));
        s.save();
        assertTrue(Files.readString(dir.resolve("out/state/files.tsv")).contains(Sha256.of(f)));
    }
}
