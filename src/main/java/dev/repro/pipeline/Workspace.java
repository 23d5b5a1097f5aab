package dev.repro.pipeline;

import dev.repro.diag.Problems;
import dev.repro.diag.ReproException;
import dev.repro.io.ProjectPaths;
import dev.repro.study.DatasetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The files of one study project: its base directory, the study file, the output folder
 * ({@code target/repro}) and the baseline. Paths the user wrote are resolved against the base directory
 * and shown relative to it in messages.
 */
public record Workspace(Path basedir, Path studyFile, Path outputDir, Path baselineFile, Path templatesDir) {
    public Workspace {
        Objects.requireNonNull(basedir, "basedir");
        Objects.requireNonNull(studyFile, "studyFile");
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(baselineFile, "baselineFile");
    }

    /** The default study file: study.yaml, else study.json, else study.yaml (so the message names it). */
    public static Path defaultStudy(Path basedir) {
        Path yaml = basedir.resolve("study.yaml");
        Path json = basedir.resolve("study.json");
        if (!Files.exists(yaml) && Files.exists(json)) {
            return json;
        }
        return yaml;
    }

    public Path resultsFile() {
        return outputDir.resolve("results.json");
    }

    public Path tablesDir() {
        return outputDir.resolve("tables");
    }

    public Path reportDir() {
        return outputDir.resolve("report");
    }

    public Path dataDir() {
        return outputDir.resolve("data");
    }

    /** A path as the user should read it: relative to the project when inside it. */
    public String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path base = basedir.toAbsolutePath().normalize();
        if (abs.startsWith(base)) {
            return base.relativize(abs).toString().replace('\\', '/');
        }
        return abs.toString();
    }

    /**
     * A dataset's file under the one confinement rule ({@link ProjectPaths}): inside the project folder after
     * symbolic links are resolved, unless the study opts in with {@code external: true}.
     */
    public ProjectPaths.Resolved dataFile(DatasetSpec d) {
        return d.external() ? ProjectPaths.anywhere(basedir, d.file()) : ProjectPaths.inside(basedir, d.file());
    }

    /**
     * The study file ({@code repro.study}) and the baseline ({@code repro.baseline}) must lie inside the project
     * folder after symbolic links are resolved, under the same rule as datasets ({@link ProjectPaths}): a build
     * neither reads its study nor writes its baseline outside the project. Fails with every refused path.
     */
    public void checkConfined() throws ReproException {
        Problems problems = new Problems();
        confine("repro.study", studyFile, "the study file", "-Drepro.study=study.yaml", problems);
        confine("repro.baseline", baselineFile, "the baseline", "-Drepro.baseline=repro-baseline.json", problems);
        problems.throwIfAny("A path given to the build lies outside the project folder " + basedir);
    }

    private void confine(String property, Path file, String what, String example, Problems problems) {
        // relative to the project when it is there as written, so that the message shows the short path
        ProjectPaths.Resolved where = ProjectPaths.inside(basedir, display(file));
        if (!where.ok()) {
            problems.add(property, 0, 0, where.refusal() + "; " + what + " must lie inside the project folder: put it there and"
                    + " name it relative to the project (e.g. " + example + ")");
        }
    }

    /** What to do about a dataset file refused by {@link #dataFile}: the second half of its message. */
    public static String dataFileFix(DatasetSpec d) {
        return "move the file into the project folder and name it relative to it (e.g. file: data/" + d.name()
                + ".csv), or, to read it from where it is, add external: true to dataset '" + d.name()
                + "' (the replication package then holds a copy under data/external/)";
    }
}
