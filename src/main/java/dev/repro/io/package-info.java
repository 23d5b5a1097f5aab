/**
 * Files: atomic writes (temporary file, then move), the one JSON writer configuration, SHA-256 digests and
 * {@link dev.repro.io.ProjectPaths}, the one rule that keeps every path a study names inside the project.
 *
 * <p>Bottom layer: may use {@code diag} only.
 */
package dev.repro.io;
