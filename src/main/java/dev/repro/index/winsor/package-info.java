/**
 * The {@code winsorize} index step: columns winsorized or trimmed at percentiles, optionally by group
 * ({@link WinsorKind}, {@link Winsorizer}).
 *
 * <p>May use: {@code index.api} and the lower layers {@code diag}, {@code config}, {@code data}. Never
 * {@code dev.repro.index} or another step kind's package; the kind is registered in
 * {@code dev.repro.index.StepKinds}.
 */
package dev.repro.index.winsor;
