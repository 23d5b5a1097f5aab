/**
 * The {@code export-quality} index step: export quality by demand inversion with product and region-year fixed
 * effects ({@link ExportQualityKind}, {@link ExportQuality}).
 *
 * <p>May use: {@code index.api} and the lower layers {@code diag}, {@code config}, {@code data}, {@code numeric},
 * {@code estimate}. Never {@code dev.repro.index} or another step kind's package; the kind is registered in
 * {@code dev.repro.index.StepKinds}.
 */
package dev.repro.index.quality;
