/**
 * The {@code index} goal's plan and its running: {@link IndexPlan} (the study's {@code index:} section as ordered
 * step specs), {@link IndexPlanParser} (reads {@code step} and {@code output} and hands the rest to the step's
 * kind), {@link IndexRunner} (builds every step in order), {@link IndexWriter} (CSV, auxiliary tables and manifest
 * of each created dataset) and {@code StepKinds}, the one registry of step kinds.
 *
 * <p>May use: {@code index.api}, the step kind packages ({@code index.carbon}, {@code index.derive},
 * {@code index.entropy}, {@code index.merge}, {@code index.quality}, {@code index.stock}, {@code index.winsor};
 * only {@code StepKinds} names their kinds), and the lower layers {@code diag}, {@code io}, {@code config},
 * {@code data}.
 */
package dev.repro.index;
