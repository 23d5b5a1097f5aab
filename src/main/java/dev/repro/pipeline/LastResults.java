package dev.repro.pipeline;

import dev.repro.diag.ReproException;
import dev.repro.results.Results;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;

/** What a partial estimate keeps of the last one: the results whose records say they are unchanged. */
final class LastResults {
    private LastResults() {
    }

    /**
     * The results of the last estimate that can be kept, read through their records; none (said so) when results.json
     * is not the file that estimate wrote or the record of what it was estimated from is missing or unreadable.
     */
    static EstimatePlan.Reuse reusable(Workspace ws, EstimatePlan plan, FileStamps stamps, Reporter log) throws IOException {
        Map<String, Map<String, String>> recorded = BuildState.read(ws, EstimatePlan.STATE, log);
        if (recorded == null || recorded.isEmpty()) {
            return EstimatePlan.Reuse.NONE;
        }
        if (!Fingerprint.wroteOutput(ws, "estimate", ws.resultsFile(), stamps)) {
            log.info(ws.display(ws.resultsFile()) + " is not the file the last estimate wrote: estimating everything");
            return EstimatePlan.Reuse.NONE;
        }
        try {
            Results last = ResultsFile.readResults(ws.resultsFile(), ws.display(ws.resultsFile()), "");
            // a kept record is written again as it was read: only when the whole file reads back to the same bytes
            if (!Arrays.equals(ResultsFile.bytes(last), Files.readAllBytes(ws.resultsFile()))) {
                log.info(ws.display(ws.resultsFile()) + " does not read back to the same bytes: estimating everything");
                return EstimatePlan.Reuse.NONE;
            }
            return plan.reuse(recorded, last, log);
        } catch (ReproException e) {
            log.info(ws.display(ws.resultsFile()) + " cannot be read (" + e.problems().get(0).message() + "): estimating everything");
            return EstimatePlan.Reuse.NONE;
        }
    }
}
