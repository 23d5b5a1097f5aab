/**
 * The drift gate: results flattened to dotted paths ({@link dev.repro.drift.Flat}) compared value by value with
 * the baseline under the study's tolerances ({@link dev.repro.drift.DriftChecker}), the drift tables and JUnit
 * report, and the cell-by-cell check of published tables ({@link dev.repro.drift.PublishedCheck}).
 *
 * <p>Layer 10. May use {@code diag}, {@code io}, {@code results} and {@code study} (tolerances, published tables,
 * printed numbers); never {@code report}, {@code pipeline} or {@code maven}.
 */
package dev.repro.drift;
