package dev.repro.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A coefficient as results.json holds it: estimate, standard error, t (or z) statistic, p-value. */
@JsonPropertyOrder({"estimate", "stdError", "t", "p"})
public record CoefficientResult(double estimate, double stdError, double t, double p) {
}
