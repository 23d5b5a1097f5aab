/**
 * Panel specification tests, as R plm and Stata compute them: the Hausman test (classical, generalized and
 * regression-based), the unit-root tests of Levin-Lin-Chu, Im-Pesaran-Shin and the Fisher combinations of
 * ADF and Phillips-Perron tests, and the Dumitrescu-Hurlin Granger non-causality test with its block
 * bootstrap. Series come in as a {@link dev.repro.estimate.paneltest.PanelSeries}; each test returns a result
 * record.
 *
 * <p>Layer 6 (estimate): may use {@code dev.repro.estimate.linear} (the fits the Hausman test compares),
 * {@code dev.repro.numeric}, {@code dev.repro.diag} and Apache Commons Math; never study, report, drift,
 * results or pipeline.
 */
package dev.repro.estimate.paneltest;
