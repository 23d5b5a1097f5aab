/**
 * The study file as a positioned tree: {@link dev.repro.config.StudyFileReader} reads YAML or JSON into
 * {@link dev.repro.config.Node}s that know their key path, line and column, and {@link dev.repro.config.Fields}
 * reads one mapping's keys with located problems (unknown keys with a suggestion, wrong types, missing keys).
 *
 * <p>May use {@code diag} and {@code io}. Knows nothing of what the keys mean: the sections' parsers live in
 * {@code study} and {@code index}.
 */
package dev.repro.config;
