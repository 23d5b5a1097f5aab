package dev.repro.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An estimator's specification test of one model (GMM's sargan, ar1, ar2): its statistic, degrees of freedom
 * (tests on the normal have none) and p-value; a value that could not be computed is null and left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"statistic", "df", "p"})
public record DiagnosticTest(Double statistic, Integer df, Double p) {
    public DiagnosticTest {
        statistic = Numbers.finiteOrNull(statistic);
        p = Numbers.finiteOrNull(p);
    }
}
