/**
 * Datasets and how they are read: the immutable columnar {@link dev.repro.data.Dataset} (numeric and
 * text columns over primitive arrays, panel keys, source lines per row), the RFC 4180 CSV reader with its
 * schema rules ({@link dev.repro.data.ColumnRule}, {@link dev.repro.data.CsvOptions}) and its messages,
 * which name file, line and column; and {@link dev.repro.data.PanelOrder}, the one ordering of panel rows by
 * unit and time that formula lags, index steps and panel tests share.
 *
 * <p>May use: {@code diag}, {@code io}.
 */
package dev.repro.data;
