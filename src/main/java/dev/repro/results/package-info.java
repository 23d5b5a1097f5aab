/**
 * The results contract: typed records of everything {@code estimate} computes ({@link dev.repro.results.ModelResult}
 * with its {@link dev.repro.results.DiagnosticTest}s and {@link dev.repro.results.ModelInfo}, one
 * {@link dev.repro.results.TestResult} record per test kind, {@link dev.repro.results.MediationResult},
 * {@link dev.repro.results.IndexResult}) and the one mapping of results.json ({@link dev.repro.results.ResultsJson}),
 * which tables, figures and the drift gate read.
 *
 * <p>Layer 7. May use {@code diag} and {@code io} (and Jackson annotations); knows no estimator, study, report or
 * drift type.
 */
package dev.repro.results;
