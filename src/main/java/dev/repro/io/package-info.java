/**
 * Files: atomic writes (temporary file, then move), the one JSON writer configuration and SHA-256 digests.
 *
 * <p>Bottom layer: may use {@code diag} only.
 */
package dev.repro.io;
