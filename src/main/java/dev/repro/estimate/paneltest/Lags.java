package dev.repro.estimate.paneltest;

import java.util.Locale;

/**
 * Lag order of the per-unit ADF regressions: a fixed number, or chosen per unit up to {@code pmax} by an
 * information criterion or Hall's rule (R plm purtest's {@code lags = "AIC" | "SIC" | "Hall"}, {@code pmax}).
 *
 * @param fixed the lag order when fixed, else -1
 * @param rule the selection rule when not fixed, else null
 * @param pmax the largest lag order tried when selecting
 */
public record Lags(int fixed, Rule rule, int pmax) {
    /** plm's default pmax. */
    public static final int DEFAULT_PMAX = 10;

    /** Selection rules of R plm's lagsel. */
    public enum Rule {
        /** Akaike: ln(rss/n) + 2k/n. */
        AIC,
        /** Schwarz: ln(rss/n) + k ln(n)/n. */
        SIC,
        /** Hall's general-to-specific rule: drop the last lag while {@code |t| < 1.96}. */
        HALL;

        /** aic, sic (or bic), hall; null when unknown. */
        public static Rule parse(String s) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "aic":
                    return AIC;
                case "sic":
                case "bic":
                    return SIC;
                case "hall":
                    return HALL;
                default:
                    return null;
            }
        }
    }

    public Lags {
        if (rule == null && fixed < 0) {
            throw new IllegalArgumentException("a fixed lag order must be >= 0, got " + fixed);
        }
        if (rule != null && pmax < 0) {
            throw new IllegalArgumentException("pmax must be >= 0, got " + pmax);
        }
    }

    public static Lags fixedOrder(int p) {
        return new Lags(p, null, -1);
    }

    public static Lags select(Rule rule, int pmax) {
        return new Lags(-1, rule, pmax);
    }

    public boolean isFixed() {
        return rule == null;
    }

    /** As the study file writes it: "1" or "aic(10)". */
    public String label() {
        return isFixed() ? Integer.toString(fixed) : rule.name().toLowerCase(Locale.ROOT) + "(" + pmax + ")";
    }

    /** The lag order of unit g: the fixed one, or the one the rule picks. */
    int forUnit(PanelSeries s, int col, int g, Deterministic d, boolean dfCorrection) {
        return isFixed() ? fixed : Adf.selectLags(s, col, g, pmax, d, rule, dfCorrection);
    }
}
