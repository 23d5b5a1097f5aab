/**
 * The formula languages of a study and their evaluation on arrays: model formulas
 * ({@code y ~ x + L(x, 1) | unit + year}), term lists, sample filters and the expressions of derived
 * columns. Lexer, grammars ({@code FormulaGrammar}, {@code ValueGrammar}) and checker turn a text into
 * {@link dev.repro.formula.Formula}, {@link dev.repro.formula.SampleFilter} or
 * {@link dev.repro.formula.Expression} with positioned problems; {@link dev.repro.formula.Evaluator}
 * computes terms and conditions over a dataset; {@link dev.repro.formula.ModelFrame} assembles the arrays
 * an estimator reads. Knows no estimator, study, report or Maven type.
 *
 * <p>May use: {@code diag}, {@code io}, {@code numeric}, {@code data}.
 */
package dev.repro.formula;
