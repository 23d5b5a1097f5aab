package dev.repro.estimate.linear;

import dev.repro.numeric.Dense;
import dev.repro.numeric.Effect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pooled OLS with a constant (nothing absorbed; Stata regress, R lm) and the within estimator absorbing any
 * number of fixed effects (reghdfe, fixest, plm "within"). Columns are centred (two-pass mean), the effects are
 * projected out by {@link FixedEffectsProjector}, and the least-squares problem is solved by {@link QrSolution}
 * on the transformed columns; a regressor fully explained by the absorbed effects is dropped before the QR.
 * R^2 = 1 - SSR/TSS with TSS about the mean of y; the within R^2 uses the projected y.
 */
final class WithinEstimator {
    private WithinEstimator() {
    }

    /** Pooled OLS (no absorbed effect) or the within estimator. */
    static LinearFit fit(EstimationSample sample) {
        LinearProblem p = sample.problem();
        LinearOptions o = sample.options();
        int n = sample.n();
        double[] y = sample.y();
        List<Effect> fe = sample.fe();
        Effect panel = sample.panel();
        int k0 = sample.k0();
        double[][] x = sample.x();
        boolean pooled = fe.isEmpty();
        double my = Dense.mean(y);
        double[] yt = Dense.centred(y, my);
        double[] xm = new double[k0];
        double[][] xt = new double[k0][];
        double[] centredNorm = new double[k0];
        for (int j = 0; j < k0; j++) {
            xm[j] = Dense.mean(x[j]);
            xt[j] = Dense.centred(x[j], xm[j]);
            centredNorm[j] = Dense.norm(xt[j]);
        }
        double tss = Dense.dot(yt, yt);
        int iterations = 0;
        if (!pooled) {
            iterations = project(fe, yt, xt, o);
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
            if (!pooled && (centredNorm[j] == 0 || Dense.norm(xt[j]) <= o.collinearityTolerance() * centredNorm[j])) {
                // constant, or fully explained by the absorbed effects
                dropped.add(p.names().get(j));
            } else {
                design.add(xt[j]);
                slopeOf.add(j);
            }
        }
        QrSolution s = QrSolution.solve(design, yt, o.collinearityTolerance());
        QrSolution.Kept columns = s.kept(slopeOf, p.names(), dropped);
        List<Integer> keptSlopes = columns.slopes();
        boolean intercept = columns.intercept();
        dropped.sort((a, b) -> Integer.compare(p.names().indexOf(a), p.names().indexOf(b)));
        int kS = keptSlopes.size();
        DegreesOfFreedom dof = DegreesOfFreedom.of(sample, pooled, kS);
        double ssr = Dense.dot(s.resid, s.resid);
        double ytt = pooled ? tss : Dense.dot(yt, yt);
        double r2 = 1 - ssr / tss;
        double r2w = 1 - ssr / ytt;
        int groups = panel != null ? panel.levels() : (pooled ? 0 : fe.get(0).levels());
        Inference.Shift shift = pooled && intercept ? new Inference.Shift(my, xm) : null;
        return Inference.finish(sample, pooled ? "ols" : "within", s, keptSlopes, intercept, shift, dof, dropped, r2, r2w,
            groups, iterations, null);
    }

    private static int project(List<Effect> effects, double[] yt, double[][] xt, LinearOptions o) {
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
}
