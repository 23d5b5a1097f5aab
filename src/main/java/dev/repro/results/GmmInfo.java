package dev.repro.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * How a dynamic panel GMM model was computed.
 *
 * @param instruments columns of the instrument matrix
 * @param transformation d (difference GMM) or ld (system GMM)
 * @param effect twoways or individual
 * @param steps 1 or 2
 * @param collapse whether the instruments were collapsed
 * @param timeEffects number of time dummies (left out of the coefficients, as plm's summary)
 */
@JsonPropertyOrder({"instruments", "transformation", "effect", "steps", "collapse", "timeEffects"})
public record GmmInfo(int instruments, String transformation, String effect, int steps, boolean collapse, int timeEffects)
        implements ModelInfo {
}
