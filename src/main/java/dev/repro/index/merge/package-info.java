/**
 * The {@code merge} index step: two datasets joined by key columns ({@link MergeKind}, {@link Merger}).
 *
 * <p>May use: {@code index.api} and the lower layers {@code diag}, {@code config}, {@code data}. Never
 * {@code dev.repro.index} or another step kind's package; the kind is registered in
 * {@code dev.repro.index.StepKinds}.
 */
package dev.repro.index.merge;
