package dev.repro.report;

import dev.repro.study.Label;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;

/**
 * FreeMarker output format "LaTeX": every {@code ${...}} of plain text in a {@code *.tex.ftl} template is
 * escaped with {@link Escape#latex}, so a user's overriding template is safe by default. Raw LaTeX reaches
 * the output only as a markup value built in Java ({@link Label#tex()}) or through an explicit {@code ?no_esc}.
 */
public final class LatexOutputFormat extends CommonMarkupOutputFormat<LatexOutputFormat.Markup> {
    public static final LatexOutputFormat INSTANCE = new LatexOutputFormat();

    private LatexOutputFormat() {
    }

    @Override
    public String getName() {
        return "LaTeX";
    }

    @Override
    public String getMimeType() {
        return "application/x-latex";
    }

    @Override
    public void output(String textToEsc, Writer out) throws IOException {
        out.write(Escape.latex(textToEsc));
    }

    @Override
    public String escapePlainText(String plainTextContent) {
        return Escape.latex(plainTextContent);
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected Markup newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
        return new Markup(plainTextContent, markupContent);
    }

    /** A piece of LaTeX that is written as is. */
    public static final class Markup extends CommonTemplateMarkupOutputModel<Markup> {
        Markup(String plainTextContent, String markupContent) {
            super(plainTextContent, markupContent);
        }

        @Override
        public LatexOutputFormat getOutputFormat() {
            return INSTANCE;
        }
    }
}
