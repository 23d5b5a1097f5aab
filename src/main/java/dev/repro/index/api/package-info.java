/**
 * What index step kinds share: the {@link StepKind} interface (name, parse, build), the {@link ParseContext} of
 * step parsers, the spec and result types ({@link IndexStepSpec}, {@link StepResult}, {@link AuxTable},
 * {@link TableRow}) and the helpers builders use ({@link Report} for located problems, {@link NumberText},
 * {@link Groups}, {@link StepPanel}).
 *
 * <p>May use: {@code diag}, {@code config}, {@code data}. Never {@code dev.repro.index} or a step kind package:
 * they build on this one.
 */
package dev.repro.index.api;
