package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.repro.diag.Excerpt;
import dev.repro.diag.Problem;
import dev.repro.diag.ReproException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study file (repro.study) and the baseline (repro.baseline) must lie inside the project folder, as datasets do. */
class WorkspaceConfinementTest {
    @TempDir
    Path dir;

    private Workspace workspace(Path study, Path baseline) {
        Path project = dir.resolve("project");
        return new Workspace(project, study, project.resolve("target/repro"), baseline, null);
    }

    @Test
    void pathsInsideTheProjectPass() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        workspace(project.resolve("study.yaml"), project.resolve("baselines/../repro-baseline.json")).checkConfined();
    }

    @Test
    void aStudyOrBaselineOutsideTheProjectIsRefusedWithBothNamed() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path study = dir.resolve("elsewhere/study.yaml");
        ReproException e = assertThrows(ReproException.class,
                () -> workspace(study, project.resolve("../repro-baseline.json")).checkConfined());
        assertEquals("A path given to the build lies outside the project folder " + project, e.getMessage().lines().findFirst().orElseThrow()
                .replaceFirst(" \\(\\d+ problems?\\):$", ""));
        assertEquals(List.of(
                "repro.study: " + Excerpt.quoted(study.toString()) + " is an absolute path outside the project folder; the study file must lie inside the"
                        + " project folder: put it there and name it relative to the project (e.g. -Drepro.study=study.yaml)",
                "repro.baseline: " + Excerpt.quoted(dir.resolve("repro-baseline.json").toString()) + " is an absolute path outside the project folder; the"
                        + " baseline must lie inside the project folder: put it there and name it relative to the project"
                        + " (e.g. -Drepro.baseline=repro-baseline.json)"),
                e.problems().stream().map(Problem::format).toList());
    }

    @Test
    void aBaselineThroughASymbolicLinkOutOfTheProjectIsRefused() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.createSymbolicLink(project.resolve("linked"), outside);
        ReproException e = assertThrows(ReproException.class,
                () -> workspace(project.resolve("study.yaml"), project.resolve("linked/repro-baseline.json")).checkConfined());
        assertEquals(1, e.problems().size());
        assertEquals("repro.baseline: 'linked/repro-baseline.json' is, or lies in, a symbolic link to "
                + Excerpt.quoted(outside.toRealPath().toString()) + ", outside the project folder; the baseline must lie inside the project folder: put it"
                + " there and name it relative to the project (e.g. -Drepro.baseline=repro-baseline.json)", e.problems().get(0).format());
    }
}
