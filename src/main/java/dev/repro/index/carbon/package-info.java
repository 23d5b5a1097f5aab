/**
 * The {@code carbon} index step: CO2 emissions from fuel, electricity and heat use with the factor table, units and
 * their parsing ({@link CarbonKind}, {@link CarbonAccounting}).
 *
 * <p>May use: {@code index.api} and the lower layers {@code diag}, {@code config}, {@code data}. Never
 * {@code dev.repro.index} or another step kind's package; the kind is registered in
 * {@code dev.repro.index.StepKinds}.
 */
package dev.repro.index.carbon;
