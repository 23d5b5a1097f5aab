package dev.repro.pipeline;

import dev.repro.diag.Problems;
import dev.repro.diag.ReproException;
import dev.repro.drift.DriftItem;
import dev.repro.study.Study;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The check goal of a {@link Pipeline}: the drift gate, then the published tables, every problem of both in one
 * failure. When the last check passed and results.json, the baseline, the study and what the check wrote are the same
 * files, it says what it said then without reading them, unless forced or in replication mode.
 */
final class CheckGoal {
    private final Pipeline pipeline;
    private final Workspace ws;
    private final Reporter log;

    CheckGoal(Pipeline pipeline) {
        this.pipeline = pipeline;
        this.ws = pipeline.workspace();
        this.log = pipeline.log();
    }

    void run(boolean failOnDrift, boolean force) throws ReproException, IOException {
        boolean replication = pipeline.inReplication();
        NoopRecord record = pipeline.noopRecord("check").param("failOnDrift", failOnDrift);
        if (pipeline.unchanged(record, force || replication)) {
            return;
        }
        // in replication mode the study without what depends on a missing restricted dataset, as estimate saw it
        Pipeline.Loaded loaded = replication ? pipeline.validate() : null;
        Study study = loaded != null ? loaded.study() : pipeline.study();
        RestrictedData.Skips skips = loaded != null ? loaded.skips() : RestrictedData.Skips.NONE;
        FileStamps stamps = pipeline.stamps();
        Problems problems = new Problems();
        List<String> said = new ArrayList<>();
        Reporter recorded = CheckRecord.recording(log, said);
        List<DriftItem> items = null;
        try {
            CheckStep.requireCurrent(ws, study, stamps);
            stamps.save();
            if (loaded == null && CheckRecord.passedBefore(ws, force, stamps, log)) {
                stamps.save();
                NoopInputs.check(record, ws, study, stamps, CheckRecord.said(ws));
                return;
            }
            CheckRecord.forget(ws);
            items = CheckStep.run(ws, study, failOnDrift, recorded, skips);
        } catch (ReproException e) {
            if (study.published().isEmpty()) {
                throw e;
            }
            e.problems().forEach(problems::add);
        }
        PublishedStep.run(study, ws, recorded, problems);
        problems.throwIfAny("The results do not match");
        if (loaded == null && items != null && items.stream().noneMatch(DriftItem::failed)) {
            CheckRecord.store(ws, said, stamps);
            NoopInputs.check(record, ws, study, stamps, CheckRecord.said(ws));
        }
        stamps.save();
    }
}
