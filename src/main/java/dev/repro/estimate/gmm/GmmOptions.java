package dev.repro.estimate.gmm;

import java.util.Objects;

/**
 * The options of R plm::pgmm that the study file exposes.
 *
 * @param transformation {@link Transformation#D} difference GMM (Arellano-Bond 1991) or {@link Transformation#LD}
 *        system GMM (Blundell-Bond 1998: differences and levels stacked)
 * @param twoways time dummies (plm effect = "twoways"); under LD also the constant of the level equation
 * @param twoSteps two-step estimation with the weights from the one-step residuals (SEs Windmeijer-corrected)
 * @param collapse one instrument column per lag instead of one per lag and period (Roodman 2009)
 */
public record GmmOptions(Transformation transformation, boolean twoways, boolean twoSteps, boolean collapse) {
    public enum Transformation { D, LD }

    public GmmOptions {
        Objects.requireNonNull(transformation, "transformation");
    }

    /** From the study keys: transformation d|ld, effect twoways|individual, steps 1|2, collapse. */
    public static GmmOptions of(String transformation, String effect, int steps, boolean collapse) {
        Transformation t = switch (transformation) {
            case "d" -> Transformation.D;
            case "ld" -> Transformation.LD;
            default -> throw new IllegalArgumentException("transformation must be d or ld, not " + transformation);
        };
        boolean twoways = switch (effect) {
            case "twoways" -> true;
            case "individual" -> false;
            default -> throw new IllegalArgumentException("effect must be twoways or individual, not " + effect);
        };
        if (steps != 1 && steps != 2) {
            throw new IllegalArgumentException("steps must be 1 or 2, not " + steps);
        }
        return new GmmOptions(t, twoways, steps == 2, collapse);
    }
}
