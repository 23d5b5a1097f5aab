package dev.repro.study;

import dev.repro.diag.ReproException;

import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import dev.repro.pipeline.TestKinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unit-root keys added for the panel tests: convention (stata | plm) and demean (true | false), parsed by the
 * unit-root test kind at validate.
 */
class StudyParserPanelTestKeysTest {
    @TempDir
    Path dir;

    private static final String HEAD = """
            datasets:
              cigar:
                file: data/cigar.csv
                id: state
                time: year
            tests:
            """;

    @Test
    void readsConventionAndDemean() throws Exception {
        Path f = dir.resolve("study.yaml");
        Files.writeString(f, HEAD + """
                  u: {type: unitroot, method: fisher-adf, dataset: cigar, variable: sales, convention: plm, demean: true}
                  v: {type: unitroot, method: llc, dataset: cigar, variable: sales}
                """, StandardCharsets.UTF_8);
        Study s = StudyParser.parse(f, "study.yaml");
        TestSpec u = TestKinds.parse(s.tests().get("u"), new Problems());
        TestSpec v = TestKinds.parse(s.tests().get("v"), new Problems());
        assertEquals("plm", u.string("convention"));
        assertEquals(true, u.options().get("demean"));
        assertNull(v.string("convention"));
        assertNull(v.options().get("demean"));
    }

    @Test
    void wrongValuesAreNamed() throws Exception {
        Path f = dir.resolve("study.yaml");
        Files.writeString(f, HEAD + """
                  u: {type: unitroot, method: fisher-adf, dataset: cigar, variable: sales, convention: stta, demean: yes please}
                """, StandardCharsets.UTF_8);
        // validate: the study's sections, then each test's own keys by its kind
        ReproException e = assertThrows(ReproException.class, () -> {
            Problems problems = new Problems();
            TestKinds.check(StudyParser.parse(f, "study.yaml", problems), problems);
            problems.throwIfAny("The study file has mistakes");
        });
        assertEquals(List.of(
                "study.yaml:7:88: tests.u.convention: unknown value 'stta', did you mean 'stata'? expected one of stata, plm",
                "study.yaml:7:102: tests.u.demean: expected true or false, found the text 'yes please'"),
                e.problems().stream().map(Problem::format).toList());
    }
}
