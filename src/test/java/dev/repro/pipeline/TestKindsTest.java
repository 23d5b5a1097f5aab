package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import dev.repro.study.Study;
import dev.repro.study.StudyParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test-kind registry: the type word is checked at validate against the registered kinds, with its position. */
class TestKindsTest {
    @TempDir
    Path dir;

    private List<String> validate(String tests) throws Exception {
        Path f = dir.resolve("study.yaml");
        Files.writeString(f, """
                datasets:
                  cigar:
                    file: data/cigar.csv
                    id: state
                    time: year
                tests:
                """ + tests, StandardCharsets.UTF_8);
        Problems problems = new Problems();
        Study s = StudyParser.parse(f, "study.yaml", problems);
        TestKinds.check(s, problems);
        return problems.list().stream().map(Problem::format).toList();
    }

    @Test
    void registersEveryKindOnce() {
        assertEquals(List.of("hausman", "unitroot", "granger"), TestKinds.words());
        assertNull(TestKinds.named("arellano"));
    }

    @Test
    void unknownAndMissingTypesAreLocated() throws Exception {
        // as before the registry: without a known type, the type's keys are unknown too
        assertEquals(List.of("study.yaml:7:13: tests.u.type: unknown value 'grangr', did you mean 'granger'? "
                        + "expected one of hausman, unitroot, granger",
                        "study.yaml:7:37: tests.u.cause: unknown key 'cause' in tests.u; known keys: type, dataset, sample, allowMissing"),
                validate("  u: {type: grangr, dataset: cigar, cause: x}\n"));
        assertEquals(List.of("study.yaml:7:6: tests.u: missing required key 'type'; one of hausman, unitroot, granger"),
                validate("  u: {dataset: cigar}\n"));
    }

    @Test
    void unknownKeysAreListedAgainstTheKindsKeys() throws Exception {
        assertEquals(List.of("study.yaml:7:59: tests.u.lag: unknown key 'lag' in tests.u, did you mean 'lags'?"),
                validate("  u: {type: granger, dataset: cigar, cause: x, effect: y, lag: 2}\n"));
    }
}
