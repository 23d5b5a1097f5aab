package dev.repro.report;

import dev.repro.diag.Problems;
import dev.repro.diag.ReproException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import dev.repro.io.AtomicFiles;
import java.io.IOException;

/**
 * Builds figures as SVG from the templates {@code figures/<kind>.svg.ftlx}: each kind ({@link FigureKind},
 * registered here in one place) computes its template model, every coordinate formatted with {@link Fmt#coord}
 * (Locale.ROOT, 2 decimals), so the same inputs give the same bytes.
 */
public final class Figures {
    /** Every figure kind; one line per kind. */
    static final List<FigureKind<?>> KINDS = List.of(new TrendFigure(), new CoefficientsFigure(), new TileMapFigure());

    private final Templates templates;

    public Figures(Templates templates) {
        this.templates = Objects.requireNonNull(templates, "templates");
    }

    /**
     * Builds one figure; null (with problems added) when it refers to something that does not exist.
     *
     * @param baseDir the project folder a custom tile layout path is relative to
     */
    public Figure build(FigureSpec spec, TableInputs in, Path baseDir, Problems problems) throws ReproException {
        Map<String, Object> model = kindOf(spec).model(spec, in, baseDir, problems);
        if (model == null) {
            return null;
        }
        model.put("id", spec.id());
        model.put("title", spec.title().text());
        model.put("kind", spec.kind());
        String svg = templates.render(List.of("figures/" + spec.id() + ".svg.ftlx", "figures/" + spec.kind() + ".svg.ftlx"),
                Map.of("figure", model));
        return new Figure(spec.id(), spec.kind(), spec.title(), svg);
    }

    /** The kind that takes a {@code kind:} word, or null. */
    static FigureKind<?> named(String kind) {
        for (FigureKind<?> k : KINDS) {
            if (k.name().equals(kind)) {
                return k;
            }
        }
        return null;
    }

    /** Every {@code kind:} word, in registration order. */
    static List<String> names() {
        return KINDS.stream().map(FigureKind::name).toList();
    }

    /** Writes {@code <id>.svg} into {@code dir} atomically. */
    public static Path write(Figure f, Path dir) throws IOException {
        Path p = dir.resolve(f.id() + ".svg");
        AtomicFiles.write(p, f.svg());
        return p;
    }

    /** The study entries the figure reads. */
    static Reads inputs(FigureSpec spec) {
        return kindOf(spec).inputs(spec);
    }

    @SuppressWarnings("unchecked")
    static FigureKind<FigureSpec> kindOf(FigureSpec spec) {
        for (FigureKind<?> k : KINDS) {
            if (k.spec().isInstance(spec)) {
                return (FigureKind<FigureSpec>) k;
            }
        }
        throw new IllegalArgumentException("no figure kind draws " + spec.getClass().getSimpleName());
    }
}
