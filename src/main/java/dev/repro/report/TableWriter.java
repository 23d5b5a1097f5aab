package dev.repro.report;

import dev.repro.io.AtomicFiles;
import dev.repro.diag.ReproException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Collections;

/**
 * Writes a {@link TableModel} as {@code <id>.tex}, {@code <id>.html}, {@code <id>.md} and {@code <id>.csv}.
 * For each format the template is the first found of {@code tables/<id>.<fmt>.ftl(h)} (one table),
 * {@code table-<kind>.<fmt>.ftl(h)} (one kind) and {@code table.<fmt>.ftl(h)}, each looked up in the
 * project's template folder and then in the plugin's defaults.
 */
public final class TableWriter {
    /** File extension to template suffix, in the order the files are written. */
    public static final Map<String, String> FORMATS = formats();

    private final Templates templates;

    public TableWriter(Templates templates) {
        this.templates = Objects.requireNonNull(templates, "templates");
    }

    private static Map<String, String> formats() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("tex", ".tex.ftl");
        m.put("html", ".html.ftlh");
        m.put("md", ".md.ftl");
        m.put("csv", ".csv.ftl");
        return Collections.unmodifiableMap(m);
    }

    /** The table in one format ("tex", "html", "md" or "csv") with the default layout. */
    public String render(TableModel table, String format) throws ReproException {
        return render(table, TableLayout.DEFAULT, format);
    }

    /** The table in one format, laid out as {@code layout} says (LaTeX: landscape, font size). */
    public String render(TableModel table, TableLayout layout, String format) throws ReproException {
        String suffix = FORMATS.get(format);
        if (suffix == null) {
            throw new IllegalArgumentException("unknown format " + format);
        }
        return templates.render(List.of("tables/" + table.id() + suffix, "table-" + table.kind() + suffix, "table" + suffix),
                Map.of("table", withLayout(table.toTemplateModel(), layout)));
    }

    private static Map<String, Object> withLayout(Map<String, Object> model, TableLayout layout) {
        Map<String, Object> m = new LinkedHashMap<>(model);
        m.put("layout", layout.toTemplateModel());
        return m;
    }

    /** Writes every format into {@code dir} (atomically, one file at a time); returns the files written. */
    public List<Path> write(TableModel table, Path dir) throws ReproException, IOException {
        return write(table, TableLayout.DEFAULT, dir);
    }

    /** Writes every format into {@code dir}, laid out as {@code layout} says. */
    public List<Path> write(TableModel table, TableLayout layout, Path dir) throws ReproException, IOException {
        List<Path> out = new ArrayList<>();
        Map<String, String> rendered = new LinkedHashMap<>();
        for (String f : FORMATS.keySet()) {
            rendered.put(f, render(table, layout, f));
        }
        for (var e : rendered.entrySet()) {
            Path p = dir.resolve(table.id() + "." + e.getKey());
            AtomicFiles.write(p, e.getValue());
            out.add(p);
        }
        return out;
    }
}
