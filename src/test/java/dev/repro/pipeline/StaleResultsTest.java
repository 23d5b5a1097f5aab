package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.diag.ReproException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check refuses results.json that does not belong to the current inputs; a broken one is estimated again. */
class StaleResultsTest {

    private static String message(ReproException e) {
        return e.problems().get(0).message();
    }

    @Test
    void checkPassesOnResultsOfTheCurrentInputs(@TempDir Path dir) throws Exception {
        Workspace ws = BasicProject.copy(dir);
        List<String> log = new ArrayList<>();
        new Pipeline(ws, BasicProject.collect(log), 1).baseline();
        new Pipeline(ws, BasicProject.collect(log), 1).check(true);
        assertTrue(log.stream().anyMatch(l -> l.startsWith("No drift:")), log.toString());
    }

    @Test
    void aChangedDataCellMakesCheckRefuseTheOldResults(@TempDir Path dir) throws Exception {
        Workspace ws = BasicProject.copy(dir);
        new Pipeline(ws, Reporter.SILENT, 1).baseline();
        Path csv = dir.resolve("data/grunfeld.csv");
        Files.writeString(csv, Files.readString(csv).replaceFirst("317\\.6", "318.6"));
        ReproException e = assertThrows(ReproException.class, () -> new Pipeline(ws, Reporter.SILENT, 1).check(true));
        assertEquals("results.json is stale: data/grunfeld.csv changed since estimate; run `mvn verify`", message(e));
    }

    @Test
    void aChangedStudyMakesCheckRefuseTheOldResults(@TempDir Path dir) throws Exception {
        Workspace ws = BasicProject.copy(dir);
        new Pipeline(ws, Reporter.SILENT, 1).baseline();
        Files.writeString(dir.resolve("study.yaml"), "\n# edited\n", StandardOpenOption.APPEND);
        ReproException e = assertThrows(ReproException.class, () -> new Pipeline(ws, Reporter.SILENT, 1).check(true));
        assertEquals("results.json is stale: study.yaml changed since estimate; run `mvn verify`", message(e));
    }

    @Test
    void resultsWithoutARecordOfTheirInputsAreRefused(@TempDir Path dir) throws Exception {
        Workspace ws = BasicProject.copy(dir);
        new Pipeline(ws, Reporter.SILENT, 1).baseline();
        Files.delete(ws.outputDir().resolve("fingerprints/estimate.sha256"));
        ReproException e = assertThrows(ReproException.class, () -> new Pipeline(ws, Reporter.SILENT, 1).check(true));
        assertEquals("results.json has no record of the inputs it was estimated from; run `mvn verify`", message(e));
    }

    @Test
    void aTruncatedResultsFileIsEstimatedAgainNotUpToDate(@TempDir Path dir) throws Exception {
        Workspace ws = BasicProject.copy(dir);
        new Pipeline(ws, Reporter.SILENT, 1).estimate(false);
        byte[] whole = Files.readAllBytes(ws.resultsFile());
        Files.write(ws.resultsFile(), java.util.Arrays.copyOf(whole, whole.length / 2));
        ReproException e = assertThrows(ReproException.class, () -> new Pipeline(ws, Reporter.SILENT, 1).check(true));
        assertFalse(message(e).contains("repro:baseline"), message(e));
        List<String> log = new ArrayList<>();
        new Pipeline(ws, BasicProject.collect(log), 1).estimate(false);
        assertFalse(log.stream().anyMatch(l -> l.contains("up to date")), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("Wrote out/results.json")), log.toString());
        assertEquals(new String(whole, StandardCharsets.UTF_8), Files.readString(ws.resultsFile()));
    }

    @Test
    void aTruncatedResultsFileIsReadWithTheEstimateAdvice(@TempDir Path dir) throws Exception {
        Workspace ws = BasicProject.copy(dir);
        new Pipeline(ws, Reporter.SILENT, 1).estimate(false);
        Files.writeString(ws.resultsFile(), "{\"models\": {");
        ReproException e = assertThrows(ReproException.class,
                () -> ResultsFile.readResults(ws.resultsFile(), "out/results.json", ""));
        assertTrue(message(e).endsWith("; run the estimate goal again (`mvn verify` runs every goal in order)"), message(e));
        Files.writeString(ws.resultsFile(), "");
        e = assertThrows(ReproException.class, () -> ResultsFile.readResults(ws.resultsFile(), "out/results.json", ""));
        assertEquals("empty, not valid JSON; run the estimate goal again (`mvn verify` runs every goal in order)", message(e));
    }
}
