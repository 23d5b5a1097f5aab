package dev.repro.estimate.paneltest;

import java.util.List;

/**
 * Result of the Dumitrescu-Hurlin test.
 *
 * @param lags K
 * @param wbar mean of the units' Wald statistics
 * @param zbar Z-bar
 * @param pZbar two-sided normal p-value of Z-bar
 * @param zbarTilde Z-bar tilde, NaN when some unit has {@code T_i <= 5 + 3K}
 * @param pZbarTilde its two-sided normal p-value (NaN likewise)
 * @param zbarTildeProblem why Z-bar tilde is missing, or null
 * @param units N
 * @param periods T of a balanced panel without gaps, else -1
 * @param unitWald W_i in unit order
 * @param unitP P(chi2(K) > W_i)
 * @param unitT T_i (regression observations + K)
 * @param bootstrap bootstrap results, or null
 * @param notes remarks
 * @param cause name of x for the hypotheses (may be null)
 * @param effect name of y (may be null)
 * @param panelVar name of the panel unit variable (may be null)
 */
public record DhResult(int lags, double wbar, double zbar, double pZbar, double zbarTilde, double pZbarTilde,
                       String zbarTildeProblem, int units, int periods, double[] unitWald, double[] unitP, int[] unitT,
                       DumitrescuHurlin.BootResult bootstrap, List<String> notes, String cause, String effect,
                       String panelVar) {
    public DhResult {
        unitWald = unitWald.clone();
        unitP = unitP.clone();
        unitT = unitT.clone();
        notes = List.copyOf(notes);
    }

    DhResult(int lags, double wbar, double zbar, double pZbar, double zbarTilde, double pZbarTilde,
             String zbarTildeProblem, int units, int periods, double[] unitWald, double[] unitP, int[] unitT,
             DumitrescuHurlin.BootResult bootstrap, List<String> notes) {
        this(lags, wbar, zbar, pZbar, zbarTilde, pZbarTilde, zbarTildeProblem, units, periods, unitWald, unitP, unitT,
                bootstrap, notes, null, null, null);
    }

    /** The same result with the variable names used in the hypotheses. */
    public DhResult named(String causeName, String effectName, String panelVarName) {
        return new DhResult(lags, wbar, zbar, pZbar, zbarTilde, pZbarTilde, zbarTildeProblem, units, periods, unitWald,
                unitP, unitT, bootstrap, notes, causeName, effectName, panelVarName);
    }

    /** xtgcause's H0 line. */
    public String h0() {
        return name(cause, "x") + " does not Granger-cause " + name(effect, "y");
    }

    /** xtgcause's H1 line. */
    public String h1() {
        return name(cause, "x") + " does Granger-cause " + name(effect, "y") + " for at least one panel unit"
                + (panelVar == null ? "" : " (" + panelVar + ")");
    }

    private static String name(String s, String dflt) {
        return s == null ? dflt : s;
    }
}
