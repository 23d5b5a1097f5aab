package dev.repro.study;

import dev.repro.diag.Located;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the study's {@code mediation} section: treatment, one mediator (simple mediation) or two (the
 * chain treatment -> first -> second -> outcome), outcome and controls (formula terms), absorbed effects, the
 * covariance of the regressions, an optional sample filter and an optional cluster bootstrap over the panel units.
 */
public record MediationSpec(String name, String dataset, String treatment, List<String> mediators, String outcome,
                            List<String> controls, List<String> absorb, VcovSpec vcov, String sample, Bootstrap bootstrap,
                            Located at, Map<String, Located> keyLocations) {
    /** {@code bootstrap: {replications, level, intervals}}; the seed is the study's {@code seed}. */
    public record Bootstrap(int replications, double level, List<String> intervals, long seed) {
        public Bootstrap {
            intervals = List.copyOf(intervals);
        }
    }

    public MediationSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(treatment, "treatment");
        mediators = List.copyOf(mediators);
        Objects.requireNonNull(outcome, "outcome");
        controls = List.copyOf(controls);
        absorb = List.copyOf(absorb);
        Objects.requireNonNull(vcov, "vcov");
        keyLocations = Collections.unmodifiableMap(new LinkedHashMap<>(keyLocations));
    }

    /** Where a key of this entry was written (the entry itself when the key is absent). */
    public Located where(String key) {
        return keyLocations.getOrDefault(key, at);
    }
}
