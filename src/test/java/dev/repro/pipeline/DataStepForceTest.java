package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.diag.Problems;
import dev.repro.io.Sha256;
import dev.repro.study.Study;
import dev.repro.study.StudyParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under repro.force a dataset is read without a lookup, so its file is hashed once, by its reader: the copy is cached
 * under the reader's digest of the bytes it parsed (the key a later build makes from the file's digest), and that
 * digest is recorded in the file stamps only when the file did not change while it was read.
 */
class DataStepForceTest {
    private static final String STUDY = """
            datasets:
              grunfeld: {file: data/grunfeld.csv, id: firm, time: year}
            models:
              m: {dataset: grunfeld, formula: "inv ~ value"}
            """;

    private static Map<String, Dataset> load(Workspace ws, FileStamps stamps, List<String> log, boolean force) throws Exception {
        Reporter r = BasicProject.collect(log);
        Problems problems = new Problems();
        Study study = StudyParser.parse(ws.studyFile(), "study.yaml", problems);
        DatasetCache cache = new DatasetCache(ws, stamps, r, force);
        Map<String, Dataset> out;
        try {
            out = DataStep.load(study, ws, r, problems, 2, cache);
        } finally {
            cache.awaitWrites();
        }
        assertTrue(problems.isEmpty(), problems.list().toString());
        return out;
    }

    @Test
    void aForcedReadIsCachedUnderItsReadersDigestAndStampedWithIt(@TempDir Path dir) throws Exception {
        Workspace ws = BasicProject.copy(dir);
        Files.writeString(ws.studyFile(), STUDY);
        Path data = dir.resolve("data/grunfeld.csv");
        FileTime old = FileTime.from(Instant.now().minusSeconds(60));
        Files.setLastModifiedTime(data, old);
        String sha = Sha256.of(data);

        List<String> log = new ArrayList<>();
        FileStamps stamps = FileStamps.load(ws, false, Reporter.SILENT);
        Dataset forced = load(ws, stamps, log, true).get("grunfeld");
        assertEquals(List.of("datasets.grunfeld: reading data/grunfeld.csv (repro.force is set: out/cache is not used)",
                "Read data/grunfeld.csv: 200 rows, 5 columns, sha256 " + sha), log);
        stamps.save();

        // the next build finds the copy under the key it makes from the file's digest (the recorded stamp: not hashed)
        log.clear();
        Dataset loaded = load(ws, FileStamps.load(ws, false, Reporter.SILENT), log, false).get("grunfeld");
        assertEquals(1, log.size(), log.toString());
        assertTrue(log.get(0).startsWith("datasets.grunfeld: loaded from out/cache/grunfeld.rcol (data/grunfeld.csv and its study"
                + " entry unchanged since it was cached): 200 rows"), log.toString());
        assertEquals(sha, loaded.sha256());
        assertEquals(((NumericColumn) forced.column("inv")).values().length, ((NumericColumn) loaded.column("inv")).values().length);

        // the stamp holds the reader's digest: same size and time, other bytes, and the recorded digest is kept
        byte[] bytes = Files.readAllBytes(data);
        byte[] other = bytes.clone();
        other[other.length - 2] = (byte) (other[other.length - 2] == '1' ? '2' : '1');
        Files.write(data, other);
        Files.setLastModifiedTime(data, old);
        assertEquals(sha, FileStamps.load(ws, false, Reporter.SILENT).digest(data));
    }

    /** The copy is written on a thread of its own; its failure is a warning once the writes are awaited, and the data is read. */
    @Test
    void aCopyThatCannotBeWrittenIsAWarningAfterTheWritesAreAwaited(@TempDir Path dir) throws Exception {
        Workspace ws = BasicProject.copy(dir);
        Files.writeString(ws.studyFile(), STUDY);
        Files.createDirectories(ws.outputDir());
        Files.writeString(ws.outputDir().resolve("cache"), "a file where the cache folder goes");
        List<String> log = new ArrayList<>();
        Dataset read = load(ws, FileStamps.load(ws, false, Reporter.SILENT), log, true).get("grunfeld");
        assertEquals(200, read.rows());
        assertEquals(3, log.size(), log.toString());
        assertTrue(log.get(2).startsWith("Could not cache grunfeld in out/cache/grunfeld.rcol ("), log.toString());
        assertTrue(log.get(2).endsWith("); the next build reads or builds it again"), log.toString());
    }

    @Test
    void aReadersDigestIsStampedOnlyWhenTheFileDidNotChangeWhileItWasRead(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("data.csv");
        Files.writeString(f, "a,b\n1,2\n");
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(60)));
        Workspace ws = new Workspace(dir, dir.resolve("study.yaml"), dir.resolve("out"), dir.resolve("baseline.json"), null);
        String read = "0".repeat(64);

        FileStamps s = FileStamps.load(ws, false, Reporter.SILENT);
        s.read(f, FileStamps.Seen.of(f), read);
        assertEquals(read, s.digest(f), "the reader's digest is taken as it is: the file is not hashed again");

        FileStamps t = FileStamps.load(ws, false, Reporter.SILENT);
        FileStamps.Seen before = FileStamps.Seen.of(f);
        Files.writeString(f, "a,b\n1,23\n");
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(30)));
        t.read(f, before, read);
        assertEquals(Sha256.of(f), t.digest(f), "a file written while it was read keeps no stamp: it is hashed");
    }
}
