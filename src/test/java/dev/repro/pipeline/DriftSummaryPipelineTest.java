package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.repro.diag.ReproException;
import dev.repro.io.Json;
import dev.repro.io.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * repro:baseline records the SHA-256 of every input file in the baseline; a drift starts with a summary and
 * names the input files changed since; a baseline without hashes still works and says they are unknown.
 */
class DriftSummaryPipelineTest {

    private static List<String> lines(ReproException e) {
        return List.of(e.problems().get(0).message().split("\\R"));
    }

    private static void changeACell(Path dir) throws Exception {
        Path csv = dir.resolve("data/grunfeld.csv");
        Files.writeString(csv, Files.readString(csv).replaceFirst("317\\.6", "417.6"));
    }

    @Test
    void theBaselineRecordsTheInputHashesSortedAsItsLastKey(@TempDir Path dir) throws Exception {
        Workspace ws = BasicProject.copy(dir);
        List<String> log = new ArrayList<>();
        new Pipeline(ws, BasicProject.collect(log), 1).baseline();
        assertTrue(log.contains("Recorded the baseline baseline.json with the SHA-256 of its 2 input files; commit it so"
                + " that `mvn verify` checks against it"), log.toString());
        JsonNode tree = Json.mapper().readTree(Files.readAllBytes(ws.baselineFile()));
        List<String> keys = new ArrayList<>();
        tree.fieldNames().forEachRemaining(keys::add);
        assertEquals("inputs", keys.get(keys.size() - 1));
        JsonNode inputs = tree.get("inputs");
        List<String> files = new ArrayList<>();
        inputs.fieldNames().forEachRemaining(files::add);
        assertEquals(List.of("data/grunfeld.csv", "study.yaml"), files);
        assertEquals(Sha256.of(dir.resolve("data/grunfeld.csv")), inputs.get("data/grunfeld.csv").asText());
        assertEquals(Sha256.of(dir.resolve("study.yaml")), inputs.get("study.yaml").asText());
        // the same results and inputs give the same bytes
        byte[] first = Files.readAllBytes(ws.baselineFile());
        new Pipeline(ws, Reporter.SILENT, 1).baseline();
        assertEquals(new String(first, "UTF-8"), Files.readString(ws.baselineFile()));
        // the hashes are not results: the gate and the report compare the results alone
        new Pipeline(ws, BasicProject.collect(log), 1).check(true);
        assertTrue(log.stream().anyMatch(l -> l.startsWith("No drift:")), log.toString());
        assertTrue(CheckStep.compareIfPossible(ws, new Pipeline(ws, Reporter.SILENT, 1).validate().study().tolerance())
                .stream().noneMatch(d -> d.failed() || d.item().startsWith("inputs")));
    }

    @Test
    void aChangedDataCellStartsTheFailureWithASummaryNamingTheFile(@TempDir Path dir) throws Exception {
        Workspace ws = BasicProject.copy(dir);
        new Pipeline(ws, Reporter.SILENT, 1).baseline();
        changeACell(dir);
        new Pipeline(ws, Reporter.SILENT, 1).estimate(false);
        ReproException e = assertThrows(ReproException.class, () -> new Pipeline(ws, Reporter.SILENT, 1).check(true));
        List<String> lines = lines(e);
        assertEquals(List.of("30 of 117 values drifted from the baseline baseline.json; if the change is intended, accept it with"
                        + " `mvn repro:baseline`",
                "    drifted: 15 in model fe, 15 in model pooled",
                "    largest relative change: +12.37% at models.fe.constant.t (baseline -4.716989978, now -4.133341376)",
                "    inputs: data/grunfeld.csv changed since the baseline",
                ""), lines.subList(0, 5));
        assertTrue(lines.get(5).matches("    item +baseline +now +difference +tolerance +note"), lines.get(5));
        assertEquals(30 + 6, lines.size());
    }

