package dev.repro.report;

import dev.repro.study.Label;



import dev.repro.drift.DriftItem;
import dev.repro.drift.PublishedGrade;
import dev.repro.data.Dataset;
import dev.repro.results.Results;
import dev.repro.diag.Problems;
import dev.repro.diag.ReproException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the {@code tables} goal calls: from the study's {@code labels:}, {@code tables:} and {@code figures:} as
 * validate parsed them (once, with positions), builds every table and figure and writes {@code <out>/tables/<id>.{tex,html,md,csv}},
 * {@code <out>/figures/<id>.svg} and {@code <out>/report/index.html}. Every user mistake of every entry is
 * collected first; nothing is written when there is one.
 */
public final class Publisher {
    private Publisher() {
    }

    /**
     * @param studySource   the study file as the user names it (messages, provenance)
     * @param studySha256   SHA-256 of the study file
     * @param study         the study file as plain maps (its title, and each entry's dataset for the provenance)
     * @param labels        the study's global labels, as validate parsed them
     * @param tables        the study's tables, as validate parsed them
     * @param figures       the study's figures, as validate parsed them
     * @param results       what estimate computed
     * @param datasets      the study's datasets by name (with their source file and SHA-256)
     * @param baseDir       the project folder (custom tile layouts are relative to it)
     * @param templatesDir  the project's template folder, searched before the defaults (may be null or absent)
     * @param outDir        usually {@code target/repro}
     * @param pluginVersion the plugin's version
     * @param drift         the drift check's items, or null when no check ran
     * @param published     the study's published tables graded against the results (empty when it has none)
     * @param driftInputs   when values drifted: which input files changed since the baseline (the log's
     *                      "inputs:" line), else null
     */
    public record Request(String studySource, String studySha256, Map<String, Object> study, Map<String, Label> labels,
                          List<TableSpec> tables, List<FigureSpec> figures, Results results,
                          Map<String, Dataset> datasets, Path baseDir, Path templatesDir, Path outDir, String pluginVersion,
                          List<DriftItem> drift, List<PublishedGrade.TableGrade> published, String driftInputs) {
        public Request {
            Objects.requireNonNull(studySource, "studySource");
            Objects.requireNonNull(studySha256, "studySha256");
            Objects.requireNonNull(study, "study");
            labels = Map.copyOf(labels);
            tables = List.copyOf(tables);
            figures = List.copyOf(figures);
            Objects.requireNonNull(results, "results");
            datasets = Map.copyOf(datasets);
            Objects.requireNonNull(baseDir, "baseDir");
            Objects.requireNonNull(outDir, "outDir");
            Objects.requireNonNull(pluginVersion, "pluginVersion");
            published = published == null ? List.of() : List.copyOf(published);
        }

        /** Without the changed-inputs line of a drift. */
        public Request(String studySource, String studySha256, Map<String, Object> study, Map<String, Label> labels,
                       List<TableSpec> tables, List<FigureSpec> figures, Results results,
                       Map<String, Dataset> datasets, Path baseDir, Path templatesDir, Path outDir, String pluginVersion,
                       List<DriftItem> drift, List<PublishedGrade.TableGrade> published) {
            this(studySource, studySha256, study, labels, tables, figures, results, datasets, baseDir, templatesDir, outDir,
                    pluginVersion, drift, published, null);
        }

        /** Without published tables. */
        public Request(String studySource, String studySha256, Map<String, Object> study, Map<String, Label> labels,
                       List<TableSpec> tables, List<FigureSpec> figures, Results results,
                       Map<String, Dataset> datasets, Path baseDir, Path templatesDir, Path outDir, String pluginVersion,
                       List<DriftItem> drift) {
            this(studySource, studySha256, study, labels, tables, figures, results, datasets, baseDir, templatesDir, outDir,
                    pluginVersion, drift, List.of());
        }
    }

    /** The files written. */
    public record Written(List<Path> tables, List<Path> figures, Path report) {
    }

