package dev.repro.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything {@code estimate} computes, as written to {@code target/repro/results.json}: models, tests and
 * mediation analyses keyed by their study ids in study order, and under {@code index} what the index step
 * built (per constructed dataset its rows, columns, SHA-256 and auxiliary tables such as the entropy weights),
 * under {@code summaries} the numbers of descriptive and yearly tables and under {@code figures} those of trend and
 * tile-map figures and under {@code intervals} the confidence intervals of regression tables with {@code stat: ci}
 * (so the drift gate covers them too).
 * This record and the records it holds are the one mapping of results.json: {@link ResultsJson} writes and
 * reads it, the tables, figures and the drift gate read the records.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"models", "tests", "mediation", "index", "summaries", "figures", "intervals"})
public record Results(Map<String, ModelResult> models, Map<String, TestResult> tests,
                      Map<String, MediationResult> mediation, Map<String, IndexResult> index,
                      Map<String, Summary> summaries, Map<String, FigureResult> figures,
                      Map<String, IntervalTable> intervals) {
    public Results {
        models = copy(models);
        tests = copy(tests);
        mediation = copy(mediation);
        index = copy(index);
        summaries = copy(summaries);
        figures = copy(figures);
        intervals = copy(intervals);
    }

    /** Results without confidence-interval tables. */
    public Results(Map<String, ModelResult> models, Map<String, TestResult> tests, Map<String, MediationResult> mediation,
                   Map<String, IndexResult> index, Map<String, Summary> summaries, Map<String, FigureResult> figures) {
        this(models, tests, mediation, index, summaries, figures, Map.of());
    }

    /** Results without summary tables. */
    public Results(Map<String, ModelResult> models, Map<String, TestResult> tests,
                   Map<String, MediationResult> mediation, Map<String, IndexResult> index) {
        this(models, tests, mediation, index, Map.of(), Map.of());
    }

    /** These results with the numbers of the summary tables, by table id. */
    public Results withSummaries(Map<String, Summary> tables) {
        return new Results(models, tests, mediation, index, tables, figures, intervals);
    }

    /** These results with the numbers of the trend and tile-map figures, by figure id. */
    public Results withFigures(Map<String, FigureResult> byFigure) {
        return new Results(models, tests, mediation, index, summaries, byFigure, intervals);
    }

    /** These results with the confidence intervals of the regression tables that print them, by table id. */
    public Results withIntervals(Map<String, IntervalTable> byTable) {
        return new Results(models, tests, mediation, index, summaries, figures, byTable);
    }

    private static <T> Map<String, T> copy(Map<String, T> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
