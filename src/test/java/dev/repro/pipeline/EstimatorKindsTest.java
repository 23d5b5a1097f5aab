package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import dev.repro.study.ModelSpec;
import dev.repro.study.Study;
import dev.repro.study.StudyParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The estimator registry: the {@code estimator:} word and the kind's own keys are parsed at validate from the study's
 * positioned entry, keys of another estimator are refused naming it, and every entry of the section is read.
 */
class EstimatorKindsTest {
    @TempDir
    Path dir;

    private Study study;

    private List<String> validate(String models) throws Exception {
        Path f = dir.resolve("study.yaml");
        Files.writeString(f, """
                datasets:
                  cigar:
                    file: data/cigar.csv
                    id: state
                    time: year
                models:
                """ + models, StandardCharsets.UTF_8);
        Problems problems = new Problems();
        study = EstimatorKinds.resolve(StudyParser.parse(f, "study.yaml", problems), problems);
        return problems.list().stream().map(Problem::format).toList();
    }

    @Test
    void registersEveryEstimatorOnceWithLinearFirst() {
        assertEquals(List.of("linear", "re", "gmm", "ppml", "iv"), EstimatorKinds.words());
        assertEquals(ModelSpec.DEFAULT_ESTIMATOR, EstimatorKinds.words().get(0));
        assertNull(EstimatorKinds.named("probit"));
    }

    @Test
    void theKindParsesItsOwnKeysWithDefaults() throws Exception {
        assertEquals(List.of(), validate("""
                  fe: {dataset: cigar, formula: "y ~ x | state", dof: plm}
                  g: {dataset: cigar, estimator: gmm, formula: "y ~ L(y, 1)", gmm: "L(y, 2:4)", steps: 1}
                """));
        assertEquals(Map.of("dof", "plm", "singletons", "keep"), study.models().get("fe").options());
        ModelSpec g = study.models().get("g");
        assertEquals("gmm", g.estimator());
        assertEquals(Map.of("gmm", "L(y, 2:4)", "transformation", "d", "effect", "twoways", "steps", 1, "collapse", false),
                g.options());
    }

    @Test
    void keysOfAnotherEstimatorNameIt() throws Exception {
        assertEquals(List.of(
                        "study.yaml:7:60: models.g.dof: 'dof' applies to estimator: linear or re only; remove it or set estimator: linear",
                        "study.yaml:8:51: models.m.collapse: 'collapse' applies to estimator: gmm only; remove it or set estimator: gmm"),
                validate("""
                  g: {dataset: cigar, estimator: gmm, gmm: "L(y, 2)", dof: plm, formula: "y ~ L(y, 1)"}
                  m: {dataset: cigar, formula: "y ~ x", collapse: true}
                """));
    }

    @Test
    void anUnknownEstimatorIsLocatedAndItsKeysAreUnknown() throws Exception {
        assertEquals(List.of(
                        "study.yaml:7:52: models.p.estimator: unknown value 'probit'; expected one of linear, re, gmm, ppml, iv",
                        "study.yaml:7:60: models.p.link: unknown key 'link' in models.p; known keys: dataset, formula, vcov, sample, "
                                + "estimator, allowMissing"),
                validate("  p: {dataset: cigar, formula: \"y ~ x\", estimator: probit, link: logit}\n"));
        assertEquals("probit", study.models().get("p").estimator()); // never estimated: validation fails
    }

    @Test
    void aModelTheStudyCouldNotBuildStillHasItsKeysChecked() throws Exception {
        // the formula is missing, so there is no ModelSpec; the misspelling and the foreign key are still reported
        assertEquals(List.of(
                        "study.yaml:7:23: models.m.formla: unknown key 'formla' in models.m, did you mean 'formula'?",
                        "study.yaml:7:47: models.m.steps: 'steps' applies to estimator: gmm only; remove it or set estimator: gmm"),
                sorted(validate("  m: {dataset: cigar, formla: \"y ~ x\", steps: 2}\n")));
        assertEquals(Map.of(), study.models());
    }

    private static List<String> sorted(List<String> messages) {
        return messages.stream().sorted().toList();
    }
}
