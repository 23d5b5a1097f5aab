package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.diag.ReproException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageBundleTest {
    @TempDir
    Path repo;

    private Path pom(String g, String a, String v, String body) throws IOException {
        Path p = repo.resolve(new PomClosure.Gav(g, a, v).path(null, "pom"));
        Files.createDirectories(p.getParent());
        Files.writeString(p, "<?xml version=\"1.0\"?>\n<project xmlns=\"http://maven.apache.org/POM/4.0.0\">"
                + "<modelVersion>4.0.0</modelVersion>" + body + "</project>", StandardCharsets.UTF_8);
        return p;
    }

    private PomClosure.PomSource source() {
        return gav -> repo.resolve(gav.path(null, "pom"));
    }

    @Test
    void closureHoldsParentsAndImportedBomsWithInterpolatedVersions() throws IOException {
        pom("org.example", "root", "1", "<groupId>org.example</groupId><artifactId>root</artifactId><version>1</version>"
                + "<properties><bom.version>5.0</bom.version></properties>");
        pom("org.example", "parent", "2", "<parent><groupId>org.example</groupId><artifactId>root</artifactId><version>1</version>"
                + "</parent><artifactId>parent</artifactId><version>2</version><dependencyManagement><dependencies>"
                + "<dependency><groupId>org.bom</groupId><artifactId>bom</artifactId><version>${bom.version}</version>"
                + "<type>pom</type><scope>import</scope></dependency>"
                + "<dependency><groupId>org.other</groupId><artifactId>plain</artifactId><version>9</version></dependency>"
                + "</dependencies></dependencyManagement>");
        pom("org.bom", "bom", "5.0", "<groupId>org.bom</groupId><artifactId>bom</artifactId><version>5.0</version>");
        pom("org.example", "lib", "3", "<parent><groupId>org.example</groupId><artifactId>parent</artifactId><version>2</version>"
                + "</parent><artifactId>lib</artifactId><version>3</version><description>S&oslash;ren</description>");
        TreeMap<String, Path> poms = PomClosure.of(List.of(new PomClosure.Gav("org.example", "lib", "3")), source());
        assertEquals(List.of("org/bom/bom/5.0/bom-5.0.pom", "org/example/lib/3/lib-3.pom", "org/example/parent/2/parent-2.pom",
                "org/example/root/1/root-1.pom"), List.copyOf(poms.keySet()));
    }

    @Test
    void interpolationLeavesUnknownPropertiesAsWritten() {
        assertEquals("1.2-${nope}", PomClosure.interpolate("${a}-${nope}", Map.of("a", "${b}", "b", "1.2")));
    }

    @Test
    void pluginBundleLaysOutJarsAndPomsAsARepositoryAndRunsMavenOffline() throws Exception {
        pom("org.example", "lib", "3", "<groupId>org.example</groupId><artifactId>lib</artifactId><version>3</version>");
        Path jar = Files.writeString(repo.resolve("lib.jar"), "jar bytes");
        var request = new PackageBundle.Request(PackageBundle.Kind.PLUGIN,
                List.of(new PackageBundle.Jar("org.example", "lib", "3", jar)), "3.9.9",
                (g, a, v, c, ext) -> ext.equals("pom") ? repo.resolve(new PomClosure.Gav(g, a, v).path(c, ext)) : null);
        TreeMap<String, byte[]> files = new TreeMap<>();
        PackageBundle.Contents contents = PackageBundle.addTo(request, files);
        assertEquals(List.of("replicate.cmd", "replicate.sh", "repository/org/example/lib/3/lib-3.jar",
                "repository/org/example/lib/3/lib-3.pom"), List.copyOf(files.keySet()));
        assertEquals(2, contents.repositoryFiles());
        String sh = new String(files.get("replicate.sh"), StandardCharsets.UTF_8);
        assertTrue(sh.endsWith("exec mvn -B -o -Dmaven.repo.local=\"$here/repository\" -Drepro.replication=true verify repro:replicate"
                + " \"$@\"\n"), sh);
        String cmd = new String(files.get("replicate.cmd"), StandardCharsets.UTF_8);
        assertTrue(cmd.contains("call mvn -B -o \"-Dmaven.repo.local=%~dp0repository\" -Drepro.replication=true verify repro:replicate"
                + " %*\r\n"), cmd);
    }

    /**
     * replicate.cmd cannot run here (no Windows): this checks its text instead. For every bundle it must run the
     * same Maven command as replicate.sh (same flags, same package paths, extra arguments passed on), from the
     * script's folder, with CRLF line ends only.
     */
    @Test
    void cmdScriptRunsWhatTheShellScriptRunsWithCrlfLineEnds() throws Exception {
        pom("org.example", "lib", "3", "<groupId>org.example</groupId><artifactId>lib</artifactId><version>3</version>");
        Path jar = Files.writeString(repo.resolve("lib.jar"), "jar bytes");
        for (PackageBundle.Kind kind : PackageBundle.Kind.values()) {
            var request = new PackageBundle.Request(kind, List.of(new PackageBundle.Jar("org.example", "lib", "3", jar)), "3.9.9",
                    (g, a, v, c, ext) -> ext.equals("pom") ? repo.resolve(new PomClosure.Gav(g, a, v).path(c, ext)) : null);
            String sh = PackageBundle.shellScript(request);
            String cmd = PackageBundle.cmdScript(request);
            String shRun = sh.lines().filter(l -> l.startsWith("exec ")).findFirst().orElseThrow().substring("exec ".length());
            String cmdRun = cmd.lines().filter(l -> l.startsWith("call ")).findFirst().orElseThrow().substring("call ".length());
            String fromSh = shRun.replace("sh \"$here/", "\"$here/").replace("$here/", "<package>/").replace("\"$@\"", "<arguments>")
                    .replace("\"", "");
            String fromCmd = cmdRun.replace("%~dp0", "<package>/").replace('\\', '/').replace("mvn.cmd", "mvn")
                    .replace("%*", "<arguments>").replace("\"", "");
            assertEquals(fromSh, fromCmd, kind + ":\n" + sh + "\n" + cmd);
            assertTrue(fromCmd.contains(" -Drepro.replication=true verify repro:replicate <arguments>"), fromCmd);
            assertEquals(kind != PackageBundle.Kind.NONE, fromCmd.contains(" -o -Dmaven.repo.local=<package>/repository "), fromCmd);
            assertEquals(kind == PackageBundle.Kind.FULL, fromCmd.startsWith("<package>/maven/apache-maven-3.9.9/bin/mvn "), fromCmd);
            assertTrue(sh.contains("cd \"$(dirname \"$0\")\"\n") && cmd.contains("cd /d \"%~dp0\"\n"), cmd);
            assertTrue(cmd.contains("exit /b %ERRORLEVEL%"), cmd);
        }
        // as packaged: every line of replicate.cmd ends in CRLF, every line of replicate.sh in LF
        var request = new PackageBundle.Request(PackageBundle.Kind.PLUGIN, List.of(new PackageBundle.Jar("org.example", "lib", "3", jar)),
                "3.9.9", (g, a, v, c, ext) -> ext.equals("pom") ? repo.resolve(new PomClosure.Gav(g, a, v).path(c, ext)) : null);
        TreeMap<String, byte[]> files = new TreeMap<>();
        PackageBundle.addTo(request, files);
        String cmd = new String(files.get("replicate.cmd"), StandardCharsets.UTF_8);
        assertTrue(cmd.endsWith("\r\n") && cmd.replace("\r\n", "").indexOf('\n') < 0 && cmd.replace("\r\n", "").indexOf('\r') < 0, cmd);
        assertEquals(cmd.split("\r\n").length, cmd.lines().count());
        String sh = new String(files.get("replicate.sh"), StandardCharsets.UTF_8);
        assertTrue(sh.startsWith("#!/bin/sh\n") && sh.indexOf('\r') < 0, sh);
    }

    /** The sizes add up exactly: each setting's computed size is the length of the archive of its files. */
    @Test
    void sizesOfEverySettingEqualTheArchivesOfTheirFiles() throws Exception {
        Random random = new Random(7);
        TreeMap<String, byte[]> files = new TreeMap<>();
        byte[] noise = new byte[5000];
        random.nextBytes(noise);
        files.put("study.yaml", "title: x\n".repeat(50).getBytes(StandardCharsets.UTF_8));
        files.put("data/a.csv", noise.clone());
        random.nextBytes(noise);
        files.put("repository/org/x/x-1.jar", noise.clone());
        files.put("repository/org/x/x-1.pom", "<project/>".getBytes(StandardCharsets.UTF_8));
        random.nextBytes(noise);
        files.put("maven/apache-maven-3.9.9/lib/m.jar", noise.clone());
        PackageBundle.Sizes sizes = PackageBundle.sizes(PackageBundle.Kind.FULL, files, PackageStep::zip);
        TreeMap<String, byte[]> plugin = new TreeMap<>(files);
        plugin.keySet().removeIf(n -> n.startsWith("maven/"));
        TreeMap<String, byte[]> none = new TreeMap<>(plugin);
        none.keySet().removeIf(n -> n.startsWith("repository/"));
        assertEquals(PackageStep.zip(files).length, sizes.full());
        assertEquals(PackageStep.zip(plugin).length, sizes.plugin());
        assertEquals(PackageStep.zip(none).length, sizes.none());
        assertEquals(new PackageBundle.Sizes(null, (long) PackageStep.zip(plugin).length, (long) PackageStep.zip(none).length),
                PackageBundle.sizes(PackageBundle.Kind.PLUGIN, plugin, PackageStep::zip));
        assertEquals("Size of this package with each `repro.package.bundle` setting, computed from this build's files: `full` not"
                + " measured by this build (built with `plugin`; a `full` build measures every setting), `plugin` about 10.5 MB,"
                + " `none` about 3.2 MB.", PackageBundle.sizesSentence(new PackageBundle.Sizes(null, 10_490_000L, 3_200_000L),
                PackageBundle.Kind.PLUGIN));
    }

    @Test
    void fullBundleWithoutADistributionSaysHowToGoOn() throws IOException {
        var request = new PackageBundle.Request(PackageBundle.Kind.FULL, List.of(), "3.9.9", (g, a, v, c, ext) -> null);
        ReproException e = assertThrows(ReproException.class, () -> PackageBundle.addTo(request, new TreeMap<>()));
        assertEquals("repro.package.bundle: org.apache.maven:apache-maven:3.9.9:zip:bin is neither in the local repository nor"
                + " downloadable: run repro:package once with a network, or set -Drepro.package.bundle=plugin to leave Maven out",
                e.problems().get(0).format());
    }

    @Test
    void unknownBundleNamesTheChoices() {
        ReproException e = assertThrows(ReproException.class, () -> PackageBundle.kind("fat"));
        assertEquals("repro.package.bundle: 'fat' is not a bundle: use full (plugin and Maven, rebuilds with only a JDK), plugin"
                + " (plugin only, needs Maven) or none (needs Maven and a network)", e.problems().get(0).format());
        assertEquals(PackageBundle.Kind.PLUGIN, assertDoesNotThrowKind("Plugin"));
    }

    private static PackageBundle.Kind assertDoesNotThrowKind(String text) {
        try {
            return PackageBundle.kind(text);
        } catch (ReproException e) {
            throw new AssertionError(e);
        }
    }
}
