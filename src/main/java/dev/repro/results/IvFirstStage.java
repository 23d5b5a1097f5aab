package dev.repro.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The first stage of one endogenous regressor of an IV model: its coefficients on the excluded instruments then the
 * exogenous regressors (under the model's covariance), the partial R2 of the excluded instruments and their F.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"endogenous", "coefficients", "partialR2", "F"})
public record IvFirstStage(String endogenous, Map<String, CoefficientResult> coefficients, Double partialR2, IvTest F) {
    public IvFirstStage {
        coefficients = Collections.unmodifiableMap(new LinkedHashMap<>(coefficients));
        partialR2 = Numbers.finiteOrNull(partialR2);
    }
}
