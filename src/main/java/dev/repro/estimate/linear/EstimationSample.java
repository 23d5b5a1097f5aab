package dev.repro.estimate.linear;

import dev.repro.numeric.Effect;
import java.util.List;

/**
 * The estimation sample of one linear model, after singletons are dropped: the columns and every effect
 * (absorbed, cluster, panel unit) re-coded on the kept rows.
 *
 * @param problem the model as given
 * @param options its options
 * @param n observations kept
 * @param y the dependent variable on the kept rows
 * @param x the regressors on the kept rows, in formula order
 * @param fe the absorbed effects
 * @param cl the cluster variables
 * @param panel the panel unit, or null
 * @param rows indices of the kept rows into the input rows
 * @param singletons observations dropped as singletons
 * @param time the panel time of a Driscoll-Kraay or Newey-West covariance, or null
 * @param unit the panel unit of a Driscoll-Kraay or Newey-West covariance, or null
 * @param weights the weights on the kept rows, or null
 */
record EstimationSample(LinearProblem problem, LinearOptions options, int n, double[] y, double[][] x, List<Effect> fe,
                        List<Effect> cl, Effect panel, int[] rows, int singletons, Effect time, Effect unit,
                        double[] weights) {
    /** Number of regressors in the formula. */
    int k0() {
        return x.length;
    }
}
