/**
 * The Stata .dta reader (formats 113 to 119: Stata 8 to 18), written from StataCorp's published description
 * of the format ({@code help dta}): header, variable descriptors, the data streamed in blocks of observations
 * into one primitive array per variable, long strings (strL), value labels, missing values {@code .} and
 * {@code .a}-{@code .z}, and date formats. The checks of the study's schema are those of a CSV file
 * ({@link dev.repro.data.ColumnTable}).
 *
 * <p>May use: {@code diag}, {@code io}, {@code data}.
 */
package dev.repro.data.dta;
