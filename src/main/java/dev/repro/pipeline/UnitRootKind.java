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
import dev.repro.estimate.paneltest.Deterministic;
import dev.repro.estimate.paneltest.FisherUnitRoot;
import dev.repro.estimate.paneltest.ImPesaranShin;
import dev.repro.estimate.paneltest.Lags;
import dev.repro.estimate.paneltest.LevinLinChu;
import dev.repro.estimate.paneltest.PanelSeries;

/**
 * Panel unit-root tests ({@code type: unitroot}): LLC, IPS and Fisher ADF/PP; keys method, variable, lags, pmax, deterministic, convention, demean.
 */
final class UnitRootKind implements TestKind {
    @Override
    public String word() {
        return "unitroot";
    }

    @Override
    public void parse(Fields f, Map<String, Object> options) {
        put(options, "method", f.choice("method", null, "llc", "ips", "fisher-adf", "fisher-pp"));
        if (!f.has("method")) {
            f.missing("method", "one of llc, ips, fisher-adf, fisher-pp");
        }
        put(options, "variable", f.string("variable", true, "name the column to test"));
        Node lags = f.raw("lags");
        if (lags != null && lags.isScalar() && lags.scalarType() == Node.ScalarType.STRING) {
            put(options, "lags", f.choice("lags", null, "aic", "sic", "hall"));
        } else {
            put(options, "lags", f.integer("lags", 1, 0, 50));
        }
        put(options, "pmax", f.integer("pmax", null, 0, 50));
        put(options, "deterministic", f.choice("deterministic", "intercept", "none", "intercept", "trend"));
        put(options, "convention", f.choice("convention", null, "stata", "plm"));
        put(options, "demean", f.bool("demean", null));
    }

    @Override
    public String failingKey() {
        return "variable";
    }

    @Override
    public Supplier<TestResult> prepare(TestSpec t, Dataset d, int threads, Problems problems) {
        return unitRoot(t, d, problems);
    }

    private static Supplier<TestResult> unitRoot(TestSpec t, Dataset d, Problems problems) {
        int before = problems.size();
        String method = t.string("method");
        Deterministic det = Deterministic.parse(t.string("deterministic") == null ? "intercept" : t.string("deterministic"));
        boolean lagsWritten = t.keyLocations().containsKey("lags");
        Object lagsOpt = t.options().get("lags");
        Integer pmaxOpt = t.options().get("pmax") instanceof Number n ? n.intValue() : null;
        Lags lags;
        if (lagsOpt instanceof String rule) {
            lags = Lags.select(Lags.Rule.parse(rule), pmaxOpt == null ? Lags.DEFAULT_PMAX : pmaxOpt);
        } else {
            lags = Lags.fixedOrder(lagsOpt instanceof Number n ? n.intValue() : 1);
            if (pmaxOpt != null) {
                problems.add(t.where("pmax").problem("pmax bounds the lag order chosen by lags: aic, sic or hall; "
                        + "with lags: " + lags.fixed() + " remove pmax"));
            }
        }
        if ("ips".equals(method) && det == Deterministic.NONE) {
            problems.add(t.where("deterministic").problem("the Im-Pesaran-Shin test needs deterministic: intercept or trend "
                    + "(its moments are tabulated only for those models)"));
        }
        if ("fisher-pp".equals(method) && !lags.isFixed()) {
            problems.add(t.where("lags").problem("lags of fisher-pp is the number of Newey-West lags; aic, sic and hall choose "
                    + "ADF lags; write a number or leave lags out for int(4 (T/100)^(2/9))"));
        }
        String convention = t.string("convention");
        if (convention != null && !"fisher-adf".equals(method)) {
            problems.add(t.where("convention").problem("convention applies to method: fisher-adf only"));
        }
        boolean demean = Boolean.TRUE.equals(t.options().get("demean"));
        Optional<double[]> v = TestRunner.values(t, "variable", d, problems);
        boolean[] keep = TestRunner.sample(t, d, problems);
        if (problems.size() > before || v.isEmpty()) {
            return null;
        }
        String variable = t.string("variable");
        return () -> {
            PanelSeries s = TestRunner.series(t, d, keep, "variable", new double[][] {v.get()});
            return switch (method) {
                case "llc" -> TestResults.llc(variable, LevinLinChu.test(s, LevinLinChu.Options.of(det, lags).withDemean(demean)));
                case "ips" -> TestResults.ips(variable, ImPesaranShin.test(s, new ImPesaranShin.Options(det, lags, false, demean)));
                case "fisher-adf" -> TestResults.fisher(variable, FisherUnitRoot.test(s, ("plm".equals(convention)
                        ? FisherUnitRoot.Options.plm(det, lags, false)
                        : new FisherUnitRoot.Options(FisherUnitRoot.Method.ADF, det, lags, -1,
                                FisherUnitRoot.Convention.STATA, true, false)).withDemean(demean)));
                default -> TestResults.fisher(variable, FisherUnitRoot.test(s, FisherUnitRoot.Options.pp(det,
                        lagsWritten ? lags.fixed() : -1).withDemean(demean)));
            };
        };
    }

}
