package dev.repro.estimate.paneltest;

import java.util.Locale;

/**
 * The Phillips-Perron (1988) Z(t) and Z(rho) statistics of one panel unit as Stata's pperron computes them:
 * OLS of y_t on y_{t-1} (plus a constant, plus a trend) over the periods where y_{t-1} is observed; n the
 * number of those periods, u the residuals, s^2 = rss/(n - k), se the usual standard error of rho;
 * g_j = (1/n) sum_t u_t u_{t-j} over the pairs of periods j apart that are both in the regression,
 * lambda^2 = g_0 + 2 sum_{j=1..q} (1 - j/(q+1)) g_j (Newey-West, Bartlett weights),
 * Z(t) = sqrt(g_0/lambda^2) (rho-1)/se - (lambda^2 - g_0) n se / (2 lambda s),
 * Z(rho) = n (rho - 1) - (n se / s)^2 (lambda^2 - g_0) / 2.
 * The default q is Stata's int(4 (n/100)^(2/9)).
 */
final class PhillipsPerron {
    private PhillipsPerron() {
    }

    static final class Fit {
        double zt;
        double zrho;
        double rho;
        int nobs;
        int lags;
    }

    /** Stata pperron's default number of Newey-West lags for n regression observations. */
    static int defaultLags(int n) {
        return (int) Math.floor(4 * Math.pow(n / 100.0, 2.0 / 9.0));
    }

    /** Z(t) of unit g with {@code lags} Newey-West lags; a negative value takes the default. */
    static Fit fit(PanelSeries s, int col, int g, Deterministic d, int lags) {
        int a = s.start(g);
        int b = s.end(g);
        int n = 0;
        for (int j = a + 1; j < b; j++) {
            if (s.time(j) - s.time(j - 1) == 1) {
                n++;
            }
        }
        int k = d.terms() + 1;
        if (n <= k) {
            throw new PanelTestException(String.format(Locale.ROOT,
                    "unit %s: the Phillips-Perron regression with %s has %d usable observation%s for %d coefficients; "
                            + "drop the unit (it has %d observations)",
                    s.label(g), Adf.describe(d), n, n == 1 ? "" : "s", k, s.count(g)));
        }
        double[] dy = new double[n];
        double[][] x = new double[k][n];
        int[] rowTime = new int[n];
        int t0 = s.time(a);
        int i = 0;
        for (int j = a + 1; j < b; j++) {
            if (s.time(j) - s.time(j - 1) != 1) {
                continue;
            }
            double y1 = s.value(col, j - 1);
            dy[i] = s.value(col, j) - y1;
            int c = 0;
            if (d.terms() >= 1) {
                x[c++][i] = 1;
            }
            if (d.terms() == 2) {
                x[c++][i] = s.time(j) - t0;
            }
            x[c][i] = y1;
            rowTime[i] = s.time(j);
            i++;
        }
        Ols o;
        try {
            // dy on y_{t-1}: the coefficient is rho - 1 with the standard error of rho
            o = Ols.fit(x, dy);
        } catch (Ols.SingularException e) {
            throw new PanelTestException(String.format(Locale.ROOT,
                    "unit %s: the Phillips-Perron regression with %s is singular (the series is constant); drop the unit",
                    s.label(g), Adf.describe(d)));
        }
        int q = lags >= 0 ? lags : defaultLags(n);
        double s2 = o.rss / (n - k);
        double se = o.seLast(s2);
        double t0stat = o.tLast(s2);
        double[] u = o.resid;
        double g0 = 0;
        for (double v : u) {
            g0 += v * v;
        }
        g0 /= n;
        double lambda2 = g0;
        for (int l = 1; l <= q; l++) {
            double gl = 0;
            int lo = 0;
            for (int r = 1; r < n; r++) {
                // partner row with period rowTime[r] - l, scanning forward (periods increase)
                while (lo < r && rowTime[lo] < rowTime[r] - l) {
                    lo++;
                }
                if (lo < r && rowTime[lo] == rowTime[r] - l) {
                    gl += u[r] * u[lo];
                }
            }
            lambda2 += 2 * (1 - (double) l / (q + 1)) * (gl / n);
        }
        double lambda = Math.sqrt(lambda2);
        double sd = Math.sqrt(s2);
        Fit f = new Fit();
        f.rho = o.beta[k - 1] + 1;
        f.zt = t0stat * Math.sqrt(g0 / lambda2) - 0.5 * (lambda2 - g0) * (n * se / sd) / lambda;
        f.zrho = n * (f.rho - 1) - 0.5 * (n * se / sd) * (n * se / sd) * (lambda2 - g0);
        f.nobs = n;
        f.lags = q;
        return f;
    }

}
