package dev.repro.pipeline;

import dev.repro.report.ReportSpecs;

import dev.repro.diag.Located;
import dev.repro.data.Dataset;
import dev.repro.results.CoefficientResult;
import dev.repro.results.LinearInfo;
import dev.repro.results.IndexResult;
import dev.repro.results.MediationResult;
import dev.repro.results.ModelResult;
import dev.repro.results.Results;
import dev.repro.results.Summary;
import dev.repro.report.Summaries;
import dev.repro.report.TableInputs;
import dev.repro.results.TestResult;
import dev.repro.estimate.linear.Coefficient;
import dev.repro.estimate.linear.Covariance;
import dev.repro.numeric.Effect;
import dev.repro.numeric.Parallel;
import dev.repro.estimate.linear.Estimator;
import dev.repro.estimate.linear.LinearFit;
import dev.repro.estimate.linear.LinearModelException;
import dev.repro.estimate.linear.LinearOptions;
import dev.repro.estimate.linear.Singletons;
import dev.repro.estimate.linear.SmallSample;
import dev.repro.estimate.linear.LinearModel;
import dev.repro.estimate.linear.LinearProblem;
import dev.repro.estimate.linear.RandomEffects;
import dev.repro.study.MediationSpec;
import dev.repro.study.ModelSpec;
import dev.repro.diag.Problems;
import dev.repro.diag.ReproException;
import dev.repro.study.Study;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.repro.diag.Located;
import dev.repro.diag.Suggest;
import dev.repro.estimate.gmm.GmmException;
import dev.repro.estimate.gmm.GmmFit;
import dev.repro.estimate.gmm.GmmFrame;
import dev.repro.estimate.gmm.GmmOptions;
import dev.repro.estimate.gmm.GmmProblem;
import dev.repro.estimate.gmm.PanelGmm;
import dev.repro.estimate.mediation.Mediation;
import dev.repro.estimate.mediation.MediationProblem;
import dev.repro.formula.Formula;
import dev.repro.formula.FormulaException;
import dev.repro.formula.SampleFilter;
import dev.repro.formula.Term;
import java.util.Optional;

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
        List<ModelSpec> specs = List.copyOf(study.models().values());
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
            out[i] = estimate(m, data.get(m.dataset()), problemsOf[i], warningsOf.get(i));
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        });
        Problems problems = new Problems();
        Map<String, ModelResult> models = new LinkedHashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            warningsOf.get(i).forEach(log::warn);
            problems.addAll(problemsOf[i]);
            if (out[i] != null) {
                models.put(specs.get(i).name(), out[i]);
            }
            timings.put("models." + specs.get(i).name(), millis[i]);
        }
        List<String> testWarnings = new ArrayList<>();
        Map<String, TestResult> tests = TestRunner.run(study, data, models, threads, problems, testWarnings);
        testWarnings.forEach(log::warn);
        // mediation analyses one after the other, each bootstrap parallel over its replicates
        Map<String, MediationResult> mediation = new LinkedHashMap<>();
        for (MediationSpec ms : study.mediation().values()) {
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
        return results.withSummaries(summaries);
    }

    /** One model by its estimator; null after problems. */
    static ModelResult estimate(ModelSpec m, Dataset d, Problems problems, List<String> warnings) {
        return switch (m.estimator()) {
            case "linear", "re" -> linear(m, d, problems, warnings);
            case "gmm" -> gmm(m, d, problems, warnings);
            default -> {
                problems.add(m.where("estimator").problem("estimator '" + m.estimator()
                        + "' is not available in this version of the plugin; use estimator: linear"));
                yield null;
            }
        };
    }

    /** Dynamic panel GMM (R plm::pgmm conventions); the texts' mistakes are reported at their study keys. */
    static ModelResult gmm(ModelSpec m, Dataset d, Problems problems, List<String> warnings) {
        return gmm(m, d, problems, warnings, true);
    }

    /** With {@code fit} false, only checks the texts and builds the instrument frame (for validate). */
    static ModelResult gmm(ModelSpec m, Dataset d, Problems problems, List<String> warnings, boolean fit) {
        int before = problems.size();
        if (m.keyLocations().containsKey("vcov")) {
            problems.add(m.where("vcov").problem("GMM standard errors are robust as plm's summary (Windmeijer-corrected with "
                    + "steps: 2); remove 'vcov'"));
        }
        Optional<Formula> formula = Formula.parse(m.formula(),
                m.where("formula"), problems);
        List<Term> gmmTerms = terms((String) m.options().get("gmm"), "the GMM instruments", m.where("gmm"), problems);
        String ivText = (String) m.options().get("iv");
        List<Term> ivTerms = ivText == null ? null : terms(ivText, "the instruments", m.where("iv"), problems);
        boolean[] rows = null;
        if (m.sample() != null) {
            Located at = m.where("sample");
            Optional<SampleFilter> s = SampleFilter.parse(m.sample(), at, problems);
            if (s.isPresent() && s.get().check(d, at, problems)) {
                rows = s.get().select(d, at, problems).orElse(null);
            }
        }
        if (problems.size() > before || formula.isEmpty()) {
            return null;
        }
        GmmOptions options = GmmOptions.of((String) m.options().get("transformation"),
                (String) m.options().get("effect"), ((Number) m.options().get("steps")).intValue(), Boolean.TRUE.equals(m.options().get("collapse")));
        GmmFrame.Spec spec = new GmmFrame.Spec(formula.get(), gmmTerms, ivTerms,
                m.where("formula"), m.where("gmm"), m.where(ivText == null ? "formula" : "iv"));
        Optional<GmmProblem> problem = GmmFrame.build(d, spec, rows, options, problems);
        if (problem.isEmpty() || !fit) {
            return null;
        }
        GmmFit result;
        try {
            result = PanelGmm.fit(problem.get());
        } catch (GmmException e) {
            problems.add(m.at().problem(e.getMessage()));
            return null;
        }
        for (String w : result.warnings()) {
            warnings.add("models." + m.name() + ": " + w);
        }
        return computedOrReported(m, GmmResults.toModelResult(result, options),
                "the GMM weight matrix is singular or a value overflowed", problems, warnings);
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

    private static List<Term> terms(String text, String what, Located at, Problems problems) {
        try {
            return Formula.parseTerms(text, what);
        } catch (FormulaException e) {
            problems.add(e.problem().toProblem(at));
            return List.of();
        }
    }

    static ModelResult linear(ModelSpec m, Dataset d, Problems problems, List<String> warnings) {
        ModelInputs.Frame f = ModelInputs.frame(m, d, problems);
        if (f == null) {
            return null;
        }
        List<Effect> absorb = f.absorb();
        Covariance cov = switch (m.vcov().kind()) {
            case IID -> Covariance.iid();
            case HC1 -> Covariance.hc1();
            case CLUSTER -> new Covariance(Covariance.Kind.CLUSTER, f.clusters());
        };
        LinearOptions options = LinearOptions.defaults()
                .withSmallSample(SmallSample.parse((String) m.options().getOrDefault("dof", "stata")))
                .withSingletons(Singletons.parse((String) m.options().getOrDefault("singletons", "keep")));
        Effect panel = f.panel();
        if (panel != null) {
            options = options.withPanel(panel);
        }
        if (m.estimator().equals("re")) {
            if (panel == null) {
                problems.add(m.where("estimator").problem("random effects need the panel unit: declare 'id' (and 'time') for dataset "
                        + d.name()));
                return null;
            }
            if (!absorb.isEmpty()) {
                problems.add(m.where("formula").problem("random effects absorb no fixed effects: remove the part after '|' "
                        + "(the panel unit " + d.idColumn() + " is the random effect)"));
                return null;
            }
            options = options.withEstimator(Estimator.RANDOM);
        }
        LinearFit fit;
        try {
            fit = LinearModel.fit(new LinearProblem(f.dependent(), f.y(), f.names(), f.x(), absorb, cov, options));
        } catch (LinearModelException e) {
            problems.add(m.at().problem(e.getMessage()));
            return null;
        }
        for (String dropped : fit.dropped()) {
            warnings.add("models." + m.name() + ": " + dropped + " omitted because of collinearity");
        }
        if (fit.singletonsDropped() > 0) {
            warnings.add("models." + m.name() + ": " + fit.singletonsDropped() + " singleton observations dropped (singletons: drop)");
        }
        Map<String, CoefficientResult> coefs = new LinkedHashMap<>();
        for (Coefficient c : fit.coefficients()) {
            coefs.put(c.term(), new CoefficientResult(c.estimate(), c.stdError(), c.t(), c.p()));
        }
        RandomEffects re = fit.randomEffects();
        LinearInfo info = new LinearInfo(fit.dfTest(), fit.fDf1(), fit.fP(), fit.absorbedDf(),
                (String) m.options().getOrDefault("dof", "stata"), fit.singletonsDropped() > 0 ? fit.singletonsDropped() : null,
                fit.nestedInCluster(), re == null ? null : re.theta0(), re == null ? null : re.sigma2Idiosyncratic(),
                re == null ? null : re.sigma2Individual());
        boolean within = !absorb.isEmpty();
        Integer groups = fit.groups() > 0 ? fit.groups() : null;
        Integer clusters = cov.kind() == Covariance.Kind.CLUSTER ? fit.minClusters() : null;
        List<String> absorbed = absorb.stream().map(Effect::name).toList();
        ModelResult result = new ModelResult(f.dependent(), fit.estimator(), fit.vcovType(), fit.nobs(), groups, clusters,
                within ? fit.r2Within() : null, fit.r2(), fit.adjR2(), Double.isNaN(fit.fStat()) ? null : fit.fStat(),
                fit.dfResid(), coefs, fit.dropped(), absorbed, null, info);
        return computedOrReported(m, result, NotComputed.reason(f), problems, warnings);
    }

    /**
     * A model with a statistic that could not be computed fails at its study key, saying which and why, unless
     * it says {@code allowMissing: true}: then the statistics stay null (n/a in every table) with a warning.
     */
    static ModelResult computedOrReported(ModelSpec m, ModelResult r, String reason, Problems problems, List<String> warnings) {
        List<String> missing = NotComputed.statistics(r);
        if (missing.isEmpty()) {
            return r;
        }
        String what = "could not compute " + NotComputed.list(missing) + " (" + reason + ")";
        if (m.allowMissing()) {
            warnings.add("models." + m.name() + ": " + what + "; kept as null (allowMissing: true), shown as n/a");
            return r;
        }
        problems.add(m.at().problem(what + "; fix the data or the formula, or set allowMissing: true on the model "
                + "to keep them as null (n/a in tables)"));
        return null;
    }

}
