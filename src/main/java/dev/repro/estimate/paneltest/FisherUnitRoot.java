package dev.repro.estimate.paneltest;

import java.util.ArrayList;
import java.util.List;

/**
 * Fisher-type panel unit-root tests (Maddala and Wu 1999; Choi 2001) combining the p-values p_i of N
 * per-unit Dickey-Fuller or Phillips-Perron tests, as Stata's {@code xtunitroot fisher, dfuller|pperron lags(k)}
 * reports them. H0: all units have a unit root; H1: at least one is stationary.
 * <ul>
 * <li>P = -2 sum ln p_i ~ chi2(2N) (upper tail);</li>
 * <li>Z = sum Phi^-1(p_i) / sqrt(N) ~ N(0,1) (lower tail);</li>
 * <li>L* = sqrt(k) sum ln(p_i / (1 - p_i)), k = 3 (5N + 4) / (pi^2 N (5N + 2)) ~ t(5N + 4) (lower tail);</li>
 * <li>Pm = sum (-2 ln p_i - 2) / (2 sqrt(N)) ~ N(0,1) (upper tail).</li>
 * </ul>
 * The p_i are MacKinnon's (1994) approximate asymptotic p-values of the units' t (ADF) or Z(t) (PP)
 * statistics. {@link Convention#STATA}: t from the usual OLS standard error (rss/(n-k)), MacKinnon's surface
 * clamped where it turns. {@link Convention#PLM}: R plm's purtest(test = "madwu" | "invnormal" | "logit" | "Pm")
 * with p.approx = "MacKinnon1994": t from rss/n unless dfCorrection, the surface without bounds.
 */
public final class FisherUnitRoot {
    private FisherUnitRoot() {
    }

    /** Per-unit test. */
    public enum Method {
        /** Augmented Dickey-Fuller (Stata dfuller). */
        ADF,
        /** Phillips-Perron Z(t) (Stata pperron). */
        PP
    }

    /** Whose conventions the per-unit ADF statistic and p-value follow. */
    public enum Convention {
        STATA, PLM
    }

    /**
     * Options.
     *
     * @param method ADF or PP
     * @param deterministic none, intercept or trend
     * @param lags ADF lag order (fixed or selected); ignored for PP
     * @param ppLags Newey-West lags of PP, or -1 for Stata's int(4 (n/100)^(2/9)) per unit
     * @param convention STATA (default) or PLM
     * @param dfCorrection plm's dfcor in the PLM convention (STATA always corrects)
     * @param demean subtract the cross-section mean of each period first (Stata's demean)
     */
    public record Options(Method method, Deterministic deterministic, Lags lags, int ppLags, Convention convention,
                          boolean dfCorrection, boolean demean) {
        public Options {
            if (method == null || deterministic == null || convention == null) {
                throw new IllegalArgumentException("method, deterministic and convention are required");
            }
            if (method == Method.ADF && lags == null) {
                throw new IllegalArgumentException("the ADF version needs lags");
            }
        }

        /** Stata's xtunitroot fisher, dfuller lags(p). */
        public static Options adf(Deterministic d, int p) {
            return new Options(Method.ADF, d, Lags.fixedOrder(p), -1, Convention.STATA, true, false);
        }

        /** Stata's xtunitroot fisher, pperron lags(q); q = -1 for pperron's default rule. */
        public static Options pp(Deterministic d, int q) {
            return new Options(Method.PP, d, null, q, Convention.STATA, true, false);
        }

        /** R plm purtest with the MacKinnon (1994) p-values and the given dfcor. */
        public static Options plm(Deterministic d, Lags lags, boolean dfcor) {
            return new Options(Method.ADF, d, lags, -1, Convention.PLM, dfcor, false);
        }

        public Options withDemean(boolean d) {
            return new Options(method, deterministic, lags, ppLags, convention, dfCorrection, d);
        }
    }

    public static FisherResult test(PanelSeries series, Options o) {
        PanelSeries s = o.demean() ? series.demeaned() : series;
        int n = s.units();
        if (n == 0) {
            throw new PanelTestException("the Fisher test needs at least one panel unit with observations");
        }
        double[] stat = new double[n];
        double[] pv = new double[n];
        int[] lags = new int[n];
        int[] nobs = new int[n];
        boolean bounded = o.convention() == Convention.STATA || o.method() == Method.PP;
        boolean dfcor = o.convention() == Convention.STATA || o.dfCorrection();
        for (int g = 0; g < n; g++) {
            if (o.method() == Method.ADF) {
                int p = o.lags().forUnit(s, 0, g, o.deterministic(), dfcor);
                Adf.Fit f = Adf.fit(s, 0, g, p, o.deterministic(), dfcor, false);
                stat[g] = f.tRho;
                lags[g] = p;
                nobs[g] = f.nobs;
            } else {
                PhillipsPerron.Fit f = PhillipsPerron.fit(s, 0, g, o.deterministic(), o.ppLags());
                stat[g] = f.zt;
                lags[g] = f.lags;
                nobs[g] = f.nobs;
            }
            pv[g] = bounded ? MacKinnon.pValue(stat[g], o.deterministic()) : MacKinnon.pValueUnbounded(stat[g], o.deterministic());
        }
        return combine(pv, stat, lags, nobs, o);
    }

    static FisherResult combine(double[] pv, double[] stat, int[] lags, int[] nobs, Options o) {
        int n = pv.length;
        List<String> notes = new ArrayList<>();
        double sumLog = 0;
        double sumInv = 0;
        double sumLogit = 0;
        for (double p : pv) {
            sumLog += Math.log(p);
            sumInv += Dist.normalQuantile(p);
            sumLogit += Math.log(p / (1 - p));
        }
        double bigP = -2 * sumLog;
        double z = sumInv / Math.sqrt(n);
        double k = 3.0 * (5 * n + 4) / (Math.PI * Math.PI * n * (5 * n + 2));
        double lstar = Math.sqrt(k) * sumLogit;
        double pm = (bigP - 2.0 * n) / (2 * Math.sqrt(n));
        int ldf = 5 * n + 4;
        if (!Double.isFinite(bigP) || !Double.isFinite(z) || !Double.isFinite(lstar)) {
            notes.add("a unit's p-value is 0 or 1 to double precision, so some combined statistics are infinite and left out");
        }
        return new FisherResult(bigP, Dist.chiSquaredUpper(bigP, 2.0 * n), 2 * n, z, Dist.normalCdf(z), lstar,
                Dist.tCdf(lstar, ldf), ldf, pm, Dist.normalUpper(pm), n, o.method(), o.deterministic(),
                o.method() == Method.ADF ? o.lags() : null, lags, stat, pv, nobs, o.convention(), notes);
    }
}
