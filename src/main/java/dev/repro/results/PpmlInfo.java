package dev.repro.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a PPML (Poisson pseudo-maximum likelihood) model was computed; see docs/ppml.md.
 *
 * @param iterations IRLS iterations used
 * @param tolerance the convergence tolerance on the relative change of the deviance
 * @param deviance the Poisson deviance at the estimate
 * @param logLikelihood the Poisson log-likelihood at the estimate
 * @param pseudoR2 1 - logLikelihood / (log-likelihood of the constant-only model), ppmlhdfe's pseudo-R2
 * @param absorbedDf absorbed fixed-effect parameters counted in the small-sample factors
 * @param separated observations dropped as separated, by the fixed effect that separates them; left out when none
 * @param separatedByRegressors observations dropped as separated by a combination of the regressors; left out when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"iterations", "tolerance", "deviance", "logLikelihood", "pseudoR2", "absorbedDf", "separated", "separatedByRegressors"})
public record PpmlInfo(int iterations, double tolerance, Double deviance, Double logLikelihood, Double pseudoR2, int absorbedDf,
                       Map<String, Integer> separated, Integer separatedByRegressors) implements ModelInfo {
    public PpmlInfo {
        deviance = Numbers.finiteOrNull(deviance);
        logLikelihood = Numbers.finiteOrNull(logLikelihood);
        pseudoR2 = Numbers.finiteOrNull(pseudoR2);
        separatedByRegressors = separatedByRegressors == null || separatedByRegressors == 0 ? null : separatedByRegressors;
        separated = separated == null || separated.isEmpty() ? null : Collections.unmodifiableMap(new LinkedHashMap<>(separated));
    }
}
