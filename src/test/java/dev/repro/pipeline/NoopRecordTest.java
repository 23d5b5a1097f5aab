package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The no-op records: when nothing changed, every goal of {@code verify} says what it said before without parsing the
 * study; each kind of change makes the goals that depend on it miss their record and take their usual path.
 */
class NoopRecordTest {
    private static final List<String> GOALS = List.of("validate", "index", "estimate", "tables", "check");
    private static final Set<String> ALL = Set.copyOf(GOALS);

    @TempDir
    Path dir;
    private Workspace ws;
    /** A stand-in for the plugin's jar, so that a test can change it. */
    private Path jar;
    private boolean replication;
    private boolean failOnDrift = true;

    @BeforeEach
    void build() throws Exception {
        Workspace basic = BasicProject.copy(dir);
        ws = new Workspace(dir, basic.studyFile(), basic.outputDir(), basic.baselineFile(), dir.resolve("templates"));
        Files.writeString(ws.studyFile(), Files.readString(ws.studyFile()) + """
                index:
                  - step: derive
                    dataset: grunfeld
                    output: derived
                    columns: {lninv: log(inv)}
                """);
        Files.createDirectories(ws.templatesDir());
        Files.writeString(ws.templatesDir().resolve("notes.txt"), "no template overridden\n");
        jar = dir.resolve("plugin.jar");
        Files.writeString(jar, "version 1");
        // inputs modified within 2 s of a goal's start are not recorded (the goal may have read another version)
        for (Path f : List.of(ws.studyFile(), dir.resolve("data/grunfeld.csv"), ws.templatesDir().resolve("notes.txt"), jar)) {
            aged(f);
        }
        new Pipeline(ws, Reporter.SILENT, 1).plugin(jar).baseline();
        aged(ws.baselineFile());
        verify(new ArrayList<>());
        assertEquals(Set.of(), verify(new ArrayList<>()), "a no-op after a full build hits every record");
    }

