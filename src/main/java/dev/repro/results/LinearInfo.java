package dev.repro.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * How a linear (OLS, within or random-effects) model was computed.
 *
 * @param dfTest degrees of freedom of the t and F tests
 * @param fDf1 numerator degrees of freedom of the F test
 * @param fP p-value of the F test (null, written as null, when there is no slope)
 * @param absorbedDf absorbed fixed-effect parameters counted in the residual degrees of freedom
 * @param dof the small-sample convention (stata, ...)
 * @param singletonsDropped observations dropped as singletons; left out when none
 * @param nestedInCluster absorbed effects nested in a cluster variable; left out when none
 * @param theta random effects: the quasi-demeaning weight; left out otherwise, as the two variances
 * @param weights the column of a weighted fit ({@code weights:}); left out for an unweighted one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"dfTest", "fDf1", "fP", "absorbedDf", "dof", "singletonsDropped", "nestedInCluster", "theta",
    "sigma2Idiosyncratic", "sigma2Individual", "weights"})
public record LinearInfo(int dfTest, int fDf1, @JsonInclude(JsonInclude.Include.ALWAYS) Double fP, int absorbedDf, String dof,
                         Integer singletonsDropped, List<String> nestedInCluster, Double theta, Double sigma2Idiosyncratic,
                         Double sigma2Individual, String weights) implements ModelInfo {
    @JsonCreator
    public LinearInfo {
        fP = Numbers.finiteOrNull(fP);
        nestedInCluster = Numbers.nonEmpty(nestedInCluster);
    }

    /** An unweighted fit. */
    public LinearInfo(int dfTest, int fDf1, Double fP, int absorbedDf, String dof, Integer singletonsDropped,
                      List<String> nestedInCluster, Double theta, Double sigma2Idiosyncratic, Double sigma2Individual) {
        this(dfTest, fDf1, fP, absorbedDf, dof, singletonsDropped, nestedInCluster, theta, sigma2Idiosyncratic, sigma2Individual, null);
    }
}
