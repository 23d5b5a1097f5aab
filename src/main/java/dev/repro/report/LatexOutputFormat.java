package dev.repro.report;

import dev.repro.study.Label;

/**
 * FreeMarker output format "LaTeX": every {@code ${...}} of plain text in a {@code *.tex.ftl} template is
 * escaped with {@link Escape#latex}, so a user's overriding template is safe by default. Raw LaTeX reaches
 * the output only as a markup value built in Java ({@link Label#latex()}) or through an explicit {@code ?no_esc}.
 */
public final class LatexOutputFormat extends EscapingOutputFormat {
    public static final LatexOutputFormat INSTANCE = new LatexOutputFormat();

    private LatexOutputFormat() {
        super("LaTeX", "application/x-latex", Escape::latex);
    }
}
