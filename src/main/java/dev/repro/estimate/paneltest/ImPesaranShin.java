package dev.repro.estimate.paneltest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Im-Pesaran-Shin (2003) W-tbar test with the conventions of R plm's
 * {@code purtest(test = "ips", ips.stat = "Wtbar")}: H0 every unit has a unit root, H1 some units are
 * stationary. tbar is the mean of the units' ADF t statistics; each unit's E[t] and Var[t] come from IPS's
 * Table 3 at its lag order (at most 8) and its number of regression observations (plm: T_i - p_i - 1),
 * interpolated linearly in T; W = sqrt(N) (tbar - mean E) / sqrt(mean Var), p = Phi(W). Unbalanced panels
 * are fine. Only the models with intercept or trend are tabulated.
 */
public final class ImPesaranShin {
    private ImPesaranShin() {
    }

    /**
     * Options.
     *
     * @param deterministic intercept or trend
     * @param lags fixed or selected lag orders
     * @param dfCorrection t statistics with rss/(n-k) (plm dfcor = TRUE) instead of rss/n (plm's default)
     * @param demean subtract the cross-section mean of each period first
     */
    public record Options(Deterministic deterministic, Lags lags, boolean dfCorrection, boolean demean) {
        public Options {
            if (deterministic == null || lags == null) {
                throw new IllegalArgumentException("deterministic and lags are required");
            }
        }

        public static Options of(Deterministic deterministic, Lags lags) {
            return new Options(deterministic, lags, false, false);
        }
    }

    public static IpsResult test(PanelSeries series, Options o) {
        if (o.deterministic() == Deterministic.NONE) {
            throw new PanelTestException("the Im-Pesaran-Shin test needs deterministic: intercept or trend "
                    + "(its moments are tabulated only for those models)");
        }
        PanelSeries s = o.demean() ? series.demeaned() : series;
        int n = s.units();
        if (n == 0) {
            throw new PanelTestException("the Im-Pesaran-Shin test needs at least one panel unit with observations");
        }
        List<String> notes = new ArrayList<>();
        int[] lags = new int[n];
        double[] t = new double[n];
        int[] nobs = new int[n];
        double sumT = 0;
        double sumE = 0;
        double sumV = 0;
        for (int g = 0; g < n; g++) {
            int p = o.lags().forUnit(s, 0, g, o.deterministic(), o.dfCorrection());
            Adf.Fit f = Adf.fit(s, 0, g, p, o.deterministic(), o.dfCorrection(), false);
            lags[g] = p;
            t[g] = f.tRho;
            nobs[g] = f.nobs;
            if (p > 8) {
                String note = "IPS (2003) Table 3 stops at 8 lags: the moments for 8 lags are used for units with more";
                if (!notes.contains(note)) {
                    notes.add(note);
                }
            }
            double[] m = MomentTables.ips(f.nobs, p, o.deterministic(), notes);
            if (Double.isNaN(m[0]) || Double.isNaN(m[1])) {
                throw new PanelTestException(String.format(Locale.ROOT,
                        "unit %s: IPS (2003) Table 3 gives no moments for %d lags with T = %d regression observations "
                                + "(with 5 or more lags it needs T >= 20 or 25); use fewer lags or a longer panel",
                        s.label(g), p, f.nobs));
            }
            sumT += t[g];
            sumE += m[0];
            sumV += m[1];
        }
        double tbar = sumT / n;
        double e = sumE / n;
        double v = sumV / n;
        double w = Math.sqrt(n) * (tbar - e) / Math.sqrt(v);
        return new IpsResult(w, Dist.normalCdf(w), tbar, e, v, lags, t, nobs, n, o.deterministic(), o.lags(), notes);
    }
}
