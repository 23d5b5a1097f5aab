package dev.repro.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One estimated model in results.json. Null fields are left out of the JSON (a pooled model has no
 * {@code groups}); {@code coefficients} keeps formula order, the constant last as "(Intercept)".
 * {@code diagnostics} holds estimator-specific tests (GMM's sargan, ar1, ar2) by name; {@code info} how the
 * model was computed. {@code constant} is the overall constant of a within model (Stata's {@code _cons} of
 * {@code xtreg, fe}, plm's {@code within_intercept}) with its standard error under the model's covariance; null
 * for models that report "(Intercept)" among their coefficients or have none. {@code wild} holds the wild cluster
 * bootstrap of some coefficients (left out when none). {@code depMean} is the mean of the dependent variable over the
 * estimation sample (weighted by the model's weights when it has them), esttab's "Mean of dep. var."; left out for
 * estimators that do not report it (GMM, whose sample is in differences).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"dependent", "estimator", "vcov", "nobs", "groups", "clusters", "r2Within", "r2", "adjR2",
    "F", "dfResid", "depMean", "coefficients", "constant", "dropped", "absorbed", "diagnostics", "info", "wild"})
public record ModelResult(String dependent, String estimator, String vcov, int nobs, Integer groups, Integer clusters,
                          Double r2Within, Double r2, Double adjR2, Double F, Integer dfResid,
                          Map<String, CoefficientResult> coefficients, List<String> dropped, List<String> absorbed,
                          Map<String, DiagnosticTest> diagnostics, ModelInfo info, CoefficientResult constant,
                          Map<String, WildInference> wild, Double depMean) {
    @JsonCreator
    public ModelResult {
        Objects.requireNonNull(dependent, "dependent");
        Objects.requireNonNull(coefficients, "coefficients");
        coefficients = Collections.unmodifiableMap(new LinkedHashMap<>(coefficients));
        dropped = dropped == null || dropped.isEmpty() ? null : List.copyOf(dropped);
        absorbed = absorbed == null || absorbed.isEmpty() ? null : List.copyOf(absorbed);
        diagnostics = diagnostics == null || diagnostics.isEmpty() ? null : Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
        wild = wild == null || wild.isEmpty() ? null : Collections.unmodifiableMap(new LinkedHashMap<>(wild));
        depMean = Numbers.finiteOrNull(depMean);
        if (nobs < 0) {
            throw new IllegalArgumentException("nobs must be >= 0");
        }
    }

    /** A model without a within constant and without wild bootstrap inference. */
    public ModelResult(String dependent, String estimator, String vcov, int nobs, Integer groups, Integer clusters,
                       Double r2Within, Double r2, Double adjR2, Double F, Integer dfResid,
                       Map<String, CoefficientResult> coefficients, List<String> dropped, List<String> absorbed,
                       Map<String, DiagnosticTest> diagnostics, ModelInfo info) {
        this(dependent, estimator, vcov, nobs, groups, clusters, r2Within, r2, adjR2, F, dfResid, coefficients, dropped, absorbed,
                diagnostics, info, null, null);
    }

    /** A model without the mean of its dependent variable. */
    public ModelResult(String dependent, String estimator, String vcov, int nobs, Integer groups, Integer clusters,
                       Double r2Within, Double r2, Double adjR2, Double F, Integer dfResid,
                       Map<String, CoefficientResult> coefficients, List<String> dropped, List<String> absorbed,
                       Map<String, DiagnosticTest> diagnostics, ModelInfo info, CoefficientResult constant,
                       Map<String, WildInference> wild) {
        this(dependent, estimator, vcov, nobs, groups, clusters, r2Within, r2, adjR2, F, dfResid, coefficients, dropped, absorbed,
                diagnostics, info, constant, wild, null);
    }

    /** The model with the wild bootstrap inference of some of its coefficients, by term. */
    public ModelResult withWild(Map<String, WildInference> inference) {
        return new ModelResult(dependent, estimator, vcov, nobs, groups, clusters, r2Within, r2, adjR2, F, dfResid, coefficients,
                dropped, absorbed, diagnostics, info, constant, inference, depMean);
    }

    /** This model with the within model's constant. */
    public ModelResult withConstant(CoefficientResult c) {
        return new ModelResult(dependent, estimator, vcov, nobs, groups, clusters, r2Within, r2, adjR2, F, dfResid,
                coefficients, dropped, absorbed, diagnostics, info, c, wild, depMean);
    }

    /** This model with the mean of its dependent variable over the estimation sample (null: not reported). */
    public ModelResult withDepMean(Double mean) {
        return new ModelResult(dependent, estimator, vcov, nobs, groups, clusters, r2Within, r2, adjR2, F, dfResid,
                coefficients, dropped, absorbed, diagnostics, info, constant, wild, mean);
    }

    /** This model with other coefficients (a table showing the within constant in the constant row). */
    public ModelResult withCoefficients(Map<String, CoefficientResult> coefs) {
        return new ModelResult(dependent, estimator, vcov, nobs, groups, clusters, r2Within, r2, adjR2, F, dfResid,
                coefs, dropped, absorbed, diagnostics, info, constant, wild, depMean);
    }

    /**
     * The estimators whose statistics are z statistics, referred to the normal distribution (GMM, as plm's summary; PPML, as ppmlhdfe);
     * the others report t statistics. An estimator kind reporting z adds its results name here.
     */
    public static final Set<String> Z_ESTIMATORS = Set.of("gmm", "ppml");

    /** Whether the model's statistics are z statistics ({@link #Z_ESTIMATORS}); tables and figures say so. */
    public boolean zStatistics() {
        return estimator != null && Z_ESTIMATORS.contains(estimator.toLowerCase(Locale.ROOT));
    }
}
