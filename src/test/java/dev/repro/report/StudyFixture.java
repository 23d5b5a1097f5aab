package dev.repro.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.repro.config.Node;
import dev.repro.config.StudyFileReader;
import dev.repro.diag.Problems;
import dev.repro.study.Study;
import dev.repro.study.StudyParser;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A study made of a test resource's tables: and figures: (at their own lines) followed by the ids they refer to
 * ({@code study-ids.yaml}), parsed as validate parses it.
 */
final class StudyFixture {
    private StudyFixture() {
    }

    static String resource(String name) throws Exception {
        try (InputStream in = StudyFixture.class.getResourceAsStream("/report/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The study of {@code name} plus the ids; its mistakes in tables and figures are added to {@code out}, and
     * any other fails the test.
     */
    static Study study(String name, Path dir, Problems out) throws Exception {
        Path file = dir.resolve("study.yaml");
        Files.writeString(file, resource(name) + "\n" + resource("study-ids.yaml"));
        Problems reading = new Problems();
        Node root = StudyFileReader.read(file, "study.yaml", reading);
        assertEquals(List.of(), reading.list());
        Problems problems = new Problems();
        Study study = StudyParser.parse(root, "study.yaml", problems);
        for (var p : problems.list()) {
            if (p.key() != null && (p.key().startsWith("tables") || p.key().startsWith("figures"))) {
                out.add(p);
            }
        }
        assertEquals(List.of(), problems.list().stream().filter(p -> p.key() == null
                || !p.key().startsWith("tables") && !p.key().startsWith("figures")).toList());
        return study;
    }

    /** The tables and figures of {@code name} as validate parses them, adding their problems. */
    static ReportSpecs specs(String name, Path dir, Problems problems) throws Exception {
        return ReportSpecs.parse(study(name, dir, problems), problems);
    }
}
