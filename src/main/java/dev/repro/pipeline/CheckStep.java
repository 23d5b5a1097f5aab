package dev.repro.pipeline;

import dev.repro.drift.DriftChecker;
import dev.repro.drift.DriftItem;
import dev.repro.drift.DriftReports;
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
import java.util.List;
import java.util.Map;
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
            var b = ResultsFile.read(ws.baselineFile(), ws.display(ws.baselineFile()), "");
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

    /**
     * Compares and reports. With {@code failOnDrift} a drift fails with every drifted value listed;
     * otherwise each is logged as a warning.
     */
    public static List<DriftItem> run(Workspace ws, Tolerance tolerance, boolean failOnDrift, Reporter log)
            throws ReproException, IOException {
        return run(ws, tolerance, failOnDrift, log, RestrictedData.Skips.NONE);
    }

    /** As {@link #run(Workspace, Tolerance, boolean, Reporter)}, leaving out the baseline's values that were not rebuilt. */
    static List<DriftItem> run(Workspace ws, Tolerance tolerance, boolean failOnDrift, Reporter log, RestrictedData.Skips skips)
            throws ReproException, IOException {
        String baselineName = ws.display(ws.baselineFile());
        var baseline = ResultsFile.read(ws.baselineFile(), baselineName,
                "no baseline yet: run `mvn repro:baseline` to record the current results, then commit " + baselineName);
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
        DriftReports.writeJUnit(ws.outputDir().resolve("junit/TEST-repro-drift.xml"), baselineName, items);
        if (drifted == 0) {
            log.info("No drift: " + items.size() + " values equal the baseline " + baselineName + " within " + describe(tolerance));
            return items;
        }
        List<String> table = DriftTable.lines(items);
        String headline = drifted + " of " + items.size() + " values drifted from the baseline " + baselineName;
        if (!failOnDrift) {
            log.warn(headline + " (repro.failOnDrift=false, so the build goes on):");
            table.forEach(log::warn);
            return items;
        }
        Problems problems = new Problems();
        problems.add(Problem.at(baselineName, 0, 0, headline + "; if the change is intended, accept it with `mvn repro:baseline`"
                + System.lineSeparator() + "    " + String.join(System.lineSeparator() + "    ", table)));
        throw new ReproException("Results drifted from the baseline", problems);
    }

    private static String describe(Tolerance t) {
        return "relative " + t.relative() + ", absolute " + t.absolute() + (t.rules().isEmpty() ? "" : " (and " + t.rules().size() + " rules)");
    }
}
