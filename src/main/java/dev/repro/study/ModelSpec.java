package dev.repro.study;

import dev.repro.diag.Located;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One model of the study. {@code estimator} is the word of its estimator kind as written ({@code linear} when
 * left out; the kind registry checks it); settings are in {@code options}, type-checked, keyed by their study key,
 * with their positions in {@code keyLocations}. As parsed from the study, {@code options} holds only the common
 * keys: at validate the estimator kind parses its own (GMM instruments, steps, ...) from the study's positioned
 * entry ({@link #withOptions}).
 */
public record ModelSpec(String name, String dataset, String formula, VcovSpec vcov, String sample, String estimator,
                        Map<String, Object> options, Located at, Map<String, Located> keyLocations) {
    /** The estimator of a model that names none: OLS, or fixed effects when the formula absorbs some. */
    public static final String DEFAULT_ESTIMATOR = "linear";

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

    /** This model with the estimator word and the options its kind parsed. */
    public ModelSpec withOptions(String parsedEstimator, Map<String, Object> parsed) {
        return new ModelSpec(name, dataset, formula, vcov, sample, parsedEstimator, parsed, at, keyLocations);
    }

    /** Where a key of this model was written (the model itself when the key is absent). */
    public Located where(String key) {
        return keyLocations.getOrDefault(key, at);
    }
}
