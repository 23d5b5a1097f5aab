package dev.repro.numeric;

import java.util.Objects;

/**
 * A categorical variable given as integer codes 0..levels-1 (no missing codes: rows with a missing
 * category are removed before estimation). Used for absorbed fixed effects and for clusters.
 */
public record Effect(String name, int[] codes, int levels) {
    public Effect {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(codes, "codes");
        if (levels < 1) {
            throw new IllegalArgumentException("effect " + name + " needs at least one level");
        }
    }
}
