package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.diag.ReproException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build after an edit loads every dataset whose inputs did not change from target/repro/cache (no CSV read, no index
 * step built) and writes results.json and the constructed data byte for byte as a full build of the edited project
 * does; a changed step, a damaged copy, a deleted output and repro.force each build again and say why.
 */
class DatasetCacheBuildTest {
    private static final String STUDY = """
            datasets:
              grunfeld: {file: data/grunfeld.csv, id: firm, time: year}
            index:
              - step: derive
                dataset: grunfeld
                output: a
                columns: {lninv: log(inv)}
              - step: entropy
                dataset: a
                output: b
                column: open
                indicators: [value, capital]
              - step: winsorize
                dataset: b
                output: c
                columns: [lninv, open]
                cuts: [5, 95]
            models:
              fe: {dataset: c, formula: "lninv_w ~ open_w + value | firm"}
              pooled: {dataset: grunfeld, formula: "inv ~ value + capital", vcov: hc1}
            tables:
              main: {title: "Investment", models: [fe, pooled]}
            """;

    private static Workspace project(Path dir, String study) throws Exception {
        Workspace ws = BasicProject.copy(dir);
        Files.writeString(ws.studyFile(), study);
        return ws;
    }

    /** index, estimate and tables, as {@code mvn verify} runs them; the log. */
    private static List<String> build(Workspace ws, boolean force) throws Exception {
        List<String> log = new ArrayList<>();
        Pipeline p = new Pipeline(ws, BasicProject.collect(log), 2);
        p.indexGoal(force);
        p.estimate(force);
        p.tables(force);
        return log;
    }

    /** results.json and every file of target/repro/data equal those of a full build of a fresh copy. */
    private static void assertSameAsFullBuild(Workspace ws, Path fresh) throws Exception {
        Workspace full = project(fresh, Files.readString(ws.studyFile()));
        Files.copy(ws.basedir().resolve("data/grunfeld.csv"), full.basedir().resolve("data/grunfeld.csv"), StandardCopyOption.REPLACE_EXISTING);
        build(full, false);
        assertArrayEquals(Files.readAllBytes(full.resultsFile()), Files.readAllBytes(ws.resultsFile()));
        assertEquals(files(full.dataDir()), files(ws.dataDir()));
    }

