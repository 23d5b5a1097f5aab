package dev.repro.pipeline;

import dev.repro.data.Dataset;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import dev.repro.diag.ReproException;
import dev.repro.diag.Suggest;
import dev.repro.estimate.linear.Covariance;
import dev.repro.estimate.linear.LinearModelException;
import dev.repro.estimate.linear.LinearOptions;
import dev.repro.estimate.mediation.Mediation;
import dev.repro.estimate.mediation.MediationProblem;
import dev.repro.formula.Formula;
import dev.repro.formula.FormulaException;
import dev.repro.formula.Term;
import dev.repro.numeric.Parallel;
import dev.repro.report.ReportSpecs;
import dev.repro.report.Intervals;
import dev.repro.report.Summaries;
import dev.repro.report.TableInputs;
import dev.repro.results.IndexResult;
import dev.repro.results.MediationResult;
import dev.repro.results.ModelResult;
import dev.repro.results.Results;
import dev.repro.results.Summary;
import dev.repro.results.TestResult;
import dev.repro.study.MediationSpec;
import dev.repro.study.ModelSpec;
import dev.repro.study.Study;
import dev.repro.study.TestSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs every model and test of a validated study, in study order. */
final class EstimateStep {
    private EstimateStep() {
    }

    /**
     * Runs everything; the wall time of each model and test, in milliseconds, goes to {@code timings}.
     * Models run in parallel on {@code threads} workers; each writes only its own slot and its messages are
     * replayed in study order, so results and log are the same at any thread count.
     */
    static Results run(Study study, ReportSpecs report, Map<String, Dataset> data, Map<String, IndexResult> index, int threads, Reporter log,
                       Map<String, Long> timings) throws ReproException {
        return run(study, report, data, index, threads, log, timings, EstimatePlan.Reuse.NONE);
    }

    /**
     * As above, keeping the results in {@code reuse} (unchanged since the last estimate) instead of estimating them;
     * the results are in study order whichever were kept, so the file is the same as after a full run.
     */
    static Results run(Study study, ReportSpecs report, Map<String, Dataset> data, Map<String, IndexResult> index, int threads, Reporter log,
                       Map<String, Long> timings, EstimatePlan.Reuse reuse) throws ReproException {
        return run(study, report, data, index, threads, log, timings, reuse, ModelFrames.none());
    }

    /**
     * As above, estimating each model on the frame its check kept in {@code frames} (the build's), when there is one;
     * every frame is dropped from the store once the models are estimated.
     */
    static Results run(Study study, ReportSpecs report, Map<String, Dataset> data, Map<String, IndexResult> index, int threads, Reporter log,
                       Map<String, Long> timings, EstimatePlan.Reuse reuse, ModelFrames frames) throws ReproException {
        try {
            return runAll(study, report, data, index, threads, log, timings, reuse, frames);
        } finally {
            frames.clear();
        }
    }

