package dev.repro.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one confinement rule: inside the project as written and after symbolic links, with exact refusals. */
class ProjectPathsTest {
    @TempDir
    Path tmp;
    Path project;
    Path outside;

    @BeforeEach
    void layout() throws Exception {
        project = Files.createDirectories(tmp.resolve("project"));
        Files.createDirectories(project.resolve("data"));
        Files.writeString(project.resolve("data/in.csv"), "a\n1\n");
        outside = Files.writeString(tmp.resolve("outside.csv"), "secret,line\n");
    }

    @Test
    void aFileInsideIsResolved() {
        ProjectPaths.Resolved r = ProjectPaths.inside(project, "data/in.csv");
        assertTrue(r.ok());
        assertEquals(project.resolve("data/in.csv").toAbsolutePath(), r.path());
        assertTrue(ProjectPaths.inside(project, "data/./sub/../in.csv").ok(), "a .. that stays inside is fine");
        assertTrue(ProjectPaths.inside(project, project.resolve("data/in.csv").toString()).ok(), "an absolute path inside");
    }

    @Test
    void aMissingFileInsideIsLeftToTheReader() {
        ProjectPaths.Resolved r = ProjectPaths.inside(project, "data/nope/none.csv");
        assertTrue(r.ok());
        assertEquals(project.resolve("data/nope/none.csv").toAbsolutePath(), r.path());
    }

    @Test
    void dotDotAndAbsolutePathsOutsideAreRefused() {
        ProjectPaths.Resolved up = ProjectPaths.inside(project, "../outside.csv");
        assertNull(up.path());
        assertEquals("'../outside.csv' leaves the project folder", up.refusal());
        assertEquals("'data/../../outside.csv' leaves the project folder",
                ProjectPaths.inside(project, "data/../../outside.csv").refusal());
        assertEquals("'/etc/passwd' is an absolute path outside the project folder",
                ProjectPaths.inside(project, "/etc/passwd").refusal());
    }

    @Test
    void aSymbolicLinkOutIsRefusedAfterResolvingIt() throws Exception {
        Files.createSymbolicLink(project.resolve("data/link.csv"), outside);
        ProjectPaths.Resolved r = ProjectPaths.inside(project, "data/link.csv");
        assertNull(r.path());
        assertEquals("'data/link.csv' is, or lies in, a symbolic link to " + "'" + outside.toRealPath()
                + "', outside the project folder", r.refusal());
    }

    @Test
    void aLinkedFolderOutIsRefusedEvenForAFileNotThereYet() throws Exception {
        Files.createSymbolicLink(project.resolve("shared"), tmp);
        assertEquals("'shared/outside.csv' is, or lies in, a symbolic link to '" + outside.toRealPath()
                + "', outside the project folder", ProjectPaths.inside(project, "shared/outside.csv").refusal());
        assertTrue(ProjectPaths.inside(project, "shared/none.csv").refusal().startsWith("'shared/none.csv' is, or lies in,"));
    }

    @Test
    void aLinkThatStaysInsideIsFine() throws Exception {
        Files.createSymbolicLink(project.resolve("alias.csv"), project.resolve("data/in.csv"));
        assertTrue(ProjectPaths.inside(project, "alias.csv").ok());
    }

    @Test
    void aProjectReachedThroughALinkIsItself() throws Exception {
        Path linkedProject = Files.createSymbolicLink(tmp.resolve("via-link"), project);
        assertTrue(ProjectPaths.inside(linkedProject, "data/in.csv").ok());
    }

    @Test
    void controlCharactersInAPathAreEscapedInTheRefusal() {
        assertEquals("'../a\\nb\\u001B[31m.csv' leaves the project folder",
                ProjectPaths.inside(project, "../a\nb\u001b[31m.csv").refusal());
    }

    @Test
    void anExternalPathIsOnlyResolved() {
        assertEquals(outside.toAbsolutePath(), ProjectPaths.anywhere(project, "../outside.csv").path());
    }

    @Test
    void safeNamesCannotLeaveAFolder() {
        assertEquals("outside.csv", ProjectPaths.safeName("outside.csv"));
        assertEquals("_..", ProjectPaths.safeName(".."));
        assertEquals("_", ProjectPaths.safeName(""));
        assertEquals("a_b_c_d.csv", ProjectPaths.safeName("a/b\\c:d.csv"));
        assertEquals("_.csv", ProjectPaths.safeName("\u00e9.csv"));
    }
}
