package dev.repro.estimate.gmm;

import java.util.List;

/**
 * A fitted dynamic panel GMM model, with R plm::pgmm's conventions.
 *
 * @param dependent the dependent variable's label
 * @param names regressor labels, formula order (the time dummies and the level constant are in {@code timeNames})
 * @param estimate final estimates (two-step when two steps were asked), regressors then time dummies
 * @param stdError robust standard errors as plm's summary(): one-step sandwich, or two-step Windmeijer (2005)
 * @param z estimate / stdError
 * @param p two-sided normal p-values
 * @param firstStep the one-step estimates
 * @param sargan Sargan-Hansen test of the over-identifying restrictions on the two-step weights (plm::sargan)
 * @param ar1 Arellano-Bond test of first-order autocorrelation of the differenced residuals (plm::mtest)
 * @param ar2 second order, or null when a unit has two transformed rows or fewer (as plm's summary)
 * @param nobs non-zero residuals (plm's count: differenced plus, under LD, level rows)
 * @param groups panel units
 * @param instruments columns of the instrument matrix
 * @param warnings notes for the user (a generalised inverse was used)
 */
public record GmmFit(String dependent, List<String> names, List<String> timeNames, double[] estimate, double[] stdError, double[] z, double[] p,
                     double[] firstStep, Test sargan, Test ar1, Test ar2, int nobs, int groups, int instruments,
                     List<String> warnings) {
    /** A test statistic; df is null for the normal AR tests; statistic and p may be NaN when plm's formula gives NaN. */
    public record Test(double statistic, Integer df, double p) {
    }

    public GmmFit {
        names = List.copyOf(names);
        timeNames = List.copyOf(timeNames);
        warnings = List.copyOf(warnings);
    }
}
