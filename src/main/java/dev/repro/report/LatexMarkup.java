package dev.repro.report;

import freemarker.template.TemplateModelException;

/** Builds LaTeX markup values for the template data model (written as is by {@code *.tex.ftl} templates). */
final class LatexMarkup {
    private LatexMarkup() {
    }

    static EscapingOutputFormat.Markup of(String latex) {
        try {
            return LatexOutputFormat.INSTANCE.fromMarkup(latex);
        } catch (TemplateModelException e) {
            throw new IllegalStateException(e);
        }
    }
}
