package dev.repro.pipeline;

import dev.repro.data.Dataset;
import dev.repro.diag.Problems;
import dev.repro.drift.BaselineInputs;
import dev.repro.diag.ReproException;
import dev.repro.io.AtomicFiles;
import dev.repro.io.Json;
import dev.repro.results.IndexResult;
import dev.repro.report.FigureNumbers;
import dev.repro.report.ReportSpecs;
import dev.repro.report.TableInputs;
import dev.repro.results.FigureResult;
import dev.repro.results.Results;
import dev.repro.results.ResultsJson;
import dev.repro.study.Study;
import dev.repro.study.StudyParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one-way flow of a study: study file -> data -> constructed variables -> results -> tables ->
 * drift check. Each goal runs the steps it needs, in this order; every step fails with all of its
 * problems at once and writes its outputs atomically.
 */
public final class Pipeline {
    private final Workspace ws;
    private final Reporter log;
    private final int threads;
    private final StudyCache cache;
    /** repro.replication: inside a replication package, a missing restricted dataset is skipped, not an error. */
    private boolean replication;
    /** repro.hash=always: every input file is hashed again, whatever its size and modification time. */
    private boolean hashAlways;
    private FileStamps stamps;
    /** The plugin's jar (or class folder), whose stamp is part of every no-op record. */
    private Path plugin = NoopRecord.pluginLocation();
    /** repro.force on a goal: datasets are read and index steps built again, not loaded from target/repro/cache. */
    private boolean ignoreCache;
    /** repro.cache: false reads every dataset from its file and builds every step, and neither reads nor writes target/repro/cache. */
    private boolean useDatasetCache = true;

