package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tables goal after an edit writes again only the tables the edit touches, says why, and leaves every table file
 * byte for byte as a full estimate and render of the edited project writes it: a sequence of edits, each followed by
 * estimate + tables in one project and by the same in a fresh copy.
 */
class IncrementalTablesTest {
    private static final String STUDY = """
            datasets:
              grunfeld:
                file: data/grunfeld.csv
                id: firm
                time: year
            labels:
              value: "Market value"
            models:
              fe:
                dataset: grunfeld
                formula: "inv ~ value + capital | firm"
              pooled:
                dataset: grunfeld
                formula: "inv ~ value + capital"
                vcov: hc1
            tables:
              t1:
                title: "Fixed effects"
                models: [fe]
              t2:
                title: "Pooled"
                models: [pooled]
              t3:
                title: "Both"
                models: [fe, pooled]
            """;

    private static Workspace project(Path dir) throws Exception {
        Workspace ws = BasicProject.copy(dir);
        Files.writeString(ws.studyFile(), STUDY);
        return ws;
    }

    private static List<String> build(Workspace ws) throws Exception {
        List<String> log = new ArrayList<>();
        Pipeline p = new Pipeline(ws, BasicProject.collect(log), 2);
        p.estimate(false);
        p.tables(false);
        return log;
    }

    /** Every file under out/tables, by name. */
    private static List<Path> tableFiles(Workspace ws) throws Exception {
        try (Stream<Path> s = Files.list(ws.outputDir().resolve("tables"))) {
            return s.sorted().toList();
        }
    }

    /** Applies the edit, builds incrementally, then builds a fresh copy in full: same results and table bytes. */
    private static List<String> editAndCompare(Workspace ws, Path fresh, String file, UnaryOperator<String> edit) throws Exception {
        Path f = ws.basedir().resolve(file);
        String before = Files.readString(f);
        String after = edit.apply(before);
        assertFalse(before.equals(after), "the edit of " + file + " changes it");
        Files.writeString(f, after);
        List<String> log = build(ws);
        Workspace full = project(fresh);
        Files.copy(ws.studyFile(), full.studyFile(), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(ws.basedir().resolve("data/grunfeld.csv"), full.basedir().resolve("data/grunfeld.csv"),
                StandardCopyOption.REPLACE_EXISTING);
        build(full);
        assertArrayEquals(Files.readAllBytes(full.resultsFile()), Files.readAllBytes(ws.resultsFile()), "results after editing " + file);
        List<Path> partial = tableFiles(ws);
        List<Path> whole = tableFiles(full);
        assertEquals(whole.stream().map(Path::getFileName).toList(), partial.stream().map(Path::getFileName).toList());
        for (int i = 0; i < whole.size(); i++) {
            assertArrayEquals(Files.readAllBytes(whole.get(i)), Files.readAllBytes(partial.get(i)), partial.get(i) + " after editing " + file);
        }
        return log;
    }

    private static long writtenAt(Workspace ws, String file) throws Exception {
        return Files.getLastModifiedTime(ws.outputDir().resolve("tables").resolve(file)).toMillis();
    }

    @Test
    void eachEditRendersOnlyTheTablesItTouchesAndTheBytesEqualAFullRender(@TempDir Path dir) throws Exception {
        Workspace ws = project(dir.resolve("p"));
        List<String> log = build(ws);
        assertTrue(log.stream().anyMatch(l -> l.startsWith("Wrote 3 tables (tex, html, md, csv)")), log.toString());

        // one table's title: that table only, no estimation
        Files.setLastModifiedTime(ws.outputDir().resolve("tables/t1.tex"), FileTime.fromMillis(1000));
        log = editAndCompare(ws, dir.resolve("f1"), "study.yaml", s -> s.replace("title: \"Pooled\"", "title: \"Pooled OLS\""));
        assertTrue(log.contains("tables.t2: title changed; rendering it again"), log.toString());
        assertTrue(log.contains("Rendering 1 of 3 tables; 2 unchanged"), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("Wrote 1 table (tex, html, md, csv)")), log.toString());
        assertEquals(1000, writtenAt(ws, "t1.tex"), "t1.tex is not written again");
        assertTrue(Files.readString(ws.outputDir().resolve("tables/t2.tex")).contains("Pooled OLS"));

        // a table's model list: that table only
        log = editAndCompare(ws, dir.resolve("f2"), "study.yaml", s -> s.replace("models: [fe, pooled]", "models: [pooled, fe]"));
        assertTrue(log.contains("tables.t3: models changed; rendering it again"), log.toString());
        assertTrue(log.contains("Rendering 1 of 3 tables; 2 unchanged"), log.toString());

        // a global label: every table
        log = editAndCompare(ws, dir.resolve("f3"), "study.yaml", s -> s.replace("value: \"Market value\"", "value: \"Firm value\""));
        assertTrue(log.contains("tables.t1: labels changed; rendering it again"), log.toString());
        assertTrue(log.contains("Rendering 3 of 3 tables; 0 unchanged"), log.toString());

        // one model re-estimated: the tables whose results changed (results.json is one input of all)
        log = editAndCompare(ws, dir.resolve("f4"), "study.yaml", s -> s.replace("inv ~ value + capital\"\n    vcov: hc1",
                "inv ~ value\"\n    vcov: hc1"));
        assertTrue(log.contains("models.pooled: formula changed; estimating it again"), log.toString());
        assertTrue(log.contains("tables.t2: results changed, other study entries changed; rendering it again"), log.toString());

        // a table file edited by hand is written again
        Files.writeString(ws.outputDir().resolve("tables/t1.md"), "edited");
        Files.writeString(ws.studyFile(), Files.readString(ws.studyFile()).replace("title: \"Both\"", "title: \"Both models\""));
        log = build(ws);
        assertTrue(log.contains("tables.t1: out/tables/t1.md is missing or was edited; rendering it again"), log.toString());
        assertTrue(log.contains("tables.t3: title changed; rendering it again"), log.toString());
        assertTrue(log.contains("Rendering 2 of 3 tables; 1 unchanged"), log.toString());

        // nothing changed: the goal skips
        log = build(ws);
        assertTrue(log.contains("Tables are up to date (results, study, templates and baseline unchanged): skipping rendering;"
                + " -Drepro.force=true reruns it"), log.toString());
    }

    @Test
    void aCorruptStateFileRendersEveryTableSaidInTheLog(@TempDir Path dir) throws Exception {
        Workspace ws = project(dir.resolve("p"));
        build(ws);
        Files.writeString(ws.outputDir().resolve("state/tables.json"), "{ not json");
        Files.writeString(ws.studyFile(), Files.readString(ws.studyFile()).replace("title: \"Pooled\"", "title: \"Pooled OLS\""));
        List<String> log = build(ws);
        assertTrue(log.contains("The state file out/state/tables.json is unreadable (JsonParseException): building everything again"),
                log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("Wrote 3 tables (tex, html, md, csv)")), log.toString());
    }
}
