package dev.repro.report;

import dev.repro.diag.Problems;
import dev.repro.diag.ReproException;
import dev.repro.results.FigureResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers of the figures that summarise data (trend, tile map), computed once at estimate time into
 * {@code figures.<figureId>} of results.json: the figures draw them from there, and the drift gate checks them as it
 * checks coefficients (the same way {@link Summaries} does for descriptive and yearly tables).
 */
public final class FigureNumbers {
    private FigureNumbers() {
    }

    /**
     * The numbers of every figure of the study that computes some, by figure id.
     *
     * @param baseDir the project folder a custom tile layout path is relative to
     */
    public static Map<String, FigureResult> of(List<FigureSpec> figures, TableInputs in, Path baseDir, Problems problems)
            throws ReproException {
        Map<String, FigureResult> out = new LinkedHashMap<>();
        for (FigureSpec f : figures) {
            FigureResult r = Figures.kindOf(f).numbers(f, in, baseDir, problems);
            if (r != null) {
                out.put(f.id(), r);
            }
        }
        return out;
    }

    /**
     * The numbers a figure draws: the ones in results.json; computed from the data only when the results hold
     * none (a figure drawn in memory, without estimate).
     */
    static FigureResult forFigure(FigureSpec f, TableInputs in, Path baseDir, Problems problems) throws ReproException {
        FigureResult r = in.results().figures().get(f.id());
        return r != null ? r : Figures.kindOf(f).numbers(f, in, baseDir, problems);
    }
}
