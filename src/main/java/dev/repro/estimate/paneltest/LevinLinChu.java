package dev.repro.estimate.paneltest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Levin-Lin-Chu (2002) panel unit-root test with the conventions of R plm's
 * {@code purtest(test = "levinlin")}. H0: every unit has a unit root (common rho = 0); H1: all units are
 * stationary with a common {@code rho < 0}.
 *
 * <ol>
 * <li>Per unit, the ADF regression (lags fixed or chosen by AIC/SIC/Hall up to pmax) gives sigma_i; dy_t
 *     and y_{t-1} are each regressed on the dy lags and deterministic terms, and the residuals divided by
 *     sigma_i (e~ and v~).</li>
 * <li>Long-run variance of dy (demeaned / detrended as the model): Bartlett kernel,
 *     s_y^2 = g0 + 2 sum_{L=1..q} (1 - L/(q+1)) gL, gL = sum dy_t dy_{t+L} / (T-1); bandwidth
 *     q = round(3.21 T^(1/3)) (plm) or int(3.21 T^(1/3)) (Stata's truncation, {@link Bandwidth#STATA}).
 *     s_i = s_y / sigma_i, S_N = mean s_i.</li>
 * <li>Pooled regression of e~ on v~ without constant: delta, its standard error and t_delta, the residual
 *     variance rss/n (plm dfcor = FALSE) or rss/(n-1).</li>
 * <li>T~ = T - mean(p_i) - 1, sigma~^2 = rss/(N T~) and the adjusted
 *     t* = (t_delta - N T~ S_N sigma~^-2 se(delta) mu*) / sigma*, with mu*, sigma* from LLC's Table 2 at T
 *     (plm interpolates at the series length T); p = Phi(t*), left tail.</li>
 * </ol>
 * The panel must be balanced without gaps, as plm (which refuses unbalanced panels) and Stata's
 * xtunitroot llc require.
 */
public final class LevinLinChu {
    private LevinLinChu() {
    }

    /** Bandwidth rule of the Bartlett long-run variance. */
    public enum Bandwidth {
        /** R plm: round(3.21 T^(1/3)). */
        PLM,
        /** Stata xtunitroot llc, kernel(bartlett llc): 3.21 T^(1/3) truncated to an integer. */
        STATA
    }

    /**
     * Options.
     *
     * @param deterministic none, intercept or trend (plm exo)
     * @param lags fixed lag order or a selection rule with pmax
     * @param dfCorrection residual variances with degrees-of-freedom correction (plm dfcor; default false)
     * @param bandwidth the bandwidth rule when {@code fixedBandwidth} is negative
     * @param fixedBandwidth a fixed Bartlett bandwidth q (plm's argument q), or -1 for the rule
     * @param demean subtract the cross-section mean of each period first (Stata's demean option)
     */
    public record Options(Deterministic deterministic, Lags lags, boolean dfCorrection, Bandwidth bandwidth,
                          int fixedBandwidth, boolean demean) {
        public Options {
            if (deterministic == null || lags == null || bandwidth == null) {
                throw new IllegalArgumentException("deterministic, lags and bandwidth are required");
            }
        }

        /** plm's defaults with the given model and lags. */
        public static Options of(Deterministic deterministic, Lags lags) {
            return new Options(deterministic, lags, false, Bandwidth.PLM, -1, false);
        }

        public Options withFixedBandwidth(int q) {
            return new Options(deterministic, lags, dfCorrection, bandwidth, q, demean);
        }

        public Options withDemean(boolean d) {
            return new Options(deterministic, lags, dfCorrection, bandwidth, fixedBandwidth, d);
        }
    }

    /** Runs the test on column 0 of the series. */
    public static LlcResult test(PanelSeries series, Options o) {
        PanelSeries s = o.demean() ? series.demeaned() : series;
        int n = s.units();
        if (n == 0) {
            throw new PanelTestException("the Levin-Lin-Chu test needs at least one panel unit with observations");
        }
        if (!s.balancedWithoutGaps()) {
            throw new PanelTestException(unbalancedMessage(s));
        }
        int t = s.count(0);
        int q = o.fixedBandwidth() >= 0 ? o.fixedBandwidth() : bandwidth(t, o.bandwidth());
        if (q > t - 2) {
            throw new PanelTestException(String.format(Locale.ROOT,
                    "the Bartlett bandwidth %d is too large for %d periods (at most T - 2 = %d autocovariances of the "
                            + "differenced series exist); give a smaller bandwidth or use a longer panel", q, t, t - 2));
        }
        List<String> notes = new ArrayList<>();
        int[] lags = new int[n];
        double[] sigmaSt = new double[n];
        double[] sigmaLt = new double[n];
        List<double[]> diffs = new ArrayList<>(n);
        List<double[]> levels = new ArrayList<>(n);
        double sumS = 0;
        double lagSum = 0;
        for (int g = 0; g < n; g++) {
            int p = o.lags().forUnit(s, 0, g, o.deterministic(), o.dfCorrection());
            Adf.Fit f = Adf.fit(s, 0, g, p, o.deterministic(), o.dfCorrection(), true);
            lags[g] = p;
            lagSum += p;
            sigmaSt[g] = f.sigma;
            sigmaLt[g] = Math.sqrt(longRunVariance(s, g, o.deterministic(), q));
            sumS += sigmaLt[g] / sigmaSt[g];
            diffs.add(f.residDiff);
            levels.add(f.residLevel);
        }
        double sbar = sumS / n;
        // pooled regression of e~ on v~, no constant
        double sxx = 0;
        double sxy = 0;
        int total = 0;
        for (int g = 0; g < n; g++) {
            double[] x = levels.get(g);
            double[] y = diffs.get(g);
            for (int i = 0; i < x.length; i++) {
                sxx += x[i] * x[i];
                sxy += x[i] * y[i];
            }
            total += x.length;
        }
        double delta = sxy / sxx;
        double rss = 0;
        for (int g = 0; g < n; g++) {
            double[] x = levels.get(g);
            double[] y = diffs.get(g);
            for (int i = 0; i < x.length; i++) {
                double e = y[i] - delta * x[i];
                rss += e * e;
            }
        }
        double s2 = o.dfCorrection() ? rss / (total - 1) : rss / total;
        double seDelta = Math.sqrt(s2 / sxx);
        double tDelta = delta / seDelta;
        double tTilde = t - lagSum / n - 1;
        double sigmaEps2 = rss / (n * tTilde);
        double[] adj = MomentTables.llc(t, o.deterministic(), notes);
        double stat = (tDelta - n * tTilde * sbar / sigmaEps2 * seDelta * adj[0]) / adj[1];
        double p = Dist.normalCdf(stat);
        return new LlcResult(stat, p, delta, seDelta, tDelta, sbar, sigmaEps2, tTilde, adj[0], adj[1], q,
                lagSum / n, lags, n, t, o.deterministic(), o.lags(), sigmaSt, sigmaLt, notes);
    }

    /** The bandwidth rule at T periods. */
    public static int bandwidth(int t, Bandwidth rule) {
        double b = 3.21 * Math.pow(t, 1.0 / 3.0);
        return rule == Bandwidth.PLM ? (int) Math.rint(b) : (int) Math.floor(b);
    }

    /**
     * Bartlett long-run variance of dy for unit g (plm's longrunvar): dy demeaned (intercept) or detrended
     * on 1..T-1 (trend), autocovariances divided by T - 1.
     */
    static double longRunVariance(PanelSeries s, int g, Deterministic d, int q) {
        int a = s.start(g);
        int t = s.count(g);
        int m = t - 1;
        double[] dx = new double[m];
        for (int i = 0; i < m; i++) {
            dx[i] = s.value(0, a + i + 1) - s.value(0, a + i);
        }
        if (d == Deterministic.INTERCEPT) {
            double mean = 0;
            for (double v : dx) {
                mean += v;
            }
            mean /= m;
            for (int i = 0; i < m; i++) {
                dx[i] -= mean;
            }
        } else if (d == Deterministic.TREND) {
            double[] one = new double[m];
            double[] trend = new double[m];
            for (int i = 0; i < m; i++) {
                one[i] = 1;
                trend[i] = i + 1;
            }
            try {
                dx = Ols.fit(new double[][] {one, trend}, dx).resid;
            } catch (Ols.SingularException e) {
                throw new PanelTestException(String.format(Locale.ROOT,
                        "unit %s: %d periods are too few to detrend the differenced series", s.label(g), t));
            }
        }
        double g0 = 0;
        for (double v : dx) {
            g0 += v * v;
        }
        double lr = g0 / m;
        double acc = 0;
        for (int l = 1; l <= q; l++) {
            double gl = 0;
            for (int i = 0; i + l < m; i++) {
                gl += dx[i] * dx[i + l];
            }
            acc += gl / m * (1 - (double) l / (q + 1));
        }
        return lr + 2 * acc;
    }

    static String unbalancedMessage(PanelSeries s) {
        int ref = 0;
        for (int g = 1; g < s.units(); g++) {
            if (s.count(g) > s.count(ref)) {
                ref = g;
            }
        }
        for (int g = 0; g < s.units(); g++) {
            if (s.count(g) != s.count(ref) || s.time(s.start(g)) != s.time(s.start(ref)) || !s.consecutive(g)) {
                return String.format(Locale.ROOT,
                        "the Levin-Lin-Chu test needs a balanced panel without gaps (as R plm and Stata's xtunitroot llc): "
                                + "unit %s has %d observation%s in periods %d-%d, unit %s has %d in %d-%d; "
                                + "restrict the sample to common periods or use a Fisher or IPS test",
                        s.label(g), s.count(g), s.count(g) == 1 ? "" : "s", s.time(s.start(g)), s.time(s.end(g) - 1),
                        s.label(ref), s.count(ref), s.time(s.start(ref)), s.time(s.end(ref) - 1));
            }
        }
        throw new IllegalStateException("panel is balanced");
    }
}
