/**
 * Tables, figures and the HTML report: the format-neutral {@link dev.repro.report.TableModel}, one class per table
 * kind ({@link dev.repro.report.TableKind}, registered in {@link dev.repro.report.Tables}) and per figure kind
 * ({@link dev.repro.report.FigureKind}, registered in {@link dev.repro.report.Figures}), the FreeMarker templates
 * and their escaping output formats, and {@link dev.repro.report.Publisher}, which the {@code tables} goal calls.
 *
 * <p>Layer 11. May use {@code diag}, {@code io}, {@code data}, {@code results}, {@code study} (table, figure and
 * label specs) and {@code drift} (the drift items the report lists); never {@code pipeline} or {@code maven}.
 */
package dev.repro.report;
