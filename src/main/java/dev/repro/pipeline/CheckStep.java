package dev.repro.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.repro.drift.BaselineInputs;
import dev.repro.drift.DriftChecker;
import dev.repro.drift.DriftItem;
import dev.repro.drift.DriftReports;
import dev.repro.drift.DriftSummary;
import dev.repro.drift.DriftTable;
import dev.repro.drift.Flat;
import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import dev.repro.diag.ReproException;
import dev.repro.results.ResultsJson;
import dev.repro.study.Study;
import dev.repro.study.Tolerance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The drift gate: results.json against the committed baseline. */
public final class CheckStep {
    private CheckStep() {
    }

    /** The comparison with the baseline, or null when there is no baseline or no results yet (for the report). */
    public static List<DriftItem> compareIfPossible(Workspace ws, Tolerance tolerance) throws IOException {
        return compareIfPossible(ws, tolerance, RestrictedData.Skips.NONE);
    }

    /** As above, without the baseline values that depend on missing restricted data (not rebuilt). */
    static List<DriftItem> compareIfPossible(Workspace ws, Tolerance tolerance, RestrictedData.Skips skips) throws IOException {
        if (!Files.exists(ws.baselineFile()) || !Files.exists(ws.resultsFile())) {
            return null;
        }
        try {
            var b = BaselineInputs.results(ResultsFile.read(ws.baselineFile(), ws.display(ws.baselineFile()), ""));
            var n = ResultsJson.tree(ResultsFile.readResults(ws.resultsFile(), ws.display(ws.resultsFile()), ""));
            return new DriftChecker(tolerance).compare(skips.without(Flat.flatten(b)), Flat.flatten(n));
        } catch (ReproException e) {
            return null; // an unreadable baseline is reported by check, with its fix
        }
    }

    /**
     * Refuses results.json unless it is the one {@code estimate} wrote from the current study, data and plugin:
     * after a data change, {@code repro:check} alone must not pass on the old results.
     */
    static void requireCurrent(Workspace ws, Study study, FileStamps stamps) throws ReproException, IOException {
        String shown = ws.display(ws.resultsFile());
        String name = ws.resultsFile().getFileName().toString();
        if (!Files.isRegularFile(ws.resultsFile())) {
            return; // run() says how to make it
        }
        List<String> changed = Fingerprint.changedSince(ws, "estimate", Fingerprint.estimateInputs(ws, study), ws.resultsFile(), stamps);
        if (changed == null) {
            throw new ReproException("Stale results", Problem.at(shown, 0, 0, name + " has no record of the inputs it was "
                    + "estimated from; run `mvn verify`"));
        }
        if (!changed.isEmpty()) {
            throw new ReproException("Stale results", Problem.at(shown, 0, 0, name + " is stale: " + String.join(", ", changed)
                    + " changed since estimate; run `mvn verify`"));
        }
    }

    /** The JUnit report of the drift check. */
    static Path junit(Workspace ws) {
        return ws.outputDir().resolve("junit/TEST-repro-drift.xml");
    }

    /**
     * Compares and reports. With {@code failOnDrift} a drift fails with a summary (drifted values per model, test,
     * ...; the largest relative change; the input files that changed since the baseline) and every drifted value;
     * otherwise the same is logged as warnings.
     */
    public static List<DriftItem> run(Workspace ws, Study study, boolean failOnDrift, Reporter log)
            throws ReproException, IOException {
        return run(ws, study, failOnDrift, log, RestrictedData.Skips.NONE);
    }

