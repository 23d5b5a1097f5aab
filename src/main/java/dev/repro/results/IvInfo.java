package dev.repro.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * How an instrumental-variables model was computed and its IV statistics (docs/iv.md).
 *
 * @param method "2sls" or "liml"
 * @param kappa the k-class parameter (1 for 2SLS)
 * @param absorbedDf absorbed fixed-effect parameters counted in the degrees of freedom
 * @param endogenous the endogenous regressors
 * @param instruments the excluded instruments
 * @param firstStages one per endogenous regressor
 * @param weakIdentification Cragg-Donald Wald F (iid) or Kleibergen-Paap rk Wald F (hc1, cluster); no p-value
 * @param overidentification Sargan (iid) or Hansen J; left out when the model is exactly identified
 * @param endogeneity the Durbin-Wu-Hausman F of the first-stage residuals
 * @param weights the column of a weighted fit ({@code weights:}); left out for an unweighted one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"method", "kappa", "absorbedDf", "endogenous", "instruments", "firstStages", "weakIdentification",
    "overidentification", "endogeneity", "weights"})
public record IvInfo(String method, Double kappa, int absorbedDf, List<String> endogenous, List<String> instruments,
                     List<IvFirstStage> firstStages, IvTest weakIdentification, IvTest overidentification, IvTest endogeneity,
                     String weights) implements ModelInfo {
    @JsonCreator
    public IvInfo {
        kappa = Numbers.finiteOrNull(kappa);
        endogenous = List.copyOf(endogenous);
        instruments = List.copyOf(instruments);
        firstStages = List.copyOf(firstStages);
    }

    /** An unweighted fit. */
    public IvInfo(String method, Double kappa, int absorbedDf, List<String> endogenous, List<String> instruments,
                  List<IvFirstStage> firstStages, IvTest weakIdentification, IvTest overidentification, IvTest endogeneity) {
        this(method, kappa, absorbedDf, endogenous, instruments, firstStages, weakIdentification, overidentification, endogeneity, null);
    }
}
