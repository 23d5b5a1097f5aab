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
import dev.repro.estimate.linear.Covariance;
import dev.repro.estimate.paneltest.Hausman;

/**
 * The Hausman test of fixed against random effects ({@code type: hausman}), by {@link Hausman}; keys formula, method, vcov.
 */
final class HausmanKind implements TestKind {
    @Override
    public String word() {
        return "hausman";
    }

    @Override
    public void parse(Fields f, Map<String, Object> options) {
        put(options, "formula", f.string("formula", true, "write the slopes as \"y ~ x1 + x2\"; the panel id comes from the dataset"));
        put(options, "method", f.choice("method", "chisq", "chisq", "generalized", "regression"));
        put(options, "vcov", f.string("vcov", false, null));
    }

    @Override
    public String failingKey() {
        return "formula";
    }

    @Override
    public Supplier<TestResult> prepare(TestSpec t, Dataset d, int threads, Problems problems) {
        return hausman(t, d, threads, problems);
    }

    private static Supplier<TestResult> hausman(TestSpec t, Dataset d, int threads, Problems problems) {
        int before = problems.size();
        String method = t.string("method") == null ? "chisq" : t.string("method");
        String vcov = t.string("vcov");
        Hausman.AuxVcov aux = Hausman.AuxVcov.CLUSTER;
        Covariance.Spec spec = vcov == null ? null : Covariance.parse(vcov, detail -> { });
        boolean iid = spec != null && spec.kind() == Covariance.Kind.IID;
        if ("regression".equals(method)) {
            if (vcov == null || spec != null && spec.clusterColumns().size() == 1 && spec.clusterColumns().get(0).equals(d.idColumn())) {
                aux = Hausman.AuxVcov.CLUSTER;
            } else if (iid) {
                aux = Hausman.AuxVcov.IID;
            } else {
                problems.add(t.where("vcov").problem("unknown covariance '" + vcov + "' for the regression-based Hausman test; "
                        + "expected iid or cluster(" + d.idColumn() + ") (the default: robust to heteroskedasticity and "
                        + "serial correlation within " + d.idColumn() + ")"));
            }
        } else if (vcov != null && !iid) {
            problems.add(t.where("vcov").problem("the " + method + " Hausman test compares the conventional covariances "
                    + "of the two models, so vcov can only be iid; for a robust test write method: regression"));
        }
        ModelInputs.Frame f = ModelInputs.frame(t.string("formula"), t.where("formula"), t.string("sample"), t.where("sample"),
                List.of(), t.where("vcov"), d, problems);
        if (f == null || problems.size() > before) {
            return null;
        }
        if (!f.absorb().isEmpty()) {
            problems.add(t.where("formula").problem("write the Hausman formula without '|': the test fits the fixed effects "
                    + "of the panel unit (" + d.idColumn() + ") and the random-effects model itself"));
            return null;
        }
        Hausman.Variant variant = switch (method) {
            case "generalized" -> Hausman.Variant.GENERALIZED;
            case "regression" -> Hausman.Variant.REGRESSION;
            default -> Hausman.Variant.CHISQ;
        };
        Hausman.AuxVcov auxVcov = aux;
        return () -> TestResults.hausman(Hausman.panel(f.dependent(), f.y(), f.names(), f.x(), f.panel().codes(),
                f.panel().levels(), variant, auxVcov, threads));
    }

}
