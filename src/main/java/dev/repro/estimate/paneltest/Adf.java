package dev.repro.estimate.paneltest;

import java.util.Locale;

/**
 * The augmented Dickey-Fuller regression of one panel unit,
 * dy_t = rho y_{t-1} + sum_{j=1..p} theta_j dy_{t-j} + deterministic terms + e_t,
 * on the periods t where y_t, y_{t-1}, ..., y_{t-p-1} are all observed (a gap removes the periods whose
 * lags it covers). This is R plm's tsadf (and Stata's dfuller regression); the trend is the period minus the
 * unit's first period plus one (plm's 1, 2, ... when the unit has no gaps).
 *
 * <p>The residual variance is rss/n when {@code dfCorrection} is false (plm's default, dfcor = FALSE) and
 * rss/(n - k) when true (Stata's dfuller, plm dfcor = TRUE).
 */
final class Adf {
    private Adf() {
    }

    /** Result of one unit's ADF regression. */
    static final class Fit {
        int lags;
        int nobs;
        int count;
        int k;
        double rho;
        double seRho;
        double tRho;
        double sigma;
        double rss;
        double[] residDiff;
        double[] residLevel;
    }

    /** For each row of unit g: how many consecutive periods end at that row (1 after a gap or at the start). */
    static int[] runs(PanelSeries s, int g) {
        int a = s.start(g);
        int b = s.end(g);
        int[] run = new int[b - a];
        for (int j = a; j < b; j++) {
            run[j - a] = j > a && s.time(j) - s.time(j - 1) == 1 ? run[j - a - 1] + 1 : 1;
        }
        return run;
    }

    static String describe(Deterministic d) {
        switch (d) {
            case NONE:
                return "no constant";
            case INTERCEPT:
                return "an intercept";
            default:
                return "an intercept and a trend";
        }
    }

    /**
     * Builds the regressors on the rows whose run is at least {@code need}: column order deterministic terms,
     * dy lags 1..p, then y_{t-1} last (so its t statistic is {@link Ols#tLast}); y = dy_t.
     */
    private static double[][] design(PanelSeries s, int col, int g, int p, Deterministic d, int need, int[] run,
                                      boolean levelLast, double[] yOut) {
        int a = s.start(g);
        int n = yOut.length;
        int dt = d.terms();
        double[][] x = new double[dt + p + 1][n];
        int t0 = s.time(a);
        int i = 0;
        for (int j = a; j < s.end(g); j++) {
            if (run[j - a] < need) {
                continue;
            }
            double y = s.value(col, j);
            double y1 = s.value(col, j - 1);
            yOut[i] = y - y1;
            int c = 0;
            if (dt >= 1) {
                x[c++][i] = 1.0;
            }
            if (dt == 2) {
                x[c++][i] = s.time(j) - t0 + 1;
            }
            if (!levelLast) {
                x[c++][i] = y1;
            }
            for (int l = 1; l <= p; l++) {
                x[c++][i] = s.value(col, j - l) - s.value(col, j - l - 1);
            }
            if (levelLast) {
                x[c][i] = y1;
            }
            i++;
        }
        return x;
    }

    private static int countRows(int[] run, int need) {
        int n = 0;
        for (int r : run) {
            if (r >= need) {
                n++;
            }
        }
        return n;
    }

