package dev.repro.estimate.paneltest;

import java.util.List;

/**
 * Result of a Fisher-type unit-root test.
 *
 * @param statistic Maddala-Wu / Choi P = -2 sum ln p_i
 * @param p P(chi2(2N) > P)
 * @param df 2N
 * @param z Choi's inverse normal Z
 * @param pZ Phi(Z)
 * @param lstar Choi's logit L*
 * @param pLstar {@code P(t(5N+4) < L*)}
 * @param lstarDf 5N + 4
 * @param pm modified inverse chi-squared Pm
 * @param pPm 1 - Phi(Pm)
 * @param units N
 * @param method ADF or PP
 * @param deterministic the model
 * @param lagSpec ADF lags as given (null for PP)
 * @param lags per-unit lag order (ADF lags, or PP Newey-West lags)
 * @param unitStatistics per-unit t (ADF) or Z(t) (PP)
 * @param unitP per-unit MacKinnon p-values
 * @param unitObs per-unit regression observations
 * @param convention STATA or PLM
 * @param notes remarks
 */
public record FisherResult(double statistic, double p, int df, double z, double pZ, double lstar, double pLstar,
                           int lstarDf, double pm, double pPm, int units, FisherUnitRoot.Method method,
                           Deterministic deterministic, Lags lagSpec, int[] lags, double[] unitStatistics,
                           double[] unitP, int[] unitObs, FisherUnitRoot.Convention convention, List<String> notes) {
    public FisherResult {
        lags = lags.clone();
        unitStatistics = unitStatistics.clone();
        unitP = unitP.clone();
        unitObs = unitObs.clone();
        notes = List.copyOf(notes);
    }

    public static final String H0 = "All panels contain unit roots";
    public static final String H1 = "At least one panel is stationary";
}