    /** A pipeline whose goals share the validated study through {@code cache}, owned by the caller. */
    public Pipeline(Workspace ws, Reporter log, int threads, StudyCache cache) {
        this.ws = ws;
        this.log = log;
        this.threads = Math.max(1, threads);
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    /** A pipeline with a cache of its own: each of its goals reuses what an earlier one of it validated. */
    public Pipeline(Workspace ws, Reporter log, int threads) {
        this(ws, log, threads, new StudyCache());
    }

    /**
     * Replication mode ({@code repro.replication=true}, set by the package's scripts): a restricted dataset
     * the replicator has not supplied is left out with everything that depends on it (see {@link RestrictedData}).
     */
    public Pipeline replication(boolean on) {
        this.replication = on;
        return this;
    }

    /** {@code repro.hash=always}: hash every input file again instead of trusting an unchanged size and time. */
    public Pipeline hashAlways(boolean on) {
        this.hashAlways = on;
        return this;
    }

    /**
     * {@code repro.cache=false}: target/repro/cache is neither read nor written (the copies double the data's disk use);
     * datasets are read from their files and steps built, except what an earlier goal of this build made.
     */
    public Pipeline datasetCache(boolean on) {
        this.useDatasetCache = on;
        return this;
    }

    /** Another plugin location for the no-op records (tests: a jar that changes). */
    Pipeline plugin(Path location) {
        this.plugin = location;
        return this;
    }

    /** The no-op record of {@code goal} with this pipeline's settings (see {@link NoopRecord}). */
    NoopRecord noopRecord(String goal) {
        return new NoopRecord(ws, goal, plugin).param("replication", replication);
    }

    /** True when {@code record} matched (the goal's lines are said); otherwise it is forgotten for the goal's own path. */
    boolean unchanged(NoopRecord record, boolean force) throws IOException {
        if (!force && record.hits(hashAlways, log)) {
            return true;
        }
        record.forget();
        return false;
    }

    FileStamps stamps() {
        if (stamps == null) {
            stamps = FileStamps.load(ws, hashAlways, log);
            Fingerprint.pluginJarHash(stamps);
        }
        return stamps;
    }

    Workspace workspace() {
        return ws;
    }

    Reporter log() {
        return log;
    }

    /** The study cache shared by the goals of this build. */
    StudyCache studyCache() {
        return cache;
    }

    /** True in replication mode ({@link #replication(boolean)}). */
    boolean inReplication() {
        return replication;
    }

    /** {@code repro.force} on a goal: from now on datasets are read and index steps built again, not loaded from the cache. */
    void forceIgnoresCache(boolean force) {
        ignoreCache |= force;
    }

    /** The copies of the datasets in target/repro/cache (see {@link DatasetCache}). */
    DatasetCache datasetCache() {
        if (!useDatasetCache) {
            String why = "repro.cache is false: datasets are read from their files and " + ws.display(ws.outputDir().resolve("cache"))
                    + " is not written";
            if (cache.firstTime(why)) {
                log.info(why);
            }
            return DatasetCache.off(ws, stamps(), log);
        }
        return new DatasetCache(ws, stamps(), log, ignoreCache);
    }

    /** The parsed study file; parsed once per build while its size and modification time stay the same. */
    public Study study() throws ReproException {
        String key = StudyCache.fileKey(ws.studyFile());
        Study parsed = cache.parsed(key);
        if (parsed == null) {
            parsed = StudyParser.parse(ws.studyFile(), ws.display(ws.studyFile()));
            cache.parsed(key, parsed);
        }
        return parsed;
    }

    /** Study, data and every reference from the study into the data. */
    public Loaded validate() throws ReproException {
        String key = cacheKey();
        Loaded cached = cache.get(StudyCache.Stage.VALIDATED, key);
        if (cached != null) {
            return cached;
        }
        Loaded loaded = load();
        // a file edited while it was read must not be cached under the key it had before
        if (key != null && key.equals(cacheKey())) {
            cache.put(StudyCache.Stage.VALIDATED, key, loaded);
        }
        return loaded;
    }

    /**
     * The validate goal: as {@link #validate()}, but when the plugin, the study file and every file it names are
     * the ones of the last successful validation (by digest, through their sizes and times), the data are not read
     * again, and the log says so. {@code force} validates anyway.
     */
    public void validateGoal(boolean force) throws ReproException, IOException {
        ignoreCache |= force;
        NoopRecord record = noopRecord("validate");
        if (unchanged(record, force)) {
            return;
        }
        String skip = "Study " + ws.display(ws.studyFile()) + ": inputs unchanged since the last validation (plugin, study"
                + " and data files): not reading the data again; -Drepro.force=true validates again";
        Fingerprint fp = inputsFingerprint();
        if (!force && fp != null && fp.matches(ws, "validate")) {
            log.info(skip);
        } else {
            Fingerprint.forget(ws, "validate");
            validate();
            if (fp != null) {
                fp.store(ws, "validate");
            }
        }
        stamps().save();
        NoopInputs.validate(record, ws, study(), stamps(), skip);
    }

    /** The plugin, the study file and every file it names, by digest; null when the study cannot be parsed. */
    private Fingerprint inputsFingerprint() throws IOException {
        Study study;
        try {
            study = study();
        } catch (ReproException e) {
            return null; // the goal reports the study's mistakes
        }
        return new Fingerprint(stamps()).withFiles(Fingerprint.estimateInputs(ws, study)).withPart("replication",
                String.valueOf(replication));
    }

    /** Paths, sizes and modification times of the study file and of every file it names, or null. */
    private String cacheKey() {
        return StudyCache.key(ws, replication);
    }

    private Loaded load() throws ReproException {
        Problems problems = new Problems();
        Study parsed = StudyParser.parse(ws.studyFile(), ws.display(ws.studyFile()), problems);
        RestrictedData.Skips skips = RestrictedData.Skips.NONE;
        ReportSpecs fullReport = null;
        if (replication) {
            fullReport = ReportSpecs.parse(parsed, problems);
            skips = restrictedSkips(parsed, fullReport, problems);
            skips.lines().forEach(log::info);
        }
        Study pruned = skips.prune(parsed);
        DatasetCache copies = datasetCache();
        // switched off, the reader reads every file and no dataset's key (its file's digest) is computed
        Map<String, Dataset> data;
        Study study;
        try {
            // the copies of the datasets read are written meanwhile (DatasetCache.storeRawInBackground)
            data = DataStep.load(pruned, ws, log, problems, threads, useDatasetCache ? copies : null);
            // each model's estimator word and own keys are parsed here by its kind (the study keeps the positioned entry)
            study = EstimatorKinds.resolve(pruned, problems);
            // each test's own keys are parsed here by its kind (the study keeps the positioned entry)
            TestKinds.check(study, problems);
            StudyCheck.check(study, data, data.keySet(), cache.frames(), problems);
        } finally {
            copies.awaitWrites();
        }
        // tables and figures are parsed here, once: later goals reuse the specs of the validated study
        ReportSpecs report = fullReport != null ? skips.prune(fullReport) : ReportSpecs.parse(study, problems);
        report.checkFiles(study, ws.basedir(), problems);
        problems.throwIfAny(problems.list().stream().allMatch(p -> p.source().equals(study.source()))
                ? "The study file has mistakes" : "The study and its data have mistakes");
        log.info("Study " + ws.display(ws.studyFile()) + " is valid: " + study.datasets().size() + " datasets, "
                + study.models().size() + " models, " + study.tests().size() + " tests, " + study.tables().size() + " tables, "
                + study.figures().size() + " figures");
        return new Loaded(study, report, data, Map.of(), skips);
    }

    private RestrictedData.Skips restrictedSkips(Study study, ReportSpecs report, Problems problems) {
        try {
            return RestrictedData.trace(study, report, ws, problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds the constructed variables; a no-op, said so, when the study has no index section. */
    public Loaded index() throws ReproException, IOException {
        return prepare(true);
    }

    /**
     * The index goal: skips every step, each with its reason, when its kind, parameters and inputs (by digest) and the
     * files it wrote are those of the last build, without reading any data; otherwise says which steps changed and
     * why, then builds. {@code force} builds anyway (see {@link IndexGoal}).
     */
    public void indexGoal(boolean force) throws ReproException, IOException {
        new IndexGoal(this).run(force);
    }

    /** Records what each index step was built from and the digests of the files it wrote. */
    void recordIndex(Study study) throws IOException {
        BuildState.write(ws, IndexState.STATE, IndexState.withOutputs(IndexState.parts(study, ws, stamps()), ws, stamps()));
        stamps().save();
    }

    /**
     * The validated study with its constructed datasets built (written to target/repro/data) and every
     * model and test on them checked: what estimate and tables work from.
     */
    public Loaded prepare() throws ReproException, IOException {
        return prepare(false);
    }

    private Loaded prepare(boolean verbose) throws ReproException, IOException {
        String key = cacheKey();
        Loaded cached = cache.get(StudyCache.Stage.PREPARED, key);
        if (cached != null && Files.isDirectory(ws.dataDir())) {
            return cached;
        }
        Loaded raw = validate();
        Study study = raw.study();
        if (study.index().steps().isEmpty()) {
            if (verbose) {
                log.info("No index section in " + ws.display(ws.studyFile()) + ": nothing to build");
            }
            datasetCache().prune(raw.data().keySet());
            return raw;
        }
        BuildState.forget(ws, IndexState.STATE);
        // steps whose inputs and files are unchanged are loaded from target/repro/cache, the others built in memory
        CachedIndex.Built built = CachedIndex.build(study, raw.data(), ws, stamps(), datasetCache(), cache, log, verbose);
        recordIndex(study);
        Map<String, Dataset> all = new LinkedHashMap<>(raw.data());
        all.putAll(built.datasets());
        datasetCache().prune(all.keySet());
        Problems problems = new Problems();
        StudyCheck.check(study, all, all.keySet(), cache.frames(), problems);
        problems.throwIfAny("The study does not fit its constructed datasets");
        Loaded loaded = new Loaded(study, raw.report(), all, built.index(), raw.skips());
        cache.put(StudyCache.Stage.PREPARED, key, loaded);
        return loaded;
    }

    /**
     * Runs every model and test and writes results.json; a failed run leaves no results file. Skips, saying
     * so, when plugin, study and data are unchanged since the last run, unless {@code force}.
     */
    public void estimate(boolean force) throws ReproException, IOException {
        ignoreCache |= force;
        NoopRecord record = noopRecord("estimate");
        if (unchanged(record, force)) {
            return;
        }
        estimateItems(force);
        NoopInputs.estimate(record, ws, study(), stamps(), ESTIMATE_UP_TO_DATE);
    }

    private static final String ESTIMATE_UP_TO_DATE = "Results are up to date (plugin, study and data unchanged): skipping"
            + " estimation; -Drepro.force=true reruns it";
    private static final String TABLES_UP_TO_DATE = "Tables are up to date (results, study, templates and baseline unchanged):"
            + " skipping rendering; -Drepro.force=true reruns it";

    private void estimateItems(boolean force) throws ReproException, IOException {
        Loaded loaded;
        Fingerprint fp;
        try {
            // decided from the digests of the files alone: an unchanged project reads no data
            Study study = study();
            fp = new Fingerprint(stamps()).withFiles(Fingerprint.estimateInputs(ws, study));
            if (!force && fp.matches(ws, "estimate", ws.resultsFile())) {
                log.info(ESTIMATE_UP_TO_DATE);
                stamps().save();
                return;
            }
            loaded = prepare();
        } catch (ReproException | IOException | RuntimeException e) {
            // results of an earlier study or data must not outlive a failed estimate (tables, check, package read them)
            Fingerprint.forget(ws, "estimate");
            BuildState.forget(ws, EstimatePlan.STATE);
            Files.deleteIfExists(ws.resultsFile());
            throw e;
        }
        EstimatePlan plan = new EstimatePlan(loaded);
        EstimatePlan.Reuse reuse = force ? EstimatePlan.Reuse.NONE : LastResults.reusable(ws, plan, stamps(), log);
        if (force) {
            log.info("Estimating every model, test and mediation analysis: repro.force is set");
        }
        estimate(loaded, reuse, plan);
        fp.store(ws, "estimate", ws.resultsFile());
        stamps().save();
    }

    private Results estimate(Loaded loaded) throws ReproException, IOException {
        return estimate(loaded, EstimatePlan.Reuse.NONE, new EstimatePlan(loaded));
    }

    private Results estimate(Loaded loaded, EstimatePlan.Reuse reuse, EstimatePlan plan) throws ReproException, IOException {
        Fingerprint.forget(ws, "estimate");
        BuildState.forget(ws, EstimatePlan.STATE);
        Files.deleteIfExists(ws.resultsFile());
        Map<String, Long> timings = new LinkedHashMap<>();
        Results results = EstimateStep.run(loaded.study(), loaded.report(), loaded.data(), loaded.index(), threads, log, timings, reuse,
                cache.frames());
        results = withFigureNumbers(loaded, results);
        ResultsFile.write(ws.resultsFile(), results);
        // wall times vary from run to run: kept apart from the results, for the replication README only
        AtomicFiles.write(ws.outputDir().resolve("timings.json"), Json.bytes(timings));
        log.info("Wrote " + ws.display(ws.resultsFile()) + ": " + results.models().size() + " models, " + results.tests().size() + " tests"
                + (results.mediation().isEmpty() ? "" : ", " + results.mediation().size() + " mediation analyses"));
        BuildState.write(ws, EstimatePlan.STATE, plan.parts());
        return results;
    }

    /**
     * The results with the numbers of the trend and tile-map figures ({@code figures.<id>}), so that every number a
     * figure prints is in results.json and under the drift gate.
     */
    private Results withFigureNumbers(Loaded loaded, Results results) throws ReproException {
        Problems problems = new Problems();
        TableInputs in = new TableInputs(loaded.study().source(), results, loaded.data(), loaded.study().labels());
        Map<String, FigureResult> figures = FigureNumbers.of(loaded.report().figures(), in, ws.basedir(), problems);
        problems.throwIfAny("Estimation failed");
        return results.withFigures(figures);
    }

    /**
     * Renders tables, figures and the report; skips when results, study, data, templates and baseline are unchanged.
     * Otherwise writes again only the tables whose own entry or inputs changed (see {@link TablesPlan}), each with its
     * reason, and every figure and the report.
     */
    public void tables(boolean force) throws ReproException, IOException {
        ignoreCache |= force;
        NoopRecord record = noopRecord("tables");
        if (unchanged(record, force)) {
            return;
        }
        renderTables(force);
        NoopInputs.tables(record, ws, study(), stamps(), TABLES_UP_TO_DATE);
    }

    private void renderTables(boolean force) throws ReproException, IOException {
        // the study file and every file it names (data, tile-map layouts), by digest: decided without reading data
        Fingerprint fp = new Fingerprint(stamps()).withFiles(Fingerprint.estimateInputs(ws, study())).with("results", ws.resultsFile())
                .with("baseline", ws.baselineFile()).withTree("templates", ws.templatesDir());
        // every file the last rendering wrote (tables, figures, the report) must be there as it was written
        if (!force && fp.matches(ws, "tables") && Fingerprint.outputsIntact(ws, "tables", stamps())) {
            log.info(TABLES_UP_TO_DATE);
            stamps().save();
            return;
        }
        Fingerprint.forget(ws, "tables");
        Map<String, Map<String, String>> recorded = force ? null : BuildState.read(ws, TablesPlan.STATE, log);
        BuildState.forget(ws, TablesPlan.STATE);
        Loaded loaded = prepare();
        TablesPlan plan = new TablesPlan(loaded, TablesStep.displayLabels(loaded.study().labels(), loaded.data()), ws, stamps());
        Set<String> render = plan.toRender(recorded, ws, stamps(), log);
        TablesStep.run(loaded.study(), loaded.report(), loaded.data(), ws, PluginVersion.get(), log, loaded.skips(), render::contains);
        BuildState.write(ws, TablesPlan.STATE, plan.withOutputs(ws, stamps()));
        fp.store(ws, "tables", List.of(ws.tablesDir(), ws.outputDir().resolve("figures"), ws.reportDir()));
        stamps().save();
    }

    /** The drift gate, then the published tables: every problem of both is reported in one failure. */
    public void check(boolean failOnDrift) throws ReproException, IOException {
        check(failOnDrift, false);
    }

    /**
     * As {@link #check(boolean)}; when the last check passed and results.json, the baseline, the study and what the
     * check wrote are the same files, says what it said then without reading them, unless {@code force} (see
     * {@link CheckGoal}).
     */
    public void check(boolean failOnDrift, boolean force) throws ReproException, IOException {
        new CheckGoal(this).run(failOnDrift, force);
    }

    /** Writes the replication archive from the outputs of the last build. */
    public void replicationPackage(String java, String maven, String os, List<String> dependencies,
                                   PackageBundle.Request bundle) throws ReproException, IOException {
        Loaded loaded = prepare();
        PackageStep.run(loaded.study(), loaded.report(), loaded.data(), ws,
                new PackageStep.Environment(java, maven, os, PluginVersion.get(), dependencies), bundle, log);
    }

    /**
     * Inside an unzipped replication package, after the rebuild: compares the shipped output/ with the rebuilt
     * outputs and writes REPLICATION-REPORT.md and .html; fails when a table differs and failOnDrift is set.
     */
    public void replicate(ReplicateStep.Actual actual, List<ReplicateStep.GoalTime> steps, boolean failOnDrift)
            throws ReproException, IOException {
        Loaded loaded = validate();
        ReplicateStep.run(loaded, ws, actual, steps, failOnDrift, log);
    }

    /** Estimates afresh and records the results as the baseline. */
    public void baseline() throws ReproException, IOException {
        Loaded loaded = prepare();
        Results results = estimate(loaded);
        new Fingerprint(stamps()).withFiles(Fingerprint.estimateInputs(ws, loaded.study()))
                .store(ws, "estimate", ws.resultsFile());
        stamps().save();
        // the input hashes go with the results, so that a later drift names the files changed since
        Map<String, String> inputs = BaselineInputs.hash(Fingerprint.estimateInputs(ws, loaded.study()));
        AtomicFiles.write(ws.baselineFile(), BaselineInputs.baseline(ResultsJson.tree(results), inputs));
        log.info("Recorded the baseline " + ws.display(ws.baselineFile()) + " with the SHA-256 of its " + inputs.size()
                + (inputs.size() == 1 ? " input file" : " input files") + "; commit it so that `mvn verify` checks against it");
    }

    /**
     * A validated study with its tables and figures as their kinds parsed them, its datasets (after
     * {@link #prepare()} also the constructed ones) and the index step's summary for results.json.
     */
    public record Loaded(Study study, ReportSpecs report, Map<String, Dataset> data, Map<String, IndexResult> index,
                         RestrictedData.Skips skips) {
    }
}
