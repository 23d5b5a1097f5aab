package dev.repro.pipeline;

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

    public Path resolve(String userPath) {
        return basedir.resolve(userPath).normalize();
    }
}
