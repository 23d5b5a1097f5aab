package dev.repro.data;

/**
 * How a file that is not CSV is read: the study's {@code format:} (null: by the file's extension), and the
 * keys only some formats know. A format that does not know a key set here reports it.
 *
 * @param format      {@code csv}, {@code dta} or {@code xlsx}; null to choose by the file's extension
 * @param sheet       .xlsx: the worksheet's name, or its 1-based number as text; null for the first sheet
 * @param range       .xlsx: the cells read, such as {@code A3:K33}; null for the used cells of the sheet
 * @param headerRow   .xlsx: the 1-based row of the column names within the sheet; 0 for the range's first row
 * @param labelCodes  .dta: true to read a value-labelled variable as its numeric codes ({@code labels: code}),
 *                    false for the label texts ({@code labels: text}, the default)
 * @param dates       .dta and .xlsx: how dates become integers (see {@link DateRule})
 * @param missingCodes .dta: true to add, for each numeric variable with extended missing values, a text
 *                    column {@code <name>_missing} holding {@code .a}..{@code .z} (and {@code .}) where the value is missing
 * @param encoding    .dta formats 113-117: the character set of names, labels and texts ({@code encoding:}); null for
 *                    windows-1252, what Stata 13 and older wrote on Windows and Mac (formats 118-119 are UTF-8 by definition)
 */
public record ReadOptions(String format, String sheet, String range, int headerRow, boolean labelCodes,
                          DateRule dates, boolean missingCodes, String encoding) {

    /** How a date cell or a Stata date variable becomes the integer a panel's time needs. */
    public enum DateRule {
        /** The calendar year (2015 for 2015-07-01, 2015m7, 2015q3 and 2015). */
        YEAR,
        /** The count of the date's own unit, consecutive so that lags work: Stata's days, months or quarters since 1960, or the year. */
        PERIOD
    }

    public ReadOptions {
        dates = dates == null ? DateRule.YEAR : dates;
    }

    /** The options with the default encoding. */
    public ReadOptions(String format, String sheet, String range, int headerRow, boolean labelCodes, DateRule dates, boolean missingCodes) {
        this(format, sheet, range, headerRow, labelCodes, dates, missingCodes, null);
    }

    /** CSV, or the format of the file's extension, with every default. */
    public static ReadOptions defaults() {
        return new ReadOptions(null, null, null, 0, false, DateRule.YEAR, false);
    }
}