    /** Sets the file's modification time a minute back (a little more on each call, so that it changes). */
    private void aged(Path f) throws Exception {
        age += 1000;
        Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() - 60_000 - age));
    }

    private long age;

    /** Runs the goals of verify, each on its own pipeline and study cache; the goals that parsed the study file. */
    private Set<String> verify(List<String> log) throws Exception {
        Set<String> parsed = new LinkedHashSet<>();
        for (String goal : GOALS) {
            StudyCache cache = new StudyCache();
            Pipeline p = new Pipeline(ws, BasicProject.collect(log), 1, cache).plugin(jar).replication(replication);
            switch (goal) {
                case "validate" -> p.validateGoal(false);
                case "index" -> p.indexGoal(false);
                case "estimate" -> p.estimate(false);
                case "tables" -> p.tables(false);
                default -> p.check(failOnDrift, false);
            }
            if (cache.parsed(StudyCache.fileKey(ws.studyFile())) != null) {
                parsed.add(goal);
            }
        }
        return parsed;
    }

    private static void recordsGone(Workspace ws) throws Exception {
        for (String goal : GOALS) {
            Files.deleteIfExists(BuildState.dir(ws).resolve("noop-" + goal + ".tsv"));
        }
    }

    @Test
    void aNoOpSaysWhatTheUsualPathSaysWithoutParsingTheStudy() throws Exception {
        recordsGone(ws);
        List<String> usual = new ArrayList<>();
        assertEquals(ALL, verify(usual), "without records every goal parses the study");
        List<String> fast = new ArrayList<>();
        assertEquals(Set.of(), verify(fast));
        assertEquals(usual, fast);
        assertTrue(fast.contains("Study study.yaml: inputs unchanged since the last validation (plugin, study and data files): not"
                + " reading the data again; -Drepro.force=true validates again"), fast.toString());
        assertTrue(fast.contains("index[0] (derive -> derived): inputs and parameters unchanged since the last build; skipping;"
                + " -Drepro.force=true builds it again"), fast.toString());
        assertTrue(fast.stream().anyMatch(l -> l.startsWith("No drift: ")), fast.toString());
    }

    @Test
    void theStudyEdited() throws Exception {
        Files.writeString(ws.studyFile(), Files.readString(ws.studyFile()) + "# a comment\n");
        assertEquals(ALL, verify(new ArrayList<>()));
        // just modified: it may have changed again while a goal ran, so no goal records it yet
        assertEquals(ALL, verify(new ArrayList<>()));
        aged(ws.studyFile());
        assertEquals(ALL, verify(new ArrayList<>()));
        assertEquals(Set.of(), verify(new ArrayList<>()));
    }

    @Test
    void aDataFileEditedToTheSameSize() throws Exception {
        Path data = dir.resolve("data/grunfeld.csv");
        String before = Files.readString(data);
        String edited = before.replaceFirst("317\\.6", "318.6");
        assertTrue(!edited.equals(before) && edited.length() == before.length());
        FileTime old = FileTime.fromMillis(Files.getLastModifiedTime(data).toMillis() + 1000);
        Files.writeString(data, edited);
        Files.setLastModifiedTime(data, old);
        failOnDrift = false; // the edit moves the estimates
        List<String> log = new ArrayList<>();
        assertEquals(ALL, verify(log));
        assertTrue(log.contains("index[0] (derive -> derived): input grunfeld changed; building it again"), log.toString());
    }

    @Test
    void aDataFileOfAnotherSizeWithTheSameTime() throws Exception {
        Path data = dir.resolve("data/grunfeld.csv");
        FileTime time = Files.getLastModifiedTime(data);
        Files.writeString(data, Files.readString(data).replaceFirst("317\\.6", "317.60"));
        Files.setLastModifiedTime(data, time);
        assertTrue(verify(new ArrayList<>()).containsAll(List.of("validate", "index", "estimate")));
    }

    @Test
    void aFileTouchedWithoutChangeStillHits() throws Exception {
        Path data = dir.resolve("data/grunfeld.csv");
        Files.setLastModifiedTime(data, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Files.setLastModifiedTime(ws.studyFile(), FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        assertEquals(Set.of(), verify(new ArrayList<>()));
    }

    @Test
    void aTemplateEdited() throws Exception {
        Files.writeString(ws.templatesDir().resolve("notes.txt"), "edited\n");
        aged(ws.templatesDir().resolve("notes.txt"));
        assertEquals(Set.of("tables"), verify(new ArrayList<>()));
        assertEquals(Set.of(), verify(new ArrayList<>()));
        Files.writeString(ws.templatesDir().resolve("more.txt"), "a new file\n");
        aged(ws.templatesDir().resolve("more.txt"));
        assertEquals(Set.of("tables"), verify(new ArrayList<>()));
        assertEquals(Set.of(), verify(new ArrayList<>()));
    }

    @Test
    void theBaselineEdited() throws Exception {
        Files.writeString(ws.baselineFile(), Files.readString(ws.baselineFile()) + "\n");
        aged(ws.baselineFile());
        assertEquals(Set.of("tables", "check"), verify(new ArrayList<>()));
        assertEquals(Set.of(), verify(new ArrayList<>()));
    }

    @Test
    void resultsDeletedOrEdited() throws Exception {
        byte[] results = Files.readAllBytes(ws.resultsFile());
        Files.delete(ws.resultsFile());
        List<String> log = new ArrayList<>();
        // estimated again to the same bytes: tables and check find results.json as they recorded it
        assertEquals(Set.of("estimate"), verify(log));
        assertTrue(log.stream().anyMatch(l -> l.startsWith("Wrote out/results.json")), log.toString());
        assertEquals(new String(results), Files.readString(ws.resultsFile()));

        Files.writeString(ws.resultsFile(), "{}\n");
        log.clear();
        assertEquals(Set.of("estimate"), verify(log));
        assertEquals(new String(results), Files.readString(ws.resultsFile()));
    }

    @Test
    void aRenderedTableOrFigureOrTheReportDeleted() throws Exception {
        Path table = ws.tablesDir().resolve("main.tex");
        String written = Files.readString(table);
        Files.delete(table);
        assertEquals(Set.of("tables"), verify(new ArrayList<>()));
        assertEquals(written, Files.readString(table));

        Path report = ws.reportDir().resolve("index.html");
        Files.writeString(report, "edited");
        assertEquals(Set.of("tables"), verify(new ArrayList<>()));
        assertFalse(Files.readString(report).equals("edited"));
        assertEquals(Set.of(), verify(new ArrayList<>()));
    }

    @Test
    void aConstructedDatasetDeleted() throws Exception {
        Files.delete(ws.dataDir().resolve("derived.csv"));
        List<String> log = new ArrayList<>();
        assertEquals(Set.of("index"), verify(log));
        assertTrue(Files.isRegularFile(ws.dataDir().resolve("derived.csv")));
    }

    @Test
    void thePluginChanged() throws Exception {
        Files.writeString(jar, "version 2");
        aged(jar);
        assertEquals(ALL, verify(new ArrayList<>()));
        assertEquals(Set.of(), verify(new ArrayList<>()));
        jar = dir.resolve("other-plugin.jar");
        Files.writeString(jar, "version 2");
        aged(jar);
        assertEquals(ALL, verify(new ArrayList<>()), "another jar (a new version) is another plugin");
    }

    @Test
    void aSettingChanged() throws Exception {
        failOnDrift = false;
        assertEquals(Set.of("check"), verify(new ArrayList<>()));
        failOnDrift = true;
        replication = true;
        // (check in replication mode keeps no record: it always compares)
        assertTrue(verify(new ArrayList<>()).containsAll(List.of("validate", "index", "estimate", "tables")));
    }

    @Test
    void forceAndHashAlways() throws Exception {
        List<String> log = new ArrayList<>();
        new Pipeline(ws, BasicProject.collect(log), 1).plugin(jar).estimate(true);
        assertTrue(log.contains("Estimating every model, test and mediation analysis: repro.force is set"), log.toString());

        // every recorded file hashed again: still nothing changed, and still no parse
        StudyCache cache = new StudyCache();
        log.clear();
        new Pipeline(ws, BasicProject.collect(log), 1, cache).plugin(jar).hashAlways(true).validateGoal(false);
        assertEquals(1, log.size(), log.toString());
        assertTrue(log.get(0).contains("inputs unchanged since the last validation"), log.toString());
        assertEquals(null, cache.parsed(StudyCache.fileKey(ws.studyFile())));
    }

    @Test
    void anUnreadableRecordIsAMiss() throws Exception {
        Files.writeString(BuildState.dir(ws).resolve("noop-estimate.tsv"), "garbage\n");
        assertEquals(Set.of("estimate"), verify(new ArrayList<>()));
        assertEquals(Set.of(), verify(new ArrayList<>()));
    }
}
