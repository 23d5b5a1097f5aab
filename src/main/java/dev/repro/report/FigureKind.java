package dev.repro.report;

import dev.repro.diag.Problems;
import dev.repro.diag.ReproException;
import dev.repro.study.FigureSpec;
import java.nio.file.Path;
import java.util.Map;

/**
 * One kind of figure: the spec record it draws and the template model of its SVG
 * ({@code figures/<kind>.svg.ftlx}). A new kind is one class implementing this interface plus its line in
 * {@link Figures}.
 *
 * @param <S> the spec record of the kind
 */
interface FigureKind<S extends FigureSpec> {
    /** The spec record this kind draws. */
    Class<S> spec();

    /**
     * The template model; null (with problems added) when the figure refers to something that does not exist.
     *
     * @param baseDir the project folder a custom layout path is relative to
     */
    Map<String, Object> model(S spec, TableInputs in, Path baseDir, Problems problems) throws ReproException;

    /** What the figure reads, so that its provenance can list the data files behind it. */
    Reads inputs(S spec);
}
