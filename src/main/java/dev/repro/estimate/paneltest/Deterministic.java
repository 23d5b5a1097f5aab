package dev.repro.estimate.paneltest;

import java.util.Locale;

/** Deterministic terms of a unit-root regression: R plm's {@code exo}, Stata's noconstant / (default) / trend. */
public enum Deterministic {
    /** No constant (plm "none", Stata noconstant, MacKinnon "nc"). */
    NONE("none"),
    /** A constant per unit (plm "intercept", Stata's default, MacKinnon "c"). */
    INTERCEPT("intercept"),
    /** A constant and a linear time trend per unit (plm "trend", Stata trend, MacKinnon "ct"). */
    TREND("trend");

    private final String key;

    Deterministic(String key) {
        this.key = key;
    }

    /** The study-file spelling. */
    public String key() {
        return key;
    }

    /** Number of deterministic regressors. */
    int terms() {
        return ordinal();
    }

    /** The study-file value, or null when unknown. Accepts none/intercept/trend and the aliases nc/c/ct. */
    public static Deterministic parse(String s) {
        if (s == null) {
            return null;
        }
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "none":
            case "nc":
            case "noconstant":
                return NONE;
            case "intercept":
            case "c":
            case "constant":
                return INTERCEPT;
            case "trend":
            case "ct":
                return TREND;
            default:
                return null;
        }
    }
}