    /**
     * The ADF regression of unit g with p lags. With {@code aux}, also the LLC auxiliary residuals: dy_t and
     * y_{t-1} each regressed on the dy lags and deterministic terms, divided by the regression's sigma.
     */
    static Fit fit(PanelSeries s, int col, int g, int p, Deterministic d, boolean dfCorrection, boolean aux) {
        int[] run = runs(s, g);
        int need = p + 2;
        int n = countRows(run, need);
        int k = d.terms() + p + 1;
        if (n <= k) {
            throw new PanelTestException(String.format(Locale.ROOT,
                    "unit %s: the Dickey-Fuller regression with %d lag%s and %s has %d usable observation%s for %d coefficients; "
                            + "use fewer lags or drop the unit (it has %d observations)",
                    s.label(g), p, p == 1 ? "" : "s", describe(d), n, n == 1 ? "" : "s", k, s.count(g)));
        }
        double[] y = new double[n];
        double[][] x = design(s, col, g, p, d, need, run, true, y);
        Ols o;
        try {
            o = Ols.fit(x, y);
        } catch (Ols.SingularException e) {
            throw singular(s, g, p, d);
        }
        Fit f = new Fit();
        f.lags = p;
        f.nobs = n;
        f.count = s.count(g);
        f.k = k;
        f.rss = o.rss;
        double s2 = dfCorrection ? o.rss / (n - k) : o.rss / n;
        f.sigma = Math.sqrt(s2);
        f.rho = o.beta[k - 1];
        f.seRho = o.seLast(s2);
        f.tRho = o.tLast(s2);
        if (aux) {
            double[] level = x[k - 1];
            if (k == 1) {
                f.residDiff = scale(y, f.sigma);
                f.residLevel = scale(level, f.sigma);
            } else {
                double[][] z = new double[k - 1][];
                System.arraycopy(x, 0, z, 0, k - 1);
                try {
                    f.residDiff = scale(Ols.fit(z, y).resid, f.sigma);
                    f.residLevel = scale(Ols.fit(z, level).resid, f.sigma);
                } catch (Ols.SingularException e) {
                    throw singular(s, g, p, d);
                }
            }
        }
        return f;
    }

    private static PanelTestException singular(PanelSeries s, int g, int p, Deterministic d) {
        return new PanelTestException(String.format(Locale.ROOT,
                "unit %s: the Dickey-Fuller regression with %d lag%s and %s is singular (the series is constant or "
                        + "its lags are collinear); drop the unit or use fewer lags",
                s.label(g), p, p == 1 ? "" : "s", describe(d)));
    }

    private static double[] scale(double[] v, double sigma) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = v[i] / sigma;
        }
        return o;
    }

    /**
     * R plm's lagsel with fixedT = TRUE: every candidate p = pmax, pmax-1, ..., 0 is fitted on the periods usable
     * with pmax lags. AIC = ln(rss/n) + 2k/n, SIC = ln(rss/n) + k ln(n)/n (k coefficients), the first minimum in
     * that order wins (so ties go to the longer lag); HALL drops the last lag while its |t| < 1.96.
     */
    static int selectLags(PanelSeries s, int col, int g, int pmax, Deterministic d, Lags.Rule rule, boolean dfCorrection) {
        int[] run = runs(s, g);
        int need = pmax + 2;
        int n = countRows(run, need);
        int kmax = d.terms() + pmax + 1;
        if (n <= kmax) {
            throw new PanelTestException(String.format(Locale.ROOT,
                    "unit %s: choosing the lag order up to pmax = %d with %s leaves %d usable observation%s for up to %d coefficients; "
                            + "lower pmax (it has %d observations)",
                    s.label(g), pmax, describe(d), n, n == 1 ? "" : "s", kmax, s.count(g)));
        }
        double[] y = new double[n];
        // columns: deterministic, y_{t-1}, dy lags 1..pmax: a candidate p uses the first dt + 1 + p columns
        double[][] all = design(s, col, g, pmax, d, need, run, false, y);
        int dt = d.terms();
        if (rule == Lags.Rule.HALL) {
            for (int p = pmax; p >= 0; p--) {
                if (p == 0) {
                    return 0;
                }
                double[][] x = new double[dt + 1 + p][];
                System.arraycopy(all, 0, x, 0, x.length);
                Ols o = fitOrThrow(x, y, s, g, p, d);
                int k = x.length;
                double s2 = dfCorrection ? o.rss / (n - k) : o.rss / n;
                if (Math.abs(o.tLast(s2)) >= 1.96) {
                    return p;
                }
            }
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        int bestP = pmax;
        for (int p = pmax; p >= 0; p--) {
            double[][] x = new double[dt + 1 + p][];
            System.arraycopy(all, 0, x, 0, x.length);
            Ols o = fitOrThrow(x, y, s, g, p, d);
            int k = x.length;
            double ic = Math.log(o.rss / n) + (rule == Lags.Rule.AIC ? 2.0 * k / n : k * Math.log(n) / n);
            if (ic < best) {
                best = ic;
                bestP = p;
            }
        }
        return bestP;
    }

    private static Ols fitOrThrow(double[][] x, double[] y, PanelSeries s, int g, int p, Deterministic d) {
        try {
            return Ols.fit(x, y);
        } catch (Ols.SingularException e) {
            throw singular(s, g, p, d);
        }
    }
}
