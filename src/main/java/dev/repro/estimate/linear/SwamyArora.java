package dev.repro.estimate.linear;

import dev.repro.numeric.Dense;
import dev.repro.numeric.Effect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One-way random effects with the Swamy and Arora (1972) variance components, as R plm (model = "random",
 * random.method = "swamy") and Stata xtreg, re: sigma2_e from the within regression, sigma2_u from the
 * between regression at observation level, theta_i = 1 - sqrt(sigma2_e / (T_i sigma2_u + sigma2_e)), then
 * pooled OLS on the quasi-demeaned data. See docs/linear.md for every formula.
 */
final class SwamyArora {
    private SwamyArora() {
    }

    /** One-way random effects with the Swamy-Arora components, as R plm (random.method = "swamy"). */
    static LinearFit fit(EstimationSample sample) {
        LinearProblem p = sample.problem();
        LinearOptions o = sample.options();
        int n = sample.n();
        double[] y = sample.y();
        double[][] x = sample.x();
        Effect panel = sample.panel();
        int k0 = sample.k0();
        int gp = panel.levels();
        int[] pc = panel.codes();
        long[] ti = new long[gp];
        for (int i = 0; i < n; i++) {
            ti[pc[i]]++;
        }
        double my = Dense.mean(y);
        double[] xm = new double[k0];
        double[][] xc = new double[k0][];
        double[] centredNorm = new double[k0];
        for (int j = 0; j < k0; j++) {
            xm[j] = Dense.mean(x[j]);
            xc[j] = Dense.centred(x[j], xm[j]);
            centredNorm[j] = Dense.norm(xc[j]);
        }
        double[] yc = Dense.centred(y, my);
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
            if (centredNorm[j] > 0 && Dense.norm(xw[j]) > o.collinearityTolerance() * centredNorm[j]) {
                wd.add(xw[j]);
            }
        }
        QrSolution sw = QrSolution.solve(wd, yw, o.collinearityTolerance());
        int kw = sw.rank;
        double dfw = n - gp - kw;
        if (dfw <= 0) {
            throw new LinearModelException(n + " observations in " + gp + " panel units are too few for random effects with "
                + kw + " time-varying regressors: the within regression has no residual degrees of freedom");
        }
        double s2e = Dense.dot(sw.resid, sw.resid) / dfw;
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
        QrSolution sb = QrSolution.solve(bd, yb, o.collinearityTolerance());
        int kb = sb.rank - 1;
        double quad2 = Dense.dot(sb.resid, sb.resid);
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
        QrSolution s = QrSolution.solve(design, ys, o.collinearityTolerance());
        List<String> dropped = new ArrayList<>();
        QrSolution.Kept columns = s.kept(slopeOf, p.names(), dropped);
        List<Integer> keptSlopes = columns.slopes();
        boolean intercept = columns.intercept();
        DegreesOfFreedom dof = DegreesOfFreedom.of(sample, true, keptSlopes.size());
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
        Inference.Shift shift = intercept ? new Inference.Shift(my, xm) : null;
        return Inference.finish(sample, "re", s, keptSlopes, intercept, shift, dof, dropped, r2, r2w, gp, 0,
            new RandomEffects(s2e, s2u, theta));
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
        double ma = Dense.mean(a);
        double mb = Dense.mean(b);
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
}
