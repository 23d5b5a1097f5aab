/**
 * The {@code entropy} index step: the entropy-weighted composite index with its weights and yearly statistics
 * ({@link EntropyKind}, {@link EntropyIndex}).
 *
 * <p>May use: {@code index.api} and the lower layers {@code diag}, {@code config}, {@code data}. Never
 * {@code dev.repro.index} or another step kind's package; the kind is registered in
 * {@code dev.repro.index.StepKinds}.
 */
package dev.repro.index.entropy;
