/**
 * The registry of file formats a dataset can be read from ({@link dev.repro.data.readers.DataReaders}): each
 * format is one package with its reader and one entry here, chosen by the study's {@code format:} or by the
 * file's extension, with the study keys only that format knows.
 *
 * <p>May use: {@code diag}, {@code io}, {@code data} and its format packages.
 */
package dev.repro.data.readers;
