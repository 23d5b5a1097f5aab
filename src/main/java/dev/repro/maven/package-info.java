/**
 * The Maven goals ({@code validate}, {@code index}, {@code estimate}, {@code tables}, {@code check},
 * {@code baseline}, {@code package}): thin mojos that map parameters to a
 * {@link dev.repro.pipeline.Workspace}, keep the project's {@link dev.repro.pipeline.StudyCache} in the
 * Maven project's context for the goals of one build, and translate the core's outcomes into Maven's
 * (a user mistake fails the build, an I/O error is an execution error). Thread-safe: no static state, no
 * change of the default locale.
 *
 * <p>May use: {@code pipeline}, {@code diag}, and the Maven API; nothing below {@code pipeline} needs it.
 */
package dev.repro.maven;
