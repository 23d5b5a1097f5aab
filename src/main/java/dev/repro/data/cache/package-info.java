/**
 * The binary columnar copy of a dataset that lets a build skip reading a CSV file again or rebuilding an index step
 * whose inputs did not change ({@code target/repro/cache/<dataset>.rcol}): {@link dev.repro.data.cache.DatasetFile}
 * writes a {@link dev.repro.data.Dataset} with the key it was made from (atomically) and reads it back bit for bit,
 * or says why it cannot (another key, another format version, a truncated or damaged file). The format is described
 * in {@link dev.repro.data.cache.DatasetFile}; what a key is made of is the caller's business.
 *
 * <p>May use: {@code diag}, {@code io}, {@code data}.
 */
package dev.repro.data.cache;
