package dev.repro.pipeline;

import dev.repro.data.Dataset;
import dev.repro.estimate.CoefficientResult;
import dev.repro.estimate.ModelResult;
import dev.repro.estimate.Results;
import dev.repro.estimate.linear.Coefficient;
import dev.repro.estimate.linear.Covariance;
import dev.repro.estimate.linear.Effect;
import dev.repro.estimate.linear.LinearFit;
import dev.repro.estimate.linear.LinearModel;
import dev.repro.estimate.linear.LinearProblem;
import dev.repro.formula.ModelFrame;
import dev.repro.study.ModelSpec;
import dev.repro.study.Problems;
import dev.repro.study.ReproException;
import dev.repro.study.Study;
import dev.repro.study.VcovSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs every model and test of a validated study, in study order. */
final class EstimateStep {
    private EstimateStep() {
    }

    /**
     * Runs everything; the wall time of each model and test, in milliseconds, goes to {@code timings}.
     * Models run in parallel on {@code threads} workers; each writes only its own slot and its messages are
     * replayed in study order, so results and log are the same at any thread count.
     */
    static Results run(Study study, Map<String, Dataset> data, int threads, Reporter log, Map<String, Long> timings)
            throws ReproException {
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
        Map<String, Map<String, Object>> tests = TestRunner.run(study, data, models, threads, problems);
        problems.throwIfAny("Estimation failed");
        return new Results(models, tests, Map.of(), Map.of());
    }

    /** One model by its estimator; null after problems. */
    static ModelResult estimate(ModelSpec m, Dataset d, Problems problems, List<String> warnings) {
        return switch (m.estimator()) {
            case "linear" -> linear(m, d, problems, warnings);
            default -> {
                problems.add(m.where("estimator").problem("estimator '" + m.estimator()
                        + "' is not available in this version of the plugin; use estimator: linear"));
                yield null;
            }
        };
    }

    static ModelResult linear(ModelSpec m, Dataset d, Problems problems, List<String> warnings) {
        ModelFrame f = ModelInputs.frame(m, d, problems);
        if (f == null) {
            return null;
        }
        List<Effect> absorb = new ArrayList<>();
        for (ModelFrame.Categorical c : f.effects()) {
            absorb.add(new Effect(c.name(), c.codes(), c.levels()));
        }
        Covariance cov = covariance(m.vcov(), f);
        LinearFit fit = LinearModel.fit(new LinearProblem(f.dependent(), f.y(), f.names(), f.x(), absorb, cov));
        for (String dropped : fit.dropped()) {
            warnings.add("models." + m.name() + ": " + dropped + " omitted because of collinearity");
        }
        Map<String, CoefficientResult> coefs = new LinkedHashMap<>();
        for (Coefficient c : fit.coefficients()) {
            coefs.put(c.term(), new CoefficientResult(c.estimate(), c.stdError(), c.t(), c.p()));
        }
        Integer groups = null;
        if (d.idColumn() != null && f.groups().containsKey(d.idColumn())) {
            groups = f.groups().get(d.idColumn()).levels();
        } else if (!absorb.isEmpty()) {
            groups = absorb.get(0).levels();
        }
        Integer clusters = cov.kind() == Covariance.Kind.CLUSTER ? cov.clusters().get(0).levels() : null;
        boolean pooled = absorb.isEmpty();
        List<String> absorbed = absorb.stream().map(Effect::name).toList();
        return new ModelResult(f.dependent(), pooled ? "ols" : "fe", m.vcov().text(), fit.nobs(), groups, clusters,
                pooled ? null : fit.r2Within(), fit.r2(), fit.adjR2(), null, fit.dfResid(), coefs, fit.dropped(), absorbed,
                null, null);
    }

    private static Covariance covariance(VcovSpec v, ModelFrame f) {
        return switch (v.kind()) {
            case IID -> Covariance.iid();
            case HC1 -> Covariance.hc1();
            case CLUSTER -> {
                List<Effect> cl = new ArrayList<>();
                for (String c : v.clusters()) {
                    ModelFrame.Categorical g = f.groups().get(c);
                    cl.add(new Effect(c, g.codes(), g.levels()));
                }
                yield new Covariance(Covariance.Kind.CLUSTER, cl);
            }
        };
    }
}
