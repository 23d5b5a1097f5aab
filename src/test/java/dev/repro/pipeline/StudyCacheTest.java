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
    private static final Path PROJECT = Path.of("src/test/resources/projects/basic").toAbsolutePath();

    private static Workspace copy(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(PROJECT.resolve("study.yaml"), dir.resolve("study.yaml"));
        Files.copy(PROJECT.resolve("data/grunfeld.csv"), dir.resolve("data/grunfeld.csv"));
        return new Workspace(dir, dir.resolve("study.yaml"), dir.resolve("out"), dir.resolve("baseline.json"), null);
    }

    private static Reporter collect(List<String> lines) {
        return new Reporter() {
            @Override
            public void info(String message) {
                lines.add(message);
            }

            @Override
            public void warn(String message) {
                lines.add(message);
            }
        };
    }

    @Test
    void goalsSharingACacheReadTheStudyOnce(@TempDir Path dir) throws Exception {
        Workspace ws = copy(dir);
        StudyCache cache = new StudyCache();
        List<String> log = new ArrayList<>();
        Pipeline.Loaded first = new Pipeline(ws, collect(log), 1, cache).validate();
        Pipeline.Loaded second = new Pipeline(ws, collect(log), 1, cache).validate();
        assertSame(first, second);
        assertSame(first, new Pipeline(ws, collect(log), 1, cache).prepare());
        assertEquals(1, log.stream().filter(l -> l.startsWith("Study study.yaml is valid")).count());
    }

    @Test
    void anotherCacheReadsAgain(@TempDir Path dir) throws Exception {
        Workspace ws = copy(dir);
        Pipeline.Loaded first = new Pipeline(ws, Reporter.SILENT, 1, new StudyCache()).validate();
        assertNotSame(first, new Pipeline(ws, Reporter.SILENT, 1, new StudyCache()).validate());
    }

    @Test
    void anEditedDatasetIsReadAgain(@TempDir Path dir) throws Exception {
        Workspace ws = copy(dir);
        StudyCache cache = new StudyCache();
        Pipeline.Loaded first = new Pipeline(ws, Reporter.SILENT, 1, cache).validate();
        Files.writeString(dir.resolve("data/grunfeld.csv"), "\n", StandardOpenOption.APPEND);
        assertNotSame(first, new Pipeline(ws, Reporter.SILENT, 1, cache).validate());
    }
}
