package dev.repro.estimate.paneltest;

import java.util.List;

/**
 * Result of the Im-Pesaran-Shin W-tbar test.
 *
 * @param statistic W-tbar, asymptotically N(0, 1) under H0
 * @param p left-tail p-value
 * @param tbar mean of the units' ADF t statistics
 * @param expected mean of the tabulated E[t_i]
 * @param variance mean of the tabulated Var[t_i]
 * @param lags lag order of each unit
 * @param unitT each unit's ADF t statistic
 * @param unitObs each unit's number of regression observations
 * @param units N
 * @param deterministic the model
 * @param lagSpec how the lags were given
 * @param notes remarks (table ranges)
 */
public record IpsResult(double statistic, double p, double tbar, double expected, double variance, int[] lags,
                        double[] unitT, int[] unitObs, int units, Deterministic deterministic, Lags lagSpec,
                        List<String> notes) {
    public IpsResult {
        lags = lags.clone();
        unitT = unitT.clone();
        unitObs = unitObs.clone();
        notes = List.copyOf(notes);
    }

    public static final String H0 = "All panels contain unit roots";
    public static final String H1 = "Some panels are stationary";
}
