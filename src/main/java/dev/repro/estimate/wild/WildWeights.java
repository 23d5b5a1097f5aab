package dev.repro.estimate.wild;

import dev.repro.numeric.SplitMix64;
import java.util.Locale;

/**
 * The distributions of the cluster weights v_g (mean 0, variance 1): Rademacher (+-1 with 1/2 each), Webb's six-point
 * (+-sqrt(3/2), +-1, +-sqrt(1/2), 1/6 each; Webb 2014) and Mammen's two-point ((1 - sqrt 5)/2 with probability
 * (sqrt 5 + 1)/(2 sqrt 5), else (1 + sqrt 5)/2).
 */
public enum WildWeights {
    RADEMACHER, WEBB, MAMMEN;

    private static final double[] WEBB_POINTS = {-Math.sqrt(1.5), -1, -Math.sqrt(0.5), Math.sqrt(0.5), 1, Math.sqrt(1.5)};
    private static final double SQRT5 = Math.sqrt(5);

    /** The word of the study key. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** One weight from the generator. */
    double draw(SplitMix64 random) {
        return switch (this) {
            case RADEMACHER -> random.nextDouble() < 0.5 ? -1.0 : 1.0;
            case WEBB -> WEBB_POINTS[random.nextInt(6)];
            case MAMMEN -> random.nextDouble() < (SQRT5 + 1) / (2 * SQRT5) ? (1 - SQRT5) / 2 : (1 + SQRT5) / 2;
        };
    }
}