    @Test
    void aBaselineWithoutHashesStillWorksAndSaysTheyAreUnknown(@TempDir Path dir) throws Exception {
        Workspace ws = BasicProject.copy(dir);
        new Pipeline(ws, Reporter.SILENT, 1).baseline();
        ObjectNode old = (ObjectNode) Json.mapper().readTree(Files.readAllBytes(ws.baselineFile()));
        old.remove("inputs");
        Files.write(ws.baselineFile(), Json.bytes(old));
        List<String> log = new ArrayList<>();
        new Pipeline(ws, BasicProject.collect(log), 1).check(true);
        assertTrue(log.stream().anyMatch(l -> l.startsWith("No drift:")), log.toString());
        changeACell(dir);
        new Pipeline(ws, Reporter.SILENT, 1).estimate(false);
        ReproException e = assertThrows(ReproException.class, () -> new Pipeline(ws, Reporter.SILENT, 1).check(true));
        assertEquals("    inputs: unknown, the baseline records no input hashes (it predates them); `mvn repro:baseline` records them",
                lines(e).get(3));
    }

    @Test
    void unchangedInputsPointAtThePluginOrItsSettings(@TempDir Path dir) throws Exception {
        Workspace ws = BasicProject.copy(dir);
        new Pipeline(ws, Reporter.SILENT, 1).baseline();
        ObjectNode edited = (ObjectNode) Json.mapper().readTree(Files.readAllBytes(ws.baselineFile()));
        ((ObjectNode) edited.get("models").get("fe")).put("nobs", 199);
        Files.write(ws.baselineFile(), Json.bytes(edited));
        ReproException e = assertThrows(ReproException.class, () -> new Pipeline(ws, Reporter.SILENT, 1).check(true));
        assertEquals(List.of("1 of 117 values drifted from the baseline baseline.json; if the change is intended, accept it with"
                        + " `mvn repro:baseline`",
                "    drifted: 1 in model fe",
                "    largest relative change: +0.50% at models.fe.nobs (baseline 199.0000000, now 200.0000000)",
                "    inputs: all 2 input files are unchanged since the baseline (SHA-256), so the plugin or its settings made"
                        + " the difference",
                "",
                "    item               baseline          now   difference        tolerance  note",
                "    models.fe.nobs  199.0000000  200.0000000  1.000000000  0.0001990010000"), lines(e));
    }

    @Test
    void withoutFailOnDriftTheSummaryAndTableAreWarnings(@TempDir Path dir) throws Exception {
        Workspace ws = BasicProject.copy(dir);
        new Pipeline(ws, Reporter.SILENT, 1).baseline();
        changeACell(dir);
        new Pipeline(ws, Reporter.SILENT, 1).estimate(false);
        List<String> log = new ArrayList<>();
        new Pipeline(ws, BasicProject.collect(log), 1).check(false);
        int head = log.indexOf("30 of 117 values drifted from the baseline baseline.json (repro.failOnDrift=false, so the build goes on):");
        assertTrue(head >= 0, log.toString());
        assertEquals(List.of("drifted: 15 in model fe, 15 in model pooled",
                "largest relative change: +12.37% at models.fe.constant.t (baseline -4.716989978, now -4.133341376)",
                "inputs: data/grunfeld.csv changed since the baseline"), log.subList(head + 1, head + 4));
        assertTrue(log.get(head + 4).startsWith("item "), log.get(head + 4));
        String junit = Files.readString(ws.outputDir().resolve("junit/TEST-repro-drift.xml"));
        assertTrue(junit.contains("  <system-out>drifted: 15 in model fe, 15 in model pooled\n"), junit);
        assertTrue(junit.contains("inputs: data/grunfeld.csv changed since the baseline</system-out>\n</testsuite>\n"), junit);
        // the HTML report's drift section opens with the same summary, the changed inputs included
        new Pipeline(ws, Reporter.SILENT, 1).tables(true);
        String html = Files.readString(ws.outputDir().resolve("report/index.html"));
        assertTrue(html.contains("<li>drifted: 15 in model fe, 15 in model pooled</li>"), html);
        assertTrue(html.contains("<li>inputs: data/grunfeld.csv changed since the baseline</li>"), html);
    }
}
