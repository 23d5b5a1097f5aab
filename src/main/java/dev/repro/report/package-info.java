/**
 * Tables, figures and the HTML report: the format-neutral {@link dev.repro.report.TableModel}, one class per table
 * kind ({@link dev.repro.report.TableKind}, registered in {@link dev.repro.report.Tables}) and per figure kind
 * ({@link dev.repro.report.FigureKind}, registered in {@link dev.repro.report.Figures}), the FreeMarker templates
 * and their escaping output formats, and {@link dev.repro.report.Publisher}, which the {@code tables} goal calls.
 * Each kind parses its own keys into its spec record ({@link dev.repro.report.TableSpec},
 * {@link dev.repro.report.FigureSpec}) from the study's positioned entries, once, at validate
 * ({@link dev.repro.report.ReportSpecs}).
 *
 * <p>Layer 11. May use {@code diag}, {@code io}, {@code data}, {@code results}, {@code config} (the positioned entries), {@code study}
 * (the study, its entries and labels) and {@code drift} (the drift items the report lists); never {@code pipeline} or {@code maven}.
 */
package dev.repro.report;
