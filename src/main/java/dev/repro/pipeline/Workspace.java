package dev.repro.pipeline;

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

    /** What to do about a dataset file refused by {@link #dataFile}: the second half of its message. */
    public static String dataFileFix(DatasetSpec d) {
        return "move the file into the project folder and name it relative to it (e.g. file: data/" + d.name()
                + ".csv), or, to read it from where it is, add external: true to dataset '" + d.name()
                + "' (the replication package then holds a copy under data/external/)";
    }
}
