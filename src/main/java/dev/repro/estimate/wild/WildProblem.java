package dev.repro.estimate.wild;

import java.util.Objects;

/**
 * One coefficient of a linear model to test by the wild cluster restricted bootstrap.
 *
 * @param y the outcome, n values
 * @param x the full design as columns (regressors, the absorbed effects as dummy columns and the constant); collinear
 *          columns are allowed and ignored, except the tested one
 * @param term the index of the tested column in {@code x}
 * @param cluster the cluster of each observation, 0..clusters-1
 * @param clusters the number of clusters G
 * @param weights the distribution of the cluster weights
 * @param replications B; with Rademacher weights and 2^G &lt;= B every sign vector is enumerated instead (exact, seed-free)
 * @param seed the seed of the random draws
 * @param level the confidence level of the interval, e.g. 0.95
 * @param threads threads at most (the result does not depend on them)
 * @param observationWeights analytic or sampling weights of the observations (positive), or null for an unweighted
 *                           model: the bootstrap runs on the model multiplied through by sqrt(w), as boottest does for
 *                           aweights and pweights
 */
public record WildProblem(double[] y, double[][] x, int term, int[] cluster, int clusters, WildWeights weights, int replications,
                          long seed, double level, int threads, double[] observationWeights) {
    /** An unweighted model. */
    public WildProblem(double[] y, double[][] x, int term, int[] cluster, int clusters, WildWeights weights, int replications,
                       long seed, double level, int threads) {
        this(y, x, term, cluster, clusters, weights, replications, seed, level, threads, null);
    }

    public WildProblem {
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(weights, "weights");
        if (term < 0 || term >= x.length) {
            throw new IllegalArgumentException("term " + term + " outside 0.." + (x.length - 1));
        }
        for (double[] col : x) {
            if (col.length != y.length) {
                throw new IllegalArgumentException("column of length " + col.length + " for " + y.length + " observations");
            }
        }
        if (cluster.length != y.length) {
            throw new IllegalArgumentException(cluster.length + " cluster codes for " + y.length + " observations");
        }
        if (observationWeights != null) {
            if (observationWeights.length != y.length) {
                throw new IllegalArgumentException(observationWeights.length + " weights for " + y.length + " observations");
            }
            for (double w : observationWeights) {
                if (!(w > 0) || !Double.isFinite(w)) {
                    throw new IllegalArgumentException("weights must be positive and finite; found " + w);
                }
            }
        }
        if (replications < 1 || !(level > 0 && level < 1)) {
            throw new IllegalArgumentException("replications must be >= 1 and level in (0, 1)");
        }
    }
}