    /** As {@link #run(Workspace, Study, boolean, Reporter)}, leaving out the baseline's values that were not rebuilt. */
    static List<DriftItem> run(Workspace ws, Study study, boolean failOnDrift, Reporter log, RestrictedData.Skips skips)
            throws ReproException, IOException {
        Tolerance tolerance = study.tolerance();
        String baselineName = ws.display(ws.baselineFile());
        var recorded = ResultsFile.read(ws.baselineFile(), baselineName,
                "no baseline yet: run `mvn repro:baseline` to record the current results, then commit " + baselineName);
        var baseline = BaselineInputs.results(recorded);
        // the results through their records (what this plugin writes); the baseline as recorded, perhaps by an older version
        var now = ResultsJson.tree(ResultsFile.readResults(ws.resultsFile(), ws.display(ws.resultsFile()),
                "no results to check: run the estimate goal first (`mvn verify` runs every goal in order)"));
        Map<String, Object> all = Flat.flatten(baseline);
        Map<String, Object> b = skips.without(all);
        Map<String, Object> n = Flat.flatten(now);
        if (b.size() < all.size()) {
            log.info("Not checked against the baseline: " + (all.size() - b.size()) + " values that depend on missing restricted"
                    + " data (" + String.join(", ", new TreeSet<>(skips.files())) + ")");
        }
        List<DriftItem> items = new DriftChecker(tolerance).compare(b, n);
        long drifted = items.stream().filter(DriftItem::failed).count();
        List<String> head = drifted == 0 ? List.of() : head(items, recorded, ws, study, skips);
        DriftReports.writeJUnit(junit(ws), baselineName, items, head);
        if (drifted == 0) {
            log.info("No drift: " + items.size() + " values equal the baseline " + baselineName + " within " + describe(tolerance));
            return items;
        }
        List<String> table = new ArrayList<>(head);
        table.add("");
        table.addAll(DriftTable.lines(items));
        String headline = drifted + " of " + items.size() + " values drifted from the baseline " + baselineName;
        if (!failOnDrift) {
            log.warn(headline + " (repro.failOnDrift=false, so the build goes on):");
            table.stream().filter(l -> !l.isEmpty()).forEach(log::warn);
            return items;
        }
        Problems problems = new Problems();
        problems.add(Problem.at(baselineName, 0, 0, headline + "; if the change is intended, accept it with `mvn repro:baseline`"
                + System.lineSeparator() + indented(table)));
        throw new ReproException("Results drifted from the baseline", problems);
    }

    /**
     * The summary above the drift table: drifted values per model, test, ..., the largest relative change, and
     * the input files whose SHA-256 differs from the one recorded with the baseline (restricted files that are
     * not here are left out: their values were not compared).
     */
    private static List<String> head(List<DriftItem> items, JsonNode recorded, Workspace ws,
                                     Study study, RestrictedData.Skips skips) throws IOException {
        List<String> head = new ArrayList<>(DriftSummary.of(items).lines());
        head.add(inputsLine(recorded, ws, study, skips));
        return head;
    }

    /** Which input files changed since the baseline recorded their SHA-256 (restricted files not here left out). */
    private static String inputsLine(JsonNode recorded, Workspace ws, Study study, RestrictedData.Skips skips) throws IOException {
        Map<String, String> then = BaselineInputs.recorded(recorded);
        Map<String, String> now = BaselineInputs.hash(Fingerprint.estimateInputs(ws, study));
        if (then != null && !skips.isEmpty()) {
            then = new TreeMap<>(then);
            skips.files().forEach(then::remove);
        }
        return BaselineInputs.describe(then, now);
    }

    /**
     * For the report: the "inputs:" line of a drift, or null when nothing drifted or the baseline is unreadable
     * (the check goal reports that, with its fix).
     */
    static String inputsLineIfDrifted(List<DriftItem> items, Workspace ws, Study study, RestrictedData.Skips skips)
            throws IOException {
        if (items == null || items.stream().noneMatch(DriftItem::failed)) {
            return null;
        }
        try {
            return inputsLine(ResultsFile.read(ws.baselineFile(), ws.display(ws.baselineFile()), ""), ws, study, skips);
        } catch (ReproException e) {
            return null;
        }
    }

    /** Each line indented by four spaces under the problem's first line; an empty line stays empty. */
    private static String indented(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            sb.append(i > 0 ? System.lineSeparator() : "").append(lines.get(i).isEmpty() ? "" : "    " + lines.get(i));
        }
        return sb.toString();
    }

    private static String describe(Tolerance t) {
        return "relative " + t.relative() + ", absolute " + t.absolute() + (t.rules().isEmpty() ? "" : " (and " + t.rules().size() + " rules)");
    }
}
