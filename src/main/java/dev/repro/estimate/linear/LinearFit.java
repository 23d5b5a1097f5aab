package dev.repro.estimate.linear;

import java.util.List;

/**
 * The estimated model. {@code coefficients} lists the slopes in formula order, then "(Intercept)" for a
 * pooled model; regressors dropped for collinearity are named in {@code dropped}.
 *
 * @param dfResid residual degrees of freedom used for the iid variance
 * @param dfTest degrees of freedom of the t-tests (G-1 for clustered covariance)
 */
public record LinearFit(String dependent, List<Coefficient> coefficients, List<String> dropped,
                        int nobs, double r2, double r2Within, double adjR2, int dfResid, int dfTest,
                        double[][] vcov, double[] residuals) {
    public LinearFit {
        coefficients = List.copyOf(coefficients);
        dropped = List.copyOf(dropped);
    }
}
