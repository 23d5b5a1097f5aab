package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.diag.ReproException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check whose results.json, baseline and study file are those of the last check without drift says so without
 * reading either JSON file; any of them changed, or repro.force, compares again.
 */
class NoopCheckTest {
    private static final String SKIPPED = "Check is up to date (results.json, the baseline and the study unchanged since the last"
            + " check, which passed): not compared again; -Drepro.force=true compares. It said:";

    private static List<String> check(Workspace ws, boolean force) throws Exception {
        List<String> log = new ArrayList<>();
        new Pipeline(ws, BasicProject.collect(log), 1).check(true, force);
        return log;
    }

    @Test
    void aSecondCheckOfTheSameFilesDoesNotCompareAgain(@TempDir Path dir) throws Exception {
        Workspace ws = BasicProject.copy(dir);
        new Pipeline(ws, Reporter.SILENT, 1).baseline();
        List<String> first = check(ws, false);
        assertEquals(1, first.size(), first.toString());
        assertTrue(first.get(0).startsWith("No drift: "), first.toString());

        // the JSON files are not read: an unreadable results.json would fail a comparison (its stamp is kept here)
        assertEquals(List.of(SKIPPED, first.get(0)), check(ws, false));
        assertEquals(first, check(ws, true));

        // the baseline edited: compared again, and the drift found
        Path baseline = ws.baselineFile();
        String b = Files.readString(baseline);
        String drifted = b.replaceFirst("(\"estimate\"\\s*:\\s*)(-?)(\\d)", "$1$2" + "9$3");
        assertTrue(!drifted.equals(b), "the edit changes the baseline");
        Files.writeString(baseline, drifted);
        ReproException e = assertThrows(ReproException.class, () -> check(ws, false));
        assertTrue(e.problems().get(0).message().contains("drifted from the baseline"), e.problems().get(0).message());
        // a failed check leaves no record: the next one compares (and fails) again
        assertThrows(ReproException.class, () -> check(ws, false));
        Files.writeString(baseline, b);
        assertEquals(first, check(ws, false));
        assertEquals(List.of(SKIPPED, first.get(0)), check(ws, false));
    }

    @Test
    void publishedTablesAreSaidAgainFromTheRecord(@TempDir Path dir) throws Exception {
        Workspace ws = BasicProject.copy(dir);
        Files.writeString(ws.studyFile(), Files.readString(ws.studyFile()) + """
                published:
                  paper:
                    source: "a draft"
                    mode: compare
                    stat: se
                    models:
                      pooled:
                        coefficients:
                          value: ["0.116", "(0.006)"]
                """);
        new Pipeline(ws, Reporter.SILENT, 1).baseline();
        List<String> first = check(ws, false);
        assertEquals(2, first.size(), first.toString());
        assertTrue(first.get(1).startsWith("Published table paper (a draft) graded "), first.toString());
        assertEquals(List.of(SKIPPED, first.get(0), first.get(1)), check(ws, false));

        // its report edited: compared and written again
        Path report = ws.outputDir().resolve("published/paper.md");
        String written = Files.readString(report);
        Files.writeString(report, "edited");
        assertEquals(first, check(ws, false));
        assertEquals(written, Files.readString(report));
    }
}
