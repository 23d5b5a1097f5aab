package dev.repro.estimate.paneltest;

import dev.repro.numeric.Parallel;
import dev.repro.numeric.SplitMix64;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The Dumitrescu and Hurlin (2012) panel Granger non-causality test, as R plm's pgrangertest and Stata's
 * xtgcause (Lopez and Weber 2017). H0: x does not Granger-cause y in any unit; H1: it does in at least one.
 *
 * <p>Per unit i, OLS of y_t on a constant, y_{t-1..t-K} and x_{t-1..t-K} over the periods where all of them
 * are observed; W_i is the Wald statistic of the K coefficients of x with s^2 = rss/(n_i - 2K - 1)
 * (lmtest's waldtest with test = "Chisq"; K times xtgcause's F). W-bar is their mean and
 * <ul>
 * <li>Z-bar = sqrt(N/(2K)) (W-bar - K) (DH eq. 9), two-sided normal p-value;</li>
 * <li>Z-bar tilde = sqrt(N) (W-bar - mean_i E_i) / sqrt(mean_i V_i), E_i = K (T_i-3K-1)/(T_i-3K-3),
 *     V_i = 2K (T_i-3K-1)^2 (T_i-2K-3) / ((T_i-3K-3)^2 (T_i-3K-5)): DH's exact moments (eq. 26) with T
 *     replaced by T_i - K, the observations of unit i's regression (plm's unbalanced formula; with equal T_i it
 *     is plm's and xtgcause's balanced one). It needs T_i > 5 + 3K for every unit.</li>
 * </ul>
 * T_i is the number of observations of unit i's regression plus K: the unit's number of periods when it has
 * no gap.
 *
 * <p>Bootstrap (Lopez and Weber 2017, xtgcause's bootstrap option; balanced panels without gaps): the H0 model
 * y_t = a_i + sum_k b_ik y_{t-k} + e_it is fitted per unit; each replicate draws blocks of periods of the
 * residuals with replacement, the same periods for all units (keeping cross-section dependence), and one block
 * of K consecutive observed y as initial values, rebuilds y recursively from the H0 fit, and recomputes Z-bar
 * and Z-bar tilde with the original x. The p-value is the share of replicates with |Z*| > |Z|; the critical
 * value the {@code level} percentile of |Z*| (Stata's _pctile rule). Replicate b draws from SplitMix64 seeded
 * with a hash of (seed, b), so the output is the same at any thread count.
 */
public final class DumitrescuHurlin {
    private DumitrescuHurlin() {
    }

    /**
     * Bootstrap options.
     *
     * @param reps number of replicates (xtgcause breps, default 1000)
     * @param seed the explicit seed
     * @param blockLength residual block length (xtgcause blength, default 1)
     * @param level percentile of |Z*| reported as critical value (xtgcause blevel, default 95)
     * @param threads worker threads (the result does not depend on it)
     */
    public record Bootstrap(int reps, long seed, int blockLength, double level, int threads) {
        public Bootstrap {
            if (reps < 1) {
                throw new IllegalArgumentException("bootstrap replications must be >= 1, got " + reps);
            }
            if (blockLength < 1) {
                throw new IllegalArgumentException("block length must be >= 1, got " + blockLength);
            }
            if (!(level > 0 && level < 100)) {
                throw new IllegalArgumentException("level must be in (0, 100), got " + level);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            }
        }

        public static Bootstrap of(int reps, long seed) {
            return new Bootstrap(reps, seed, 1, 95, 1);
        }

        public Bootstrap withThreads(int t) {
            return new Bootstrap(reps, seed, blockLength, level, t);
        }
    }

    /**
     * Runs the test.
     *
     * @param s a panel series with the effect y in column 0 and the cause x in column 1
     * @param lags K >= 1
     * @param bootstrap bootstrap options, or null for none
     */
    public static DhResult test(PanelSeries s, int lags, Bootstrap bootstrap) {
        if (s.columns() < 2) {
            throw new IllegalArgumentException("the series needs the effect in column 0 and the cause in column 1");
        }
        if (lags < 1) {
            throw new PanelTestException("the Dumitrescu-Hurlin test needs lags >= 1, got " + lags);
        }
        int n = s.units();
        if (n == 0) {
            throw new PanelTestException("the Dumitrescu-Hurlin test needs at least one panel unit with observations");
        }
        int k = lags;
        double[] w = new double[n];
        double[] pw = new double[n];
        int[] ti = new int[n];
        double sum = 0;
        for (int g = 0; g < n; g++) {
            Unit u = unitWald(s, g, k, s.column(0));
            w[g] = u.wald;
            pw[g] = Dist.chiSquaredUpper(u.wald, k);
            ti[g] = u.nobs + k;
            sum += w[g];
        }
        double wbar = sum / n;
        double zbar = zbar(wbar, n, k);
        List<String> notes = new ArrayList<>();
        boolean balanced = s.balancedWithoutGaps();
        if (!balanced) {
            notes.add("unbalanced panel or gaps: R plm refuses Z-bar here (it does not involve T, so it is reported); "
                    + "Z-bar tilde uses each unit's own T_i");
        }
        int shortest = 0;
        for (int g = 1; g < n; g++) {
            if (ti[g] < ti[shortest]) {
                shortest = g;
            }
        }
        String tildeProblem = null;
        double ztilde = Double.NaN;
        if (ti[shortest] > 5 + 3 * k) {
            ztilde = zbarTilde(wbar, ti, k);
        } else {
            tildeProblem = String.format(Locale.ROOT,
                    "Z-bar tilde needs more than 5 + 3K = %d periods in every unit (K = %d lag%s: the finite-T moments of "
                            + "the Wald statistics exist only for T - K > 5 + 2K); unit %s has %d; use fewer lags or a longer panel",
                    5 + 3 * k, k, k == 1 ? "" : "s", s.label(shortest), ti[shortest]);
        }
        BootResult boot = null;
        if (bootstrap != null) {
            if (!balanced) {
                throw new PanelTestException("the Dumitrescu-Hurlin bootstrap needs a balanced panel without gaps "
                        + "(as xtgcause): it resamples whole periods across units; drop the bootstrap or balance the panel");
            }
            int t = s.count(0);
            if (bootstrap.blockLength() > t - k) {
                throw new PanelTestException(String.format(Locale.ROOT,
                        "the bootstrap block length %d is larger than T - K = %d; use a shorter block", bootstrap.blockLength(), t - k));
            }
            boot = bootstrap(s, k, bootstrap, zbar, ztilde, ti);
        }
        int periods = balanced ? s.count(0) : -1;
        return new DhResult(k, wbar, zbar, Dist.normalTwoSided(zbar), ztilde,
                Double.isNaN(ztilde) ? Double.NaN : Dist.normalTwoSided(ztilde), tildeProblem, n, periods, w, pw, ti,
                boot, notes);
    }

    static double zbar(double wbar, int n, int k) {
        return Math.sqrt(n / (2.0 * k)) * (wbar - k);
    }

    static double zbarTilde(double wbar, int[] ti, int k) {
        int n = ti.length;
        double se = 0;
        double sv = 0;
        for (int t : ti) {
            double a = t - 3.0 * k - 1;
            double b = t - 3.0 * k - 3;
            se += k * a / b;
            sv += 2.0 * k * (a * a * (t - 2.0 * k - 3)) / (b * b * (t - 3.0 * k - 5));
        }
        return Math.sqrt(n) * (wbar - se / n) / Math.sqrt(sv / n);
    }

    private static final class Unit {
        double wald;
        int nobs;
    }

    /** W_i of unit g for effect values {@code y} (column 0 or a bootstrap copy aligned with the rows). */
    private static Unit unitWald(PanelSeries s, int g, int k, double[] y) {
        int[] run = Adf.runs(s, g);
        int a = s.start(g);
        int n = 0;
        for (int r : run) {
            if (r >= k + 1) {
                n++;
            }
        }
        int coef = 2 * k + 1;
        if (n <= coef) {
            throw new PanelTestException(String.format(Locale.ROOT,
                    "unit %s: the Granger regression with %d lag%s has %d usable observation%s for %d coefficients; "
                            + "use fewer lags (it has %d periods, at least 3K + 2 = %d are needed)",
                    s.label(g), k, k == 1 ? "" : "s", n, n == 1 ? "" : "s", coef, s.count(g), 3 * k + 2));
        }
        double[] x = s.column(1);
        double[][] z = new double[coef][n];
        double[] dep = new double[n];
        int i = 0;
        for (int j = a; j < s.end(g); j++) {
            if (run[j - a] < k + 1) {
                continue;
            }
            dep[i] = y[j];
            z[0][i] = 1;
            for (int l = 1; l <= k; l++) {
                z[l][i] = y[j - l];
                z[k + l][i] = x[j - l];
            }
            i++;
        }
        Ols o;
        try {
            o = Ols.fit(z, dep);
        } catch (Ols.SingularException e) {
            throw new PanelTestException(String.format(Locale.ROOT,
                    "unit %s: the Granger regression with %d lag%s is singular (a series is constant or the lags are collinear); drop the unit",
                    s.label(g), k, k == 1 ? "" : "s"));
        }
        Unit u = new Unit();
        u.wald = o.lastSumOfSquares(k) / (o.rss / (n - coef));
        u.nobs = n;
        return u;
    }

    /** Bootstrap statistics: p-values and critical values of |Z-bar| and |Z-bar tilde|. */
    public record BootResult(int reps, long seed, int blockLength, double level, double pZbar, double pZbarTilde,
                      double critZbar, double critZbarTilde) {
    }

    private static BootResult bootstrap(PanelSeries s, int k, Bootstrap b, double zbar, double ztilde, int[] ti) {
        int n = s.units();
        int t = s.count(0);
        double[] y = s.column(0);
        // H0 fit per unit: y_t on 1, y_{t-1..t-K} for periods K..T-1 (positions within the unit)
        double[][] coef = new double[n][];
        double[][] eps = new double[n][t];
        for (int g = 0; g < n; g++) {
            int a = s.start(g);
            int m = t - k;
            double[][] z = new double[k + 1][m];
            double[] dep = new double[m];
            for (int i = 0; i < m; i++) {
                int j = a + k + i;
                dep[i] = y[j];
                z[0][i] = 1;
                for (int l = 1; l <= k; l++) {
                    z[l][i] = y[j - l];
                }
            }
            Ols o;
            try {
                o = Ols.fit(z, dep);
            } catch (Ols.SingularException e) {
                throw new PanelTestException(String.format(Locale.ROOT,
                        "unit %s: the autoregression of the bootstrap's null model is singular; drop the unit", s.label(g)));
            }
            coef[g] = o.beta;
            System.arraycopy(o.resid, 0, eps[g], k, m);
        }
        boolean tilde = !Double.isNaN(ztilde);
        double[] zb = new double[b.reps()];
        double[] zt = new double[b.reps()];
        Parallel.forEach(b.reps(), b.threads(), rep -> {
            double[] stats = replicate(s, k, b, rep, coef, eps, ti, tilde);
            zb[rep] = stats[0];
            zt[rep] = stats[1];
        });
        int exceedB = 0;
        int exceedT = 0;
        double[] absB = new double[b.reps()];
        double[] absT = new double[b.reps()];
        for (int r = 0; r < b.reps(); r++) {
            absB[r] = Math.abs(zb[r]);
            absT[r] = Math.abs(zt[r]);
            if (Math.abs(zbar) < absB[r]) {
                exceedB++;
            }
            if (tilde && Math.abs(ztilde) < absT[r]) {
                exceedT++;
            }
        }
        return new BootResult(b.reps(), b.seed(), b.blockLength(), b.level(), (double) exceedB / b.reps(),
                tilde ? (double) exceedT / b.reps() : Double.NaN, percentile(absB, b.level()),
                tilde ? percentile(absT, b.level()) : Double.NaN);
    }

    private static double[] replicate(PanelSeries s, int k, Bootstrap b, int rep, double[][] coef, double[][] eps,
                                      int[] ti, boolean tilde) {
        int n = s.units();
        int t = s.count(0);
        int len = b.blockLength();
        SplitMix64 rng = SplitMix64.forReplicate(b.seed(), rep);
        double[][] e = new double[n][t];
        for (int p = k; p < t; p += len) {
            int r = k + (int) ((t - k - len + 1) * rng.nextDouble());
            for (int l = 0; l < len && p + l < t; l++) {
                for (int g = 0; g < n; g++) {
                    e[g][p + l] = eps[g][r + l];
                }
            }
        }
        int r0 = (int) ((t - k) * rng.nextDouble());
        double[] y = s.column(0);
        double[] ys = new double[y.length];
        for (int g = 0; g < n; g++) {
            int a = s.start(g);
            for (int l = 0; l < k; l++) {
                ys[a + l] = y[a + r0 + l];
            }
            double[] c = coef[g];
            for (int p = k; p < t; p++) {
                double v = c[0];
                for (int l = 1; l <= k; l++) {
                    v += c[l] * ys[a + p - l];
                }
                ys[a + p] = v + e[g][p];
            }
        }
        double sum = 0;
        for (int g = 0; g < n; g++) {
            sum += unitWald(s, g, k, ys).wald;
        }
        double wbar = sum / n;
        return new double[] {zbar(wbar, n, k), tilde ? zbarTilde(wbar, ti, k) : Double.NaN};
    }

    /** Stata's _pctile: with P = n level/100, the mean of x_(P) and x_(P+1) when P is an integer, else x_(ceil P). */
    static double percentile(double[] v, double level) {
        double[] x = v.clone();
        Arrays.sort(x);
        int n = x.length;
        double pos = n * level / 100.0;
        int fl = (int) Math.floor(pos);
        if (pos == fl) {
            if (fl <= 0) {
                return x[0];
            }
            if (fl >= n) {
                return x[n - 1];
            }
            return (x[fl - 1] + x[fl]) / 2;
        }
        return x[Math.min(fl, n - 1)];
    }
}
