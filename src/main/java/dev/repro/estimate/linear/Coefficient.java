package dev.repro.estimate.linear;

/** One estimated coefficient with its standard error, t statistic and two-sided p-value. */
public record Coefficient(String term, double estimate, double stdError, double t, double p) {
}
