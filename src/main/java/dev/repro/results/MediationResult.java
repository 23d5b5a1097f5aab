package dev.repro.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A mediation analysis under {@code mediation.<id>} of results.json (docs/mediation.md lists every key).
 * The regressions' coefficients of interest are a (treatment on mediator), b (mediator on outcome), c (total)
 * and cPrime (direct); a chain X -> M1 -> M2 -> Y adds a1, a2, d21, b1, b2 and its specific indirect effects.
 * The bootstrap's settings ({@code level} to {@code units}) are null without one.
 *
 * @param mediator the mediators joined by " -> "
 * @param proportionMediated indirect (a chain: total indirect) over total effect
 * @param validReplications replicates that gave every effect, when fewer than {@code replications}
 * @param resampled the panel unit column whose units were drawn; {@code units} how many there are
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"treatment", "mediator", "mediators", "outcome", "controls", "nobs", "a", "b", "a1", "a2", "d21", "b1", "b2",
    "c", "cPrime", "indirect", "direct", "total", "indirectM1", "indirectM2", "totalIndirect", "proportionMediated", "level",
    "replications", "validReplications", "ciMethod", "intervals", "seed", "resampled", "units"})
public record MediationResult(String treatment, String mediator, List<String> mediators, String outcome, List<String> controls,
                              Integer nobs, CoefficientResult a, CoefficientResult b, CoefficientResult a1,
                              CoefficientResult a2, CoefficientResult d21, CoefficientResult b1, CoefficientResult b2,
                              CoefficientResult c, CoefficientResult cPrime, MediationEffect indirect, MediationEffect direct,
                              MediationEffect total, MediationEffect indirectM1, MediationEffect indirectM2,
                              MediationEffect totalIndirect, Double proportionMediated, Double level, Integer replications,
                              Integer validReplications, String ciMethod, List<String> intervals, Long seed, String resampled,
                              Integer units) {
    public MediationResult {
        mediators = Numbers.copy(mediators);
        controls = Numbers.nonEmpty(controls);
        intervals = Numbers.copy(intervals);
    }
}
