package dev.repro.report;

/** FreeMarker output format "Markdown" for {@code *.md.ftl}: plain text is escaped with {@link Escape#markdown}. */
public final class MarkdownOutputFormat extends EscapingOutputFormat {
    public static final MarkdownOutputFormat INSTANCE = new MarkdownOutputFormat();

    private MarkdownOutputFormat() {
        super("Markdown", "text/markdown", Escape::markdown);
    }
}
