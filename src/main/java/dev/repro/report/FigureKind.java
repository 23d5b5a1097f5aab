package dev.repro.report;

import dev.repro.diag.Problems;
import dev.repro.diag.ReproException;
import dev.repro.results.FigureResult;
import dev.repro.study.Label;
import java.nio.file.Path;
import java.util.Map;

/**
 * One kind of figure: the word of {@code kind:} it takes, how it parses its entry's own keys (at validate, once,
 * with positions), and the template model of its SVG ({@code figures/<kind>.svg.ftlx}). A new kind is one class
 * implementing this interface plus its line in {@link Figures#KINDS}.
 *
 * @param <S> the spec record of the kind
 */
interface FigureKind<S extends FigureSpec> {
    /** What every figure has, read before the kind's own keys. */
    record Head(String id, String kind, Label title, Map<String, Label> labels) {
    }

    /** The word of {@code kind:} this class draws. */
    String name();

    /** The spec record this kind draws. */
    Class<S> spec();

    /** The kind's keys (name every one with {@link SpecFields#knownOnly}) and its references; null after any problem. */
    S parse(SpecFields e, Head head);

    /**
     * The numbers the figure prints, computed from the data at estimate time into {@code figures.<id>} of
     * results.json; null (with problems added) when the figure refers to something that does not exist. A kind
     * that prints only numbers results.json already holds (the coefficient plot) has none: null, no problem.
     *
     * @param baseDir the project folder a custom layout path is relative to
     */
    default FigureResult numbers(S spec, TableInputs in, Path baseDir, Problems problems) throws ReproException {
        return null;
    }

    /**
     * The template model, from results.json only; null (with problems added) when the figure refers to something that does not exist.
     *
     * @param baseDir the project folder a custom layout path is relative to
     */
    Map<String, Object> model(S spec, TableInputs in, Path baseDir, Problems problems) throws ReproException;

    /** What the figure reads, so that its provenance can list the data files behind it. */
    Reads inputs(S spec);
}
