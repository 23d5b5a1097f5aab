package dev.repro.estimate.linear;

import java.util.Locale;

/**
 * Which package's small-sample conventions the covariance follows (see docs/linear.md for every formula).
 * N observations, k kept slopes, G clusters, "absorbed" the count of absorbed fixed-effect parameters.
 * <ul>
 * <li>{@link #STATA} (default): the contract. iid s^2 = SSR/(N-k-absorbed) with absorbed levels counted
 * exactly for two effects (connected components, as reghdfe); hc1 = N/(N-K) V_HC0 with K = k + absorbed
 * (reghdfe vce(robust)); cluster = (N-1)/(N-K) G/(G-1) V_HC0 with fixed effects nested in a cluster variable
 * not counted in K (xtreg, fe / reghdfe), t on G-1; two-way clusters as reghdfe: one factor with G = min(G1, G2).</li>
 * <li>{@link #FIXEST}: R fixest's default ssc(adj = TRUE, fixef.K = "nested", cluster.adj = TRUE,
 * cluster.df = "min", t.df = "min"): as STATA, except that redundant levels are counted as one per effect
 * beyond the first (fixest does not look for connected components).</li>
 * <li>{@link #PLM}: R plm with lmtest::coeftest: K counts only the reported coefficients (slopes, plus the
 * intercept of pooled and random-effects models); hc1 = vcovHC(method = "white1", type = "HC1");
 * cluster = vcovHC(method = "arellano", type = "sss") = G/(G-1) (N-1)/(N-K) V_HC0; two-way clusters as
 * vcovDC(type = "sss"): each of the three terms with its own G; t-tests on the residual df of the model.</li>
 * <li>{@link #NONE}: no small-sample factor at all (plm vcovHC type = "HC0", sandwich HC0, vcovCL
 * cadjust = FALSE); t-tests on the residual df of the model.</li>
 * </ul>
 */
public enum SmallSample {
    STATA, FIXEST, PLM, NONE;

    /** Parses the study value ({@code stata}, {@code fixest}, {@code plm}, {@code none}); null when unknown. */
    public static SmallSample parse(String text) {
        if (text == null) {
            return null;
        }
        for (SmallSample s : values()) {
            if (s.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                return s;
            }
        }
        return null;
    }
}
