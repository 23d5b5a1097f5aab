package dev.repro.estimate.linear;

/**
 * {@link #LINEAR}: pooled OLS with a constant when nothing is absorbed, otherwise the within estimator
 * absorbing every listed effect. {@link #RANDOM}: one-way (individual) random effects by feasible GLS
 * with the Swamy-Arora variance components, as R plm {@code model = "random", random.method = "swamy"}.
 */
public enum Estimator {
    LINEAR, RANDOM
}
