package dev.repro.pipeline;

import dev.repro.drift.Flat;
import dev.repro.drift.PublishedCheck;
import dev.repro.drift.PublishedGrade;
import dev.repro.io.AtomicFiles;
import dev.repro.diag.Problems;
import dev.repro.study.PublishedTable;
import dev.repro.diag.ReproException;
import dev.repro.results.ResultsJson;
import dev.repro.study.Study;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Checks every published table of the study against results.json and writes the replication report
 * {@code target/repro/published/<id>.md}; a gate table ({@code mode: gate}, the default) with {@code enforce: true}
 * (the default) fails the build on any cell that is not reproduced; a {@code mode: compare} table is graded
 * ({@link PublishedGrade}) and only logged.
 */
final class PublishedStep {
    private PublishedStep() {
    }

    static void run(Study study, Workspace ws, Reporter log, Problems problems) throws ReproException, IOException {
        if (study.published().isEmpty()) {
            return;
        }
        Map<String, Object> results = Flat.flatten(ResultsJson.tree(ResultsFile.readResults(ws.resultsFile(),
                ws.display(ws.resultsFile()), "no results to check: run the estimate goal first (`mvn verify` runs every goal in order)")));
        for (PublishedTable t : study.published().values()) {
            if (t.mode() == PublishedTable.Mode.COMPARE) {
                // graded, never a failure: the paper's numbers come from other data or another version
                PublishedGrade.TableGrade g = PublishedGrade.grade(t, results);
                var file = ws.outputDir().resolve("published").resolve(t.name() + ".md");
                AtomicFiles.writeString(file, PublishedGrade.markdown(g));
                log.info("Published table " + t.name() + (t.source() == null ? "" : " (" + t.source() + ")") + " graded "
                        + g.counts() + "; report " + ws.display(file));
                continue;
            }
            List<PublishedCheck.CellVerdict> verdicts = PublishedCheck.check(t, results);
            var file = ws.outputDir().resolve("published").resolve(t.name() + ".md");
            AtomicFiles.writeString(file, PublishedCheck.markdown(t, verdicts));
            String summary = "Published table " + t.name() + (t.source() == null ? "" : " (" + t.source() + ")") + ": "
                    + PublishedCheck.summary(verdicts) + "; report " + ws.display(file);
            boolean all = verdicts.stream().allMatch(v -> v.verdict() == PublishedCheck.Verdict.REPRODUCED);
            if (all) {
                log.info(summary);
                continue;
            }
            if (!t.enforce()) {
                log.warn(summary + " (enforce: false, so the build goes on)");
            }
            for (PublishedCheck.CellVerdict v : verdicts) {
                if (v.verdict() == PublishedCheck.Verdict.REPRODUCED) {
                    continue;
                }
                String msg = "published." + t.name() + ": " + v.cell().item() + " printed " + v.cell().printed() + ", reproduced as "
                        + (v.ours().isEmpty() ? "(no such result)" : v.ours()) + ": " + v.verdict().words();
                if (t.enforce()) {
                    problems.add(v.cell().at().problem(v.verdict().words() + ": printed " + v.cell().printed() + ", reproduced as "
                            + (v.ours().isEmpty() ? "nothing (no such result in results.json)" : v.ours())));
                } else {
                    log.warn(msg);
                }
            }
        }
    }
}
