/**
 * The study as immutable, validated spec records ({@link dev.repro.study.Study}, datasets, models, tests,
 * mediation, labels, tolerances, published tables) and one parser per section that builds them from the
 * positioned config tree, every problem located at its file, line, column and key. Tables and figures are kept as
 * positioned entries ({@link dev.repro.study.ReportEntry}) whose keys the report's kinds parse.
 *
 * <p>May use {@code diag}, {@code io}, {@code config}, {@code numeric}, {@code data}, {@code formula},
 * {@code estimate} (option types), {@code results} and {@code index} (the index plan and its parser). Knows
 * nothing of rendering, drift or Maven.
 */
package dev.repro.study;
