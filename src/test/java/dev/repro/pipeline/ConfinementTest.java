package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.diag.Excerpt;
import dev.repro.diag.Problem;
import dev.repro.diag.ReproException;
import dev.repro.io.Sha256;
import dev.repro.study.Study;
import dev.repro.study.StudyParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file a study names resolves inside the project folder after symbolic links, unless the dataset says
 * {@code external: true}; a refusal is a located study error that shows no byte of the file; the replication
 * archive has only safe entry names and a README that embeds the study's texts escaped.
 */
class ConfinementTest {
    private static final Path PROJECT = Path.of("src/test/resources/projects/basic").toAbsolutePath();
    private static final String SECRET = "root:x:0:0:SECRET";
    private static final String MODEL = "models:\n  fe:\n    dataset: grunfeld\n    formula: \"inv ~ value + capital | firm\"\n"
            + "tables:\n  main:\n    models: [fe]\n";
    private static final String FIX = "; move the file into the project folder and name it relative to it (e.g. file: data/other.csv),"
            + " or, to read it from where it is, add external: true to dataset 'other' (the replication package then holds a copy"
            + " under data/external/)";

    @TempDir
    Path tmp;
    Path dir;
    Path outside;

    @BeforeEach
    void project() throws Exception {
        dir = Files.createDirectories(tmp.resolve("project"));
        Files.createDirectories(dir.resolve("data"));
        Files.copy(PROJECT.resolve("data/grunfeld.csv"), dir.resolve("data/grunfeld.csv"));
        outside = Files.writeString(tmp.resolve("outside.csv"), SECRET + "\n1\n");
    }

    private Workspace study(String otherDataset) throws Exception {
        Files.writeString(dir.resolve("study.yaml"), "title: Confined\ndatasets:\n  grunfeld:\n    file: data/grunfeld.csv\n"
                + "    id: firm\n    time: year\n  other:\n" + otherDataset + MODEL);
        return new Workspace(dir, dir.resolve("study.yaml"), dir.resolve("target/repro"), dir.resolve("baseline.json"),
                dir.resolve("templates"));
    }

    private static List<String> failure(Workspace ws) {
        ReproException e = assertThrows(ReproException.class, () -> new Pipeline(ws, Reporter.SILENT, 1).validate());
        List<String> messages = e.problems().stream().map(Problem::format).collect(Collectors.toList());
        assertFalse(String.join("\n", messages).contains("SECRET"), "no byte of the file in a message: " + messages);
        return messages;
    }

    @Test
    void aDotDotPathIsALocatedStudyError() throws Exception {
        assertEquals(List.of("study.yaml:8:11: datasets.other.file: '../outside.csv' leaves the project folder" + FIX),
                failure(study("    file: ../outside.csv\n")));
    }

    @Test
    void anAbsolutePathOutsideIsALocatedStudyError() throws Exception {
        assertEquals(List.of("study.yaml:8:11: datasets.other.file: '" + outside + "' is an absolute path outside the project folder" + FIX),
                failure(study("    file: " + outside + "\n")));
    }

    @Test
    void aSymbolicLinkOutIsALocatedStudyError() throws Exception {
        Files.createSymbolicLink(dir.resolve("data/other.csv"), outside);
        assertEquals(List.of("study.yaml:8:11: datasets.other.file: 'data/other.csv' is, or lies in, a symbolic link to '"
                + outside.toRealPath() + "', outside the project folder" + FIX), failure(study("    file: data/other.csv\n")));
    }

