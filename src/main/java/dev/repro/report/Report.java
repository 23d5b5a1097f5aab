package dev.repro.report;

import dev.repro.io.AtomicFiles;
import dev.repro.drift.DriftItem;
import dev.repro.drift.DriftSummary;
import dev.repro.drift.PublishedGrade;
import dev.repro.diag.ReproException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Locale;

/**
 * The HTML report {@code target/repro/report/index.html}: drift status, every table (inline HTML) and every
 * figure (inline SVG), each with its provenance. One self-contained file: inline CSS, no script, no external
 * resource, no timestamp (the same results give the same bytes). Template: {@code report.html.ftlh}.
 */
public final class Report {
    private Report() {
    }

    /** A table with where it came from. */
    public record TableEntry(TableModel table, Provenance provenance) {
        public TableEntry {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(provenance, "provenance");
        }
    }

    /** A figure with where it came from. */
    public record FigureEntry(Figure figure, Provenance provenance) {
        public FigureEntry {
            Objects.requireNonNull(figure, "figure");
            Objects.requireNonNull(provenance, "provenance");
        }
    }

    /**
     * Everything the report shows.
     *
     * @param title         the study's title (or the project name)
     * @param pluginVersion the plugin version that wrote it
     * @param drift         the drift check's items; empty with {@code driftChecked} false when no check ran
     * @param published     every published table of the study, graded cell by cell against the results
     */
    public record Input(String title, String pluginVersion, List<TableEntry> tables, List<FigureEntry> figures,
                        boolean driftChecked, List<DriftItem> drift, List<PublishedGrade.TableGrade> published,
                        String driftInputs) {
        public Input {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(pluginVersion, "pluginVersion");
            tables = List.copyOf(tables);
            figures = List.copyOf(figures);
            drift = List.copyOf(drift);
            published = List.copyOf(published);
        }

        /** Without the changed-inputs line of a drift. */
        public Input(String title, String pluginVersion, List<TableEntry> tables, List<FigureEntry> figures,
                     boolean driftChecked, List<DriftItem> drift, List<PublishedGrade.TableGrade> published) {
            this(title, pluginVersion, tables, figures, driftChecked, drift, published, null);
        }

        /** Without published tables. */
        public Input(String title, String pluginVersion, List<TableEntry> tables, List<FigureEntry> figures,
                     boolean driftChecked, List<DriftItem> drift) {
            this(title, pluginVersion, tables, figures, driftChecked, drift, List.of());
        }
    }

    /** Renders the report page. */
    public static String render(Templates templates, Input in) throws ReproException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", in.title());
        m.put("version", in.pluginVersion());
        List<Object> tables = new ArrayList<>();
        for (TableEntry t : in.tables()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("table", t.table().toTemplateModel());
            e.put("provenance", provenance(t.provenance()));
            tables.add(e);
        }
        m.put("tables", tables);
        List<Object> figures = new ArrayList<>();
        for (FigureEntry f : in.figures()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", f.figure().id());
            e.put("kind", f.figure().kind());
            e.put("title", f.figure().title().text());
            e.put("svg", stripXmlDeclaration(f.figure().svg()));
            e.put("provenance", provenance(f.provenance()));
            figures.add(e);
        }
        m.put("figures", figures);
        int[] counts = new int[DriftItem.Status.values().length];
        List<Object> drift = new ArrayList<>();
        for (DriftItem d : in.drift()) {
            counts[d.status().ordinal()]++;
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("item", d.item());
            e.put("baseline", num(d.baseline(), 7));
            e.put("now", num(d.now(), 7));
            e.put("difference", num(d.difference(), 3));
            e.put("tolerance", num(d.tolerance(), 3));
            e.put("status", d.status().name().toLowerCase(Locale.ROOT));
            e.put("statusText", d.note() == null ? d.status().name() : d.status().name() + ": " + d.note());
            if (d.failed()) {
                // a passing item is counted, not listed: thousands of rows would bury the few that matter
                drift.add(e);
            }
        }
        m.put("driftChecked", in.driftChecked());
        m.put("drift", drift);
        // the same head as the build log's drift failure: what drifted where, and the largest relative change
        List<String> summary = new ArrayList<>();
        if (!drift.isEmpty()) {
            summary.addAll(DriftSummary.of(in.drift()).lines());
            if (in.driftInputs() != null) {
                summary.add(in.driftInputs()); // which input files changed since the baseline, as in the log
            }
        }
        m.put("driftSummary", summary);
        Map<String, Object> c = new LinkedHashMap<>();
        for (DriftItem.Status s : DriftItem.Status.values()) {
            c.put(s.name().toLowerCase(Locale.ROOT), counts[s.ordinal()]);
        }
        // a flipped sign or a changed star level is drift too, even inside the numeric tolerance
        c.put("drift", counts[DriftItem.Status.DRIFT.ordinal()] + counts[DriftItem.Status.SIGN.ordinal()]
                + counts[DriftItem.Status.STARS.ordinal()]);
        m.put("counts", c);
        int bad = in.drift().size() - counts[DriftItem.Status.OK.ordinal()];
        m.put("badCount", bad);
        m.put("driftStatus", !in.driftChecked() ? "unchecked" : bad > 0 ? "drift" : "ok");
        m.put("published", ReportPublished.model(in.published()));
        m.put("publishedHeadline", ReportPublished.headline(in.published()));
        return templates.render("report.html.ftlh", m);
    }

    /** Writes {@code index.html} into {@code reportDir} atomically and returns its path. */
    public static Path write(Templates templates, Input in, Path reportDir) throws ReproException, IOException {
        Path p = reportDir.resolve("index.html");
        AtomicFiles.write(p, render(templates, in));
        return p;
    }

    private static Map<String, Object> provenance(Provenance p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entry", p.studyEntry());
        m.put("version", p.pluginVersion());
        List<Object> files = new ArrayList<>();
        for (Provenance.InputFile f : p.inputs()) {
            files.add(Map.of("path", f.path(), "sha256", f.sha256()));
        }
        m.put("inputs", files);
        return m;
    }

    private static String num(Double v, int digits) {
        return v == null ? "" : Fmt.significant(v, digits, true);
    }

    private static String stripXmlDeclaration(String svg) {
        String s = svg.strip();
        if (s.startsWith("<?xml")) {
            s = s.substring(s.indexOf("?>") + 2).strip();
        }
        return s;
    }
}
