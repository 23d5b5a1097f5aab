package dev.repro.pipeline;

import dev.repro.data.Dataset;
import dev.repro.drift.Flat;
import dev.repro.drift.PublishedGrade;
import dev.repro.results.ResultsJson;
import dev.repro.results.Results;
import dev.repro.report.Publisher;
import dev.repro.report.ReportSpecs;
import dev.repro.report.TableWriter;
import dev.repro.diag.ReproException;
import dev.repro.drift.DriftItem;
import dev.repro.study.Label;
import dev.repro.study.Study;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Renders the tables (all, or those that changed), every figure and the report from results.json. */
final class TablesStep {
    private TablesStep() {
    }

    static void run(Study study, ReportSpecs report, Map<String, Dataset> data, Workspace ws, String pluginVersion, Reporter log)
            throws ReproException, IOException {
        run(study, report, data, ws, pluginVersion, log, RestrictedData.Skips.NONE, id -> true);
    }

    /**
     * The labels tables use besides their own: the study's {@code labels:}, then the labels the data files give their
     * columns (Stata's variable labels; the first dataset in study order that labels a column wins).
     */
    static Map<String, Label> displayLabels(Map<String, Label> study, Map<String, Dataset> data) {
        Map<String, Label> out = new LinkedHashMap<>();
        for (Dataset d : data.values()) {
            d.variableLabels().forEach((column, label) -> out.putIfAbsent(column, Label.plain(label)));
        }
        out.putAll(study);
        return out;
    }

    /**
     * As above, writing only the tables {@code writeTable} accepts (the others are unchanged; the figures and the report
     * are written always); the report's drift section leaves out the baseline values that depend on missing restricted
     * data.
     */
    static void run(Study study, ReportSpecs report, Map<String, Dataset> data, Workspace ws, String pluginVersion, Reporter log,
                    RestrictedData.Skips skips, Predicate<String> writeTable) throws ReproException, IOException {
        Results results = ResultsFile.readResults(ws.resultsFile(), ws.display(ws.resultsFile()),
                "no results to render: run the estimate goal first (`mvn verify` runs every goal in order)");
        List<DriftItem> drift = CheckStep.compareIfPossible(ws, study.tolerance(), skips);
        Publisher.Written w = Publisher.publish(new Publisher.Request(study.source(), study.sha256() == null ? "" : study.sha256(),
                study.tree(), displayLabels(study.labels(), data), report.tables(), report.figures(), results, data, ws.basedir(), ws.templatesDir(), ws.outputDir(), pluginVersion,
                drift, graded(study, results), CheckStep.inputsLineIfDrifted(drift, ws, study, skips)), writeTable);
        int tables = w.tables().size() / TableWriter.FORMATS.size();
        int figures = study.figures().size();
        log.info("Wrote " + tables + (tables == 1 ? " table" : " tables") + " (tex, html, md, csv) and " + figures
                + (figures == 1 ? " figure" : " figures") + " to "
                + ws.display(ws.outputDir()) + "; report: " + ws.display(w.report()));
    }

    /** Every published table graded against the results, for the report's side-by-side section. */
    private static List<PublishedGrade.TableGrade> graded(Study study, Results results) {
        if (study.published().isEmpty()) {
            return List.of();
        }
        Map<String, Object> flat = Flat.flatten(ResultsJson.tree(results));
        return study.published().values().stream().map(t -> PublishedGrade.grade(t, flat)).toList();
    }
}
