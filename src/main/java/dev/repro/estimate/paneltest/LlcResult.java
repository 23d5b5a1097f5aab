package dev.repro.estimate.paneltest;

import java.util.List;

/**
 * Result of the Levin-Lin-Chu test.
 *
 * @param statistic the adjusted t statistic t* (plm's "z"), asymptotically N(0, 1) under H0
 * @param p left-tail p-value Phi(t*)
 * @param delta pooled coefficient of v~ (the common rho of the normalised regression)
 * @param seDelta its standard error
 * @param tDelta the unadjusted t statistic delta / se(delta)
 * @param sbar S_N, the mean ratio of long-run to short-run standard deviations
 * @param sigmaEps2 sigma~^2 = rss / (N T~)
 * @param tTilde T~ = T - mean lag - 1
 * @param mu LLC's mean adjustment mu* at T
 * @param sigma LLC's standard deviation adjustment sigma* at T
 * @param bandwidth Bartlett bandwidth q
 * @param lagsMean mean lag order
 * @param lags lag order of each unit (in unit order)
 * @param units N
 * @param periods T
 * @param deterministic the model
 * @param lagSpec how the lags were given
 * @param sigmaShortRun per-unit ADF regression standard deviations sigma_i
 * @param sigmaLongRun per-unit long-run standard deviations of dy
 * @param notes remarks on the computation (table ranges), empty when none
 */
public record LlcResult(double statistic, double p, double delta, double seDelta, double tDelta, double sbar,
                        double sigmaEps2, double tTilde, double mu, double sigma, int bandwidth, double lagsMean,
                        int[] lags, int units, int periods, Deterministic deterministic, Lags lagSpec,
                        double[] sigmaShortRun, double[] sigmaLongRun, List<String> notes) {
    public LlcResult {
        lags = lags.clone();
        sigmaShortRun = sigmaShortRun.clone();
        sigmaLongRun = sigmaLongRun.clone();
        notes = List.copyOf(notes);
    }

    /** Null hypothesis, for tables. */
    public static final String H0 = "Panels contain unit roots";
    /** Alternative, for tables. */
    public static final String H1 = "Panels are stationary";
}
