package dev.repro.estimate.paneltest;

import java.util.List;
import java.util.Map;

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

    /** results.json keys: test, statistic (W-tbar), p, tbar, expected, variance, lags, lagSelection, units, deterministic, h0, h1, unitT, unitLags (when selected), notes. */
    public Map<String, Object> toMap() {
        ResultMap m = new ResultMap()
                .text("test", "ips")
                .num("statistic", statistic)
                .num("p", p)
                .num("tbar", tbar)
                .num("expected", expected)
                .num("variance", variance)
                .object("lags", ResultMap.lagValue(lags))
                .text("lagSelection", lagSpec.label())
                .integer("units", units)
                .text("deterministic", deterministic.key())
                .text("h0", H0)
                .text("h1", H1)
                .nums("unitT", unitT);
        if (!lagSpec.isFixed()) {
            m.ints("unitLags", lags);
        }
        return m.texts("notes", notes).build();
    }
}