    @Test
    void externalTrueReadsTheFileAndPackagesItUnderDataExternal() throws Exception {
        Files.writeString(outside, "a,b\n1,2\n");
        Workspace ws = study("    file: ../outside.csv\n    external: true\n    source: \"<img src=x onerror=alert(1)> [x](javascript:alert(1))\"\n");
        List<String> log = new ArrayList<>();
        Pipeline p = new Pipeline(ws, new Reporter() {
            @Override
            public void info(String message) {
                log.add(message);
            }

            @Override
            public void warn(String message) {
                log.add(message);
            }
        }, 1);
        p.estimate(false);
        p.tables(false);
        assertTrue(log.contains("Read ../outside.csv: 1 rows, 2 columns, sha256 "
                + Sha256.of("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))), log.toString());
        p.replicationPackage("17", "3.8.7", "Linux", List.of(), PackageBundle.Request.none());
        Map<String, String> zip = unzip(Files.readAllBytes(ws.outputDir().resolve("replication-package.zip")));
        assertEquals("a,b\n1,2\n", zip.get("replication-package/data/external/other-outside.csv"));
        assertTrue(zip.keySet().stream().allMatch(n -> ZipEntryNames.refusal(n) == null), zip.keySet().toString());
        String readme = zip.get("replication-package/README.md");
        assertTrue(readme.contains("| `../outside.csv` | 1 | `"), readme);
        assertTrue(readme.contains(" | yes, as `data/external/other-outside.csv` (external: place it at the path the study names)"
                + " | \\<img src=x onerror=alert(1)\\> \\[x\\](javascript:alert(1)) |\n"), readme);
    }

    @Test
    void theReadmeEscapesTheTitle() throws Exception {
        Workspace ws = study("    file: data/grunfeld.csv\n");
        Files.writeString(ws.studyFile(), Files.readString(ws.studyFile()).replace("title: Confined",
                "title: \"<img src=x onerror=alert(1)> [home](javascript:alert(1))\""));
        Pipeline.Loaded loaded = new Pipeline(ws, Reporter.SILENT, 1).validate();
        String readme = PackageStep.readme(loaded.study(), loaded.report(), loaded.data(), ws,
                new PackageStep.Environment("17", "3.8.7", "Linux", "1.0", List.of()),
                new PackageBundle.Contents(PackageBundle.Kind.NONE, 0, 0, 0, null));
        assertEquals("# \\<img src=x onerror=alert(1)\\> \\[home\\](javascript:alert(1)): replication package",
                readme.lines().findFirst().orElseThrow());
    }

    @Test
    void packagingAStudyWithAHostilePathIsRefused() throws Exception {
        Files.writeString(outside, "a,b\n1,2\n");
        Workspace ws = study("    file: data/grunfeld.csv\n");
        Pipeline p = new Pipeline(ws, Reporter.SILENT, 1);
        p.estimate(false);
        p.tables(false);
        Pipeline.Loaded loaded = p.prepare();
        // a study that skipped validate: the package re-checks each file and never writes a Zip-Slip entry
        Files.writeString(dir.resolve("hostile.yaml"), Files.readString(dir.resolve("study.yaml"))
                .replace("  other:\n    file: data/grunfeld.csv\n", "  other:\n    file: ../../outside.csv\n"));
        Study hostile = StudyParser.parse(dir.resolve("hostile.yaml"), "hostile.yaml");
        ReproException e = assertThrows(ReproException.class, () -> PackageStep.run(hostile, loaded.report(), loaded.data(), ws,
                new PackageStep.Environment("17", "3.8.7", "Linux", "1.0", List.of()), PackageBundle.Request.none(),
                Reporter.SILENT));
        assertTrue(e.getMessage().startsWith("Cannot package the study (1 problem):"), e.getMessage());
        assertEquals(List.of("hostile.yaml:8:11: datasets.other.file: '../../outside.csv' leaves the project folder" + FIX),
                e.problems().stream().map(Problem::format).collect(Collectors.toList()));
        assertFalse(Files.exists(ws.outputDir().resolve("replication-package.zip")));
    }

    @Test
    void aStudyFileOutsideTheProjectGivesNoZipSlipEntry() throws Exception {
        Workspace inside = study("    file: data/grunfeld.csv\n");
        Pipeline p = new Pipeline(inside, Reporter.SILENT, 1);
        p.estimate(false);
        p.tables(false);
        Path elsewhere = Files.copy(inside.studyFile(), tmp.resolve("elsewhere.yaml"));
        Workspace ws = new Workspace(dir, elsewhere, inside.outputDir(), inside.baselineFile(), inside.templatesDir());
        ReproException e = assertThrows(ReproException.class,
                () -> new Pipeline(ws, Reporter.SILENT, 1).replicationPackage("17", "3.8.7", "Linux", List.of(), PackageBundle.Request.none()));
        assertEquals(List.of(elsewhere + ": the archive entry " + Excerpt.quoted("replication-package/" + elsewhere)
                + " has an empty segment (//); name every file"
                + " of the study relative to the project folder, without .. or //"),
                e.problems().stream().map(Problem::format).collect(Collectors.toList()));
        assertFalse(Files.exists(ws.outputDir().resolve("replication-package.zip")));
    }

    @Test
    void aLinkedTemplateFileOutsideIsNotPackaged() throws Exception {
        Workspace ws = study("    file: data/grunfeld.csv\n");
        Pipeline p = new Pipeline(ws, Reporter.SILENT, 1);
        p.estimate(false);
        p.tables(false);
        Files.createDirectories(dir.resolve("templates"));
        Files.createSymbolicLink(dir.resolve("templates/notes.txt"), outside);
        ReproException e = assertThrows(ReproException.class, () -> p.replicationPackage("17", "3.8.7", "Linux", List.of(), PackageBundle.Request.none()));
        assertEquals(List.of("templates: 'templates/notes.txt' is, or lies in, a symbolic link to '" + outside.toRealPath()
                + "', outside the project folder; copy the file into the project instead of linking to it"),
                e.problems().stream().map(Problem::format).collect(Collectors.toList()));
    }

    @Test
    void zipEntryNamesAreChecked() throws Exception {
        assertEquals(null, ZipEntryNames.refusal("replication-package/data/a.csv"));
        assertEquals("has a '..' segment", ZipEntryNames.refusal("replication-package/../../x"));
        assertEquals("has an empty segment (//)", ZipEntryNames.refusal("replication-package//tmp/x"));
        assertEquals("is absolute", ZipEntryNames.refusal("/tmp/x"));
        assertEquals("contains a backslash", ZipEntryNames.refusal("replication-package\\..\\x"));
        assertEquals("contains a colon (a drive letter or stream name)", ZipEntryNames.refusal("C:/x"));
        assertEquals("has a '.' segment", ZipEntryNames.refusal("a/./b"));
        assertEquals("is empty", ZipEntryNames.refusal(""));
        assertEquals("contains a control character", ZipEntryNames.refusal("a\nb"));
        TreeMap<String, byte[]> hostile = new TreeMap<>(Map.of("../../x", new byte[] {1}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PackageStep.zip(hostile));
        assertEquals("zip entry name 'replication-package/../../x' has a '..' segment", e.getMessage());
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