    private static Map<String, String> files(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.toList()) {
                out.put(f.getFileName().toString(), Files.readString(f));
            }
        }
        return out;
    }

    private static List<String> edit(Workspace ws, UnaryOperator<String> change) throws Exception {
        Files.writeString(ws.studyFile(), change.apply(Files.readString(ws.studyFile())));
        return build(ws, false);
    }

    private static String loaded(int i, String kind, String out, int rows) {
        return "index[" + i + "] (" + kind + " -> " + out + "): loaded from out/cache/" + out + ".rcol (inputs and parameters unchanged"
                + " since it was cached): " + rows + " rows";
    }

    private static String memory(int i, String kind, String out, int rows) {
        return "index[" + i + "] (" + kind + " -> " + out + "): taken from memory (an earlier goal of this build made it from the same"
                + " inputs and parameters): " + rows + " rows";
    }

    @Test
    void oneModelEditedReadsNoFileAndBuildsNoStepAndTheBytesEqualAFullBuild(@TempDir Path dir) throws Exception {
        Workspace ws = project(dir.resolve("p"), STUDY);
        List<String> log = build(ws, false);
        assertTrue(log.contains("datasets.grunfeld: reading data/grunfeld.csv (out/cache/grunfeld.rcol: not in the cache)"), log.toString());
        try (Stream<Path> s = Files.list(ws.outputDir().resolve("cache"))) {
            assertEquals(List.of("a.rcol", "b.rcol", "c.rcol", "grunfeld.rcol"), s.map(f -> f.getFileName().toString()).sorted().toList());
        }

        log = edit(ws, s -> s.replace("lninv_w ~ open_w + value | firm", "lninv_w ~ open_w | firm"));
        assertTrue(log.contains("datasets.grunfeld: loaded from out/cache/grunfeld.rcol (data/grunfeld.csv and its study entry unchanged"
                + " since it was cached): 200 rows, 5 columns"), log.toString());
        assertFalse(log.stream().anyMatch(l -> l.startsWith("Read ") || l.startsWith("Built ") || l.contains("index steps in memory")),
                log.toString());
        assertTrue(log.contains(loaded(0, "derive", "a", 200)), log.toString());
        assertTrue(log.contains(loaded(1, "entropy", "b", 200)), log.toString());
        assertTrue(log.contains(loaded(2, "winsorize", "c", 200)), log.toString());
        assertTrue(log.contains("models.fe: formula changed; estimating it again"), log.toString());
        assertTrue(log.contains("Estimating 1 of 2 models, tests and mediation analyses again; 1 unchanged, taken from the last results"),
                log.toString());
        assertSameAsFullBuild(ws, dir.resolve("f1"));

        // a step's parameter: the index goal builds that step (the ones before it in memory), and estimate and tables
        // take what it built from memory: each step is built once in the build
        log = edit(ws, s -> s.replace("cuts: [5, 95]", "cuts: [10, 90]"));
        assertTrue(log.contains("index[2] (winsorize -> c): parameters changed; building it again"), log.toString());
        assertEquals(List.of("Built a", "Built b", "Built c"), log.stream().filter(l -> l.startsWith("Built "))
                .map(l -> l.substring(0, l.indexOf(' ', 6))).toList());
        int estimate = log.indexOf(memory(2, "winsorize", "c", 200));
        assertTrue(estimate >= 0, log.toString());
        List<String> estimateLog = log.subList(estimate, log.size());
        assertFalse(estimateLog.stream().anyMatch(l -> l.contains("index steps in memory") || l.contains("building it")), log.toString());
        assertTrue(log.contains(memory(0, "derive", "a", 200)) && log.contains(memory(1, "entropy", "b", 200)), log.toString());
        assertTrue(log.contains("models.fe: data changed; estimating it again"), log.toString());
        // a later build loads the step from the copy the index goal wrote
        log = edit(ws, s -> s.replace("vcov: hc1", "vcov: iid"));
        assertTrue(log.contains(loaded(2, "winsorize", "c", 200)), log.toString());
        assertFalse(log.stream().anyMatch(l -> l.startsWith("Built ")), log.toString());
        log = edit(ws, s -> s.replace("vcov: iid", "vcov: hc1"));
        assertSameAsFullBuild(ws, dir.resolve("f2"));

        // a damaged copy: read again, said why, same bytes
        Path copy = ws.outputDir().resolve("cache/grunfeld.rcol");
        byte[] bytes = Files.readAllBytes(copy);
        Files.write(copy, Arrays.copyOf(bytes, bytes.length - 100));
        log = edit(ws, s -> s.replace("lninv_w ~ open_w | firm", "lninv_w ~ open_w + capital | firm"));
        assertTrue(log.contains("datasets.grunfeld: reading data/grunfeld.csv (out/cache/grunfeld.rcol: the cached copy is truncated or"
                + " damaged (" + (bytes.length - 100) + " bytes, expected " + bytes.length + "))"), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("Read data/grunfeld.csv: 200 rows")), log.toString());
        assertSameAsFullBuild(ws, dir.resolve("f3"));

        // a written output deleted: its step is built again (here by the index goal, then loaded by estimate)
        Files.delete(ws.dataDir().resolve("b.csv"));
        log = edit(ws, s -> s.replace("lninv_w ~ open_w + capital | firm", "lninv_w ~ open_w | firm"));
        assertTrue(Files.isRegularFile(ws.dataDir().resolve("b.csv")));
        assertSameAsFullBuild(ws, dir.resolve("f4"));

        // repro.force: nothing is loaded from the cache
        log = build(ws, true);
        assertTrue(log.contains("datasets.grunfeld: reading data/grunfeld.csv (repro.force is set: out/cache is not used)"), log.toString());
        assertTrue(log.contains("index[0] (derive -> a): building it (repro.force is set)"), log.toString());
        assertSameAsFullBuild(ws, dir.resolve("f5"));
    }

    private static final String CACHE_OFF = "repro.cache is false: datasets are read from their files and out/cache is not written";

    /** validate, index, estimate and tables with repro.cache=false, each goal a pipeline of its own as in Maven; the log. */
    private static List<String> buildWithoutCache(Workspace ws) throws Exception {
        List<String> log = new ArrayList<>();
        StudyCache build = new StudyCache();
        new Pipeline(ws, BasicProject.collect(log), 2, build).datasetCache(false).validateGoal(false);
        new Pipeline(ws, BasicProject.collect(log), 2, build).datasetCache(false).indexGoal(false);
        new Pipeline(ws, BasicProject.collect(log), 2, build).datasetCache(false).estimate(false);
        new Pipeline(ws, BasicProject.collect(log), 2, build).datasetCache(false).tables(false);
        return log;
    }

    /** Every file of target/repro/cache with its bytes and modification time. */
    private static Map<String, String> copies(Workspace ws) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(ws.outputDir().resolve("cache"))) {
            for (Path f : s.toList()) {
                out.put(f.getFileName().toString(), Arrays.hashCode(Files.readAllBytes(f)) + " " + Files.getLastModifiedTime(f).toMillis());
            }
        }
        return out;
    }

    @Test
    void switchedOffTheCacheIsNeitherReadNorWrittenAndSaidOnce(@TempDir Path dir) throws Exception {
        Workspace ws = project(dir.resolve("p"), STUDY);
        List<String> log = buildWithoutCache(ws);
        assertEquals(1, log.stream().filter(CACHE_OFF::equals).count(), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("Read data/grunfeld.csv: 200 rows")), log.toString());
        assertTrue(log.contains(memory(2, "winsorize", "c", 200)), log.toString());
        // each step built once in the build, by the index goal; estimate and tables take it from memory
        assertEquals(List.of("Built a", "Built b", "Built c"), log.stream().filter(l -> l.startsWith("Built "))
                .map(l -> l.substring(0, l.indexOf(' ', 6))).toList());
        assertFalse(Files.exists(ws.outputDir().resolve("cache")), "nothing is written to the cache");
        assertSameAsFullBuild(ws, dir.resolve("f1"));

        // copies written by a build with the cache on are neither loaded, rewritten nor removed
        Files.writeString(ws.studyFile(), STUDY.replace("vcov: hc1", "vcov: iid"));
        build(ws, false);
        Map<String, String> before = copies(ws);
        assertEquals(List.of("a.rcol", "b.rcol", "c.rcol", "grunfeld.rcol"), List.copyOf(before.keySet()));
        Thread.sleep(20);
        // a step's parameter: with the cache on, its copy would be written again
        Files.writeString(ws.studyFile(), STUDY.replace("cuts: [5, 95]", "cuts: [10, 90]"));
        log = buildWithoutCache(ws);
        assertEquals(1, log.stream().filter(CACHE_OFF::equals).count(), log.toString());
        assertFalse(log.stream().anyMatch(l -> l.contains("loaded from out/cache")), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("Read data/grunfeld.csv: 200 rows")), log.toString());
        assertEquals(before, copies(ws));
        assertSameAsFullBuild(ws, dir.resolve("f2"));

        // a goal that builds the steps itself says why it does not load them
        Files.writeString(ws.studyFile(), STUDY.replace("cuts: [5, 95]", "cuts: [20, 80]"));
        log.clear();
        new Pipeline(ws, BasicProject.collect(log), 2).datasetCache(false).estimate(false);
        assertEquals(1, log.stream().filter(CACHE_OFF::equals).count(), log.toString());
        assertTrue(log.contains("index[0] (derive -> a): building it (repro.cache is false)"), log.toString());
        assertEquals(before, copies(ws));
        assertSameAsFullBuild(ws, dir.resolve("f3"));
    }

    @Test
    void aDeletedOutputIsBuiltAgainByTheGoalThatReadsIt(@TempDir Path dir) throws Exception {
        Workspace ws = project(dir.resolve("p"), STUDY);
        build(ws, false);
        Files.delete(ws.dataDir().resolve("b.csv"));
        Files.writeString(ws.studyFile(), STUDY.replace("vcov: hc1", "vcov: iid"));
        List<String> log = new ArrayList<>();
        new Pipeline(ws, BasicProject.collect(log), 2).estimate(false);
        assertTrue(log.contains("index[1] (entropy -> b): building it (out/data/b.csv is missing or was edited)"), log.toString());
        assertTrue(log.contains(loaded(0, "derive", "a", 200)), log.toString());
        assertTrue(Files.isRegularFile(ws.dataDir().resolve("b.csv")));
        assertSameAsFullBuild(ws, dir.resolve("f"));
    }

    @Test
    void aDatasetDroppedFromTheStudyLeavesNoCopy(@TempDir Path dir) throws Exception {
        Workspace ws = project(dir.resolve("p"), STUDY);
        build(ws, false);
        String noIndex = """
                datasets:
                  grunfeld: {file: data/grunfeld.csv, id: firm, time: year}
                models:
                  pooled: {dataset: grunfeld, formula: "inv ~ value + capital", vcov: hc1}
                """;
        Files.writeString(ws.studyFile(), noIndex);
        build(ws, false);
        try (Stream<Path> s = Files.list(ws.outputDir().resolve("cache"))) {
            assertEquals(List.of("grunfeld.rcol"), s.map(f -> f.getFileName().toString()).toList());
        }
    }

    @Test
    void aRestrictedDatasetsCopyIsNeitherPackagedNorUsedWhenItsFileIsGone(@TempDir Path dir) throws Exception {
        Path project = Path.of("src/test/resources/projects/restricted").toAbsolutePath();
        Files.createDirectories(dir.resolve("data"));
        for (String f : List.of("study.yaml", "data/grunfeld.csv", "data/secret.csv")) {
            Files.copy(project.resolve(f), dir.resolve(f));
        }
        Workspace ws = new Workspace(dir, dir.resolve("study.yaml"), dir.resolve("out"), dir.resolve("baseline.json"), null);
        Pipeline p = new Pipeline(ws, Reporter.SILENT, 1);
        p.estimate(false);
        p.tables(false);
        Path copy = ws.outputDir().resolve("cache/secret.rcol");
        assertTrue(Files.isRegularFile(copy));
        if (copy.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)), "a copy of the data is private");
        }
        p.replicationPackage("17", "3.8.7", "Linux", List.of(), PackageBundle.Request.none());
        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(ws.outputDir().resolve("replication-package.zip")))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(e.getName());
            }
        }
        assertTrue(entries.contains("replication-package/restricted-data.csv"), entries.toString());
        assertFalse(entries.stream().anyMatch(n -> n.contains("cache") || n.endsWith(".rcol") || n.endsWith("secret.csv")), entries.toString());

        // the file gone: its copy does not stand in for it
        Files.delete(dir.resolve("data/secret.csv"));
        Files.writeString(ws.studyFile(), Files.readString(ws.studyFile()).replace("Market value", "Market value (USD)"));
        ReproException e = assertThrows(ReproException.class, () -> new Pipeline(ws, Reporter.SILENT, 1).estimate(false));
        assertTrue(e.problems().stream().anyMatch(pr -> pr.message().contains("secret.csv")), e.problems().toString());
    }

    @Test
    void aMessageAboutTheDataIsTheSameFromTheCopy(@TempDir Path dir) throws Exception {
        Workspace ws = project(dir, """
                datasets:
                  grunfeld: {file: data/grunfeld.csv, id: firm, time: year}
                models:
                  pooled: {dataset: grunfeld, formula: "inv ~ value + capital"}
                """);
        Path data = dir.resolve("data/grunfeld.csv");
        Files.writeString(data, Files.readString(data).replaceFirst("317\\.6", "n/a"));
        List<String> first = new ArrayList<>();
        ReproException read = assertThrows(ReproException.class, () -> new Pipeline(ws, BasicProject.collect(first), 1).validate());
        assertTrue(first.stream().anyMatch(l -> l.startsWith("Read data/grunfeld.csv")), first.toString());
        List<String> second = new ArrayList<>();
        ReproException loaded = assertThrows(ReproException.class, () -> new Pipeline(ws, BasicProject.collect(second), 1).validate());
        assertTrue(second.stream().anyMatch(l -> l.startsWith("datasets.grunfeld: loaded from out/cache/grunfeld.rcol")), second.toString());
        // the column made text by one cell is reported at that cell, from the copy as from the file
        assertTrue(read.problems().stream().anyMatch(p -> p.toString().startsWith("data/grunfeld.csv:2:3: column 'inv' is numeric except for 'n/a' here")),
                read.problems().toString());
        assertEquals(read.problems(), loaded.problems());
        assertEquals(read.getMessage(), loaded.getMessage());
    }
}
