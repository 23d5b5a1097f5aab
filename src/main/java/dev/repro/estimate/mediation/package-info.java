/**
 * Mediation analysis by the product of coefficients (Baron and Kenny 1986), simple and chain mediation, with
 * the Sobel, Aroian and Goodman tests and cluster-bootstrap intervals: linear fits from {@code
 * dev.repro.estimate.linear}, replicates from {@code dev.repro.estimate.bootstrap}.
 *
 * <p>Layer 6 (estimate): may use {@code dev.repro.estimate.linear}, {@code dev.repro.estimate.bootstrap},
 * {@code dev.repro.numeric}, {@code dev.repro.diag} and Apache Commons Math; never study, report, drift,
 * results or pipeline.
 */
package dev.repro.estimate.mediation;
