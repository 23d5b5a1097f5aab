package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.repro.diag.Problems;
import dev.repro.study.Study;
import dev.repro.study.StudyParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code repro.threads} reaches the CSV reader: the pipeline's thread count is the reader's option. */
class DataStepThreadsTest {
    @TempDir
    Path dir;

    @Test
    void threadCountArrivesInTheReaderOptions() throws Exception {
        Path f = dir.resolve("study.yaml");
        Files.writeString(f, """
                datasets:
                  cigar:
                    file: data/cigar.csv
                    id: state
                    time: year
                """, StandardCharsets.UTF_8);
        Problems problems = new Problems();
        Study s = StudyParser.parse(f, "study.yaml", problems);
        assertNotNull(s.datasets().get("cigar"), problems.list().toString());
        assertEquals(3, DataStep.options(s, s.datasets().get("cigar"), 3).build().threads());
        assertEquals(1, DataStep.options(s, s.datasets().get("cigar"), 1).build().threads());
        assertEquals(0, DataStep.options(s, s.datasets().get("cigar"), 0).build().threads());
        assertEquals("state", DataStep.options(s, s.datasets().get("cigar"), 2).build().idColumn());
    }
}
