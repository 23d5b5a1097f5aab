/**
 * The {@code perpetual-inventory} index step: stocks from yearly flows, deflated and depreciated
 * ({@link PerpetualInventoryKind}, {@link PerpetualInventory}).
 *
 * <p>May use: {@code index.api} and the lower layers {@code diag}, {@code config}, {@code data}. Never
 * {@code dev.repro.index} or another step kind's package; the kind is registered in
 * {@code dev.repro.index.StepKinds}.
 */
package dev.repro.index.stock;