    public static Written publish(Request r) throws ReproException, IOException {
        return publish(r, id -> true);
    }

    /**
     * As {@link #publish(Request)}, writing the files of only the tables whose id {@code writeTable} accepts (the
     * others are known unchanged): every table is still built, so that its references are checked and the report,
     * written always, shows it.
     */
    public static Written publish(Request r, Predicate<String> writeTable) throws ReproException, IOException {
        Problems problems = new Problems();
        TableInputs in = new TableInputs(r.studySource(), r.results(), r.datasets(), r.labels());
        Templates templates = Templates.forProject(r.baseDir(), r.templatesDir());
        Figures figures = new Figures(templates);
        List<Report.TableEntry> tables = new ArrayList<>();
        for (TableSpec s : r.tables()) {
            TableModel m = Tables.build(s, in, problems);
            if (m != null) {
                tables.add(new Report.TableEntry(m, provenance(r, "tables." + s.id(), Tables.describe(s), datasetsOf(r, Tables.inputs(s)))));
            }
        }
        List<Report.FigureEntry> figs = new ArrayList<>();
        for (FigureSpec s : r.figures()) {
            Figure f = figures.build(s, in, r.baseDir(), problems);
            if (f != null) {
                figs.add(new Report.FigureEntry(f, provenance(r, "figures." + s.id(), s.kind(), datasetsOf(r, Figures.inputs(s)))));
            }
        }
        problems.throwIfAny("Cannot render the tables and figures");
        Path tdir = r.outDir().resolve("tables");
        Path fdir = r.outDir().resolve("figures");
        TableWriter w = new TableWriter(templates);
        List<Path> tfiles = new ArrayList<>();
        for (Report.TableEntry t : tables) {
            if (!writeTable.test(t.table().id())) {
                continue;
            }
            tfiles.addAll(w.write(t.table(), layoutOf(r, t.table().id()), tdir));
        }
        List<Path> ffiles = new ArrayList<>();
        for (Report.FigureEntry f : figs) {
            ffiles.add(Figures.write(f.figure(), fdir));
        }
        Object title = r.study().get("title");
        Report.Input ri = new Report.Input(title instanceof String s ? s : "Study", r.pluginVersion(), tables, figs,
                r.drift() != null, r.drift() == null ? List.of() : r.drift(), r.published(), r.driftInputs());
        Path report = Report.write(templates, ri, r.outDir().resolve("report"));
        return new Written(tfiles, ffiles, report);
    }

    /** The table's {@code landscape} and {@code fontSize} as the study file gives them (checked at validate). */
    private static TableLayout layoutOf(Request r, String id) {
        return r.study().get("tables") instanceof Map<?, ?> ts ? TableLayout.of(ts.get(id)) : TableLayout.DEFAULT;
    }

    /** The datasets behind a table or figure: those of its models, tests or mediation analyses as the study names them, or its own. */
    private static Set<String> datasetsOf(Request r, Reads reads) {
        return reads.section().equals("datasets") ? new LinkedHashSet<>(reads.ids()) : sectionDatasets(r, reads.section(), reads.ids());
    }

    private static Set<String> sectionDatasets(Request r, String section, List<String> ids) {
        Set<String> out = new LinkedHashSet<>();
        if (r.study().get(section) instanceof Map<?, ?> sec) {
            for (String id : ids) {
                if (sec.get(id) instanceof Map<?, ?> e && e.get("dataset") instanceof String d) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    private static Provenance provenance(Request r, String key, String what, Set<String> datasets) {
        List<Provenance.InputFile> files = new ArrayList<>();
        files.add(new Provenance.InputFile(r.studySource(), r.studySha256()));
        for (String d : datasets) {
            Dataset ds = r.datasets().get(d);
            if (ds != null && ds.sha256() != null) {
                files.add(new Provenance.InputFile(ds.source(), ds.sha256()));
            }
        }
        return new Provenance(key + ": " + what, files, r.pluginVersion());
    }
}
