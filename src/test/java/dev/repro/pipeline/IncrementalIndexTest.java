package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index goal skips steps whose kind, parameters, inputs and written files are unchanged, and says why it builds. */
class IncrementalIndexTest {
    private static final String STUDY = """
            datasets:
              grunfeld: {file: data/grunfeld.csv, id: firm, time: year}
              other: {file: data/other.csv, id: firm, time: year}
            index:
              - step: derive
                dataset: grunfeld
                output: a
                columns: {lninv: log(inv)}
              - step: derive
                dataset: a
                output: b
                columns: {size: value + capital}
              - step: derive
                dataset: other
                output: c
                columns: {lnvalue: log(value)}
            models:
              m: {dataset: b, formula: "lninv ~ size | firm"}
            """;

    private static List<String> index(Workspace ws) throws Exception {
        List<String> log = new ArrayList<>();
        new Pipeline(ws, BasicProject.collect(log), 1).indexGoal(false);
        return log;
    }

    private static String skip(int i, String out) {
        return "index[" + i + "] (derive -> " + out + "): inputs and parameters unchanged since the last build; skipping;"
                + " -Drepro.force=true builds it again";
    }

    @Test
    void stepsSkipWhenNothingChangedAndOnlyChangedStepsAreNamed(@TempDir Path dir) throws Exception {
        Workspace ws = BasicProject.copy(dir);
        Files.writeString(ws.studyFile(), STUDY);
        Files.copy(dir.resolve("data/grunfeld.csv"), dir.resolve("data/other.csv"));
        index(ws);

        assertEquals(List.of(skip(0, "a"), skip(1, "b"), skip(2, "c")), index(ws));

        Path other = dir.resolve("data/other.csv");
        Files.writeString(other, Files.readString(other).replaceFirst("317\\.6", "318.6"));
        List<String> log = index(ws);
        assertTrue(log.contains("index[2] (derive -> c): input other changed; building it again"), log.toString());
        assertTrue(log.contains("index[0] (derive -> a): unchanged, built again with the steps that changed"), log.toString());
        assertTrue(log.contains("index[1] (derive -> b): unchanged, built again with the steps that changed"), log.toString());

        // a step's parameters: that step and every step downstream of it
        Files.writeString(ws.studyFile(), STUDY.replace("lninv: log(inv)", "lninv: log(inv + 1)"));
        log = index(ws);
        assertTrue(log.contains("index[0] (derive -> a): parameters changed; building it again"), log.toString());
        assertTrue(log.contains("index[1] (derive -> b): input a changed; building it again"), log.toString());
        assertTrue(log.contains("index[2] (derive -> c): unchanged, built again with the steps that changed"), log.toString());

        Files.delete(ws.dataDir().resolve("b.csv"));
        log = index(ws);
        assertTrue(log.contains("index[1] (derive -> b): out/data/b.csv is missing or was edited; building it again"), log.toString());
        assertTrue(Files.isRegularFile(ws.dataDir().resolve("b.csv")));

        Files.writeString(ws.outputDir().resolve("state/index-steps.json"), "[1, 2");
        log = index(ws);
        assertTrue(log.contains("The state file out/state/index-steps.json is unreadable (MismatchedInputException): building everything again"),
                log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("Built b (derive, index[1])")), log.toString());
        assertEquals(List.of(skip(0, "a"), skip(1, "b"), skip(2, "c")), index(ws));
    }
}
