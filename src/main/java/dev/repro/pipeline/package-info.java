/**
 * The one-way flow of a study, goal by goal: study file, data, constructed variables, results, tables and
 * the drift check ({@link dev.repro.pipeline.Pipeline} and its steps), on the files of one project
 * ({@link dev.repro.pipeline.Workspace}), reporting through a {@link dev.repro.pipeline.Reporter}. The
 * validated study is shared between goals through a {@link dev.repro.pipeline.StudyCache} owned by the
 * caller; the package keeps no JVM-wide state and knows no Maven type. The estimators return records of their
 * own, and one small mapper per area turns them into the results records in plain Java
 * ({@link dev.repro.pipeline.GmmResults}, {@link dev.repro.pipeline.TestResults},
 * {@link dev.repro.pipeline.MediationResults}).
 *
 * <p>May use every layer below it: {@code diag}, {@code io}, {@code config}, {@code numeric},
 * {@code data}, {@code formula}, {@code estimate.*}, {@code results}, {@code index}, {@code study},
 * {@code drift}, {@code report}.
 */
package dev.repro.pipeline;
