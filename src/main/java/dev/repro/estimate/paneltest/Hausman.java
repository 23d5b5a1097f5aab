package dev.repro.estimate.paneltest;

import dev.repro.estimate.linear.Covariance;
import dev.repro.estimate.linear.Estimator;
import dev.repro.estimate.linear.LinearFit;
import dev.repro.estimate.linear.LinearModel;
import dev.repro.estimate.linear.LinearOptions;
import dev.repro.estimate.linear.LinearProblem;
import dev.repro.numeric.Effect;
import dev.repro.numeric.Dense;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Hausman (1978) specification tests of a consistent estimator b (fixed effects) against an efficient one B
 * (random effects).
 *
 * <ul>
 * <li>{@link Method#CHISQ}: H = (b - B)' (V_b - V_B)^-1 (b - B) over the slopes both models share (the
 *     intercept excluded), df = their number; R plm's phtest (default method "chisq").</li>
 * <li>{@link Method#STATA}: Stata's hausman default: the same quadratic form with a generalized inverse of
 *     V_b - V_B obtained by sweeping its pivots in order (Stata's invsym), a pivot whose magnitude falls to
 *     1e-12 of its original diagonal or below being set aside; df = the rank, the number of pivots kept. Stata's
 *     sigmamore / sigmaless options (both covariances scaled with one model's sigma^2) are not applied: scale
 *     the covariance matrices before the call for them.</li>
 * <li>{@link #auxiliary}: Wooldridge's (2010, sec. 10.7.3) regression-based version as R plm's
 *     phtest(method = "aux"): OLS of the RE quasi-demeaned y on a constant, the quasi-demeaned X and the
 *     within-demeaned X, then a Wald test that the coefficients of the within-demeaned X are zero, with the
 *     iid or the cluster-robust covariance (plm's vcovHC: Arellano, HC0, clusters = units).</li>
 * </ul>
 * A statistic below zero, or a difference V_b - V_B that is not positive definite, is reported in the result's
 * warning, never hidden (plm prints the absolute value; Stata prints the negative chi2 with a remark).
 */
public final class Hausman {
    /** The intercept's name, left out of the comparison. */
    public static final String INTERCEPT = "(Intercept)";
    /** Relative pivot size below which the generalized inverse sets a pivot aside. */
    static final double SWEEP_TOLERANCE = 1e-12;
    /** Smallest eigenvalue of V_b - V_B, relative to the largest in magnitude, for it to count as positive definite. */
    static final double PD_TOLERANCE = 1e-12;

    private Hausman() {
    }

    /** How the quadratic form is inverted. */
    public enum Method {
        /** Regular inverse, df = number of coefficients (R plm phtest). */
        CHISQ,
        /** Generalized inverse, df = rank (Stata hausman). */
        STATA
    }

    /** Covariance of the auxiliary regression. */
    public enum AuxVcov {
        /** s^2 (X'X)^-1 with s^2 = rss/(n - k) (phtest(method = "aux") without vcov). */
        IID,
        /** Cluster-robust by unit, HC0 (phtest(method = "aux", vcov = vcovHC)). */
        CLUSTER,
        /** Cluster-robust by unit with Stata's G/(G-1) (n-1)/(n-k) factor. */
        CLUSTER_STATA
    }

    /** What the study's {@code method} asks for. */
    public enum Variant {
        /** plm phtest default: regular inverse, df = slopes. */
        CHISQ,
        /** Stata hausman: generalized inverse, df = rank. */
        GENERALIZED,
        /** Regression-based (Wooldridge 2010, 10.7.3; plm phtest(method = "aux")), iid or cluster-robust. */
        REGRESSION
    }

    /**
     * The Hausman test of a one-way panel model y ~ x: fixed effects (within, individual) against Swamy-Arora
     * random effects, both fitted by {@link LinearModel} (plm's within and random models with their default
     * covariances), on the same rows.
     *
     * @param dependent name of y
     * @param y the dependent variable (no missing values)
     * @param names regressor names
     * @param x regressor columns
     * @param unit panel unit codes 0..units-1 of each row, every code present
     * @param units number of panel units
     * @param variant chisq, generalized or regression
     * @param auxVcov covariance of the regression variant (ignored otherwise)
     * @param threads threads of the linear fits (the result does not depend on it)
     */
    public static HausmanResult panel(String dependent, double[] y, List<String> names, double[][] x, int[] unit,
                                      int units, Variant variant, AuxVcov auxVcov, int threads) {
        if (names.isEmpty()) {
            throw new PanelTestException("the Hausman test needs at least one regressor on the right of '~'");
        }
        // compact the unit codes to the units present, so that the RE thetas (one per present unit) line up
        int[] map = new int[units];
        Arrays.fill(map, -1);
        int present = 0;
        for (int u : unit) {
            if (map[u] < 0) {
                map[u] = 0;
            }
        }
        for (int c = 0; c < units; c++) {
            if (map[c] == 0) {
                map[c] = present++;
            }
        }
        int[] codes = new int[unit.length];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = map[unit[i]];
        }
        unit = codes;
        Effect panel = new Effect("unit", unit, present);
        LinearOptions opts = LinearOptions.defaults().withThreads(Math.max(1, threads)).withPanel(panel);
        LinearFit fe = LinearModel.fit(new LinearProblem(dependent, y, names, x, List.of(panel), Covariance.iid(), opts));
        LinearFit re = LinearModel.fit(new LinearProblem(dependent, y, names, x, List.of(), Covariance.iid(),
                opts.withEstimator(Estimator.RANDOM)));
        List<String> feNames = fe.slopeNames();
        if (feNames.isEmpty()) {
            throw new PanelTestException("no regressor varies within the panel units, so the fixed-effects model has no "
                    + "slope and the Hausman test has nothing to compare");
        }
        if (variant == Variant.REGRESSION) {
            List<Integer> keep = new ArrayList<>();
            for (int j = 0; j < names.size(); j++) {
                if (feNames.contains(names.get(j))) {
                    keep.add(j);
                }
            }
            double[][] xk = new double[keep.size()][];
            for (int j = 0; j < xk.length; j++) {
                xk[j] = x[keep.get(j)];
            }
            return auxiliary(y, feNames, xk, unit, re.randomEffects().theta(), auxVcov);
        }
        List<String> reNames = new ArrayList<>();
        for (var c : re.coefficients()) {
            reNames.add(c.term());
        }
        return test(feNames, fe.estimates(feNames), fe.vcov(feNames), reNames, re.estimates(reNames), re.vcov(reNames),
                variant == Variant.CHISQ ? Method.CHISQ : Method.STATA);
    }

    /**
     * The contrast test.
     *
     * @param namesB coefficient names of the consistent model b (e.g. fixed effects)
     * @param b its estimates
     * @param vb its covariance, in the order of namesB
     * @param namesE coefficient names of the efficient model B (random effects)
     * @param be its estimates
     * @param ve its covariance
     */
    public static HausmanResult test(List<String> namesB, double[] b, double[][] vb, List<String> namesE, double[] be,
                                     double[][] ve, Method method) {
        if (namesB.size() != b.length || vb.length != b.length || namesE.size() != be.length || ve.length != be.length) {
            throw new IllegalArgumentException("names, estimates and covariance sizes differ");
        }
        List<String> terms = new ArrayList<>();
        List<int[]> idx = new ArrayList<>();
        for (int i = 0; i < namesB.size(); i++) {
            String name = namesB.get(i);
            int j = namesE.indexOf(name);
            if (!name.equals(INTERCEPT) && j >= 0) {
                terms.add(name);
                idx.add(new int[] {i, j});
            }
        }
        int k = terms.size();
        if (k == 0) {
            throw new PanelTestException("the two models have no slope in common, so there is nothing to compare");
        }
        double[] d = new double[k];
        double[][] dv = new double[k][k];
        for (int a = 0; a < k; a++) {
            int[] ia = idx.get(a);
            d[a] = b[ia[0]] - be[ia[1]];
            for (int c = 0; c < k; c++) {
                int[] ic = idx.get(c);
                dv[a][c] = vb[ia[0]][ic[0]] - ve[ia[1]][ic[1]];
            }
        }
        // symmetrise against rounding in the inputs
        for (int a = 0; a < k; a++) {
            for (int c = a + 1; c < k; c++) {
                double m = 0.5 * (dv[a][c] + dv[c][a]);
                dv[a][c] = m;
                dv[c][a] = m;
            }
        }
        double[] ev = Dense.eigenvaluesAscending(dv);
        double minEig = ev[0];
        double maxAbs = Math.max(Math.abs(ev[0]), Math.abs(ev[ev.length - 1]));
        // an eigenvalue within rounding of zero (relative to the largest) counts as zero: not positive definite
        boolean pd = minEig > PD_TOLERANCE * maxAbs;
        List<String> warnings = new ArrayList<>();
        // a NaN eigenvalue means a value overflowed: the statistic is reported as not computed, not as this warning
        if (!pd && Double.isFinite(minEig)) {
            warnings.add(String.format(Locale.ROOT,
                    "V_b - V_B is not positive definite (smallest eigenvalue %s): the efficient model is not more precise "
                            + "than the consistent one on these data, so the test's assumptions fail", sig(minEig)));
        }
        double h;
        int df;
        if (method == Method.CHISQ) {
            double[] sol = Dense.solveOrNull(dv, d);
            if (sol == null) {
                throw new PanelTestException("V_b - V_B is singular, so the Hausman statistic cannot be computed with a regular "
                        + "inverse; use method: stata (generalized inverse, df = rank)");
            }
            h = Dense.dot(d, sol);
            df = k;
        } else {
            double[][] g = Dense.sweepInverse(dv, SWEEP_TOLERANCE);
            int rank = 0;
            for (int a = 0; a < k; a++) {
                if (g[a][a] != 0 || rowNonZero(g[a])) {
                    rank++;
                }
            }
            double[] gd = new double[k];
            for (int a = 0; a < k; a++) {
                for (int c = 0; c < k; c++) {
                    gd[a] += g[a][c] * d[c];
                }
            }
            h = Dense.dot(d, gd);
            df = rank;
        }
        double p = df > 0 ? Dist.chiSquaredUpper(Math.abs(h), df) : Double.NaN;
        if (h < 0) {
            warnings.add(String.format(Locale.ROOT,
                    "the statistic is negative (%s): the models fitted on these data fail the asymptotic assumptions of "
                            + "the Hausman test; p is that of |H| (as R plm reports it) and should not be relied on", sig(h)));
        }
        double[] sd = new double[k];
        for (int a = 0; a < k; a++) {
            sd[a] = dv[a][a] > 0 ? Math.sqrt(dv[a][a]) : Double.NaN;
        }
        return new HausmanResult(h, df, p, method == Method.CHISQ ? "chisq" : "stata", terms, d, sd, minEig, pd, warnings);
    }

    private static boolean rowNonZero(double[] r) {
        for (double v : r) {
            if (v != 0) {
                return true;
            }
        }
        return false;
    }


    /** Six significant digits for messages, without trailing zeros. */
    static String sig(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        BigDecimal b = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
        double a = Math.abs(v);
        return a == 0 || (a >= 1e-4 && a < 1e6) ? b.toPlainString() : b.toString();
    }

    /**
     * Wooldridge's regression-based Hausman test as R plm's phtest(method = "aux").
     *
     * @param y the dependent variable, n rows
     * @param names regressor names (time-varying slopes)
     * @param x regressor columns
     * @param unit unit codes 0..units-1 of each row
     * @param theta the random-effects theta_i of each unit (Swamy-Arora), e.g. from the linear package's fit
     * @param vcov the covariance of the auxiliary regression
     */
    public static HausmanResult auxiliary(double[] y, List<String> names, double[][] x, int[] unit, double[] theta,
                                          AuxVcov vcov) {
        int n = y.length;
        int p = x.length;
        int g = theta.length;
        if (names.size() != p || unit.length != n) {
            throw new IllegalArgumentException("names, regressors and units do not match");
        }
        double[] cnt = new double[g];
        for (int u : unit) {
            cnt[u]++;
        }
        double[] ybar = means(y, unit, cnt);
        double[][] cols = new double[1 + 2 * p][n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            ys[i] = y[i] - theta[unit[i]] * ybar[unit[i]];
            cols[0][i] = 1;
        }
        for (int j = 0; j < p; j++) {
            double[] xbar = means(x[j], unit, cnt);
            boolean varies = false;
            for (int i = 0; i < n; i++) {
                cols[1 + j][i] = x[j][i] - theta[unit[i]] * xbar[unit[i]];
                double w = x[j][i] - xbar[unit[i]];
                cols[1 + p + j][i] = w;
                varies |= Math.abs(w) > 1e-12 * (Math.abs(x[j][i]) + Math.abs(xbar[unit[i]]));
            }
            if (!varies) {
                throw new PanelTestException("regressor " + names.get(j) + " does not vary within units, so the within "
                        + "estimator cannot estimate it and the Hausman test cannot compare it; leave it out of the test");
            }
        }
        Ols o;
        try {
            o = Ols.fit(cols, ys);
        } catch (Ols.SingularException e) {
            throw new PanelTestException("the auxiliary regression of the Hausman test is singular (collinear regressors)");
        }
        int k = 1 + 2 * p;
        double h;
        if (vcov == AuxVcov.IID) {
            h = o.lastSumOfSquares(p) / (o.rss / (n - k));
        } else {
            double[][] inv = o.xtxInverse();
            double[][] meat = new double[k][k];
            double[][] score = new double[g][k];
            for (int i = 0; i < n; i++) {
                double e = o.resid[i];
                double[] sc = score[unit[i]];
                for (int a = 0; a < k; a++) {
                    sc[a] += cols[a][i] * e;
                }
            }
            int clusters = 0;
            for (int c = 0; c < g; c++) {
                if (cnt[c] == 0) {
                    continue;
                }
                clusters++;
                double[] sc = score[c];
                for (int a = 0; a < k; a++) {
                    for (int b2 = 0; b2 < k; b2++) {
                        meat[a][b2] += sc[a] * sc[b2];
                    }
                }
            }
            double factor = vcov == AuxVcov.CLUSTER_STATA
                    ? (double) clusters / (clusters - 1) * (n - 1.0) / (n - k) : 1.0;
            double[][] v = Dense.scaled(Dense.sandwich(inv, meat), factor);
            double[][] vj = new double[p][p];
            double[] bj = new double[p];
            for (int a = 0; a < p; a++) {
                bj[a] = o.beta[1 + p + a];
                for (int c = 0; c < p; c++) {
                    vj[a][c] = v[1 + p + a][1 + p + c];
                }
            }
            double[] sol = Dense.solveOrNull(vj, bj);
            if (sol == null) {
                throw new PanelTestException("the cluster-robust covariance of the auxiliary regression is singular "
                        + "(fewer units than regressors?); use vcov: iid");
            }
            h = Dense.dot(bj, sol);
        }
        double[] diff = new double[p];
        for (int a = 0; a < p; a++) {
            diff[a] = o.beta[1 + p + a];
        }
        String label = "aux-" + vcov.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return new HausmanResult(h, p, Dist.chiSquaredUpper(h, p), label, List.copyOf(names), diff, null, Double.NaN, true,
                List.of());
    }

    private static double[] means(double[] v, int[] unit, double[] cnt) {
        double[] s = new double[cnt.length];
        for (int i = 0; i < v.length; i++) {
            s[unit[i]] += v[i];
        }
        for (int c = 0; c < s.length; c++) {
            s[c] = cnt[c] > 0 ? s[c] / cnt[c] : 0;
        }
        return s;
    }
}
