package dev.repro.pipeline;

import dev.repro.diag.ReproException;
import dev.repro.index.IndexPlan;
import dev.repro.index.IndexRunner;
import dev.repro.index.api.IndexStepSpec;
import dev.repro.study.Study;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The index goal of a {@link Pipeline}: skips every step, each with its reason, when its kind, parameters and inputs
 * (by digest) and the files it wrote are those of the last build, without reading any data; otherwise builds the steps
 * that changed (with those upstream of them in memory), says which and why, and keeps what it built for the later goals
 * of the build. {@code force} builds every step.
 */
final class IndexGoal {
    private final Pipeline pipeline;
    private final Workspace ws;
    private final Reporter log;

    IndexGoal(Pipeline pipeline) {
        this.pipeline = pipeline;
        this.ws = pipeline.workspace();
        this.log = pipeline.log();
    }

    void run(boolean force) throws ReproException, IOException {
        pipeline.forceIgnoresCache(force);
        NoopRecord record = pipeline.noopRecord("index");
        if (pipeline.unchanged(record, force)) {
            return;
        }
        steps(force);
        NoopInputs.index(record, ws, pipeline.study(), pipeline.stamps(), "No index section in " + ws.display(ws.studyFile())
                + ": nothing to build");
    }

    private void steps(boolean force) throws ReproException, IOException {
        Study study;
        try {
            study = pipeline.study();
        } catch (ReproException e) {
            pipeline.index(); // reports the study's mistakes
            return;
        }
        if (study.index().steps().isEmpty()) {
            // nothing to build, so nothing to read: the validate goal checks the data
            log.info("No index section in " + ws.display(ws.studyFile()) + ": nothing to build");
            return;
        }
        FileStamps stamps = pipeline.stamps();
        Map<String, Map<String, String>> now = IndexState.parts(study, ws, stamps);
        Map<String, Map<String, String>> recorded = BuildState.read(ws, IndexState.STATE, log);
        Map<String, String> changes = recorded == null ? null : IndexState.changes(now, recorded, ws, stamps);
        if (!force && recorded != null && changes == null) {
            study.index().steps().forEach(step -> log.info(IndexState.skipLine(step)));
            stamps.save();
            return;
        }
        if (force) {
            log.info("Building every index step: repro.force is set");
        } else if (changes != null && !changes.isEmpty() && !pipeline.inReplication()) {
            // the steps that changed, and those upstream of them in memory; every other step keeps its files
            List<IndexStepSpec> run = IndexState.withUpstream(study, changes.keySet());
            for (var step : study.index().steps()) {
                String key = step.at().key();
                String why = changes.get(key);
                log.info(key + " (" + step.kind() + " -> " + step.output() + "): " + (why != null ? why + "; building it again"
                        : run.contains(step) ? "unchanged, built again in memory as an input of a step that changed"
                        : "inputs and parameters unchanged since the last build; skipping; -Drepro.force=true builds it again"));
            }
            Pipeline.Loaded raw = pipeline.validate();
            BuildState.forget(ws, IndexState.STATE);
            IndexRunner.Run built = IndexRunner.run(new IndexPlan(run), raw.data(), ws.dataDir(), PluginVersion.get());
            built.log().forEach(log::info);
            // what this goal built is what estimate, tables and package of this build take (and later builds load)
            CachedIndex.keep(built, run, now, pipeline.datasetCache(), pipeline.studyCache());
            pipeline.recordIndex(study);
            return;
        }
        pipeline.index();
    }
}
