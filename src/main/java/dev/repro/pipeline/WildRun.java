package dev.repro.pipeline;

import dev.repro.diag.Problems;
import dev.repro.estimate.wild.WildBootstrap;
import dev.repro.estimate.wild.WildException;
import dev.repro.estimate.wild.WildProblem;
import dev.repro.estimate.wild.WildResult;
import dev.repro.numeric.Effect;
import dev.repro.results.ModelResult;
import dev.repro.results.WildInference;
import dev.repro.study.ModelSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a linear model's {@code wild:} bootstrap ({@code estimate.wild}) on the model's frame: the design is the
 * regressors plus the absorbed effects as dummy columns (or the constant), the cluster is the model's one cluster
 * variable, the model's weights (if any) weight the bootstrap too, and each listed term gets a {@link WildInference} in
 * the model's results.
 */
final class WildRun {
    /** Dummy columns at most: the bootstrap works on the dense design. */
    static final int MAX_DUMMIES = 2000;

    private WildRun() {
    }

    /**
     * The result with its wild inference, the result itself without a {@code wild:} key, or null after problems;
     * {@code weights} are the model's observation weights over the frame's rows, or null.
     */
    static ModelResult apply(ModelSpec m, ModelInputs.Frame f, ModelResult result, boolean randomEffects, double[] weights,
                             Problems problems) {
        if (!(m.options().get(WildOptions.KEY) instanceof WildOptions.Spec spec)) {
            return result;
        }
        var at = m.where(WildOptions.KEY);
        int before = problems.size();
        if (randomEffects) {
            problems.add(at.problem("the wild bootstrap applies to estimator: linear only; remove 'wild' or set estimator: linear"));
        }
        if (f.clusters().size() != 1) {
            problems.add(at.problem("the wild cluster bootstrap needs vcov: cluster(<column>) with one cluster variable; found vcov: "
                    + result.vcov()));
        }
        for (String term : spec.terms()) {
            if (!f.names().contains(term)) {
                problems.add(at.problem("wild bootstrap term '" + term + "' is not a regressor of the model; its regressors are: "
                        + String.join(", ", f.names())));
            }
        }
        int dummies = f.absorb().stream().mapToInt(Effect::levels).sum();
        if (dummies > MAX_DUMMIES) {
            problems.add(at.problem("the wild bootstrap works on the design with the absorbed effects as dummies; they have " + dummies
                    + " levels, more than " + MAX_DUMMIES + "; absorb fewer levels or drop 'wild'"));
        }
        if (problems.size() > before) {
            return null;
        }
        double[][] design = design(f);
        Effect cluster = f.clusters().get(0);
        Map<String, WildInference> out = new LinkedHashMap<>();
        for (String term : spec.terms()) {
            WildResult r;
            try {
                r = WildBootstrap.run(new WildProblem(f.y(), design, f.names().indexOf(term), cluster.codes(), cluster.levels(),
                        spec.weights(), spec.replications(), spec.seed(), spec.level(), 1, weights));
            } catch (WildException e) {
                problems.add(at.problem("wild bootstrap of " + term + ": " + e.getMessage()));
                return null;
            }
            out.put(term, new WildInference(r.p(), r.pEqualTailed(), r.ciLow(), r.ciHigh(), spec.level(), spec.weights().word(), r.draws(),
                    r.enumerated()));
        }
        return result.withWild(out);
    }

    /** Regressors, then every level of the first effect and all but the first level of the others; the constant without effects. */
    private static double[][] design(ModelInputs.Frame f) {
        int n = f.nobs();
        List<double[]> cols = new ArrayList<>(List.of(f.x()));
        if (f.absorb().isEmpty()) {
            double[] one = new double[n];
            Arrays.fill(one, 1.0);
            cols.add(one);
        }
        for (int k = 0; k < f.absorb().size(); k++) {
            Effect e = f.absorb().get(k);
            for (int level = k == 0 ? 0 : 1; level < e.levels(); level++) {
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = e.codes()[i] == level ? 1 : 0;
                }
                cols.add(d);
            }
        }
        return cols.toArray(double[][]::new);
    }
}
