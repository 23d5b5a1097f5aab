package dev.repro.pipeline;

import dev.repro.index.api.IndexStepSpec;
import dev.repro.study.Study;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What each goal's {@link NoopRecord} covers, from the study its usual path parsed: the files and folders its decision
 * reads and the outputs it must find intact, then the lines it says when it skips. A file left out here would let a
 * change slip through the record, so each list is the goal's whole decision: its fingerprint's files, its state files
 * and its outputs.
 */
final class NoopInputs {
    private NoopInputs() {
    }

    /** The plugin, the study file and every file it names (the validate fingerprint's files). */
    static void validate(NoopRecord r, Workspace ws, Study study, FileStamps stamps, String skip) throws IOException {
        r.store(inputs(ws, study), List.of(), say(skip), stamps);
    }

    /**
     * The study file; with index steps also every file it names, the CSV files the steps wrote and their record; the
     * lines are the skip line of every step.
     */
    static void index(NoopRecord r, Workspace ws, Study study, FileStamps stamps, String noSteps) throws IOException {
        if (study.index().steps().isEmpty()) {
            r.store(List.of(ws.studyFile()), List.of(), say(noSteps), stamps);
            return;
        }
        List<Path> files = inputs(ws, study);
        files.add(state(ws, IndexState.STATE));
        List<String[]> say = new ArrayList<>();
        for (IndexStepSpec s : study.index().steps()) {
            files.add(ws.dataDir().resolve(s.output() + ".csv"));
            s.extraOutputs().forEach(o -> files.add(ws.dataDir().resolve(o + ".csv")));
            say.add(new String[] {NoopRecord.INFO, IndexState.skipLine(s)});
        }
        r.store(files, List.of(), say, stamps);
    }

    /** The study file, every file it names, results.json and the estimate's records. */
    static void estimate(NoopRecord r, Workspace ws, Study study, FileStamps stamps, String skip) throws IOException {
        List<Path> files = inputs(ws, study);
        files.add(ws.resultsFile());
        files.add(fingerprint(ws, "estimate"));
        files.add(state(ws, EstimatePlan.STATE));
        r.store(files, List.of(), say(skip), stamps);
    }

    /**
     * The study file, every file it names, results.json, the baseline, the tables' records, the project's templates and
     * every file rendered (tables, figures, the report).
     */
    static void tables(NoopRecord r, Workspace ws, Study study, FileStamps stamps, String skip) throws IOException {
        List<Path> files = inputs(ws, study);
        files.add(ws.resultsFile());
        files.add(ws.baselineFile());
        files.add(fingerprint(ws, "tables"));
        files.add(state(ws, TablesPlan.STATE));
        List<Path> trees = new ArrayList<>(List.of(ws.tablesDir(), ws.outputDir().resolve("figures"), ws.reportDir()));
        if (ws.templatesDir() != null) {
            trees.add(ws.templatesDir());
        }
        r.store(files, trees, say(skip), stamps);
    }

    /**
     * The study file and every file it names (results.json must be the one estimated from them), results.json, the
     * baseline, the estimate's and the check's records, the JUnit report and the published tables' reports; the lines
     * are those the check said.
     */
    static void check(NoopRecord r, Workspace ws, Study study, FileStamps stamps, List<String[]> said) throws IOException {
        List<Path> files = inputs(ws, study);
        files.add(ws.resultsFile());
        files.add(ws.baselineFile());
        files.add(fingerprint(ws, "estimate"));
        files.add(fingerprint(ws, "check"));
        files.add(CheckRecord.lines(ws));
        files.add(CheckStep.junit(ws));
        r.store(files, List.of(ws.outputDir().resolve("published")), said, stamps);
    }

    private static List<Path> inputs(Workspace ws, Study study) {
        return new ArrayList<>(Fingerprint.estimateInputs(ws, study).values());
    }

    private static Path state(Workspace ws, String name) {
        return BuildState.dir(ws).resolve(name + ".json");
    }

    private static Path fingerprint(Workspace ws, String step) {
        return ws.outputDir().resolve("fingerprints").resolve(step + ".sha256");
    }

    private static List<String[]> say(String line) {
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {NoopRecord.INFO, line});
        return out;
    }
}
