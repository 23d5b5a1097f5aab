package dev.repro.report;

/**
 * FreeMarker output format "CSV" for {@code *.csv.ftl}: every {@code ${...}} is one RFC 4180 field
 * ({@link Escape#csv}), quoted when it holds a comma, a quote or a line break; the template writes the
 * commas and the CRLF record ends.
 */
public final class CsvOutputFormat extends EscapingOutputFormat {
    public static final CsvOutputFormat INSTANCE = new CsvOutputFormat();

    private CsvOutputFormat() {
        super("CSV", "text/csv", Escape::csv);
    }
}
