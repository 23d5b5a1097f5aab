package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An estimate after an edit runs again only the models, tests and mediation analyses the edit touches, says why, and
 * writes results.json byte for byte as a full estimate of the edited project does: a sequence of edits, each followed
 * by a partial estimate in one project and a full one in a fresh copy.
 */
class IncrementalEstimateTest {
    private static final String STUDY = """
            datasets:
              grunfeld:
                file: data/grunfeld.csv
                id: firm
                time: year
            models:
              fe:
                dataset: grunfeld
                formula: "inv ~ value + capital | firm"
              pooled:
                dataset: grunfeld
                formula: "inv ~ value + capital"
                vcov: hc1
              twfe:
                dataset: grunfeld
                formula: "inv ~ value + L(capital, 1) | firm + year"
                vcov: cluster(firm)
            tests:
              haus: {type: hausman, dataset: grunfeld, formula: "inv ~ value + capital"}
              llc:  {type: unitroot, method: llc, dataset: grunfeld, variable: inv, lags: 1, deterministic: intercept}
            mediation:
              path:
                dataset: grunfeld
                treatment: value
                mediators: [capital]
                outcome: inv
                absorb: [firm]
            tables:
              main:
                title: "Investment"
                models: [fe, pooled]
            """;

    private static Workspace project(Path dir) throws Exception {
        Workspace ws = BasicProject.copy(dir);
        Files.writeString(ws.studyFile(), STUDY);
        return ws;
    }

    private static List<String> estimate(Workspace ws) throws Exception {
        List<String> log = new ArrayList<>();
        new Pipeline(ws, BasicProject.collect(log), 2).estimate(false);
        return log;
    }

    /** Applies the edit to both projects, estimates the first incrementally and a fresh copy fully; same bytes. */
    private static List<String> editAndCompare(Workspace ws, Path fresh, String file, UnaryOperator<String> edit) throws Exception {
        Path f = ws.basedir().resolve(file);
        Files.writeString(f, edit.apply(Files.readString(f)));
        List<String> log = estimate(ws);
        Workspace full = project(fresh);
        Files.copy(ws.studyFile(), full.studyFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(ws.basedir().resolve("data/grunfeld.csv"), full.basedir().resolve("data/grunfeld.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        estimate(full);
        assertArrayEquals(Files.readAllBytes(full.resultsFile()), Files.readAllBytes(ws.resultsFile()), "after editing " + file);
        return log;
    }

    @Test
    void eachEditReestimatesOnlyWhatItTouchesAndTheBytesEqualAFullEstimate(@TempDir Path dir) throws Exception {
        Workspace ws = project(dir.resolve("p"));
        estimate(ws);

        List<String> log = estimate(ws);
        assertEquals(List.of("Results are up to date (plugin, study and data unchanged): skipping estimation; -Drepro.force=true reruns it"), log);

        log = editAndCompare(ws, dir.resolve("f1"), "study.yaml", s -> s.replace("inv ~ value + capital\"\n    vcov: hc1",
                "inv ~ value\"\n    vcov: hc1"));
        assertTrue(log.contains("models.pooled: formula changed; estimating it again"), log.toString());
        assertTrue(log.contains("Estimating 1 of 6 models, tests and mediation analyses again; 5 unchanged, taken from the last results"),
                log.toString());

        // a table's title is no input of any estimate
        log = editAndCompare(ws, dir.resolve("f2"), "study.yaml", s -> s.replace("title: \"Investment\"", "title: \"Investment, 1935-54\""));
        assertTrue(log.contains("Estimating 0 of 6 models, tests and mediation analyses again; 6 unchanged, taken from the last results"),
                log.toString());

        log = editAndCompare(ws, dir.resolve("f3"), "study.yaml", s -> s.replace("vcov: cluster(firm)", "vcov: hc1"));
        assertTrue(log.contains("models.twfe: vcov changed; estimating it again"), log.toString());

        log = editAndCompare(ws, dir.resolve("f4"), "study.yaml", s -> s.replace("lags: 1, deterministic: intercept",
                "lags: 2, deterministic: intercept"));
        assertTrue(log.contains("tests.llc: lags changed; estimating it again"), log.toString());

        log = editAndCompare(ws, dir.resolve("f5"), "study.yaml", s -> s.replace("models:\n  fe:", "models:\n  fd:\n    dataset: grunfeld\n"
                + "    formula: \"D(inv) ~ D(value)\"\n  fe:"));
        assertTrue(log.contains("models.fd: not in the last results; estimating it again"), log.toString());

        log = editAndCompare(ws, dir.resolve("f6"), "study.yaml", s -> s.replace("  fd:\n    dataset: grunfeld\n"
                + "    formula: \"D(inv) ~ D(value)\"\n", ""));
        assertTrue(log.contains("Estimating 0 of 6 models, tests and mediation analyses again; 6 unchanged, taken from the last results"),
                log.toString());

        // one data cell: everything on that dataset is estimated again
        log = editAndCompare(ws, dir.resolve("f7"), "data/grunfeld.csv", s -> s.replaceFirst("317\\.6", "318.6"));
        assertTrue(log.contains("models.fe: data changed; estimating it again"), log.toString());
        assertTrue(log.contains("mediation.path: data changed; estimating it again"), log.toString());
        assertTrue(log.contains("Estimating 6 of 6 models, tests and mediation analyses again; 0 unchanged, taken from the last results"),
                log.toString());
    }

    @Test
    void aCorruptStateFileMeansAFullEstimateSaidInTheLog(@TempDir Path dir) throws Exception {
        Workspace ws = project(dir.resolve("p"));
        estimate(ws);
        Files.writeString(ws.outputDir().resolve("state/estimate-items.json"), "{ not json");
        Path study = ws.studyFile();
        Files.writeString(study, Files.readString(study).replace("vcov: hc1", "vcov: iid"));
        List<String> log = estimate(ws);
        assertTrue(log.contains("The state file out/state/estimate-items.json is unreadable (JsonParseException): building everything again"),
                log.toString());
        assertFalse(log.stream().anyMatch(l -> l.contains("taken from the last results")), log.toString());
        Workspace full = project(dir.resolve("f"));
        Files.copy(study, full.studyFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        estimate(full);
        assertArrayEquals(Files.readAllBytes(full.resultsFile()), Files.readAllBytes(ws.resultsFile()));
    }

    @Test
    void anEditedResultsFileIsNotReused(@TempDir Path dir) throws Exception {
        Workspace ws = project(dir.resolve("p"));
        estimate(ws);
        String edited = Files.readString(ws.resultsFile()).replaceFirst("\"nobs\": \\d+", "\"nobs\": 1");
        assertFalse(edited.equals(Files.readString(ws.resultsFile())));
        Files.writeString(ws.resultsFile(), edited);
        Path study = ws.studyFile();
        Files.writeString(study, Files.readString(study).replace("vcov: hc1", "vcov: iid"));
        List<String> log = estimate(ws);
        assertTrue(log.contains("out/results.json is not the file the last estimate wrote: estimating everything"), log.toString());
        Workspace full = project(dir.resolve("f"));
        Files.copy(study, full.studyFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        estimate(full);
        assertArrayEquals(Files.readAllBytes(full.resultsFile()), Files.readAllBytes(ws.resultsFile()));
    }
}
