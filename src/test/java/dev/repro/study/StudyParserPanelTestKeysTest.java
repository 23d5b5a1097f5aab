package dev.repro.study;

import dev.repro.diag.ReproException;

import dev.repro.diag.Problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unit-root keys added for the panel tests: convention (stata | plm) and demean (true | false). */
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
        assertEquals("plm", s.tests().get("u").string("convention"));
        assertEquals(true, s.tests().get("u").options().get("demean"));
        assertNull(s.tests().get("v").string("convention"));
        assertNull(s.tests().get("v").options().get("demean"));
    }

    @Test
    void wrongValuesAreNamed() throws Exception {
        Path f = dir.resolve("study.yaml");
        Files.writeString(f, HEAD + """
                  u: {type: unitroot, method: fisher-adf, dataset: cigar, variable: sales, convention: stta, demean: yes please}
                """, StandardCharsets.UTF_8);
        ReproException e = assertThrows(ReproException.class, () -> StudyParser.parse(f, "study.yaml"));
        assertEquals(List.of(
                "study.yaml:7:88: tests.u.convention: unknown value 'stta', did you mean 'stata'? expected one of stata, plm",
                "study.yaml:7:102: tests.u.demean: expected true or false, found the text 'yes please'"),
                e.problems().stream().map(Problem::format).toList());
    }
}
