package dev.repro.estimate.ppml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An estimated PPML model.
 *
 * @param coefficients slopes in formula order, the constant last as "(Intercept)" when nothing is absorbed; z statistics
 * @param nobs observations used (after the separated ones are dropped)
 * @param separated observations dropped as separated, by the effect that separates them (in the order of the effects)
 * @param separatedByRegressors observations dropped as separated by a combination of the regressors (ReLU method)
 * @param omitted regressors omitted as collinear on the sample left after the separation by the regressors
 * @param iterations IRLS iterations used
 * @param deviance 2 sum (y log(y / mu) - (y - mu))
 * @param logLikelihood sum (y log mu - mu - log Gamma(y + 1))
 * @param nullLogLikelihood the same for the constant-only model (mu = mean of y)
 * @param pseudoR2 1 - logLikelihood / nullLogLikelihood (ppmlhdfe's pseudo-R2)
 * @param absorbedDf absorbed fixed-effect parameters counted in K of the small-sample factors
 * @param minClusters the smallest number of clusters of the cluster variables; 0 without clustering
 * @param vcovType the covariance as the study writes it
 */
public record PpmlFit(List<Coefficient> coefficients, int nobs, Map<String, Integer> separated, int separatedByRegressors,
                      List<String> omitted, int iterations, double deviance,
                      double logLikelihood, double nullLogLikelihood, double pseudoR2, int absorbedDf, int minClusters,
                      String vcovType) {
    /** One coefficient with its standard error, z statistic and two-sided normal p-value. */
    public record Coefficient(String term, double estimate, double stdError, double z, double p) {
    }

    public PpmlFit {
        coefficients = List.copyOf(coefficients);
        omitted = List.copyOf(omitted);
        separated = Collections.unmodifiableMap(new LinkedHashMap<>(separated));
    }

    /** Observations dropped as separated, by the effects and by the regressors. */
    public int separatedTotal() {
        return separated.values().stream().mapToInt(Integer::intValue).sum() + separatedByRegressors;
    }
}
