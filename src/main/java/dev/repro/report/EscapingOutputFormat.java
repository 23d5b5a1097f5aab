package dev.repro.report;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A FreeMarker output format that escapes every {@code ${...}} of plain text with one function of {@link Escape};
 * markup built in Java is written as is. Each format (LaTeX, Markdown, CSV) is this class with its name,
 * MIME type and escape.
 */
public abstract class EscapingOutputFormat extends CommonMarkupOutputFormat<EscapingOutputFormat.Markup> {
    private final String name;
    private final String mimeType;
    private final UnaryOperator<String> escape;

    protected EscapingOutputFormat(String name, String mimeType, UnaryOperator<String> escape) {
        this.name = Objects.requireNonNull(name, "name");
        this.mimeType = Objects.requireNonNull(mimeType, "mimeType");
        this.escape = Objects.requireNonNull(escape, "escape");
    }

    @Override
    public final String getName() {
        return name;
    }

    @Override
    public final String getMimeType() {
        return mimeType;
    }

    @Override
    public final void output(String textToEsc, Writer out) throws IOException {
        out.write(escape.apply(textToEsc));
    }

    @Override
    public final String escapePlainText(String plainTextContent) {
        return escape.apply(plainTextContent);
    }

    @Override
    public final boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected final Markup newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
        return new Markup(this, plainTextContent, markupContent);
    }

    /** A piece of this format's markup, written as is. */
    public static final class Markup extends CommonTemplateMarkupOutputModel<Markup> {
        private final EscapingOutputFormat format;

        Markup(EscapingOutputFormat format, String plainTextContent, String markupContent) {
            super(plainTextContent, markupContent);
            this.format = format;
        }

        @Override
        public EscapingOutputFormat getOutputFormat() {
            return format;
        }
    }
}
