package dev.repro.estimate.iv;

import java.util.List;

/**
 * An estimated IV model. Statistics that cannot be computed are NaN (an over-identification test of an exactly
 * identified model is null).
 *
 * @param method "2sls" or "liml"
 * @param kappa the k-class parameter: 1 for 2SLS, the smallest Anderson-Rubin root for LIML
 * @param vcov the covariance as the study writes it
 * @param nobs observations
 * @param dfResid n - K - absorbed fixed-effect parameters
 * @param absorbedDf absorbed fixed-effect parameters (the constant included; 0 without absorbed effects)
 * @param clusters clusters of a cluster covariance (the fewer of two cluster variables), else null
 * @param coefficients endogenous regressors, then exogenous ones, then "(Intercept)" without absorbed effects
 * @param r2 1 - RSS / TSS with the structural residuals y - X b (within the absorbed effects when there are some)
 * @param firstStages one per endogenous regressor
 * @param weakIdentification Cragg-Donald Wald F (iid) or Kleibergen-Paap rk Wald F (hc1, cluster); no p-value; null
 *        under dk and nw
 * @param overidentification Sargan (iid) or Hansen J (hc1, cluster) on chi2(L - K); null when exactly identified
 * @param endogeneity Durbin-Wu-Hausman (control-function) F of the first-stage residuals in the structural equation
 */
public record IvFit(String method, double kappa, String vcov, int nobs, int dfResid, int absorbedDf, Integer clusters,
                    List<Coefficient> coefficients, double r2, List<FirstStage> firstStages, Test weakIdentification,
                    Test overidentification, Test endogeneity) {
    public IvFit {
        coefficients = List.copyOf(coefficients);
        firstStages = List.copyOf(firstStages);
    }

    /** One coefficient: estimate, standard error, t statistic and its p-value on the model's degrees of freedom. */
    public record Coefficient(String term, double estimate, double stdError, double t, double p) {
    }

    /**
     * The first stage of one endogenous regressor: its regression on every instrument (excluded ones first, then the
     * exogenous regressors), the partial R2 of the excluded instruments and their F under the model's covariance.
     */
    public record FirstStage(String endogenous, List<Coefficient> coefficients, double partialR2, Test f) {
        public FirstStage {
            coefficients = List.copyOf(coefficients);
        }
    }

    /**
     * A test statistic: its name, the statistic, the degrees of freedom (df2 null for a chi-squared test) and the
     * p-value (NaN for the weak-identification F, which is read against Stock and Yogo's critical values).
     */
    public record Test(String name, double statistic, int df1, Integer df2, double p) {
    }
}
