package dev.repro.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The page layout options every table takes ({@code landscape}, {@code fontSize}); they change how the LaTeX is
 * set, not what the table holds. Checked at validate with the entry's other keys ({@link #parse}); read again
 * from the study's plain map when the files are written ({@link #of}).
 *
 * @param landscape a {@code sidewaystable} (package rotating): the table may use the page's height as its width
 * @param fontSize  {@code auto} (the document's size, else the first of small, footnotesize, scriptsize at which
 *                  the table fits) or one size used as is
 */
public record TableLayout(boolean landscape, String fontSize) {
    /** Words of {@code fontSize}, as the LaTeX size commands. */
    static final List<String> FONT_SIZES = List.of("auto", "normalsize", "small", "footnotesize", "scriptsize");
    static final TableLayout DEFAULT = new TableLayout(false, "auto");

    public TableLayout {
        Objects.requireNonNull(fontSize, "fontSize");
        if (!FONT_SIZES.contains(fontSize)) {
            throw new IllegalArgumentException("fontSize must be one of " + FONT_SIZES);
        }
    }

    /** Checks the keys of one table entry, reporting a mistake at its line and column. */
    static TableLayout parse(SpecFields e) {
        boolean landscape = e.bool("landscape", false);
        String size = e.str("fontSize", "auto");
        if (!FONT_SIZES.contains(size)) {
            e.problem("fontSize", "unknown font size '" + size + "'; use one of: " + String.join(", ", FONT_SIZES));
            size = "auto";
        }
        return new TableLayout(landscape, size);
    }

    /** The layout of a table entry as the study file holds it (already checked by {@link #parse}). */
    static TableLayout of(Object entry) {
        if (!(entry instanceof Map<?, ?> m)) {
            return DEFAULT;
        }
        boolean landscape = Boolean.TRUE.equals(m.get("landscape"));
        Object size = m.get("fontSize");
        return new TableLayout(landscape, size instanceof String s && FONT_SIZES.contains(s) ? s : "auto");
    }

    /** The plain-data view templates get as {@code table.layout}. */
    Map<String, Object> toTemplateModel() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("landscape", landscape);
        m.put("fontSize", fontSize);
        return m;
    }
}
