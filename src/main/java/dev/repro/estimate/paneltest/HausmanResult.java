package dev.repro.estimate.paneltest;

import java.util.List;

/**
 * Result of a Hausman test.
 *
 * @param statistic H (may be negative: see warnings)
 * @param df degrees of freedom (coefficients compared, or the rank of V_b - V_B for the Stata method)
 * @param p {@code P(chi2(df) > |H|)} (R plm's convention; see warnings when {@code H < 0})
 * @param method "chisq", "stata", "aux-iid", "aux-cluster" or "aux-cluster-stata"
 * @param terms the coefficients compared
 * @param difference b - B (contrast methods) or the coefficients of the within-demeaned regressors (aux)
 * @param sdDifference sqrt(diag(V_b - V_B)) (NaN where not positive), null for aux
 * @param minEigenvalue smallest eigenvalue of V_b - V_B (NaN for aux)
 * @param positiveDefinite V_b - V_B is positive definite (smallest eigenvalue above 1e-12 times the largest); true for aux
 * @param warnings non-positive-definite difference or negative statistic, empty when none
 */
public record HausmanResult(double statistic, int df, double p, String method, List<String> terms, double[] difference,
                            double[] sdDifference, double minEigenvalue, boolean positiveDefinite,
                            List<String> warnings) {
    public HausmanResult {
        terms = List.copyOf(terms);
        difference = difference.clone();
        sdDifference = sdDifference == null ? null : sdDifference.clone();
        warnings = List.copyOf(warnings);
    }

    public static final String H0 = "Difference in coefficients not systematic (random effects consistent)";
    public static final String H1 = "Difference in coefficients systematic (use fixed effects)";

    /** True when V_b - V_B was positive definite and H >= 0 (always true for aux). */
    public boolean valid() {
        return warnings.isEmpty();
    }
}
