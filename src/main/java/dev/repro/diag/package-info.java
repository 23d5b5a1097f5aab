/**
 * Diagnostics shared by every layer: a {@link dev.repro.diag.Problem} (file, line, column, study key, message),
 * the collection {@link dev.repro.diag.Problems} that a step fills before failing once, the
 * {@link dev.repro.diag.ReproException} that carries them to the goal, {@link dev.repro.diag.Located} (where a
 * study entry was written) and {@link dev.repro.diag.Suggest} ("did you mean") and
 * {@link dev.repro.diag.Excerpt} (a short, escaped excerpt of file text for a message).
 *
 * <p>Bottom layer: uses nothing of the plugin.
 */
package dev.repro.diag;
