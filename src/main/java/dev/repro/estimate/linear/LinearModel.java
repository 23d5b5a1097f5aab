package dev.repro.estimate.linear;

import dev.repro.numeric.Effect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Linear panel estimators with the conventions of Stata (regress, xtreg, reghdfe) and R (lm, plm,
 * fixest): pooled OLS with a constant, the within estimator absorbing any number of fixed effects, and
 * Swamy-Arora random effects; iid, hc1 and (multiway) cluster covariances with the small-sample factors
 * of {@link SmallSample}. See docs/linear.md for every formula.
 *
 * <p>Numerics: columns are centred (two-pass mean) before anything else, fixed effects are projected out
 * by {@link FixedEffectsProjector}, and the least-squares problem is solved by Householder QR on the
 * transformed columns taken in formula order; a column whose part orthogonal to the earlier ones is below
 * {@link LinearOptions#collinearityTolerance()} of its own norm is dropped (Stata's "omitted because of
 * collinearity", R lm's aliased coefficients). QR on centred columns reproduces the NIST StRD Longley
 * certified values to about 1e-12.
 */
public final class LinearModel {
    private LinearModel() {
    }

    /** Estimates the model. Throws {@link LinearModelException} (a user-facing message) when it cannot be estimated. */
    public static LinearFit fit(LinearProblem p) {
        LinearOptions o = p.options();
        checkFinite(p);
        int n0 = p.nobs();
        int[] rows = identity(n0);
        if (!p.absorb().isEmpty() && o.singletons() == Singletons.DROP) {
            rows = dropSingletons(p.absorb(), n0);
        }
        int singletons = n0 - rows.length;
        int n = rows.length;
        if (n == 0) {
            throw new LinearModelException("no observation is left after dropping " + singletons
                + " singleton observations; keep singletons (singletons: keep) or absorb fewer effects");
        }
        boolean all = singletons == 0;
        double[] y = all ? p.y().clone() : subset(p.y(), rows);
        double[][] x = new double[p.x().length][];
        for (int j = 0; j < x.length; j++) {
            x[j] = all ? p.x()[j].clone() : subset(p.x()[j], rows);
        }
        List<Effect> fe = new ArrayList<>();
        for (Effect e : p.absorb()) {
            fe.add(compact(e, rows, all));
        }
        List<Effect> cl = new ArrayList<>();
        for (Effect e : p.covariance().clusters()) {
            cl.add(compact(e, rows, all));
        }
        Effect panel = o.panel() == null ? null : compact(o.panel(), rows, all);
        for (Effect c : cl) {
            if (c.levels() < 2) {
                throw new LinearModelException("cluster variable " + c.name() + " has only " + c.levels()
                    + " cluster in the estimation sample; clustered standard errors need at least 2");
            }
        }
        Work w = new Work(p, o, n, y, x, fe, cl, panel, rows, singletons);
        if (o.estimator() == Estimator.RANDOM) {
            return w.randomEffects();
        }
        return w.linear();
    }

    /** State of one estimation. */
    private static final class Work {
        final LinearProblem p;
        final LinearOptions o;
        final int n;
        final double[] y;
        final double[][] x;
        final List<Effect> fe;
        final List<Effect> cl;
        final Effect panel;
        final int[] rows;
        final int singletons;
        final int k0;

        Work(LinearProblem p, LinearOptions o, int n, double[] y, double[][] x, List<Effect> fe, List<Effect> cl,
             Effect panel, int[] rows, int singletons) {
            this.p = p;
            this.o = o;
            this.n = n;
            this.y = y;
            this.x = x;
            this.fe = fe;
            this.cl = cl;
            this.panel = panel;
            this.rows = rows;
            this.singletons = singletons;
            this.k0 = x.length;
        }

        /** Pooled OLS (no absorbed effect) or the within estimator. */
        LinearFit linear() {
            boolean pooled = fe.isEmpty();
            double my = mean(y);
            double[] yt = centred(y, my);
            double[] xm = new double[k0];
            double[][] xt = new double[k0][];
            double[] centredNorm = new double[k0];
            for (int j = 0; j < k0; j++) {
                xm[j] = mean(x[j]);
                xt[j] = centred(x[j], xm[j]);
                centredNorm[j] = norm(xt[j]);
            }
            double tss = dot(yt, yt);
            int iterations = 0;
            if (!pooled) {
                iterations = project(fe, yt, xt);
            }
            // Design: [1 (pooled only), kept slopes]; the constant first so that a regressor collinear
            // with it is the one dropped, as Stata and R do.
            List<double[]> design = new ArrayList<>();
            List<Integer> slopeOf = new ArrayList<>();
            List<String> dropped = new ArrayList<>();
            if (pooled) {
                double[] one = new double[n];
                Arrays.fill(one, 1.0);
                design.add(one);
                slopeOf.add(-1);
            }
            for (int j = 0; j < k0; j++) {
                if (!pooled && (centredNorm[j] == 0 || norm(xt[j]) <= o.collinearityTolerance() * centredNorm[j])) {
                    // constant, or fully explained by the absorbed effects
                    dropped.add(p.names().get(j));
                } else {
                    design.add(xt[j]);
                    slopeOf.add(j);
                }
            }
            Solution s = solve(design, yt, o.collinearityTolerance());
            List<Integer> keptSlopes = new ArrayList<>();
            boolean intercept = false;
            for (int d = 0; d < design.size(); d++) {
                int j = slopeOf.get(d);
                if (s.kept[d]) {
                    if (j < 0) {
                        intercept = true;
                    } else {
                        keptSlopes.add(j);
                    }
                } else if (j >= 0) {
                    dropped.add(p.names().get(j));
                }
            }
            dropped.sort((a, b) -> Integer.compare(p.names().indexOf(a), p.names().indexOf(b)));
            int kS = keptSlopes.size();
            Dof dof = dof(pooled, kS);
            double ssr = dot(s.resid, s.resid);
            double ytt = pooled ? tss : dot(yt, yt);
            double r2 = 1 - ssr / tss;
            double r2w = 1 - ssr / ytt;
            int groups = panel != null ? panel.levels() : (pooled ? 0 : fe.get(0).levels());
            Shift shift = pooled && intercept ? new Shift(my, xm) : null;
            return finish(pooled ? "ols" : "within", s, keptSlopes, intercept, shift, dof, dropped, r2, r2w,
                groups, iterations, null);
        }

        /** One-way random effects with the Swamy-Arora components, as R plm (random.method = "swamy"). */
        LinearFit randomEffects() {
            int gp = panel.levels();
            int[] pc = panel.codes();
            long[] ti = new long[gp];
            for (int i = 0; i < n; i++) {
                ti[pc[i]]++;
            }
            double my = mean(y);
            double[] xm = new double[k0];
            double[][] xc = new double[k0][];
            double[] centredNorm = new double[k0];
            for (int j = 0; j < k0; j++) {
                xm[j] = mean(x[j]);
                xc[j] = centred(x[j], xm[j]);
                centredNorm[j] = norm(xc[j]);
            }
            double[] yc = centred(y, my);
            // group means of the centred columns
            double[] ybar = groupMeans(yc, pc, ti);
            double[][] xbar = new double[k0][];
            for (int j = 0; j < k0; j++) {
                xbar[j] = groupMeans(xc[j], pc, ti);
            }
            // 1. within regression: sigma2_e = e_w'e_w / (N - n - K_w)
            double[] yw = new double[n];
            double[][] xw = new double[k0][n];
            for (int i = 0; i < n; i++) {
                yw[i] = yc[i] - ybar[pc[i]];
                for (int j = 0; j < k0; j++) {
                    xw[j][i] = xc[j][i] - xbar[j][pc[i]];
                }
            }
            List<double[]> wd = new ArrayList<>();
            for (int j = 0; j < k0; j++) {
                if (centredNorm[j] > 0 && norm(xw[j]) > o.collinearityTolerance() * centredNorm[j]) {
                    wd.add(xw[j]);
                }
            }
            Solution sw = solve(wd, yw, o.collinearityTolerance());
            int kw = sw.rank;
            double dfw = n - gp - kw;
            if (dfw <= 0) {
                throw new LinearModelException(n + " observations in " + gp + " panel units are too few for random effects with "
                    + kw + " time-varying regressors: the within regression has no residual degrees of freedom");
            }
            double s2e = dot(sw.resid, sw.resid) / dfw;
            // 2. between regression at observation level (plm "Between"): ybar_i on [1, xbar_i], weights T_i
            List<double[]> bd = new ArrayList<>();
            double[] one = new double[n];
            Arrays.fill(one, 1.0);
            bd.add(one);
            for (int j = 0; j < k0; j++) {
                double[] e = new double[n];
                for (int i = 0; i < n; i++) {
                    e[i] = xbar[j][pc[i]];
                }
                bd.add(e);
            }
            double[] yb = new double[n];
            for (int i = 0; i < n; i++) {
                yb[i] = ybar[pc[i]];
            }
            Solution sb = solve(bd, yb, o.collinearityTolerance());
            int kb = sb.rank - 1;
            double quad2 = dot(sb.resid, sb.resid);
            double mNu = gp - kb - 1;
            if (mNu <= 0) {
                throw new LinearModelException(gp + " panel units are too few for random effects with " + kb
                    + " regressors: the between regression has no residual degrees of freedom");
            }
            // M_eta = N - trace((Z'Z)^-1 sum_i T_i^2 z_i z_i'), z_i the kept between regressors of unit i
            double[][] bb = sb.bread();
            int[] kept = sb.keptIndices();
            int kk = kept.length;
            double[][] s2 = new double[kk][kk];
            double[] zi = new double[kk];
            for (int g = 0; g < gp; g++) {
                for (int a = 0; a < kk; a++) {
                    zi[a] = kept[a] == 0 ? 1.0 : xbar[kept[a] - 1][g];
                }
                double t2 = (double) ti[g] * ti[g];
                for (int a = 0; a < kk; a++) {
                    for (int b = 0; b < kk; b++) {
                        s2[a][b] += t2 * zi[a] * zi[b];
                    }
                }
            }
            double tr = 0;
            for (int a = 0; a < kk; a++) {
                for (int b = 0; b < kk; b++) {
                    tr += bb[a][b] * s2[b][a];
                }
            }
            double mEta = n - tr;
            double s2u = Math.max(0.0, (quad2 - mNu * s2e) / mEta);
            double[] theta = new double[gp];
            for (int g = 0; g < gp; g++) {
                theta[g] = 1 - Math.sqrt(s2e / (ti[g] * s2u + s2e));
            }
            // 3. quasi-demeaned pooled regression on [1 - theta_i, x - theta_i xbar_i] (centred columns)
            double[] ys = new double[n];
            double[] cs = new double[n];
            for (int i = 0; i < n; i++) {
                double th = theta[pc[i]];
                ys[i] = yc[i] - th * ybar[pc[i]];
                cs[i] = 1 - th;
            }
            List<double[]> design = new ArrayList<>();
            List<Integer> slopeOf = new ArrayList<>();
            design.add(cs);
            slopeOf.add(-1);
            for (int j = 0; j < k0; j++) {
                double[] xs = new double[n];
                for (int i = 0; i < n; i++) {
                    xs[i] = xc[j][i] - theta[pc[i]] * xbar[j][pc[i]];
                }
                design.add(xs);
                slopeOf.add(j);
            }
            Solution s = solve(design, ys, o.collinearityTolerance());
            List<Integer> keptSlopes = new ArrayList<>();
            List<String> dropped = new ArrayList<>();
            boolean intercept = false;
            for (int d = 0; d < design.size(); d++) {
                int j = slopeOf.get(d);
                if (s.kept[d]) {
                    if (j < 0) {
                        intercept = true;
                    } else {
                        keptSlopes.add(j);
                    }
                } else if (j >= 0) {
                    dropped.add(p.names().get(j));
                }
            }
            Dof dof = dof(true, keptSlopes.size());
            // plm's r.squared (type "cor"): squared correlation of the quasi-demeaned y and its fitted values,
            // which differs from 1 - SSR/TSS in an unbalanced panel where 1 - theta_i is not constant
            double[] yStar = new double[n];
            double[] fitStar = new double[n];
            for (int i = 0; i < n; i++) {
                yStar[i] = y[i] - theta[pc[i]] * (ybar[pc[i]] + my);
                fitStar[i] = yStar[i] - s.resid[i];
            }
            double r2 = corr2(yStar, fitStar);
            // Stata xtreg, re: within R^2 = corr(y~, x~ b)^2, ~ the within transformation
            double[] fitW = new double[n];
            for (int a = 0; a < keptSlopes.size(); a++) {
                int j = keptSlopes.get(a);
                double b = s.beta[a + (intercept ? 1 : 0)];
                for (int i = 0; i < n; i++) {
                    fitW[i] += b * xw[j][i];
                }
            }
            double r2w = corr2(yw, fitW);
            Shift shift = intercept ? new Shift(my, xm) : null;
            return finish("re", s, keptSlopes, intercept, shift, dof, dropped, r2, r2w, gp, 0,
                new RandomEffects(s2e, s2u, theta));
        }

        private int project(List<Effect> effects, double[] yt, double[][] xt) {
            FixedEffectsProjector proj = new FixedEffectsProjector(effects, o.tolerance(), o.maxIterations());
            List<double[]> cols = new ArrayList<>();
            cols.add(yt);
            cols.addAll(Arrays.asList(xt));
            int it = 0;
            for (FixedEffectsProjector.Outcome out : proj.projectAll(cols, o.threads())) {
                if (!out.converged()) {
                    throw new LinearModelException("the absorbed fixed effects did not converge in " + o.maxIterations()
                        + " iterations (tolerance " + o.tolerance() + "); raise the iteration limit or check for weakly connected effects");
                }
                it = Math.max(it, out.iterations());
            }
            return it;
        }

        /** Absorbed parameters and K of each covariance, by the convention chosen. */
        private Dof dof(boolean noAbsorb, int kS) {
            SmallSample ss = o.smallSample();
            boolean[] nested = new boolean[fe.size()];
            List<String> nestedNames = new ArrayList<>();
            for (int k = 0; k < fe.size(); k++) {
                for (Effect c : cl) {
                    if (nestedIn(fe.get(k), c)) {
                        nested[k] = true;
                    }
                }
                if (nested[k]) {
                    nestedNames.add(fe.get(k).name());
                }
            }
            int absorbed = noAbsorb ? 1 : absorbedRank(fe, ss == SmallSample.STATA);
            List<Effect> nonNested = new ArrayList<>();
            for (int k = 0; k < fe.size(); k++) {
                if (!nested[k]) {
                    nonNested.add(fe.get(k));
                }
            }
            int absorbedCluster = noAbsorb || nonNested.isEmpty() ? 1 : absorbedRank(nonNested, ss == SmallSample.STATA);
            int dfResid = n - kS - absorbed;
            if (dfResid <= 0) {
                throw new LinearModelException(n + " observations are too few for " + kS + " regressors"
                    + (noAbsorb ? " and a constant" : " and " + absorbed + " absorbed fixed-effect levels")
                    + ": the residual degrees of freedom would be " + dfResid + "; use fewer regressors or fixed effects");
            }
            int kHc;
            int kCluster;
            if (ss == SmallSample.PLM || ss == SmallSample.NONE) {
                kHc = kS + (fe.isEmpty() ? 1 : 0);
                kCluster = kHc;
            } else {
                kHc = kS + absorbed;
                kCluster = kS + absorbedCluster;
            }
            return new Dof(noAbsorb ? 0 : absorbed, dfResid, kHc, kCluster, nestedNames);
        }

        private LinearFit finish(String estimator, Solution s, List<Integer> keptSlopes, boolean intercept, Shift shift,
                                 Dof dof, List<String> dropped, double r2, double r2w, int groups, int iterations,
                                 RandomEffects re) {
            int pd = s.rank;
            double[][] bread = s.bread();
            double[] e = s.resid;
            double[][] v;
            int dfTest = dof.dfResid;
            SmallSample ss = o.smallSample();
            Covariance.Kind kind = p.covariance().kind();
            List<double[]> design = s.keptColumns();
            int[] clusterCounts = new int[cl.size()];
            if (kind == Covariance.Kind.IID) {
                double s2 = dot(e, e) / dof.dfResid;
                v = scale(bread, s2);
            } else if (kind == Covariance.Kind.HC1) {
                double[][] meat = meat(design, e, null);
                v = sandwich(bread, meat);
                if (ss != SmallSample.NONE) {
                    v = scale(v, (double) n / (n - dof.kHc));
                }
            } else {
                for (int c = 0; c < cl.size(); c++) {
                    clusterCounts[c] = cl.get(c).levels();
                }
                int gmin = Arrays.stream(clusterCounts).min().orElseThrow();
                v = new double[pd][pd];
                int q = cl.size();
                for (int mask = 1; mask < (1 << q); mask++) {
                    List<Effect> sub = new ArrayList<>();
                    for (int c = 0; c < q; c++) {
                        if ((mask & (1 << c)) != 0) {
                            sub.add(cl.get(c));
                        }
                    }
                    Effect g = sub.size() == 1 ? sub.get(0) : intersection(sub);
                    double[][] vs = sandwich(bread, meat(design, e, g));
                    double sign = sub.size() % 2 == 1 ? 1.0 : -1.0;
                    double f = sign;
                    if (ss == SmallSample.PLM) {
                        double gg = g.levels();
                        f *= gg / (gg - 1) * (n - 1.0) / (n - dof.kCluster);
                    }
                    addScaled(v, vs, f);
                }
                if (ss == SmallSample.STATA || ss == SmallSample.FIXEST) {
                    v = scale(v, (n - 1.0) / (n - dof.kCluster) * gmin / (gmin - 1.0));
                    dfTest = ss == SmallSample.STATA ? Math.min(dof.dfResid, gmin - 1) : Math.max(gmin - 1, 1);
                }
                if (q > 1 && o.fixNonPsd()) {
                    v = fixPsd(v);
                }
            }
            // back to the parameters of the uncentred model: intercept = my - xm'b + intercept'
            int interceptPos = intercept ? 0 : -1;
            double[] beta = s.beta.clone();
            if (shift != null) {
                double[][] a = identityMatrix(pd);
                double c0 = shift.my;
                for (int d = 0; d < pd; d++) {
                    if (d != interceptPos) {
                        int j = keptSlopes.get(d - (intercept ? 1 : 0));
                        a[interceptPos][d] = -shift.xm[j];
                        c0 -= shift.xm[j] * beta[d];
                    }
                }
                beta[interceptPos] += c0;
                v = mul(mul(a, v), transpose(a));
            }
            // reorder: slopes in formula order, then the intercept
            int[] order = new int[pd];
            int at = 0;
            for (int d = 0; d < pd; d++) {
                if (d != interceptPos) {
                    order[at++] = d;
                }
            }
            if (interceptPos >= 0) {
                order[at] = interceptPos;
            }
            double[][] vo = new double[pd][pd];
            double[] bo = new double[pd];
            for (int a = 0; a < pd; a++) {
                bo[a] = beta[order[a]];
                for (int b = 0; b < pd; b++) {
                    vo[a][b] = v[order[a]][order[b]];
                }
            }
            TDistribution tdist = new TDistribution(null, Math.max(dfTest, 1));
            List<Coefficient> coefs = new ArrayList<>();
            for (int a = 0; a < pd; a++) {
                String name = a < keptSlopes.size() ? p.names().get(keptSlopes.get(a)) : LinearFit.INTERCEPT;
                double se = Math.sqrt(Math.max(vo[a][a], 0.0));
                double t = bo[a] / se;
                double pv = 2 * tdist.cumulativeProbability(-Math.abs(t));
                coefs.add(new Coefficient(name, bo[a], se, t, pv));
            }
            int kS = keptSlopes.size();
            double fStat = wald(bo, vo, kS);
            double fP = Double.isNaN(fStat) ? Double.NaN
                : 1 - new FDistribution(null, kS, Math.max(dfTest, 1)).cumulativeProbability(fStat);
            double adj = 1 - (1 - r2) * (n - 1) / dof.dfResid;
            int[] levels = new int[fe.size()];
            for (int k = 0; k < levels.length; k++) {
                levels[k] = fe.get(k).levels();
            }
            // the residuals keep the row order of the estimation sample
            double[] resid = e;
            return new LinearFit(p.dependent(), estimator, p.covariance().label(), coefs, dropped, n, groups, clusterCounts,
                r2, r2w, adj, dof.dfResid, dfTest, fStat, kS, fP, vo, resid, rows, singletons, dof.absorbed, levels,
                dof.nested, iterations, re);
        }
    }

    private record Dof(int absorbed, int dfResid, int kHc, int kCluster, List<String> nested) {
    }

    private record Shift(double my, double[] xm) {
    }

    // ---------------------------------------------------------------------------------------------
    // QR least squares

    /** Householder QR of the design columns in the given order, dropping near-collinear ones. */
    static final class Solution {
        boolean[] kept;
        int rank;
        double[][] r;
        double[] beta;
        double[] resid;
        List<double[]> columns;

        int[] keptIndices() {
            int[] out = new int[rank];
            int a = 0;
            for (int d = 0; d < kept.length; d++) {
                if (kept[d]) {
                    out[a++] = d;
                }
            }
            return out;
        }

        List<double[]> keptColumns() {
            List<double[]> out = new ArrayList<>();
            for (int d = 0; d < kept.length; d++) {
                if (kept[d]) {
                    out.add(columns.get(d));
                }
            }
            return out;
        }

        /** (X'X)^-1 = R^-1 R^-T of the kept columns. */
        double[][] bread() {
            int k = rank;
            double[][] inv = new double[k][k];
            for (int c = 0; c < k; c++) {
                // solve R z = e_c
                for (int i = k - 1; i >= 0; i--) {
                    double s = i == c ? 1.0 : 0.0;
                    for (int j = i + 1; j < k; j++) {
                        s -= r[i][j] * inv[j][c];
                    }
                    inv[i][c] = s / r[i][i];
                }
            }
            double[][] b = new double[k][k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = 0;
                    for (int l = Math.max(i, j); l < k; l++) {
                        s += inv[i][l] * inv[j][l];
                    }
                    b[i][j] = s;
                    b[j][i] = s;
                }
            }
            return b;
        }
    }

    static Solution solve(List<double[]> columns, double[] y, double tol) {
        int k = columns.size();
        int n = y.length;
        Solution s = new Solution();
        s.columns = columns;
        s.kept = new boolean[k];
        double[][] work = new double[k][];
        double[] uu = new double[k];
        double[][] rFull = new double[k][k];
        double[] qy = y.clone();
        int rank = 0;
        int[] reflectorOf = new int[k];
        for (int j = 0; j < k; j++) {
            double[] w = columns.get(j).clone();
            double orig = norm(w);
            // apply the reflectors found so far
            for (int r = 0; r < rank; r++) {
                applyReflector(work[reflectorOf[r]], uu[r], r, w);
            }
            double rest = 0;
            for (int i = rank; i < n; i++) {
                rest += w[i] * w[i];
            }
            rest = Math.sqrt(rest);
            if (orig == 0 || rest <= tol * orig || rank >= n) {
                continue;
            }
            for (int i = 0; i < rank; i++) {
                rFull[i][rank] = w[i];
            }
            double alpha = w[rank] >= 0 ? -rest : rest;
            w[rank] -= alpha;
            double u2 = 0;
            for (int i = rank; i < n; i++) {
                u2 += w[i] * w[i];
            }
            rFull[rank][rank] = alpha;
            work[j] = w;
            uu[rank] = u2;
            reflectorOf[rank] = j;
            s.kept[j] = true;
            rank++;
        }
        for (int r = 0; r < rank; r++) {
            applyReflector(work[reflectorOf[r]], uu[r], r, qy);
        }
        s.rank = rank;
        s.r = new double[rank][rank];
        for (int i = 0; i < rank; i++) {
            System.arraycopy(rFull[i], 0, s.r[i], 0, rank);
        }
        double[] beta = new double[rank];
        for (int i = rank - 1; i >= 0; i--) {
            double v = qy[i];
            for (int j = i + 1; j < rank; j++) {
                v -= s.r[i][j] * beta[j];
            }
            beta[i] = v / s.r[i][i];
        }
        s.beta = beta;
        double[] e = y.clone();
        int a = 0;
        for (int j = 0; j < k; j++) {
            if (s.kept[j]) {
                double b = beta[a++];
                double[] c = columns.get(j);
                for (int i = 0; i < n; i++) {
                    e[i] -= b * c[i];
                }
            }
        }
        s.resid = e;
        return s;
    }

    private static void applyReflector(double[] u, double u2, int from, double[] w) {
        if (u2 == 0) {
            return;
        }
        double d = 0;
        for (int i = from; i < w.length; i++) {
            d += u[i] * w[i];
        }
        double f = 2 * d / u2;
        for (int i = from; i < w.length; i++) {
            w[i] -= f * u[i];
        }
    }

    // ---------------------------------------------------------------------------------------------
    // covariance pieces

    /** Sum over clusters of (sum_i z_i e_i)(sum_i z_i e_i)'; each observation its own cluster when g is null. */
    private static double[][] meat(List<double[]> z, double[] e, Effect g) {
        int k = z.size();
        int n = e.length;
        double[][] m = new double[k][k];
        if (g == null) {
            double[] zi = new double[k];
            for (int i = 0; i < n; i++) {
                double ei = e[i];
                for (int a = 0; a < k; a++) {
                    zi[a] = z.get(a)[i] * ei;
                }
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b <= a; b++) {
                        m[a][b] += zi[a] * zi[b];
                    }
                }
            }
        } else {
            int levels = g.levels();
            int[] c = g.codes();
            double[] sums = new double[levels * k];
            for (int a = 0; a < k; a++) {
                double[] za = z.get(a);
                for (int i = 0; i < n; i++) {
                    sums[c[i] * k + a] += za[i] * e[i];
                }
            }
            for (int h = 0; h < levels; h++) {
                int base = h * k;
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b <= a; b++) {
                        m[a][b] += sums[base + a] * sums[base + b];
                    }
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                m[b][a] = m[a][b];
            }
        }
        return m;
    }

    private static double[][] sandwich(double[][] bread, double[][] meat) {
        return mul(mul(bread, meat), bread);
    }

    /** The clusters formed by every combination of levels of the given variables (sort-based, no boxing). */
    static Effect intersection(List<Effect> vars) {
        int n = vars.get(0).codes().length;
        long[] key = new long[n];
        long mult = 1;
        for (Effect v : vars) {
            int[] c = v.codes();
            for (int i = 0; i < n; i++) {
                key[i] += c[i] * mult;
            }
            mult *= v.levels();
        }
        long[] sorted = key.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            codes[i] = Arrays.binarySearch(sorted, 0, distinct, key[i]);
        }
        StringBuilder name = new StringBuilder();
        for (Effect v : vars) {
            name.append(name.length() == 0 ? "" : "#").append(v.name());
        }
        return new Effect(name.toString(), codes, distinct);
    }

    /** Cameron, Gelbach and Miller (2011): replace negative eigenvalues of V by zero. */
    private static double[][] fixPsd(double[][] v) {
        int k = v.length;
        if (k == 0) {
            return v;
        }
        EigenDecomposition ed = new EigenDecomposition(new Array2DRowRealMatrix(v, true));
        RealMatrix q = ed.getV();
        double[] d = ed.getRealEigenvalues();
        double[][] out = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double s = 0;
                for (int l = 0; l < k; l++) {
                    s += q.getEntry(a, l) * Math.max(d[l], 0.0) * q.getEntry(b, l);
                }
                out[a][b] = s;
            }
        }
        return out;
    }

    /** Wald F = b'V^-1 b / q on the first q coefficients (the slopes), via Cholesky of the correlation matrix. */
    private static double wald(double[] b, double[][] v, int q) {
        if (q == 0) {
            return Double.NaN;
        }
        double[] z = new double[q];
        double[][] c = new double[q][q];
        for (int a = 0; a < q; a++) {
            double sa = Math.sqrt(v[a][a]);
            if (!(sa > 0)) {
                return Double.NaN;
            }
            z[a] = b[a] / sa;
        }
        for (int a = 0; a < q; a++) {
            for (int bb = 0; bb < q; bb++) {
                c[a][bb] = v[a][bb] / Math.sqrt(v[a][a] * v[bb][bb]);
            }
        }
        // Cholesky c = L L'
        double[][] l = new double[q][q];
        for (int i = 0; i < q; i++) {
            for (int j = 0; j <= i; j++) {
                double s = c[i][j];
                for (int m = 0; m < j; m++) {
                    s -= l[i][m] * l[j][m];
                }
                if (i == j) {
                    if (s <= 1e-12) {
                        return Double.NaN;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[] u = new double[q];
        double w = 0;
        for (int i = 0; i < q; i++) {
            double s = z[i];
            for (int m = 0; m < i; m++) {
                s -= l[i][m] * u[m];
            }
            u[i] = s / l[i][i];
            w += u[i] * u[i];
        }
        return w / q;
    }

    // ---------------------------------------------------------------------------------------------
    // degrees of freedom

    /**
     * Rank of the absorbed dummies (the constant included): one effect L1; two effects L1 + L2 - C, C the
     * connected components of the bipartite graph of their levels (exact, as reghdfe); every further
     * effect adds its levels less one (a lower bound on the redundancy, so conservative, as reghdfe for
     * three or more effects). Without {@code exact} (fixest, plm): the sum of levels less one per effect
     * beyond the first.
     */
    static int absorbedRank(List<Effect> effects, boolean exact) {
        int r = effects.get(0).levels();
        for (int k = 1; k < effects.size(); k++) {
            r += effects.get(k).levels() - 1;
        }
        if (exact && effects.size() >= 2) {
            r -= components(effects.get(0), effects.get(1)) - 1;
        }
        return r;
    }

    /** Connected components of the bipartite graph whose edges are the observed pairs of levels. */
    static int components(Effect a, Effect b) {
        int la = a.levels();
        int[] parent = new int[la + b.levels()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        int[] ca = a.codes();
        int[] cb = b.codes();
        for (int i = 0; i < ca.length; i++) {
            int u = find(parent, ca[i]);
            int v = find(parent, la + cb[i]);
            if (u != v) {
                parent[Math.max(u, v)] = Math.min(u, v);
            }
        }
        int c = 0;
        for (int i = 0; i < parent.length; i++) {
            if (find(parent, i) == i) {
                c++;
            }
        }
        return c;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** True when every level of {@code e} lies within a single cluster of {@code c}. */
    static boolean nestedIn(Effect e, Effect c) {
        int[] map = new int[e.levels()];
        Arrays.fill(map, -1);
        int[] ec = e.codes();
        int[] cc = c.codes();
        for (int i = 0; i < ec.length; i++) {
            int m = map[ec[i]];
            if (m < 0) {
                map[ec[i]] = cc[i];
            } else if (m != cc[i]) {
                return false;
            }
        }
        return true;
    }

    /** reghdfe's rule: drop observations alone in a level of some effect, repeatedly until none is left. */
    static int[] dropSingletons(List<Effect> effects, int n) {
        boolean[] out = new boolean[n];
        int[][] counts = new int[effects.size()][];
        for (int k = 0; k < effects.size(); k++) {
            Effect e = effects.get(k);
            counts[k] = new int[e.levels()];
            for (int c : e.codes()) {
                counts[k][c]++;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int k = 0; k < effects.size(); k++) {
                int[] codes = effects.get(k).codes();
                for (int i = 0; i < n; i++) {
                    if (!out[i] && counts[k][codes[i]] == 1) {
                        out[i] = true;
                        changed = true;
                        for (int m = 0; m < effects.size(); m++) {
                            counts[m][effects.get(m).codes()[i]]--;
                        }
                    }
                }
            }
        }
        int kept = 0;
        for (boolean b : out) {
            if (!b) {
                kept++;
            }
        }
        int[] rows = new int[kept];
        int a = 0;
        for (int i = 0; i < n; i++) {
            if (!out[i]) {
                rows[a++] = i;
            }
        }
        return rows;
    }

    // ---------------------------------------------------------------------------------------------
    // small helpers

    private static void checkFinite(LinearProblem p) {
        checkFinite(p.dependent(), p.y());
        for (int j = 0; j < p.x().length; j++) {
            checkFinite(p.names().get(j), p.x()[j]);
        }
    }

    private static void checkFinite(String name, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new LinearModelException("variable " + name + " is missing or not finite in observation " + (i + 1)
                    + "; remove such observations (sample:) or fix the data");
            }
        }
    }

    /** Re-codes an effect on the estimation rows to 0..L-1 (increasing in the original code), dropping absent levels. */
    static Effect compact(Effect e, int[] rows, boolean allRows) {
        int[] src = e.codes();
        int[] map = new int[e.levels()];
        for (int r = 0; r < rows.length; r++) {
            int c = src[rows[r]];
            if (c < 0 || c >= map.length) {
                throw new IllegalArgumentException("effect " + e.name() + " has code " + c + " outside 0.." + (map.length - 1));
            }
            map[c] = 1;
        }
        int levels = 0;
        for (int g = 0; g < map.length; g++) {
            map[g] = map[g] == 1 ? levels++ : -1;
        }
        if (allRows && levels == e.levels()) {
            return e;
        }
        int[] codes = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            codes[r] = map[src[rows[r]]];
        }
        return new Effect(e.name(), codes, levels);
    }

    private static int[] identity(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static double[] subset(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            out[r] = v[rows[r]];
        }
        return out;
    }

    /** Two-pass mean (the second pass corrects the rounding of the first). */
    static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        double m = s / v.length;
        double c = 0;
        for (double d : v) {
            c += d - m;
        }
        return m + c / v.length;
    }

    private static double[] centred(double[] v, double m) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] - m;
        }
        return out;
    }

    private static double[] groupMeans(double[] v, int[] codes, long[] counts) {
        double[] s = new double[counts.length];
        for (int i = 0; i < v.length; i++) {
            s[codes[i]] += v[i];
        }
        for (int g = 0; g < s.length; g++) {
            s[g] /= counts[g];
        }
        return s;
    }

    private static double corr2(double[] a, double[] b) {
        double ma = mean(a);
        double mb = mean(b);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return saa == 0 || sbb == 0 ? 0.0 : sab * sab / (saa * sbb);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] a) {
        // scaled to avoid overflow for very large columns
        double scale = 0;
        for (double d : a) {
            scale = Math.max(scale, Math.abs(d));
        }
        if (scale == 0) {
            return 0;
        }
        double s = 0;
        for (double d : a) {
            double t = d / scale;
            s += t * t;
        }
        return scale * Math.sqrt(s);
    }

    private static double[][] scale(double[][] m, double f) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = new double[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                out[i][j] = m[i][j] * f;
            }
        }
        return out;
    }

    private static void addScaled(double[][] acc, double[][] m, double f) {
        for (int i = 0; i < acc.length; i++) {
            for (int j = 0; j < acc[i].length; j++) {
                acc[i][j] += f * m[i][j];
            }
        }
    }

    private static double[][] mul(double[][] a, double[][] b) {
        int r = a.length;
        int c = b.length == 0 ? 0 : b[0].length;
        int k = b.length;
        double[][] out = new double[r][c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double s = 0;
                for (int l = 0; l < k; l++) {
                    s += a[i][l] * b[l][j];
                }
                out[i][j] = s;
            }
        }
        return out;
    }

    private static double[][] transpose(double[][] a) {
        int r = a.length;
        int c = r == 0 ? 0 : a[0].length;
        double[][] out = new double[c][r];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                out[j][i] = a[i][j];
            }
        }
        return out;
    }

    private static double[][] identityMatrix(int k) {
        double[][] m = new double[k][k];
        for (int i = 0; i < k; i++) {
            m[i][i] = 1;
        }
        return m;
    }
}
