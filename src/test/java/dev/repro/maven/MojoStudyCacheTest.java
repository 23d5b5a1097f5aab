package dev.repro.maven;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.repro.pipeline.StudyCache;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goals of one project share the validated study through the project's context, never through a static. */
class MojoStudyCacheTest {
    private File base;

    private <M extends AbstractReproMojo> M point(M mojo, MavenProject project, Path out) {
        mojo.basedir = base;
        mojo.outputDirectory = out.toFile();
        // the baseline must lie inside the project
        mojo.baseline = new File(base, "baseline.json");
        mojo.project = project;
        return mojo;
    }

    private Object cacheOf(MavenProject project) {
        return project.getContextValue(StudyCache.class.getName() + ":" + base.getAbsolutePath());
    }

    @Test
    void goalsOfOneProjectShareOneCacheAndProjectsDoNot(@TempDir Path dir) throws Exception {
        base = MojoHarnessTest.copyProject(dir.resolve("project")).toFile();
        MavenProject first = new MavenProject();
        point(new ValidateMojo(), first, dir.resolve("a")).execute();
        Object cache = cacheOf(first);
        assertSame(StudyCache.class, cache.getClass());
        point(new EstimateMojo(), first, dir.resolve("a")).execute();
        assertSame(cache, cacheOf(first));

        MavenProject second = new MavenProject();
        point(new ValidateMojo(), second, dir.resolve("b")).execute();
        assertNotSame(cache, cacheOf(second));
    }
}
