package dev.repro.report;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;

/**
 * FreeMarker output format "CSV" for {@code *.csv.ftl}: every {@code ${...}} is one RFC 4180 field
 * ({@link Escape#csv}), quoted when it holds a comma, a quote or a line break; the template writes the
 * commas and the CRLF record ends.
 */
public final class CsvOutputFormat extends CommonMarkupOutputFormat<CsvOutputFormat.Markup> {
    public static final CsvOutputFormat INSTANCE = new CsvOutputFormat();

    private CsvOutputFormat() {
    }

    @Override
    public String getName() {
        return "CSV";
    }

    @Override
    public String getMimeType() {
        return "text/csv";
    }

    @Override
    public void output(String textToEsc, Writer out) throws IOException {
        out.write(Escape.csv(textToEsc));
    }

    @Override
    public String escapePlainText(String plainTextContent) {
        return Escape.csv(plainTextContent);
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected Markup newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
        return new Markup(plainTextContent, markupContent);
    }

    /** Already-quoted CSV written as is. */
    public static final class Markup extends CommonTemplateMarkupOutputModel<Markup> {
        Markup(String plainTextContent, String markupContent) {
            super(plainTextContent, markupContent);
        }

        @Override
        public CsvOutputFormat getOutputFormat() {
            return INSTANCE;
        }
    }
}
