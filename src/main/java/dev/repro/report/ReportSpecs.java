package dev.repro.report;

import dev.repro.config.Node;
import dev.repro.diag.Problems;
import dev.repro.study.ReportEntry;
import dev.repro.study.Study;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The study's tables and figures parsed into their kinds' spec records: once, at validate, from the positioned
 * entries of the study, by the kind registered for each entry's {@code kind:} ({@link Tables#KINDS},
 * {@link Figures#KINDS}). Every mistake, and every reference to a model, test, mediation analysis or dataset the
 * study does not define, is added to the problems with its file, line, column and study key; an entry with a
 * mistake is left out.
 */
public record ReportSpecs(List<TableSpec> tables, List<FigureSpec> figures) {
    public ReportSpecs {
        tables = List.copyOf(tables);
        figures = List.copyOf(figures);
    }

    /** Parses every table and figure of {@code study}, adding its problems. */
    public static ReportSpecs parse(Study study, Problems problems) {
        List<TableSpec> tables = new ArrayList<>();
        for (ReportEntry entry : study.tables()) {
            TableSpec s = table(entry, study, problems);
            if (s != null) {
                tables.add(s);
            }
        }
        List<FigureSpec> figures = new ArrayList<>();
        for (ReportEntry entry : study.figures()) {
            FigureSpec s = figure(entry, study, problems);
            if (s != null) {
                figures.add(s);
            }
        }
        return new ReportSpecs(tables, figures);
    }

    /**
     * Reads every file a figure names (a tile map's {@code layout:}) so that a mistake in one fails {@code validate}
     * with its file, line and column and the study key, not later when the figure is drawn.
     *
     * @param baseDir the project folder the paths are relative to
     */
    public void checkFiles(Study study, Path baseDir, Problems problems) {
        for (FigureSpec f : figures) {
            if (f instanceof FigureSpec.TileMap t && t.layout() != null) {
                Node at = study.figures().stream().filter(e -> e.id().equals(t.id())).map(e -> e.node().get("layout"))
                        .filter(n -> n != null).findFirst().orElse(null);
                TileMapFigure.layout(t, study.source(), at == null ? 0 : at.line(), at == null ? 0 : at.column(), baseDir, problems);
            }
        }
    }

    private static TableSpec table(ReportEntry entry, Study study, Problems problems) {
        SpecFields e = new SpecFields(entry, study, problems);
        TableKind<?> kind = Tables.named(entry.kind());
        if (kind == null) {
            e.problem("kind", "unknown table kind '" + entry.kind() + "'; use one of: " + String.join(", ", Tables.names()));
            return null;
        }
        TableKind.Head head = new TableKind.Head(entry.id(), entry.kind(), e.label("title", entry.id()), e.labels("labels"),
                e.labelList("notes"), e.bool("siunitx", false));
        TableLayout.parse(e);
        TableSpec s = kind.parse(e, head);
        return e.failed() ? null : s;
    }

    private static FigureSpec figure(ReportEntry entry, Study study, Problems problems) {
        SpecFields e = new SpecFields(entry, study, problems);
        FigureKind<?> kind = Figures.named(entry.kind());
        if (kind == null) {
            e.problem("kind", "unknown figure kind '" + entry.kind() + "'; use one of: " + String.join(", ", Figures.names()));
            return null;
        }
        FigureKind.Head head = new FigureKind.Head(entry.id(), entry.kind(), e.label("title", entry.id()), e.labels("labels"));
        FigureSpec s = kind.parse(e, head);
        return e.failed() ? null : s;
    }
}
