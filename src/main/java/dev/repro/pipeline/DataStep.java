package dev.repro.pipeline;

import dev.repro.data.CsvOptions;
import dev.repro.data.CsvReader;
import dev.repro.data.Dataset;
import dev.repro.study.DatasetSpec;
import dev.repro.diag.Problems;
import dev.repro.study.Study;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads and validates every dataset of the study; fails once with every problem of every file. */
public final class DataStep {
    private DataStep() {
    }

    /** The datasets that read cleanly; the problems of the others are added to {@code problems}. */
    public static Map<String, Dataset> load(Study study, Workspace ws, Reporter log, Problems problems) {
        Map<String, Dataset> out = new LinkedHashMap<>();
        for (DatasetSpec d : study.datasets().values()) {
            CsvOptions.Builder b = CsvOptions.builder(d.name(), d.file())
                    .studyFile(study.source())
                    .missing(d.missing())
                    .schema(d.columns());
            if (d.id() != null) {
                b.id(d.id());
            }
            if (d.time() != null) {
                b.time(d.time());
            }
            Dataset ds = CsvReader.read(ws.resolve(d.file()), b.build(), problems);
            if (ds != null && d.sha256() != null && !d.sha256().equals(ds.sha256())) {
                problems.addKey(study.source(), d.sha256At().line(), d.sha256At().column(), "datasets." + d.name() + ".sha256", d.file() + " has SHA-256 " + ds.sha256()
                        + " but the study expects " + d.sha256() + "; the file changed: restore the original or, if the change is"
                        + " intended, update datasets." + d.name() + ".sha256");
                ds = null;
            }
            if (ds != null) {
                out.put(d.name(), ds);
                log.info("Read " + d.file() + ": " + ds.rows() + " rows, " + ds.columnNames().size() + " columns, sha256 " + ds.sha256());
            }
        }
        return out;
    }
}
