package dev.repro.pipeline;

import dev.repro.data.Dataset;
import dev.repro.study.ModelSpec;
import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import dev.repro.study.Study;
import java.util.Map;
import dev.repro.study.MediationSpec;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks every reference from the study into its data before anything is estimated: formulas parse,
 * every variable, fixed effect, cluster and sample column exists with the right type.
 */
final class StudyCheck {
    private StudyCheck() {
    }

    /**
     * Adds a problem for every reference that does not fit; datasets that failed to read are skipped. A problem
     * found by several models in the same place (a column made text by a cell of its file, reported at that cell)
     * is added once.
     */
    static void check(Study study, Map<String, Dataset> data, Set<String> only, Problems problems) {
        check(study, data, only, ModelFrames.none(), problems);
    }

    /**
     * As above, keeping the models' frames in {@code frames} (the build's) for estimate; a check that finds a problem
     * fails the build, so it keeps none.
     */
    static void check(Study study, Map<String, Dataset> data, Set<String> only, ModelFrames frames, Problems problems) {
        Problems found = new Problems();
        checkAll(study, data, only, frames, found);
        if (!found.list().isEmpty() || found.dropped() > 0) {
            frames.clear();
        }
        Set<Problem> seen = new HashSet<>();
        for (Problem p : found.list()) {
            if (seen.add(p)) {
                problems.add(p);
            }
        }
        problems.addDropped(found.dropped());
    }

    private static void checkAll(Study study, Map<String, Dataset> data, Set<String> only, ModelFrames frames, Problems problems) {
        for (ModelSpec m : study.models().values()) {
            Dataset d = data.get(m.dataset());
            if (d != null && only.contains(m.dataset())) {
                EstimatorKind kind = EstimatorKinds.named(m.estimator());
                if (kind != null) { // an unknown estimator was reported at validate
                    kind.check(m, d, frames, problems);
                }
            }
        }
        for (MediationSpec ms : study.mediation().values()) {
            Dataset d = data.get(ms.dataset());
            if (d != null && only.contains(ms.dataset())) {
                EstimateStep.mediation(ms, d, 1, problems, false);
            }
        }
        TestRunner.check(study, data, only, problems);
    }
}
