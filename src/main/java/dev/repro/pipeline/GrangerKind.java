package dev.repro.pipeline;

import dev.repro.config.Fields;
import dev.repro.config.Node;
import dev.repro.data.Dataset;
import dev.repro.diag.Problems;
import dev.repro.results.TestResult;
import dev.repro.study.TestSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import static dev.repro.pipeline.TestKind.put;
import dev.repro.estimate.paneltest.DumitrescuHurlin;
import dev.repro.estimate.paneltest.PanelSeries;

/**
 * The Dumitrescu-Hurlin panel Granger non-causality test ({@code type: granger}); keys cause, effect, lags.
 */
final class GrangerKind implements TestKind {
    @Override
    public String word() {
        return "granger";
    }

    @Override
    public void parse(Fields f, Map<String, Object> options) {
        put(options, "cause", f.string("cause", true, "name the column that may Granger-cause the effect"));
        put(options, "effect", f.string("effect", true, "name the column that may be caused"));
        put(options, "lags", f.integer("lags", 1, 1, 50));
    }

    @Override
    public String failingKey() {
        return "cause";
    }

    @Override
    public Supplier<TestResult> prepare(TestSpec t, Dataset d, int threads, Problems problems) {
        return granger(t, d, problems);
    }

    private static Supplier<TestResult> granger(TestSpec t, Dataset d, Problems problems) {
        int before = problems.size();
        Optional<double[]> y = TestRunner.values(t, "effect", d, problems);
        Optional<double[]> x = TestRunner.values(t, "cause", d, problems);
        boolean[] keep = TestRunner.sample(t, d, problems);
        if (problems.size() > before || y.isEmpty() || x.isEmpty()) {
            return null;
        }
        int k = t.integer("lags", 1);
        String cause = t.string("cause");
        String effect = t.string("effect");
        return () -> {
            PanelSeries s = TestRunner.series(t, d, keep, "effect", new double[][] {y.get(), x.get()});
            return TestResults.granger(cause, effect, DumitrescuHurlin.test(s, k, null).named(cause, effect, d.idColumn()));
        };
    }

}
