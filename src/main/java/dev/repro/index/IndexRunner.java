package dev.repro.index;

import dev.repro.data.Dataset;
import dev.repro.diag.Problems;
import dev.repro.diag.ReproException;
import dev.repro.index.api.AuxTable;
import dev.repro.index.api.IndexStepSpec;
import dev.repro.index.api.StepKind;
import dev.repro.index.api.StepResult;
import dev.repro.results.IndexResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs an {@link IndexPlan}: every step in order on the study's datasets and the outputs of earlier steps,
 * collecting every problem (a step whose inputs failed is skipped, not reported twice). Only when every step
 * succeeded are the outputs written ({@link IndexWriter}), so a failed build leaves no half-updated data.
 */
public final class IndexRunner {
    private IndexRunner() {
    }

    /**
     * @param datasets every dataset by name: the study's and each step's outputs
     * @param results each step's result, in plan order
     * @param written what was written for each created dataset, by name
     * @param log one line per created dataset and one per note, for the build log
     */
    public record Run(Map<String, Dataset> datasets, List<StepResult> results, Map<String, IndexWriter.Written> written, List<String> log) {
        public Run {
            datasets = Collections.unmodifiableMap(new LinkedHashMap<>(datasets));
            results = List.copyOf(results);
            written = Collections.unmodifiableMap(new LinkedHashMap<>(written));
            log = List.copyOf(log);
        }

        /**
         * What results.json holds under {@code index}: per created dataset its step, rows, columns, the SHA-256 of
         * its CSV (null when it was not written) and, for a step's main output, its auxiliary tables' rows and its
         * notes, so that the drift check covers the weights, yearly statistics and cut points as well.
         */
        public Map<String, IndexResult> indexResults() {
            Map<String, IndexResult> out = new LinkedHashMap<>();
            for (StepResult r : results) {
                List<Dataset> all = new ArrayList<>();
                all.add(r.dataset());
                all.addAll(r.extras());
                for (Dataset d : all) {
                    IndexWriter.Written w = written.get(d.name());
                    boolean main = d == r.dataset();
                    Map<String, List<Map<String, Object>>> tables = null;
                    if (main) {
                        tables = new LinkedHashMap<>();
                        for (AuxTable t : r.tables()) {
                            tables.put(t.name(), t.rows());
                        }
                    }
                    out.put(d.name(), new IndexResult(r.spec().kind(), d.rows(), d.columnNames(), w == null ? null : w.sha256(),
                            tables, main ? r.notes() : null));
                }
            }
            return out;
        }
    }

    /**
     * Runs and writes the plan into {@code dataDir} (target/repro/data).
     *
     * @throws ReproException with every problem of every step; nothing is written then
     */
    public static Run run(IndexPlan plan, Map<String, Dataset> studyDatasets, Path dataDir, String pluginVersion)
            throws ReproException, IOException {
        return run(plan, studyDatasets, Map.of(), dataDir, pluginVersion);
    }

    /**
     * As {@link #run(IndexPlan, Map, Path, String)}, where {@code builtBefore} holds constructed datasets that steps of
     * {@code plan} may read but that are not built again (a build loaded them from its cache), each with the reference
     * to its CSV that a manifest names, as when the step that built it ran in the same plan.
     */
    public static Run run(IndexPlan plan, Map<String, Dataset> studyDatasets, Map<String, Built> builtBefore, Path dataDir,
                          String pluginVersion) throws ReproException, IOException {
        Problems problems = new Problems();
        Map<String, Dataset> data = new LinkedHashMap<>(studyDatasets);
        builtBefore.forEach((name, b) -> data.put(name, b.dataset()));
        List<StepResult> results = new ArrayList<>();
        Set<String> failed = new HashSet<>();
        for (IndexStepSpec spec : plan.steps()) {
            List<Dataset> in = new ArrayList<>();
            boolean ready = true;
            for (String name : spec.inputs()) {
                Dataset d = data.get(name);
                if (d == null) {
                    if (!failed.contains(name)) {
                        throw new IllegalArgumentException("step " + spec.at().key() + " reads unknown dataset " + name);
                    }
                    ready = false;
                }
                in.add(d);
            }
            StepResult r = ready ? build(spec, in, problems) : null;
            if (r == null) {
                failed.add(spec.output());
                failed.addAll(spec.extraOutputs());
                continue;
            }
            results.add(r);
            data.put(r.dataset().name(), r.dataset());
            for (Dataset extra : r.extras()) {
                data.put(extra.name(), extra);
            }
        }
        problems.throwIfAny("The index section cannot be built");
        IndexWriter writer = new IndexWriter(dataDir, pluginVersion);
        Map<String, IndexWriter.InputRef> refs = new LinkedHashMap<>();
        for (Dataset d : studyDatasets.values()) {
            refs.put(d.name(), new IndexWriter.InputRef(d.name(), d.source(), d.sha256()));
        }
        builtBefore.forEach((name, b) -> refs.put(name, new IndexWriter.InputRef(name, name + ".csv", b.csvSha256())));
        Map<String, IndexWriter.Written> written = new LinkedHashMap<>();
        List<String> log = new ArrayList<>();
        for (StepResult r : results) {
            List<IndexWriter.InputRef> inputs = new ArrayList<>();
            for (String name : r.spec().inputs()) {
                inputs.add(Objects.requireNonNull(refs.get(name), name));
            }
            IndexWriter.Written w = writer.write(r, inputs);
            written.put(r.dataset().name(), w);
            refs.put(r.dataset().name(), new IndexWriter.InputRef(r.dataset().name(), dataDir.relativize(w.csv()).toString().replace('\\', '/'), w.sha256()));
            log.add("Built " + r.dataset().name() + " (" + r.spec().kind() + ", " + r.spec().at().key() + "): " + r.dataset().rows() + " rows -> " + w.csv());
            for (Dataset extra : r.extras()) {
                StepResult side = new StepResult(r.spec(), extra, List.of(), List.of());
                IndexWriter.Written we = new IndexWriter(dataDir, pluginVersion).writeAs(side, inputs, extra.name());
                written.put(extra.name(), we);
                refs.put(extra.name(), new IndexWriter.InputRef(extra.name(), dataDir.relativize(we.csv()).toString().replace('\\', '/'), we.sha256()));
                log.add("Built " + extra.name() + " (" + r.spec().kind() + " detail, " + r.spec().at().key() + "): " + extra.rows() + " rows -> " + we.csv());
            }
            for (String note : r.notes()) {
                log.add("  " + r.dataset().name() + ": " + note);
            }
        }
        return new Run(data, results, written, log);
    }

    /** A constructed dataset built by an earlier build, and the SHA-256 of the CSV file that build wrote for it. */
    public record Built(Dataset dataset, String csvSha256) {
    }

    private static StepResult build(IndexStepSpec spec, List<Dataset> in, Problems problems) {
        return build(StepKinds.named(spec.kind()), spec, in, problems);
    }

    /** Binds the kind's spec type, so that the kind receives its own spec without an unchecked cast. */
    private static <S extends IndexStepSpec> StepResult build(StepKind<S> kind, IndexStepSpec spec, List<Dataset> in, Problems problems) {
        return kind.build(kind.specType().cast(spec), in, problems);
    }
}
