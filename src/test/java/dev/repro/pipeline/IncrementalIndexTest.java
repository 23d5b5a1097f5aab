package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index goal skips steps whose kind, parameters, inputs and written files are unchanged, builds only the steps
 * downstream of a change (with those upstream of them in memory), says why, and writes what a full build writes.
 */
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
        // one raw file: only the step downstream of it is built; the others are not run
        long aWritten = Files.getLastModifiedTime(ws.dataDir().resolve("a.csv")).toMillis();
        assertTrue(log.contains("index[2] (derive -> c): input other changed; building it again"), log.toString());
        assertTrue(log.contains(skip(0, "a")), log.toString());
        assertTrue(log.contains(skip(1, "b")), log.toString());
        assertEquals(List.of("Built c (derive, index[2])"), log.stream().filter(l -> l.startsWith("Built "))
                .map(l -> l.substring(0, l.indexOf(':'))).toList());
        assertEquals(aWritten, Files.getLastModifiedTime(ws.dataDir().resolve("a.csv")).toMillis());
        assertEquals(List.of(skip(0, "a"), skip(1, "b"), skip(2, "c")), index(ws));

        // a step's parameters: that step and every step downstream of it
        Files.writeString(ws.studyFile(), STUDY.replace("lninv: log(inv)", "lninv: log(inv + 1)"));
        log = index(ws);
        assertTrue(log.contains("index[0] (derive -> a): parameters changed; building it again"), log.toString());
        assertTrue(log.contains("index[1] (derive -> b): input a changed; building it again"), log.toString());
        assertTrue(log.contains(skip(2, "c")), log.toString());

        // a step downstream only: the step upstream of it is built in memory again (its file keeps its bytes)
        Files.writeString(ws.studyFile(), STUDY.replace("lninv: log(inv)", "lninv: log(inv + 1)").replace("size: value + capital",
                "size: value"));
        log = index(ws);
        assertTrue(log.contains("index[0] (derive -> a): unchanged, built again in memory as an input of a step that changed"),
                log.toString());
        assertTrue(log.contains("index[1] (derive -> b): parameters changed; building it again"), log.toString());
        assertTrue(log.contains(skip(2, "c")), log.toString());
        Files.writeString(ws.studyFile(), STUDY.replace("lninv: log(inv)", "lninv: log(inv + 1)"));
        index(ws);

        Files.delete(ws.dataDir().resolve("b.csv"));
        log = index(ws);
        assertTrue(log.contains("index[1] (derive -> b): out/data/b.csv is missing or was edited; building it again"), log.toString());
        assertTrue(Files.isRegularFile(ws.dataDir().resolve("b.csv")));

        Files.writeString(ws.outputDir().resolve("state/index-steps.json"), "[1, 2");
        log = index(ws);
        assertTrue(log.contains("The state file out/state/index-steps.json is unreadable (JsonParseException): building everything again"),
                log.toString());
        // every step again, from the copies the partial builds above cached: nothing is built twice
        assertTrue(log.contains("index[1] (derive -> b): loaded from out/cache/b.rcol (inputs and parameters unchanged since it was"
                + " cached): 200 rows"), log.toString());
        assertEquals(List.of(skip(0, "a"), skip(1, "b"), skip(2, "c")), index(ws));
    }

    /** Every file under {@code dir}, by name, with its bytes as text (CSV, JSON, tex, ...). */
    private static Map<String, String> files(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (var s = Files.list(dir)) {
            for (Path f : s.toList()) {
                out.put(f.getFileName().toString(), Files.readString(f));
            }
        }
        return out;
    }

    @Test
    void aRawFileEditBuildsOneStepAndTheOutputsEqualAFullBuild(@TempDir Path dir) throws Exception {
        String study = STUDY.replace("models:\n  m: {dataset: b, formula: \"lninv ~ size | firm\"}\n",
                "models:\n  m: {dataset: b, formula: \"lninv ~ size | firm\"}\n  n: {dataset: c, formula: \"lnvalue ~ capital | firm\"}\n"
                + "tables:\n  t: {title: \"Both\", models: [m, n]}\n");
        Workspace ws = BasicProject.copy(dir.resolve("p"));
        Files.writeString(ws.studyFile(), study);
        Files.copy(ws.basedir().resolve("data/grunfeld.csv"), ws.basedir().resolve("data/other.csv"));
        List<String> log = new ArrayList<>();
        Pipeline p = new Pipeline(ws, BasicProject.collect(log), 1);
        p.indexGoal(false);
        p.estimate(false);
        p.tables(false);

        Path other = ws.basedir().resolve("data/other.csv");
        Files.writeString(other, Files.readString(other).replaceFirst("317\\.6", "318.6"));
        log.clear();
        p = new Pipeline(ws, BasicProject.collect(log), 1);
        p.indexGoal(false);
        p.estimate(false);
        p.tables(false);
        assertTrue(log.contains("index[2] (derive -> c): input other changed; building it again"), log.toString());
        assertTrue(log.contains(skip(0, "a")) && log.contains(skip(1, "b")), log.toString());
        assertTrue(log.contains("models.n: data changed; estimating it again"), log.toString());
        assertTrue(log.contains("Estimating 1 of 2 models, tests and mediation analyses again; 1 unchanged, taken from the last results"),
                log.toString());
        // the step is built once in the build: estimate takes what the index goal built, and loads the others
        assertEquals(List.of("Built c (derive, index[2])"), log.stream().filter(l -> l.startsWith("Built "))
                .map(l -> l.substring(0, l.indexOf(':'))).toList());
        assertTrue(log.contains("index[2] (derive -> c): taken from memory (an earlier goal of this build made it from the same inputs"
                + " and parameters): 200 rows"), log.toString());
        assertTrue(log.contains("index[1] (derive -> b): loaded from out/cache/b.rcol (inputs and parameters unchanged since it was"
                + " cached): 200 rows"), log.toString());

        Workspace full = BasicProject.copy(dir.resolve("f"));
        Files.writeString(full.studyFile(), study);
        Files.copy(other, full.basedir().resolve("data/other.csv"));
        Pipeline f = new Pipeline(full, BasicProject.collect(new ArrayList<>()), 1);
        f.indexGoal(false);
        f.estimate(false);
        f.tables(false);
        assertEquals(Files.readString(full.resultsFile()), Files.readString(ws.resultsFile()));
        assertEquals(files(full.dataDir()), files(ws.dataDir()));
        assertEquals(files(full.outputDir().resolve("tables")), files(ws.outputDir().resolve("tables")));
    }
}
