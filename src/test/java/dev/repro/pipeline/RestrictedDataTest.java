package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.diag.ReproException;
import dev.repro.io.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replication without a restricted dataset: the dependency is traced from the study (dataset, index step,
 * constructed dataset, model, tables, figures), what depends on the missing file is skipped with its reason and
 * everything else is rebuilt and checked; outside replication mode the missing file stays an error.
 */
class RestrictedDataTest {
    private static final Path PROJECT = Path.of("src/test/resources/projects/restricted").toAbsolutePath();
    private static final String WHY = "restricted data missing: data/secret.csv";

    @TempDir
    Path dir;

    private Workspace copy() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        for (String f : List.of("study.yaml", "data/grunfeld.csv", "data/secret.csv")) {
            Files.copy(PROJECT.resolve(f), dir.resolve(f));
        }
        return new Workspace(dir, dir.resolve("study.yaml"), dir.resolve("out"), dir.resolve("baseline.json"), null);
    }

    /** The build that made the package: baseline, results, tables; its outputs become the package's output/. */
    private Workspace built() throws Exception {
        Workspace ws = copy();
        Pipeline p = new Pipeline(ws, Reporter.SILENT, 1);
        p.baseline();
        p.tables(true);
        for (String sub : List.of("results.json", "tables", "figures")) {
            copyTree(ws.outputDir().resolve(sub), dir.resolve("output").resolve(sub));
        }
        Files.writeString(dir.resolve(RestrictedData.LIST), "file,sha256,rows\ndata/secret.csv,"
                + Sha256.of(dir.resolve("data/secret.csv")) + ",200\n", StandardCharsets.UTF_8);
        // the replication rebuilds into a fresh folder, as in an unzipped package
        return new Workspace(dir, dir.resolve("study.yaml"), dir.resolve("target/repro"), dir.resolve("baseline.json"), null);
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = p.equals(from) ? to : to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
            }
        }
    }

    private static ReplicateStep.Actual actual() {
        return new ReplicateStep.Actual("17", "3.9.9", "Linux", 2, 0, "test", List.of());
    }

    @Test
    void withoutTheFileAReplicationSkipsWhatDependsOnItAndChecksTheRest() throws Exception {
        Workspace ws = built();
        Files.delete(dir.resolve("data/secret.csv"));
        List<String> log = new ArrayList<>();
        Pipeline p = new Pipeline(ws, BasicProject.collect(log), 1).replication(true);
        p.estimate(true);
        p.tables(true);
        p.check(true);
        p.replicate(actual(), List.of(), true);
        for (String line : List.of("Skipping dataset secret: " + WHY, "Skipping dataset joined: " + WHY,
                "Skipping index step joined: " + WHY, "Skipping model with_rd: " + WHY, "Skipping table rd: " + WHY,
                "Skipping table secret_stats: " + WHY, "Skipping figure rd_coef: " + WHY,
                "Table main: reproduced exactly (every cell and every underlying number equal)",
                "Table rd: not checked (" + WHY + ")", "Table secret_stats: not checked (" + WHY + ")",
                "Figure value_trend: reproduced exactly (the SVG is identical)", "Figure rd_coef: not checked (" + WHY + ")")) {
            assertTrue(log.contains(line), line + " not in " + log);
        }
        assertTrue(log.stream().anyMatch(l -> l.startsWith("Not checked against the baseline: ")
                && l.endsWith(" values that depend on missing restricted data (data/secret.csv)")), log::toString);
        assertFalse(Files.exists(ws.tablesDir().resolve("rd.csv")));
        // the rebuilt HTML report's drift section leaves the skipped values out too
        String rebuiltReport = Files.readString(ws.reportDir().resolve("index.html"));
        assertTrue(rebuiltReport.contains("<p>All 172 compared values are within tolerance of the baseline.</p>"), rebuiltReport);
        String results = Files.readString(ws.resultsFile());
        assertFalse(results.contains("with_rd"), results);
        String report = Files.readString(dir.resolve("REPLICATION-REPORT.md"));
        assertTrue(report.contains("| Table main | reproduced exactly |"), report);
        assertTrue(report.contains("| Table rd | not checked | " + WHY + " |"), report);
        assertTrue(report.contains("| Figure rd\\_coef | not checked | " + WHY + " |"), report);
        assertTrue(report.contains("| data/secret.csv |") && report.contains("restricted: not supplied by the replicator"), report);
        assertTrue(report.contains(" not checked (" + WHY + ")"), report);
        // the published cells as the published comparison judges them; those on the missing data not checked
        assertTrue(report.contains("## Published values"), report);
        assertTrue(report.contains("Published table paper (A \\<b\\>working paper\\</b\\> \\| Table \\*1\\*): 3 of 4 cells"
                + " reproduced, 1 differ, 0 differ in significance, 0 without a result; 2 not checked"), report);
        assertTrue(report.contains("| models.pooled.coefficients.value.estimate | 0.116 | 0.116 | reproduced |"), report);
        assertTrue(report.contains("| models.pooled.coefficients.capital.estimate | 0.999 | 0.231 | differs |"), report);
        assertTrue(report.contains("| models.with\\_rd.coefficients.rd.estimate | 9.999 |  | not checked (" + WHY + ") |"), report);
        String html = Files.readString(dir.resolve("REPLICATION-REPORT.html"));
        assertTrue(html.contains("<h2>Published values</h2>"), html);
        assertTrue(html.contains("(A &lt;b&gt;working paper&lt;/b&gt; | Table *1*)"), html);
    }

    @Test
    void withTheFileSuppliedEverythingIsChecked() throws Exception {
        Workspace ws = built();
        List<String> log = new ArrayList<>();
        Pipeline p = new Pipeline(ws, BasicProject.collect(log), 1).replication(true);
        p.estimate(true);
        p.tables(true);
        p.check(true);
        p.replicate(actual(), List.of(), true);
        assertTrue(log.stream().noneMatch(l -> l.startsWith("Skipping")), log::toString);
        String report = Files.readString(dir.resolve("REPLICATION-REPORT.md"));
        assertTrue(report.contains("| Table rd | reproduced exactly |"), report);
        assertTrue(report.contains("| Figure rd\\_coef | reproduced exactly |"), report);
        assertTrue(report.contains("restricted: matches"), report);
        assertFalse(report.contains("not checked"), report);
    }

    @Test
    void aSuppliedFileWithAnotherHashIsALocatedError() throws Exception {
        Workspace ws = built();
        Files.writeString(dir.resolve("data/secret.csv"), "firm,year,rd\n1,1935,1\n", StandardCharsets.UTF_8);
        String sha = Sha256.of(dir.resolve("data/secret.csv"));
        ReproException e = assertThrows(ReproException.class, () -> new Pipeline(ws, Reporter.SILENT, 1).replication(true).validate());
        String listed = Files.readAllLines(dir.resolve(RestrictedData.LIST)).get(1).split(",")[1];
        assertEquals("restricted-data.csv:2:2: data/secret.csv has SHA-256 " + sha + " but the package lists " + listed
                + ": the supplied file is not the one the package was built from; obtain the original from its source, or remove"
                + " the file to replicate without it", e.problems().get(0).format());
    }

    @Test
    void outsideReplicationAMissingRestrictedFileStillFailsValidate() throws Exception {
        Workspace ws = copy();
        Files.delete(dir.resolve("data/secret.csv"));
        ReproException e = assertThrows(ReproException.class, () -> new Pipeline(ws, Reporter.SILENT, 1).validate());
        assertTrue(e.problems().stream().anyMatch(x -> x.format().contains("data/secret.csv")), e::getMessage);
    }
}