    private static Results runAll(Study study, ReportSpecs report, Map<String, Dataset> data, Map<String, IndexResult> index, int threads,
                                  Reporter log, Map<String, Long> timings, EstimatePlan.Reuse reuse, ModelFrames frames) throws ReproException {
        List<ModelSpec> specs = study.models().values().stream().filter(m -> !reuse.models().containsKey(m.name())).toList();
        ModelResult[] out = new ModelResult[specs.size()];
        Problems[] problemsOf = new Problems[specs.size()];
        List<List<String>> warningsOf = new ArrayList<>();
        long[] millis = new long[specs.size()];
        for (int i = 0; i < specs.size(); i++) {
            problemsOf[i] = new Problems();
            warningsOf.add(new ArrayList<>());
        }
        Parallel.forEach(specs.size(), threads, i -> {
            long start = System.nanoTime();
            ModelSpec m = specs.get(i);
            out[i] = estimate(m, data.get(m.dataset()), frames, problemsOf[i], warningsOf.get(i));
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        });
        frames.clear(); // the frames of models whose results were reused
        Problems problems = new Problems();
        Map<String, ModelResult> fresh = new LinkedHashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            warningsOf.get(i).forEach(log::warn);
            problems.addAll(problemsOf[i]);
            if (out[i] != null) {
                fresh.put(specs.get(i).name(), out[i]);
            }
            timings.put("models." + specs.get(i).name(), millis[i]);
        }
        Map<String, ModelResult> models = EstimatePlan.inOrder(List.copyOf(study.models().keySet()), reuse.models(), fresh);
        List<String> testWarnings = new ArrayList<>();
        Map<String, TestResult> freshTests = TestRunner.run(withoutTests(study, reuse.tests().keySet()), data, models, threads,
                problems, testWarnings);
        testWarnings.forEach(log::warn);
        freshTests.forEach((id, t) -> TestResults.warnings(t).forEach(w -> log.warn("tests." + id + ": " + w)));
        Map<String, TestResult> tests = EstimatePlan.inOrder(List.copyOf(study.tests().keySet()), reuse.tests(), freshTests);
        // mediation analyses one after the other, each bootstrap parallel over its replicates
        Map<String, MediationResult> mediation = new LinkedHashMap<>();
        for (MediationSpec ms : study.mediation().values()) {
            if (reuse.mediation().containsKey(ms.name())) {
                mediation.put(ms.name(), reuse.mediation().get(ms.name()));
                continue;
            }
            long start = System.nanoTime();
            MediationResult r = mediation(ms, data.get(ms.dataset()), threads, problems);
            if (r != null) {
                mediation.put(ms.name(), r);
            }
            timings.put("mediation." + ms.name(), (System.nanoTime() - start) / 1_000_000);
        }
        Results results = new Results(models, tests, mediation, index);
        // the numbers of descriptive and yearly tables, so that results.json (and the drift gate) holds every printed number
        Map<String, Summary> summaries = Summaries.of(report.tables(),
                new TableInputs(study.source(), results, data, study.labels()), problems);
        problems.throwIfAny("Estimation failed");
        // the bounds of regression tables with stat: ci, under the gate like the coefficients they come from
        return results.withSummaries(summaries).withIntervals(Intervals.of(report.tables(), results));
    }

    /** The study without the tests in {@code kept}, whose recorded results are reused. */
    private static Study withoutTests(Study s, Set<String> kept) {
        if (kept.isEmpty()) {
            return s;
        }
        Map<String, TestSpec> tests = new LinkedHashMap<>(s.tests());
        tests.keySet().removeAll(kept);
        return new Study(s.source(), s.sha256(), s.title(), s.seed(), s.datasets(), s.index(), s.labels(), s.models(), tests,
                s.tables(), s.figures(), s.tolerance(), s.published(), s.tree(), s.root(), s.mediation());
    }

    /** One model by its estimator kind; null after problems. */
    static ModelResult estimate(ModelSpec m, Dataset d, ModelFrames frames, Problems problems, List<String> warnings) {
        EstimatorKind kind = EstimatorKinds.named(m.estimator());
        if (kind == null) {
            problems.add(m.where("estimator").problem("estimator '" + m.estimator() + "' is not available in this version of the plugin; "
                    + "expected one of " + String.join(", ", EstimatorKinds.words())));
            return null;
        }
        return kind.estimate(m, d, frames, problems, warnings);
    }

    /**
     * A mediation analysis: every variable is checked at its own key, then one frame "outcome ~ treatment +
     * mediators + controls | absorb" gives the common sample of all the regressions; null after problems.
     */
    static MediationResult mediation(MediationSpec s, Dataset d, int threads, Problems problems) {
        return mediation(s, d, threads, problems, true);
    }

    /** With {@code run} false, only checks the variables and builds the common sample (for validate). */
    static MediationResult mediation(MediationSpec s, Dataset d, int threads, Problems problems, boolean run) {
        int before = problems.size();
        List<String> labels = new ArrayList<>();
        String treatment = oneTerm(s.treatment(), "the treatment", s.where("treatment"), d, problems);
        List<String> mediators = new ArrayList<>();
        for (String m : s.mediators()) {
            mediators.add(oneTerm(m, "the mediator", s.where("mediators"), d, problems));
        }
        String outcome = oneTerm(s.outcome(), "the outcome", s.where("outcome"), d, problems);
        List<String> controls = new ArrayList<>();
        for (String c : s.controls()) {
            controls.add(oneTerm(c, "the control", s.where("controls"), d, problems));
        }
        for (String a : s.absorb()) {
            for (String col : a.split("\\^")) {
                String c = col.strip();
                if (!d.has(c)) {
                    String hint = Suggest.didYouMean(c, d.columnNames());
                    problems.add(s.where("absorb").problem("unknown column '" + c + "' to absorb in dataset " + d.name()
                            + (hint.isEmpty() ? "; its columns are: " + String.join(", ", d.columnNames()) : hint)));
                }
            }
        }
        if (s.bootstrap() != null && d.idColumn() == null) {
            problems.add(s.where("bootstrap").problem("the bootstrap resamples whole panel units: declare 'id' for dataset " + d.name()));
        }
        if (problems.size() > before) {
            return null;
        }
        labels.add(treatment);
        labels.addAll(mediators);
        labels.addAll(controls);
        String formula = outcome + " ~ " + String.join(" + ", labels) + (s.absorb().isEmpty() ? "" : " | " + String.join(" + ", s.absorb()));
        ModelInputs.Frame f = ModelInputs.frame(formula, s.where("treatment"), s.sample(), s.where("sample"), s.vcov().clusters(),
                s.where("vcov"), d, problems);
        if (f == null || !run) {
            return null;
        }
        int nm = mediators.size();
        double[][] m = new double[nm][];
        for (int i = 0; i < nm; i++) {
            m[i] = f.x()[1 + i];
        }
        double[][] c = new double[controls.size()][];
        for (int j = 0; j < c.length; j++) {
            c[j] = f.x()[1 + nm + j];
        }
        Covariance cov = switch (s.vcov().kind()) {
            case IID -> Covariance.iid();
            case HC1 -> Covariance.hc1();
            case CLUSTER -> new Covariance(Covariance.Kind.CLUSTER, f.clusters());
            case DRISCOLL_KRAAY, NEWEY_WEST, HAC -> throw new IllegalStateException("refused by the mediation parser");
        };
        MediationSpec.Bootstrap b = s.bootstrap();
        MediationProblem.Bootstrap bs = b == null ? null
                : new MediationProblem.Bootstrap(b.replications(), b.level(), b.intervals(), b.seed());
        List<String> names = f.names();
        MediationProblem p = new MediationProblem(names.get(0),
                names.subList(1, 1 + nm), f.dependent(), names.subList(1 + nm, names.size()), f.x()[0], m, f.y(), c, f.absorb(), cov,
                LinearOptions.defaults(), f.panel(), bs);
        try {
            return MediationResults.toMediationResult(Mediation.run(p, threads));
        } catch (LinearModelException e) {
            problems.add(s.at().problem(e.getMessage()));
            return null;
        }
    }

    /** One formula term at a study key, its columns checked against the dataset; its canonical label, or null. */
    private static String oneTerm(String text, String what, Located at, Dataset d, Problems problems) {
        List<Term> ts = terms(text, what, at, problems);
        if (ts.isEmpty()) {
            return null;
        }
        if (ts.size() > 1) {
            problems.add(at.problem(what + " '" + text + "' is " + ts.size() + " terms; give one variable or expression"));
            return null;
        }
        for (String col : ts.get(0).columns()) {
            if (!d.has(col)) {
                String hint = Suggest.didYouMean(col, d.columnNames());
                problems.add(at.problem("unknown column '" + col + "' in " + what + " '" + text + "' of dataset " + d.name()
                        + (hint.isEmpty() ? "; its columns are: " + String.join(", ", d.columnNames()) : hint)));
                return null;
            }
        }
        return ts.get(0).label();
    }

    static List<Term> terms(String text, String what, Located at, Problems problems) {
        try {
            return Formula.parseTerms(text, what);
        } catch (FormulaException e) {
            problems.add(e.problem().toProblem(at));
            return List.of();
        }
    }

}
