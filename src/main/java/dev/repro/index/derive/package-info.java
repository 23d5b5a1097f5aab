/**
 * The {@code derive} index step: new columns computed from formula expressions ({@link DeriveKind},
 * {@link Deriver}).
 *
 * <p>May use: {@code index.api} and the lower layers {@code diag}, {@code config}, {@code data}, {@code formula}.
 * Never {@code dev.repro.index} or another step kind's package; the kind is registered in
 * {@code dev.repro.index.StepKinds}.
 */
package dev.repro.index.derive;
