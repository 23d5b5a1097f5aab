package dev.repro.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.repro.drift.BaselineInputs;
import dev.repro.io.Json;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** Each goal through Maven's own configuration of the mojo (maven-plugin-testing-harness). */
@MojoTest
class MojoHarnessTest {
    private static final String POM = "src/test/resources/projects/basic/pom.xml";
    private static final String BASE = "src/test/resources/projects/basic";

    private static void point(AbstractReproMojo mojo, String out) throws IOException {
        // a copy of the project, so that the baseline (which must lie inside the project) is not written to the sources
        Path project = copyProject(Path.of("target/harness/" + out + "/project").toAbsolutePath());
        mojo.basedir = project.toFile();
        mojo.outputDirectory = new File("target/harness/" + out).getAbsoluteFile();
        mojo.baseline = project.resolve("baseline.json").toFile();
        // the harness's ${project.basedir} is this repository; the templates folder must be the project's own
        mojo.templates = project.resolve("templates").toFile();
    }

    /** A fresh copy of the basic project at {@code to}. */
    static Path copyProject(Path to) throws IOException {
        Path from = Path.of(BASE).toAbsolutePath();
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    @Test
    @InjectMojo(goal = "validate", pom = POM)
    void validateReadsTheStudyAndData(ValidateMojo mojo) throws Exception {
        point(mojo, "validate");
        mojo.execute();
        assertFalse(mojo.skip);
    }

    @Test
    @InjectMojo(goal = "estimate", pom = POM)
    @MojoParameter(name = "skip", value = "true")
    void skipDoesNothing(EstimateMojo mojo) throws Exception {
        point(mojo, "skip");
        mojo.execute();
        assertFalse(Files.exists(mojo.outputDirectory.toPath().resolve("results.json")));
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void checkWithoutBaselineSaysHowToRecordOne(CheckMojo mojo) throws Exception {
        point(mojo, "nobaseline");
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("no baseline yet: run `mvn repro:baseline`"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "baseline", pom = POM)
    void baselineThenCheckPasses(BaselineMojo mojo) throws Exception {
        point(mojo, "cycle");
        mojo.execute();
        Path results = mojo.outputDirectory.toPath().resolve("results.json");
        assertTrue(Files.exists(results));
        // the baseline is the results plus the SHA-256 of each input file under "inputs"
        JsonNode baseline = Json.mapper().readTree(mojo.baseline.toPath().toFile());
        assertEquals(Json.mapper().readTree(results.toFile()), BaselineInputs.results(baseline));
        assertEquals(List.of("data/grunfeld.csv", "study.yaml"), List.copyOf(BaselineInputs.recorded(baseline).keySet()));
        CheckMojo check = new CheckMojo();
        check.basedir = mojo.basedir;
        check.outputDirectory = mojo.outputDirectory;
        check.baseline = mojo.baseline;
        check.failOnDrift = true;
        check.execute();
    }

    @Test
    @InjectMojo(goal = "tables", pom = POM)
    void tablesRenderAfterEstimate(TablesMojo mojo) throws Exception {
        point(mojo, "tables");
        EstimateMojo estimate = new EstimateMojo();
        estimate.basedir = mojo.basedir;
        estimate.outputDirectory = mojo.outputDirectory;
        estimate.baseline = mojo.baseline;
        estimate.execute();
        mojo.execute();
        Path out = mojo.outputDirectory.toPath();
        for (String ext : new String[] {"tex", "html", "md", "csv"}) {
            assertTrue(Files.isRegularFile(out.resolve("tables/main." + ext)), ext);
        }
        assertTrue(Files.readString(out.resolve("report/index.html")).contains("<table"));
    }

    @Test
    @InjectMojo(goal = "index", pom = POM)
    void indexWithoutASectionIsANoOp(IndexMojo mojo) throws Exception {
        point(mojo, "index");
        mojo.execute();
        assertFalse(Files.exists(mojo.outputDirectory.toPath().resolve("data")));
    }

    @Test
    @InjectMojo(goal = "package", pom = POM)
    void packageBeforeABuildSaysWhatToRunFirst(PackageMojo mojo) throws Exception {
        point(mojo, "package");
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("no results or report yet: run `mvn verify`"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "estimate", pom = POM)
    @MojoParameter(name = "study", value = "src/test/resources/projects/basic/missing.yaml")
    void aMissingStudyFailsWithoutAStackTrace(EstimateMojo mojo) throws Exception {
        point(mojo, "missing");
        mojo.study = new File(mojo.basedir, "missing.yaml");
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("The study file cannot be read (1 problem):" + System.lineSeparator()
                + "  missing.yaml: study file not found; create it (see the README's study-file reference) or point "
                + "repro.study at an existing study.yaml or study.json", e.getMessage());
        assertFalse(Files.exists(mojo.outputDirectory.toPath().resolve("results.json")));
    }
}
