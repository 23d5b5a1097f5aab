/**
 * The Excel .xlsx reader: one worksheet (by name or number), an optional range and header row, read through
 * the streaming fastexcel-reader library; numbers, dates, text and the cached values of formulas become the
 * cells of a CSV file and get the same checks ({@link dev.repro.data.ColumnTable}), every message naming the
 * cell as {@code Sheet1!C17}.
 *
 * <p>May use: {@code diag}, {@code io}, {@code data}.
 */
package dev.repro.data.xlsx;
