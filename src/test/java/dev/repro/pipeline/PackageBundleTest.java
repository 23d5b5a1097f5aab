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
        assertTrue(sh.endsWith("exec mvn -B -o -Dmaven.repo.local=\"$here/repository\" verify repro:replicate \"$@\"\n"), sh);
        String cmd = new String(files.get("replicate.cmd"), StandardCharsets.UTF_8);
        assertTrue(cmd.contains("call mvn -B -o \"-Dmaven.repo.local=%~dp0repository\" verify repro:replicate %*\r\n"), cmd);
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
