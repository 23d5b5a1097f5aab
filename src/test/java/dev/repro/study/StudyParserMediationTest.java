package dev.repro.study;

import dev.repro.diag.ReproException;

import dev.repro.diag.Problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mediation section of the study file: what it reads and the exact text of every mistake. */
class StudyParserMediationTest {
    @TempDir
    Path dir;

    private static final String DATA = """
            datasets:
              panel: {file: data/panel.csv, id: province, time: year}
            """;

    private Study parse(String yaml) throws Exception {
        Path f = dir.resolve("study.yaml");
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        return StudyParser.parse(f, "study.yaml");
    }

    private List<String> problems(String yaml) throws IOException {
        Path f = dir.resolve("study.yaml");
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        ReproException e = assertThrows(ReproException.class, () -> StudyParser.parse(f, "study.yaml"));
        return e.problems().stream().map(Problem::format).toList();
    }

    @Test
    void readsTheProposedExample() throws Exception {
        Study s = parse("seed: 20250521\n" + DATA + """
                mediation:
                  quality_path:
                    dataset: panel
                    treatment: open
                    mediators: [quality]
                    outcome: ce
                    controls: [rpc, ei, fin, gdp, ind]
                    absorb: [province, year]
                    vcov: cluster(province)
                    bootstrap: {replications: 1000, level: 0.95, intervals: [percentile, bc]}
                  chain:
                    dataset: panel
                    treatment: open
                    mediators: [tech, quality]
                    outcome: ce
                """);
        MediationSpec m = s.mediation().get("quality_path");
        assertEquals("open", m.treatment());
        assertEquals(List.of("quality"), m.mediators());
        assertEquals(List.of("rpc", "ei", "fin", "gdp", "ind"), m.controls());
        assertEquals(List.of("province", "year"), m.absorb());
        assertEquals(List.of("province"), m.vcov().clusters());
        assertEquals(new MediationSpec.Bootstrap(1000, 0.95, List.of("percentile", "bc"), 20250521L), m.bootstrap());
        MediationSpec c = s.mediation().get("chain");
        assertEquals(List.of("tech", "quality"), c.mediators());
        assertEquals(VcovSpec.IID, c.vcov());
        assertNull(c.bootstrap());
        assertEquals(List.of("quality_path", "chain"), List.copyOf(s.mediation().keySet()));
    }

    @Test
    void bootstrapDefaults() throws Exception {
        Study s = parse("seed: 7\n" + DATA + """
                mediation:
                  m: {dataset: panel, treatment: open, mediators: quality, outcome: ce, bootstrap: {}}
                """);
        assertEquals(new MediationSpec.Bootstrap(1000, 0.95, List.of("percentile"), 7L), s.mediation().get("m").bootstrap());
    }

    @Test
    void mistakes() throws IOException {
        assertEquals(List.of(
                "study.yaml:7:16: mediation.a.mediators: expected one mediator (simple mediation) or two (the chain treatment -> "
                        + "first -> second -> outcome), found 3",
                "study.yaml:10:5: mediation.b: missing required key 'outcome'; name the outcome variable, e.g. outcome: ce",
                "study.yaml:18:15: mediation.c.controls: 'open' is both the treatment and a control; each variable takes one role",
                "study.yaml:24:24: mediation.d.bootstrap.level: expected a confidence level between 0 and 1 such as 0.95, found 95",
                "study.yaml:24:52: mediation.d.bootstrap.intervals[1]: unknown interval 'bca', did you mean 'bc'? expected percentile "
                        + "(percentile interval) or bc (bias-corrected)",
                "study.yaml:24:58: mediation.d.bootstrap.reps: unknown key 'reps' in mediation.d.bootstrap; known keys: replications, "
                        + "level, intervals",
                "study.yaml:24:16: mediation.d.bootstrap: a bootstrap needs the study's seed so that its draws can be reproduced: "
                        + "add 'seed: 20250521' (any whole number) at the top of the study file",
                "study.yaml:30:16: mediation.e.bootstrap: a bootstrap needs the study's seed so that its draws can be reproduced: "
                        + "add 'seed: 20250521' (any whole number) at the top of the study file",
                "study.yaml:31:5: mediation.e.mediator: unknown key 'mediator' in mediation.e, did you mean 'mediators'?"),
                problems(DATA + """
                        mediation:
                          a:
                            dataset: panel
                            treatment: open
                            mediators: [x, y, z]
                            outcome: ce
                          b:
                            dataset: panel
                            treatment: open
                            mediators: [quality]
                          c:
                            dataset: panel
                            treatment: open
                            mediators: [quality]
                            outcome: ce
                            controls: [rpc, open]
                          d:
                            dataset: panel
                            treatment: open
                            mediators: [quality]
                            outcome: ce
                            bootstrap: {level: 95, intervals: [percentile, bca], reps: 10}
                          e:
                            dataset: panel
                            treatment: open
                            mediators: [quality]
                            outcome: ce
                            bootstrap: {replications: 10}
                            mediator: quality
                        """));
    }
}
