package dev.repro.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test fixture: a fresh copy of the basic project (study.yaml and data/grunfeld.csv) and a log that keeps its lines. */
final class BasicProject {
    private static final Path PROJECT = Path.of("src/test/resources/projects/basic").toAbsolutePath();

    private BasicProject() {
    }

    /** The basic project copied into {@code dir}, with its outputs in {@code dir/out}. */
    static Workspace copy(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(PROJECT.resolve("study.yaml"), dir.resolve("study.yaml"));
        Files.copy(PROJECT.resolve("data/grunfeld.csv"), dir.resolve("data/grunfeld.csv"));
        return new Workspace(dir, dir.resolve("study.yaml"), dir.resolve("out"), dir.resolve("baseline.json"), null);
    }

    /** A reporter that adds every info and warning line to {@code lines}. */
    static Reporter collect(List<String> lines) {
        return new Reporter() {
            @Override
            public void info(String message) {
                lines.add(message);
            }

            @Override
            public void warn(String message) {
                lines.add(message);
            }
        };
    }
}
