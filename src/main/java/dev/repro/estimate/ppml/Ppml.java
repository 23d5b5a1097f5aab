package dev.repro.estimate.ppml;

import dev.repro.estimate.linear.Covariance;
import dev.repro.numeric.Dense;
import dev.repro.numeric.Effect;
import dev.repro.numeric.Effects;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * Poisson pseudo-maximum likelihood with absorbed fixed effects (Santos Silva and Tenreyro 2006; Correia, Guimaraes
 * and Zylkin 2020, "Fast Poisson estimation with high-dimensional fixed effects", the method of ppmlhdfe).
 *
 * <p>The estimate maximises sum (y log mu - mu) with log mu = x'b + the absorbed effects. IRLS (the Newton step of the
 * canonical link): with weights w = mu and working outcome z = eta + (y - mu) / mu, b solves the weighted least squares
 * of z on x, both partialled out of the effects in the w-weighted inner product ({@link WeightedDemeaner}); the new
 * linear predictor is eta = z - (the weighted residual). Start: mu = (y + mean y) / 2 (ppmlhdfe). Stop when
 * |dev - dev_previous| / (|dev| + 0.1) &lt; tolerance, glm's rule, with deviance dev = 2 sum (y log(y/mu) - (y - mu)).
 *
 * <p>Covariances at the final mu, with x~ the partialled regressors, bread B = (x~' W x~)^-1 and scores
 * s_i = x~_i (y_i - mu_i) (exact for the slopes by Frisch-Waugh-Lovell on the weighted Hessian): iid B (the Poisson
 * variance, as glm's poisson family and fepois's "iid"); hc1 n/(n-K) B (sum s_i s_i') B; cluster
 * G/(G-1) (n-1)/(n-K_c) B (sum_g s_g s_g') B, two-way as Cameron, Gelbach and Miller (2011) V_1 + V_2 - V_12, each with
 * its own G. For hc1, K counts the slopes and every absorbed dummy (the constant included): R's sandwich::vcovHC
 * (type HC1) on glm with the effects as factor dummies. For cluster, K_c leaves out the effects nested in a cluster
 * variable (counting the constant once when all are), ppmlhdfe's convention inherited from reghdfe and fixest's
 * ssc(fixef.K = "nested"): a nested effect's dummies are constant within clusters and add no cluster-level freedom.
 * z statistics, normal p-values.
 */
public final class Ppml {
    private Ppml() {
    }

    /** Estimates the model; throws {@link PpmlException} (a user-facing message) when it cannot. */
    public static PpmlFit fit(PpmlProblem p) {
        double[] y0 = p.y();
        for (int i = 0; i < y0.length; i++) {
            if (!(y0[i] >= 0) || !Double.isFinite(y0[i])) {
                throw new PpmlException("the outcome " + p.dependent() + " is " + y0[i] + " in observation " + (i + 1)
                        + "; PPML needs finite values of 0 or more");
            }
        }
        boolean[] dropped = new boolean[y0.length];
        Map<String, Integer> separated = new LinkedHashMap<>(PpmlSample.separate(y0, p.absorb(), dropped));
        int byRegressors = 0;
        Sample s = sample(p, dropped);
        if (s.rows.length == 0 || sum(s.y) == 0) {
            throw new PpmlException("the outcome " + p.dependent() + " is 0 in every observation"
                    + (s.rows.length < y0.length ? " that is not separated by a fixed effect" : "") + "; PPML needs some positive values");
        }
        // separation by the regressors; dropping it can leave a fixed-effect level all zero, so both repeat
        for (boolean[] sep = RegressorSeparation.find(s.y, s.x, s.fe); sep != null; sep = RegressorSeparation.find(s.y, s.x, s.fe)) {
            for (int r = 0; r < sep.length; r++) {
                if (sep[r]) {
                    dropped[s.rows[r]] = true;
                    byRegressors++;
                }
            }
            PpmlSample.separate(y0, p.absorb(), dropped).forEach((name, count) -> separated.merge(name, count, Integer::sum));
            s = sample(p, dropped);
        }
        int n = s.rows.length;
        double[] y = s.y;
        List<Effect> fe = s.fe;
        List<Effect> clusters = new ArrayList<>();
        for (Effect e : p.covariance().clusters()) {
            clusters.add(PpmlSample.compact(e, s.rows));
        }
        List<String> names = new ArrayList<>(s.names);
        List<double[]> x = new ArrayList<>(s.x);
        // after separation by the regressors, the separating combination is 0 on the kept sample: a regressor in it
        // is collinear there and is omitted (as ppmlhdfe; glm's aliased coefficient), the later one in formula order
        List<String> omitted = byRegressors == 0 ? List.of() : PpmlSample.omitCollinear(names, x, fe);
        int k = x.size();
        int absorbedDf = Effects.absorbedRank(fe, true);
        if (n <= k + absorbedDf) {
            throw new PpmlException("too few observations: " + n + " for " + k + " regressors and " + absorbedDf
                    + " absorbed fixed-effect levels");
        }

        double ybar = sum(y) / n;
        double[] mu = new double[n];
        double[] eta = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = (y[i] + ybar) / 2;
            eta[i] = Math.log(mu[i]);
        }
        double dev = deviance(y, mu);
        double change = Double.NaN;
        int iterations = 0;
        double[] b = null;
        boolean converged = false;
        // warm start (ppmlhdfe): v - M_W v lies in the span of the effects for any weights W, so M_W' v = M_W' (M_W v)
        // and M_W' z = M_W' (z + offset) with offset = M_W z_previous - z_previous; the previous iteration's partialled
        // columns, already nearly orthogonal to the effects, need far fewer projection iterations than the raw ones.
        // The partialled regressors are projected again in place, and z, its partialled copy and the offset reuse their
        // arrays: at 5 million rows each array is 40 MB
        List<double[]> xt = copies(x);
        double[] z = new double[n];
        double[] zt = new double[n];
        double[] offset = new double[n];
        while (iterations < p.maxIterations()) {
            iterations++;
            for (int i = 0; i < n; i++) {
                z[i] = eta[i] + (y[i] - mu[i]) / mu[i];
                zt[i] = z[i] + offset[i];
            }
            partial(xt, zt, fe, mu);
            for (int i = 0; i < n; i++) {
                offset[i] = zt[i] - z[i];
            }
            b = weightedLeastSquares(xt, zt, mu, names);
            for (int i = 0; i < n; i++) {
                double fitted = 0;
                for (int j = 0; j < k; j++) {
                    fitted += xt.get(j)[i] * b[j];
                }
                eta[i] = z[i] - (zt[i] - fitted);
                mu[i] = Math.exp(eta[i]);
            }
            double devNew = deviance(y, mu);
            change = Math.abs(devNew - dev) / (Math.abs(devNew) + 0.1);
            dev = devNew;
            if (!Double.isFinite(dev)) {
                break;
            }
            if (change < p.tolerance()) {
                converged = true;
                break;
            }
        }
        if (!converged) {
            throw new PpmlException(String.format(Locale.ROOT, "PPML did not converge in %d iterations (relative change "
                    + "of the deviance %.3g, tolerance %.3g); raise maxIterations on the model, or look for a regressor that "
                    + "separates the zeros of %s (e.g. a dummy that is 1 only where the outcome is 0) and drop it",
                    iterations, change, p.tolerance(), p.dependent()));
        }
        Arrays.fill(zt, 0.0);
        partial(xt, zt, fe, mu);
        double[][] bread = Dense.inverse(crossW(xt, mu));
        // cluster factors: effects nested in a cluster variable are not counted in K (reghdfe, which ppmlhdfe inherits)
        int kCluster = k + PpmlSample.absorbedRankNotNestedIn(fe, clusters);
        double[][] v = covariance(p.covariance(), xt, y, mu, bread, clusters, n, k + absorbedDf, kCluster);
        List<PpmlFit.Coefficient> coefs = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            double se = Math.sqrt(v[j][j]);
            double zStat = b[j] / se;
            double pValue = Double.isNaN(zStat) ? Double.NaN : Erf.erfc(Math.abs(zStat) / Math.sqrt(2.0));
            coefs.add(new PpmlFit.Coefficient(names.get(j), b[j], se, zStat, pValue));
        }
        double ll = logLikelihood(y, mu);
        double[] mu0 = new double[n];
        Arrays.fill(mu0, ybar);
        double ll0 = logLikelihood(y, mu0);
        int minClusters = clusters.stream().mapToInt(Effect::levels).min().orElse(0);
        return new PpmlFit(coefs, n, separated, byRegressors, omitted, iterations, dev, ll, ll0, 1 - ll / ll0, absorbedDf,
                minClusters, p.covariance().label());
    }

    /** The kept rows, the outcome, regressors (with the constant when nothing is absorbed) and effects on them. */
    private record Sample(int[] rows, double[] y, List<String> names, List<double[]> x, List<Effect> fe) {
    }

    private static Sample sample(PpmlProblem p, boolean[] dropped) {
        int[] rows = kept(dropped);
        List<Effect> fe = new ArrayList<>();
        for (Effect e : p.absorb()) {
            fe.add(PpmlSample.compact(e, rows));
        }
        List<String> names = new ArrayList<>(p.names());
        List<double[]> x = new ArrayList<>();
        for (double[] col : p.x()) {
            x.add(subset(col, rows));
        }
        if (fe.isEmpty()) {
            names.add("(Intercept)");
            double[] one = new double[rows.length];
            Arrays.fill(one, 1.0);
            x.add(one);
        }
        return new Sample(rows, subset(p.y(), rows), names, x, fe);
    }

    private static List<double[]> copies(List<double[]> x) {
        List<double[]> out = new ArrayList<>();
        for (double[] col : x) {
            out.add(col.clone());
        }
        return out;
    }

    /** The columns of x and z partialled out of the effects with weights w, in place; nothing to do without effects. */
    private static void partial(List<double[]> x, double[] z, List<Effect> fe, double[] w) {
        if (fe.isEmpty()) {
            return;
        }
        WeightedDemeaner d = new WeightedDemeaner(fe, w, 1e-13, 10_000);
        boolean ok = d.project(z);
        for (double[] col : x) {
            ok &= d.project(col);
        }
        if (!ok) {
            throw new PpmlException("the absorbed fixed effects could not be partialled out (alternating projections did "
                    + "not converge in 10000 iterations); absorb fewer or better connected effects");
        }
    }

    private static double[] weightedLeastSquares(List<double[]> xt, double[] zt, double[] w, List<String> names) {
        int k = xt.size();
        double[][] xwx = crossW(xt, w);
        double[] xwz = new double[k];
        for (int j = 0; j < k; j++) {
            double[] c = xt.get(j);
            double s = 0;
            for (int i = 0; i < zt.length; i++) {
                s += c[i] * w[i] * zt[i];
            }
            xwz[j] = s;
        }
        double[][] check = Dense.sweepInverse(xwx, 1e-10);
        for (int j = 0; j < k; j++) {
            if (check[j][j] == 0) {
                throw new PpmlException("regressor " + names.get(j) + " is collinear with the other regressors or the "
                        + "absorbed fixed effects; remove it from the formula");
            }
        }
        return Dense.mul(check, xwz);
    }

    private static double[][] crossW(List<double[]> xt, double[] w) {
        int k = xt.size();
        double[][] m = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int c = 0; c <= a; c++) {
                double s = 0;
                double[] xa = xt.get(a);
                double[] xc = xt.get(c);
                for (int i = 0; i < w.length; i++) {
                    s += xa[i] * w[i] * xc[i];
                }
                m[a][c] = s;
                m[c][a] = s;
            }
        }
        return m;
    }

    private static double[][] covariance(Covariance cov, List<double[]> xt, double[] y, double[] mu, double[][] bread,
                                         List<Effect> clusters, int n, int bigK, int kCluster) {
        int k = xt.size();
        return switch (cov.kind()) {
            case IID -> bread;
            case HC1 -> Dense.scaled(Dense.sandwich(bread, meat(xt, y, mu, null)), (double) n / (n - bigK));
            case CLUSTER -> {
                double[][] v = new double[k][k];
                addClustered(v, xt, y, mu, bread, clusters.get(0), n, kCluster, 1);
                if (clusters.size() == 2) {
                    addClustered(v, xt, y, mu, bread, clusters.get(1), n, kCluster, 1);
                    addClustered(v, xt, y, mu, bread, Effects.intersection(clusters), n, kCluster, -1);
                }
                yield v;
            }
            // the study refuses these for PPML at the model's vcov key
            case DRISCOLL_KRAAY, NEWEY_WEST, HAC -> throw new IllegalArgumentException("PPML offers iid, hc1 and cluster covariances only");
        };
    }

    private static void addClustered(double[][] v, List<double[]> xt, double[] y, double[] mu, double[][] bread, Effect g,
                                     int n, int bigK, double sign) {
        int groups = g.levels();
        double factor = (double) groups / (groups - 1) * (n - 1.0) / (n - bigK);
        Dense.addScaled(v, Dense.sandwich(bread, meat(xt, y, mu, g)), sign * factor);
    }

    /** Sum over clusters (each observation its own when g is null) of the outer products of the summed scores. */
    private static double[][] meat(List<double[]> xt, double[] y, double[] mu, Effect g) {
        int k = xt.size();
        int n = y.length;
        int levels = g == null ? n : g.levels();
        double[][] sums = new double[levels][k];
        for (int i = 0; i < n; i++) {
            double e = y[i] - mu[i];
            double[] s = sums[g == null ? i : g.codes()[i]];
            for (int j = 0; j < k; j++) {
                s[j] += xt.get(j)[i] * e;
            }
        }
        double[][] m = new double[k][k];
        for (double[] s : sums) {
            Dense.addOuter(m, s, 1.0);
        }
        return m;
    }

    static double deviance(double[] y, double[] mu) {
        double d = 0;
        for (int i = 0; i < y.length; i++) {
            d += (y[i] > 0 ? y[i] * Math.log(y[i] / mu[i]) : 0) - (y[i] - mu[i]);
        }
        return 2 * d;
    }

    static double logLikelihood(double[] y, double[] mu) {
        double ll = 0;
        for (int i = 0; i < y.length; i++) {
            ll += (y[i] > 0 ? y[i] * Math.log(mu[i]) : 0) - mu[i] - Gamma.logGamma(y[i] + 1);
        }
        return ll;
    }

    private static int[] kept(boolean[] dropped) {
        int count = 0;
        for (boolean d : dropped) {
            count += d ? 0 : 1;
        }
        int[] rows = new int[count];
        int a = 0;
        for (int i = 0; i < dropped.length; i++) {
            if (!dropped[i]) {
                rows[a++] = i;
            }
        }
        return rows;
    }

    /** The values on the kept rows; v itself when every row is kept (the fit never writes into these columns). */
    private static double[] subset(double[] v, int[] rows) {
        if (rows.length == v.length) {
            return v;
        }
        double[] out = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            out[r] = v[rows[r]];
        }
        return out;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s;
    }
}
