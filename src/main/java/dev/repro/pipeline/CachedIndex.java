package dev.repro.pipeline;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.repro.data.Dataset;
import dev.repro.data.cache.DatasetFile;
import dev.repro.diag.ReproException;
import dev.repro.index.IndexPlan;
import dev.repro.index.IndexRunner;
import dev.repro.index.api.IndexStepSpec;
import dev.repro.results.IndexResult;
import dev.repro.study.Study;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The constructed datasets for the goals that read them (estimate, tables, package): a step that a goal of this build
 * already built or loaded from the same parts (kind, parameters, inputs by digest, plugin; {@link IndexState#parts})
 * is taken from memory ({@link StudyCache#step}), so that a step is built once per build; otherwise a step whose parts
 * are those its outputs were cached with, and whose CSV files in target/repro/data are the ones it wrote, is loaded
 * from {@code target/repro/cache}; every other step is built in memory (reading the outputs of the steps before it),
 * written and cached. Either way each dataset and its summary for results.json are those a full build makes: the
 * cache holds them bit for bit.
 */
final class CachedIndex {
    private CachedIndex() {
    }

    /** The constructed datasets and their summaries, both in plan order (a step's main output, then its others). */
    record Built(Map<String, Dataset> datasets, Map<String, IndexResult> index) {
    }

    /** A step's outputs (each with the SHA-256 of the CSV written for it) and their summaries, in the order the step makes them. */
    record Step(Map<String, IndexRunner.Built> outputs, Map<String, IndexResult> index) {
    }

    /** A step's outputs as loaded from the cache, or why they cannot be. */
    private record Found(Map<String, IndexRunner.Built> outputs, Map<String, IndexResult> index, String why) {
    }

    static Built build(Study study, Map<String, Dataset> raw, Workspace ws, FileStamps stamps, DatasetCache cache, StudyCache memory,
                       Reporter log, boolean verbose) throws ReproException, IOException {
        List<IndexStepSpec> steps = study.index().steps();
        Map<String, Map<String, String>> parts = IndexState.parts(study, ws, stamps);
        Map<String, IndexRunner.Built> loaded = new LinkedHashMap<>();
        Map<String, IndexResult> loadedIndex = new LinkedHashMap<>();
        List<IndexStepSpec> toBuild = new ArrayList<>();
        List<String> said = new ArrayList<>();
        for (IndexStepSpec step : steps) {
            String name = step.at().key() + " (" + step.kind() + " -> " + step.output() + ")";
            String key = DatasetCache.stepKey(parts.get(step.at().key()));
            Step kept = memory.step(step.at().key(), key);
            if (kept != null && csvIntact(kept, ws, stamps)) {
                loaded.putAll(kept.outputs());
                loadedIndex.putAll(kept.index());
                said.add(name + ": taken from memory (an earlier goal of this build made it from the same inputs and parameters): "
                        + kept.outputs().get(step.output()).dataset().rows() + " rows");
                continue;
            }
            Found found = cache.bypass() ? new Found(null, null, cache.bypassReason()) : find(step, key, ws, stamps, cache);
            if (found.why() != null) {
                toBuild.add(step);
                said.add(name + ": building it (" + found.why() + ")");
                continue;
            }
            loaded.putAll(found.outputs());
            loadedIndex.putAll(found.index());
            memory.step(step.at().key(), key, new Step(found.outputs(), found.index()));
            Dataset main = found.outputs().get(step.output()).dataset();
            said.add(name + ": loaded from " + ws.display(cache.file(step.output())) + " (inputs and parameters unchanged since it was"
                    + " cached): " + main.rows() + " rows");
            for (String note : found.index().get(step.output()).notes() == null ? List.<String>of() : found.index().get(step.output()).notes()) {
                said.add("  " + step.output() + ": " + note);
            }
        }
        if (!verbose && !toBuild.isEmpty()) {
            log.info("Building " + (toBuild.size() == steps.size() ? "the " + steps.size() : toBuild.size() + " of the " + steps.size())
                    + " index steps in memory" + (loaded.isEmpty() ? "" : " (the others loaded from " + ws.display(cache.dir()) + ")")
                    + ": this goal reads the constructed datasets from memory, not back from " + ws.display(ws.dataDir()));
        }
        said.forEach(log::info);
        IndexRunner.Run run = null;
        Map<String, IndexResult> builtIndex = Map.of();
        if (!toBuild.isEmpty()) {
            run = IndexRunner.run(new IndexPlan(toBuild), raw, loaded, ws.dataDir(), PluginVersion.get());
            run.log().forEach(log::info);
            builtIndex = run.indexResults();
            keep(run, toBuild, parts, cache, memory);
        }
        Map<String, Dataset> datasets = new LinkedHashMap<>();
        Map<String, IndexResult> index = new LinkedHashMap<>();
        for (IndexStepSpec step : steps) {
            for (String o : outputs(step)) {
                IndexRunner.Built b = loaded.get(o);
                datasets.put(o, b != null ? b.dataset() : run.datasets().get(o));
                index.put(o, b != null ? loadedIndex.get(o) : builtIndex.get(o));
            }
        }
        return new Built(datasets, index);
    }

    /**
     * Caches the outputs of every step of {@code steps} that {@code run} built, in target/repro/cache and in {@code memory}
     * for the later goals of this build, each under the key of its parts.
     */
    static void keep(IndexRunner.Run run, List<IndexStepSpec> steps, Map<String, Map<String, String>> parts, DatasetCache cache,
                     StudyCache memory) {
        Map<String, IndexResult> summaries = run.indexResults();
        for (IndexStepSpec step : steps) {
            String key = DatasetCache.stepKey(parts.get(step.at().key()));
            Map<String, IndexRunner.Built> outputs = new LinkedHashMap<>();
            Map<String, IndexResult> index = new LinkedHashMap<>();
            for (String o : outputs(step)) {
                IndexResult summary = summaries.get(o);
                cache.store(run.datasets().get(o), key, DatasetCache.json(summary));
                outputs.put(o, new IndexRunner.Built(run.datasets().get(o), summary.sha256()));
                index.put(o, summary);
            }
            memory.step(step.at().key(), key, new Step(outputs, index));
        }
    }

    /** True when every CSV the step wrote in target/repro/data still has the digest it was written with. */
    private static boolean csvIntact(Step step, Workspace ws, FileStamps stamps) throws IOException {
        for (var e : step.index().entrySet()) {
            String sha = e.getValue().sha256();
            if (sha == null || !sha.equals(stamps.digest(ws.dataDir().resolve(e.getKey() + ".csv")))) {
                return false;
            }
        }
        return true;
    }

    /** Every output of the step from the cache under {@code key}, each with the CSV it wrote unchanged; else the first reason. */
    private static Found find(IndexStepSpec step, String key, Workspace ws, FileStamps stamps, DatasetCache cache) throws IOException {
        Map<String, IndexRunner.Built> outputs = new LinkedHashMap<>();
        Map<String, IndexResult> index = new LinkedHashMap<>();
        for (String o : outputs(step)) {
            DatasetFile.Lookup found = DatasetFile.read(cache.file(o), key);
            String where = ws.display(cache.file(o)) + ": ";
            if (!(found instanceof DatasetFile.Hit hit) || !hit.dataset().name().equals(o)) {
                return new Found(null, null, where + DatasetCache.reason(found));
            }
            IndexResult summary = DatasetCache.parse(hit.payload(), new TypeReference<IndexResult>() { });
            if (summary == null || summary.sha256() == null) {
                return new Found(null, null, where + "its summary is damaged");
            }
            String csv = ws.display(ws.dataDir().resolve(o + ".csv"));
            if (!summary.sha256().equals(stamps.digest(ws.dataDir().resolve(o + ".csv")))) {
                return new Found(null, null, csv + " is missing or was edited");
            }
            outputs.put(o, new IndexRunner.Built(hit.dataset(), summary.sha256()));
            index.put(o, summary);
        }
        return new Found(outputs, index, null);
    }

    private static List<String> outputs(IndexStepSpec step) {
        List<String> o = new ArrayList<>();
        o.add(step.output());
        o.addAll(step.extraOutputs());
        return o;
    }
}
