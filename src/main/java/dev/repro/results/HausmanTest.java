package dev.repro.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A Hausman test.
 *
 * @param test always "hausman"
 * @param statistic H, signed (a negative H is flagged by {@code negative})
 * @param df degrees of freedom
 * @param p p-value of |H|
 * @param method chisq, stata, aux-iid, aux-cluster or aux-cluster-stata
 * @param terms the coefficients compared
 * @param difference b - B, or the coefficients of the demeaned regressors (regression variant)
 * @param sdDifference sqrt(diag(V_b - V_B)), null entries where not positive
 * @param minEigenvalue smallest eigenvalue of V_b - V_B
 * @param positiveDefinite 1 when V_b - V_B is positive definite (and for the regression variant), else 0
 * @param negative 1 when {@code H < 0}, else 0
 * @param h0 the null hypothesis
 * @param h1 the alternative
 * @param warnings why the test may mislead; left out when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"test", "statistic", "df", "p", "method", "terms", "difference", "sdDifference", "minEigenvalue",
    "positiveDefinite", "negative", "h0", "h1", "warnings"})
public record HausmanTest(String test, Double statistic, Integer df, Double p, String method, List<String> terms,
                          List<Double> difference, List<Double> sdDifference, Double minEigenvalue, Integer positiveDefinite,
                          Integer negative, String h0, String h1, List<String> warnings) implements TestResult {
    public static final String KIND = "hausman";

    public HausmanTest {
        test = KIND;
        statistic = Numbers.finiteOrNull(statistic);
        p = Numbers.finiteOrNull(p);
        terms = Numbers.copy(terms);
        difference = Numbers.finiteOrNull(difference);
        sdDifference = Numbers.finiteOrNull(sdDifference);
        minEigenvalue = Numbers.finiteOrNull(minEigenvalue);
        warnings = Numbers.nonEmpty(warnings);
    }

    /** A result known only by its statistic, degrees of freedom and p-value (as a paper prints it). */
    public static HausmanTest of(double statistic, int df, double p) {
        return new HausmanTest(KIND, statistic, df, p, null, null, null, null, null, null, null, null, null, null);
    }
}
