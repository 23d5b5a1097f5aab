package dev.repro.estimate.linear;

import java.util.Locale;

/**
 * What to do with singleton observations, alone in a level of some absorbed effect. {@link #KEEP}
 * (default) keeps them as Stata xtreg, fe, R plm and fixest (feols) do: they have zero residual and
 * count both as an observation and as an absorbed level, which leaves the slopes unchanged but
 * inflates N and the absorbed count. {@link #DROP} removes them iteratively until none is left, as
 * reghdfe does by default (Correia 2015, "Singletons, cluster-robust standard errors and fixed effects");
 * the number removed is reported.
 */
public enum Singletons {
    KEEP, DROP;

    /** Parses the study value ({@code keep} or {@code drop}); null when unknown. */
    public static Singletons parse(String text) {
        if (text == null) {
            return null;
        }
        for (Singletons s : values()) {
            if (s.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                return s;
            }
        }
        return null;
    }
}
