package dev.repro.estimate.gmm;

import java.util.Objects;

/**
 * One GMM-style instrument variable: its level series on the panel grid and the lag range
 * ({@code L(x, 2:99)} is x with lags 2 to 99; plm's {@code lag(x, 2:99)}).
 *
 * @param name the variable's term label, e.g. {@code log(emp)}
 * @param series units x periods values, unit-major ({@code series[i * T + t]}), NaN where missing
 */
public record GmmVariable(String name, double[] series, int minLag, int maxLag) {
    public GmmVariable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(series, "series");
        if (minLag < 0 || maxLag < minLag) {
            throw new IllegalArgumentException("bad lag range " + minLag + ":" + maxLag + " for " + name);
        }
    }
}
