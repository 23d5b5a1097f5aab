package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.repro.diag.Problem;
import dev.repro.diag.ReproException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study with a mediation section and GMM and mediation tables: results.json is the same bytes at 1 and 2
 * threads, its mediation keys are what docs/mediation.md lists, the tables render, and user mistakes are problems.
 */
class MediationPipelineTest {
    static final String STUDY = """
            seed: 20250521
            datasets:
              produc: {file: data/produc.csv, id: state, time: year}
              empl: {file: data/emplUK.csv, id: firm, time: year}
            models:
              ab:
                dataset: empl
                estimator: gmm
                formula: "log(emp) ~ L(log(emp), 1:2) + L(log(wage), 0:1) + log(capital) + L(log(output), 0:1)"
                gmm: "L(log(emp), 2:99)"
                steps: 2
            mediation:
              pc_path:
                dataset: produc
                treatment: log(pcap)
                mediators: [log(pc)]
                outcome: log(gsp)
                controls: [log(emp), unemp]
                absorb: [state, year]
                vcov: cluster(state)
                bootstrap: {replications: 300, level: 0.95, intervals: [percentile, bc]}
              chain:
                dataset: produc
                treatment: log(pcap)
                mediators: [log(pc), log(emp)]
                outcome: log(gsp)
                controls: [unemp]
                absorb: [state, year]
                vcov: cluster(state)
                bootstrap: {replications: 200}
            tables:
              med: {kind: mediation, title: "Bootstrap test", paths: [pc_path, chain]}
              gmm: {kind: gmm, title: "GMM", models: [ab]}
            """;

    static Path project(Path dir, String study) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("src/test/golden/datasets/produc_core.csv"), dir.resolve("data/produc.csv"));
        Files.copy(Path.of("src/test/golden/datasets/emplUK.csv"), dir.resolve("data/emplUK.csv"));
        Files.writeString(dir.resolve("study.yaml"), study, StandardCharsets.UTF_8);
        return dir;
    }

    static Pipeline pipeline(Path dir, String out, int threads) {
        return new Pipeline(new Workspace(dir, dir.resolve("study.yaml"), dir.resolve(out), dir.resolve("baseline.json"), null),
                Reporter.SILENT, threads);
    }

    @Test
    void sameBytesAtOneAndTwoThreadsAndTheTablesRender(@TempDir Path dir) throws Exception {
        project(dir, STUDY);
        pipeline(dir, "t1", 1).estimate(true);
        pipeline(dir, "t2", 2).estimate(true);
        byte[] one = Files.readAllBytes(dir.resolve("t1/results.json"));
        assertArrayEquals(one, Files.readAllBytes(dir.resolve("t2/results.json")));
        JsonNode m = new ObjectMapper().readTree(one).get("mediation").get("pc_path");
        assertEquals(List.of("treatment", "mediator", "mediators", "outcome", "controls", "nobs", "a", "b", "c", "cPrime", "indirect",
                "direct", "total", "proportionMediated", "level", "replications", "ciMethod", "intervals", "seed", "resampled", "units"),
                GmmPipelineTest.names(m));
        assertEquals(List.of("estimate", "sobel", "aroian", "goodman", "se", "z", "ciLower", "ciUpper", "p", "pPercentile", "percentile", "bc"),
                GmmPipelineTest.names(m.get("indirect")));
        assertEquals("log(pcap)", m.get("treatment").asText());
        assertEquals(816, m.get("nobs").asInt());
        assertEquals(48, m.get("units").asInt());
        assertEquals(20250521L, m.get("seed").asLong());
        JsonNode chain = new ObjectMapper().readTree(one).get("mediation").get("chain");
        assertEquals("log(pc) -> log(emp)", chain.get("mediator").asText());
        assertTrue(chain.get("indirect").has("delta"));
        pipeline(dir, "t1", 1).tables(true);
        String md = Files.readString(dir.resolve("t1/tables/med.md"));
        assertTrue(md.contains("Bootstrap SE"), md);
        assertTrue(md.contains("300 replications"), md);
        String gmm = Files.readString(dir.resolve("t1/tables/gmm.md"));
        assertTrue(gmm.contains("Sargan"), gmm);
        assertTrue(gmm.contains("z statistics"), gmm);
    }

    @Test
    void userMistakesAreProblems(@TempDir Path dir) throws Exception {
        project(dir, """
                datasets:
                  produc: {file: data/produc.csv, id: state, time: year}
                  flat: {file: data/produc.csv}
                mediation:
                  a:
                    dataset: produc
                    treatment: log(pcapp)
                    mediators: [pc]
                    outcome: gsp
                    absorb: [stat]
                  b:
                    dataset: produc
                    treatment: "pcap + pc"
                    mediators: [hwy]
                    outcome: gsp
                """);
        ReproException e = assertThrows(ReproException.class, () -> pipeline(dir, "out", 1).estimate(true));
        List<String> got = e.problems().stream().map(Problem::format).toList();
        assertEquals(List.of(
                "study.yaml:7:16: mediation.a.treatment: unknown column 'pcapp' in the treatment 'log(pcapp)' of dataset produc, "
                        + "did you mean 'pcap'?",
                "study.yaml:10:13: mediation.a.absorb: unknown column 'stat' to absorb in dataset produc, did you mean 'state'?",
                "study.yaml:13:16: mediation.b.treatment: the treatment 'pcap + pc' is 2 terms; give one variable or expression",
                "study.yaml:14:16: mediation.b.mediators: unknown column 'hwy' in the mediator 'hwy' of dataset produc; its columns are: "
                        + "state, year, pcap, pc, gsp, emp, unemp"), got);
    }
}
