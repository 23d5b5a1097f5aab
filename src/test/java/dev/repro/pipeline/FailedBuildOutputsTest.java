package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.diag.ReproException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed estimate leaves no results.json; nothing measured (wall times) enters the replication package. */
class FailedBuildOutputsTest {
    private static final Path BASIC = Path.of("src/test/resources/projects/basic").toAbsolutePath();

    @TempDir
    Path dir;

    private Workspace copyOfBasic() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        for (String f : List.of("study.yaml", "pom.xml", "data/grunfeld.csv")) {
            Files.copy(BASIC.resolve(f), dir.resolve(f));
        }
        return new Workspace(dir, dir.resolve("study.yaml"), dir.resolve("target/repro"), dir.resolve("repro-baseline.json"), null);
    }

    @Test
    void failedEstimateRemovesTheOldResults() throws Exception {
        Workspace ws = copyOfBasic();
        new Pipeline(ws, Reporter.SILENT, 1).estimate(false);
        assertTrue(Files.isRegularFile(ws.resultsFile()));
        String study = Files.readString(ws.studyFile()).replace("inv ~ value + capital | firm", "inv ~ valeu + capital | firm");
        Files.writeString(ws.studyFile(), study);
        assertThrows(ReproException.class, () -> new Pipeline(ws, Reporter.SILENT, 1).estimate(false));
        assertFalse(Files.exists(ws.resultsFile()), "results of the earlier study are gone after a failed estimate");
    }

    @Test
    void packageBytesDoNotDependOnWallTimes() throws Exception {
        Workspace ws = copyOfBasic();
        Pipeline p = new Pipeline(ws, Reporter.SILENT, 1);
        p.estimate(true);
        p.tables(true);
        List<String> deps = List.of("com.example:lib:1.0");
        p.replicationPackage("17", "3.8.7", "Linux", deps, PackageBundle.Request.none());
        Path zip = ws.outputDir().resolve("replication-package.zip");
        byte[] first = Files.readAllBytes(zip);
        Path timings = ws.outputDir().resolve("timings.json");
        assertTrue(Files.isRegularFile(timings));
        Files.writeString(timings, "{\"models.fe\": 987654321, \"models.pooled\": 1}");
        p.replicationPackage("17", "3.8.7", "Linux", deps, PackageBundle.Request.none());
        assertArrayEquals(first, Files.readAllBytes(zip), "the package is the same bytes whatever the runs took");
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertTrue(z.stream().map(ZipEntry::getName).noneMatch(n -> n.contains("timings")));
            String readme = new String(z.getInputStream(z.getEntry("replication-package/README.md")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(readme.contains("is in `target/repro/timings.json` after `mvn verify`; it is not part of this package"), readme);
            assertFalse(readme.contains("under 1 second") || readme.contains("over 10 minutes"), readme);
        }
    }
}
