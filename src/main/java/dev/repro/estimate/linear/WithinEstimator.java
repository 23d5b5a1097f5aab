package dev.repro.estimate.linear;

import dev.repro.numeric.Dense;
import dev.repro.numeric.Effect;
import dev.repro.numeric.Parallel;
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
        // weighted least squares: weighted means, then every column times sqrt(w) (the constant becomes sqrt(w))
        double[] w = sample.weights();
        double[] root = w == null ? null : Arrays.stream(w).map(Math::sqrt).toArray();
        // y (task 0) and each regressor (task 1 + j) centred on their own thread: the same bits at any thread count
        double[] means = new double[1 + k0];
        double[][] centred = new double[1 + k0][];
        double[] centredNorm = new double[k0];
        Parallel.forEach(1 + k0, o.threads(), c -> {
            double[] v = c == 0 ? y : x[c - 1];
            means[c] = Dense.weightedMean(v, w);
            centred[c] = scaled(Dense.centred(v, means[c]), root);
            if (c > 0) {
                centredNorm[c - 1] = Dense.norm(centred[c]);
            }
        });
        double my = means[0];
        double[] yt = centred[0];
        double[] xm = Arrays.copyOfRange(means, 1, 1 + k0);
        double[][] xt = Arrays.copyOfRange(centred, 1, 1 + k0);
        double tss = Dense.dot(yt, yt);
        int iterations = 0;
        if (!pooled) {
            iterations = project(fe, yt, xt, o, w);
        }
        // Design: [1 (pooled only), kept slopes]; the constant first so that a regressor collinear
        // with it is the one dropped, as Stata and R do.
        List<double[]> design = new ArrayList<>();
        List<Integer> slopeOf = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        if (pooled) {
            double[] one = new double[n];
            Arrays.fill(one, 1.0);
            one = scaled(one, root);
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
        LinearFit fit = Inference.finish(sample, pooled ? "ols" : "within", s, keptSlopes, intercept, shift, dof, dropped, r2, r2w,
            groups, iterations, null);
        // the within constant's variance needs these columns: handed on rather than projected a second time
        return pooled || w != null ? fit : fit.withWithinRegressors(xt);
    }

    /** v times sqrt(w) elementwise, in place; v itself without weights. */
    static double[] scaled(double[] v, double[] root) {
        if (root != null) {
            for (int i = 0; i < v.length; i++) {
                v[i] *= root[i];
            }
        }
        return v;
    }

    private static int project(List<Effect> effects, double[] yt, double[][] xt, LinearOptions o, double[] w) {
        FixedEffectsProjector proj = new FixedEffectsProjector(effects, o.tolerance(), o.maxIterations(), w);
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
