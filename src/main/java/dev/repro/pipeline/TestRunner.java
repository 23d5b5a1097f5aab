package dev.repro.pipeline;

import dev.repro.data.Dataset;
import dev.repro.estimate.ModelResult;
import dev.repro.estimate.linear.Covariance;
import dev.repro.estimate.linear.Estimator;
import dev.repro.estimate.linear.LinearFit;
import dev.repro.estimate.linear.LinearModel;
import dev.repro.estimate.linear.LinearModelException;
import dev.repro.estimate.linear.LinearOptions;
import dev.repro.estimate.linear.LinearProblem;
import dev.repro.estimate.paneltest.PanelTestRunner;
import dev.repro.formula.SampleFilter;
import dev.repro.study.Problems;
import dev.repro.study.Study;
import dev.repro.study.TestSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the study's specification tests (unit roots, Dumitrescu-Hurlin, Hausman) on their datasets after
 * the test's sample filter; results go to results.json under {@code tests.<id>}. The test cores and their
 * options live in {@link PanelTestRunner}; this class only selects the data and, for Hausman, fits the
 * fixed- and random-effects models of the test's formula.
 */
final class TestRunner {
    private TestRunner() {
    }

    /** Checks what can be checked without running: panel structure, sample filter, formula and variables. */
    static void check(Study study, Map<String, Dataset> data, Set<String> only, Problems problems) {
        for (TestSpec t : study.tests().values()) {
            Dataset d = data.get(t.dataset());
            if (d == null || !only.contains(t.dataset())) {
                continue;
            }
            sampled(t, d, problems);
        }
    }

    static Map<String, Map<String, Object>> run(Study study, Map<String, Dataset> data, Map<String, ModelResult> models,
                                                int threads, Problems problems) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (TestSpec t : study.tests().values()) {
            Dataset d = sampled(t, data.get(t.dataset()), problems);
            if (d == null) {
                continue;
            }
            PanelTestRunner.Where where = new PanelTestRunner.Where(study.source(), "tests." + t.name());
            Map<String, Object> r = switch (t.type()) {
                case "unitroot" -> PanelTestRunner.unitRoot(d, t.options(), where, problems);
                case "granger" -> PanelTestRunner.granger(d, t.options(), study.seed(), where, problems);
                default -> hausman(t, d, where, problems);
            };
            if (r != null && t.type().equals("granger")) {
                // the Granger table words its row "cause does not Granger-cause effect" from these
                r = new LinkedHashMap<>(r);
                r.putIfAbsent("cause", String.valueOf(t.options().get("cause")));
                r.putIfAbsent("effect", String.valueOf(t.options().get("effect")));
            }
            if (r != null) {
                out.put(t.name(), r);
            }
        }
        return out;
    }

    /** The test's dataset restricted to its sample; null (with problems) when it is not a panel or the filter fails. */
    private static Dataset sampled(TestSpec t, Dataset d, Problems problems) {
        if (!d.isPanel()) {
            problems.add(t.where("dataset").problem("a " + t.type() + " test needs a panel: declare 'id' and 'time' for dataset " + d.name()));
            return null;
        }
        String sample = t.string("sample");
        if (sample == null) {
            return d;
        }
        Optional<SampleFilter> f = SampleFilter.parse(sample, ModelInputs.site(t.where("sample")), problems);
        if (f.isEmpty()) {
            return null;
        }
        Optional<boolean[]> keep = f.get().select(d, ModelInputs.site(t.where("sample")), problems);
        return keep.map(d::select).orElse(null);
    }

    /** Fixed effects (the panel unit absorbed) against Swamy-Arora random effects, both with iid covariance (plm::phtest). */
    private static Map<String, Object> hausman(TestSpec t, Dataset d, PanelTestRunner.Where where, Problems problems) {
        Object formula = t.options().get("formula");
        if (formula == null) {
            problems.add(t.at().problem("missing required key 'formula'; write the slopes as \"y ~ x1 + x2\" (the panel id comes from the dataset)"));
            return null;
        }
        ModelInputs.Frame f = ModelInputs.frame(formula.toString(), t.where("formula"), null, t.where("sample"), List.of(),
                t.where("formula"), d, problems);
        if (f == null) {
            return null;
        }
        if (!f.absorb().isEmpty()) {
            problems.add(t.where("formula").problem("the Hausman test absorbs the panel unit itself: remove the part after '|'"));
            return null;
        }
        try {
            LinearOptions options = LinearOptions.defaults().withPanel(f.panel());
            LinearFit fe = LinearModel.fit(new LinearProblem(f.dependent(), f.y(), f.names(), f.x(), List.of(f.panel()),
                    Covariance.iid(), options));
            LinearFit re = LinearModel.fit(new LinearProblem(f.dependent(), f.y(), f.names(), f.x(), List.of(),
                    Covariance.iid(), options.withEstimator(Estimator.RANDOM)));
            return PanelTestRunner.hausman(fe, re, new PanelTestRunner.HausmanData(f.y(), f.names(), f.x(), f.panel().codes()),
                    t.options(), where, problems);
        } catch (LinearModelException e) {
            problems.add(t.at().problem(e.getMessage()));
            return null;
        }
    }
}
