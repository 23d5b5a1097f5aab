package dev.repro.pipeline;

import dev.repro.data.Dataset;
import dev.repro.study.ModelSpec;
import dev.repro.diag.Problems;
import dev.repro.study.Study;
import java.util.Map;
import dev.repro.study.MediationSpec;
import java.util.Set;

/**
 * Checks every reference from the study into its data before anything is estimated: formulas parse,
 * every variable, fixed effect, cluster and sample column exists with the right type.
 */
final class StudyCheck {
    private StudyCheck() {
    }

    /** Adds a problem for every reference that does not fit; datasets that failed to read are skipped. */
    static void check(Study study, Map<String, Dataset> data, Set<String> only, Problems problems) {
        for (ModelSpec m : study.models().values()) {
            Dataset d = data.get(m.dataset());
            if (d != null && only.contains(m.dataset())) {
                EstimatorKind kind = EstimatorKinds.named(m.estimator());
                if (kind != null) { // an unknown estimator was reported at validate
                    kind.check(m, d, problems);
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
