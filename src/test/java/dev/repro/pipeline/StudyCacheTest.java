package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validated study is shared only through the cache its owner hands in, and only for unchanged files. */
class StudyCacheTest {

    @Test
    void goalsSharingACacheReadTheStudyOnce(@TempDir Path dir) throws Exception {
        Workspace ws = BasicProject.copy(dir);
        StudyCache cache = new StudyCache();
        List<String> log = new ArrayList<>();
        Pipeline.Loaded first = new Pipeline(ws, BasicProject.collect(log), 1, cache).validate();
        Pipeline.Loaded second = new Pipeline(ws, BasicProject.collect(log), 1, cache).validate();
        assertSame(first, second);
        assertSame(first, new Pipeline(ws, BasicProject.collect(log), 1, cache).prepare());
        assertEquals(1, log.stream().filter(l -> l.startsWith("Study study.yaml is valid")).count());
    }

    @Test
    void anotherCacheReadsAgain(@TempDir Path dir) throws Exception {
        Workspace ws = BasicProject.copy(dir);
        Pipeline.Loaded first = new Pipeline(ws, Reporter.SILENT, 1, new StudyCache()).validate();
        assertNotSame(first, new Pipeline(ws, Reporter.SILENT, 1, new StudyCache()).validate());
    }

    @Test
    void anEditedDatasetIsReadAgain(@TempDir Path dir) throws Exception {
        Workspace ws = BasicProject.copy(dir);
        StudyCache cache = new StudyCache();
        Pipeline.Loaded first = new Pipeline(ws, Reporter.SILENT, 1, cache).validate();
        Files.writeString(dir.resolve("data/grunfeld.csv"), "\n", StandardOpenOption.APPEND);
        assertNotSame(first, new Pipeline(ws, Reporter.SILENT, 1, cache).validate());
    }
}
