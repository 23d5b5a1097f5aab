package dev.repro.study;

import dev.repro.diag.Located;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One model of the study. {@code estimator} is {@code linear} (pooled OLS without {@code |}, fixed effects
 * with it), {@code re} (Swamy-Arora random effects) or {@code gmm}; estimator-specific settings (GMM
 * instruments, steps, ...) are in {@code options}, already type-checked, keyed by their study key.
 */
public record ModelSpec(String name, String dataset, String formula, VcovSpec vcov, String sample, String estimator,
                        Map<String, Object> options, Located at, Map<String, Located> keyLocations) {
    public ModelSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(formula, "formula");
        Objects.requireNonNull(vcov, "vcov");
        Objects.requireNonNull(estimator, "estimator");
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        keyLocations = Collections.unmodifiableMap(new LinkedHashMap<>(keyLocations));
    }

    /**
     * {@code allowMissing: true}: a statistic that cannot be computed is kept as null (n/a in tables) instead of
     * failing the estimation.
     */
    public boolean allowMissing() {
        return Boolean.TRUE.equals(options.get("allowMissing"));
    }

    /** Where a key of this model was written (the model itself when the key is absent). */
    public Located where(String key) {
        return keyLocations.getOrDefault(key, at);
    }
}
