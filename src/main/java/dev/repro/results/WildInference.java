package dev.repro.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The wild cluster restricted bootstrap of one coefficient (results.json {@code models.<m>.wild.<term>}); see
 * docs/wild.md. An interval end that is unbounded is null.
 *
 * @param p the symmetric bootstrap p-value of beta = 0
 * @param pEqualTailed the equal-tailed p-value
 * @param ciLow lower end of the interval by test inversion
 * @param ciHigh upper end
 * @param level the interval's confidence level
 * @param weights rademacher, webb or mammen
 * @param draws bootstrap draws used
 * @param enumerated whether all 2^G Rademacher draws were used (exact, seed-free)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"p", "pEqualTailed", "ciLow", "ciHigh", "level", "weights", "draws", "enumerated"})
public record WildInference(double p, double pEqualTailed, Double ciLow, Double ciHigh, double level, String weights, int draws,
                            boolean enumerated) {
    public WildInference {
        ciLow = Numbers.finiteOrNull(ciLow);
        ciHigh = Numbers.finiteOrNull(ciHigh);
    }
}
