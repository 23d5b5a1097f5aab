package dev.repro.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.repro.diag.Problem;
import dev.repro.diag.ReproException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code mode:} key of a published table: gate (the default) or compare, checked with its position. */
class StudyParserPublishedModeTest {
    @TempDir
    Path dir;

    private static final String HEAD = """
            datasets:
              g: {file: g.csv, id: firm, time: year}
            models:
              m: {dataset: g, formula: "y ~ x"}
            published:
              t1:
            """;

    private Study parse(String yaml) throws Exception {
        Path f = dir.resolve("study.yaml");
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        return StudyParser.parse(f, "study.yaml");
    }

    private List<String> problems(String yaml) {
        ReproException e = assertThrows(ReproException.class, () -> parse(yaml));
        return e.problems().stream().map(Problem::format).toList();
    }

    @Test
    void gateIsTheDefaultAndCompareIsRead() throws Exception {
        assertEquals(PublishedTable.Mode.GATE, parse(HEAD + "    models: {m: {nobs: \"10\"}}\n").published().get("t1").mode());
        PublishedTable t = parse(HEAD + "    mode: compare\n    models: {m: {nobs: \"10\"}}\n").published().get("t1");
        assertEquals(PublishedTable.Mode.COMPARE, t.mode());
        assertEquals(PublishedTable.Mode.COMPARE, t.withCells(List.of()).mode());
    }

    @Test
    void anUnknownModeIsLocatedWithASuggestion() {
        assertEquals(List.of("study.yaml:7:11: published.t1.mode: unknown value 'comapre', did you mean 'compare'? expected one of gate, compare"),
                problems(HEAD + "    mode: comapre\n    models: {m: {nobs: \"10\"}}\n"));
    }

    @Test
    void enforceWithCompareIsAMistake() {
        assertEquals(List.of("study.yaml:8:14: published.t1.enforce: 'enforce' applies to 'mode: gate' only; a table with"
                        + " 'mode: compare' is graded and never fails the build: remove 'enforce', or remove 'mode: compare' to make"
                        + " the table a gate"),
                problems(HEAD + "    mode: compare\n    enforce: false\n    models: {m: {nobs: \"10\"}}\n"));
    }

    @Test
    void resultsPathsAndTheConstantAreCells() throws Exception {
        PublishedTable t = parse(HEAD + "    mode: compare\n    models: {m: {constant: [\"-99,147.792***\", \"(-3.31)\"]}}\n"
                + "    results: {summaries.t3.rows.ce.mean: \"25,824\"}\n").published().get("t1");
        assertEquals(List.of("models.m.constant.estimate", "models.m.constant.t", "summaries.t3.rows.ce.mean"),
                t.cells().stream().map(PublishedTable.Cell::item).toList());
        assertEquals("models.m.constant.p", t.cells().get(0).pItem());
    }

    @Test
    void aResultsKeyMustBeAPathIntoResultsJson() {
        assertEquals(List.of("study.yaml:8:41: published.t1.results.sumaries.t3.rows.ce.mean: 'sumaries.t3.rows.ce.mean' is not a path"
                        + " into results.json, did you mean 'summaries'? expected a section (models, tests, mediation, index, summaries,"
                        + " figures) and keys joined by dots, such as summaries.table3.rows.ce.mean"),
                problems(HEAD + "    mode: compare\n    results: {sumaries.t3.rows.ce.mean: \"25,824\"}\n"));
    }
}
