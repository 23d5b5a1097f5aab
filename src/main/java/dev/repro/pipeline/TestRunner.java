package dev.repro.pipeline;

import dev.repro.data.Dataset;
import dev.repro.results.ModelResult;
import dev.repro.estimate.linear.Covariance;
import dev.repro.results.TestResult;
import dev.repro.estimate.paneltest.Deterministic;
import dev.repro.estimate.paneltest.DumitrescuHurlin;
import dev.repro.estimate.paneltest.FisherUnitRoot;
import dev.repro.estimate.paneltest.Hausman;
import dev.repro.estimate.paneltest.ImPesaranShin;
import dev.repro.estimate.paneltest.Lags;
import dev.repro.estimate.paneltest.LevinLinChu;
import dev.repro.estimate.paneltest.PanelSeries;
import dev.repro.estimate.paneltest.PanelTestException;
import dev.repro.formula.Evaluator;
import dev.repro.formula.Formula;
import dev.repro.formula.FormulaException;
import dev.repro.formula.SampleFilter;
import dev.repro.formula.Term;
import dev.repro.diag.Problems;
import dev.repro.study.Study;
import dev.repro.study.TestSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.Arrays;

/**
 * Checks and runs the study's specification tests (package {@code dev.repro.estimate.paneltest}); each test's
 * result goes to results.json under {@code tests.<id>} as its {@link TestResult} record. Every test needs a panel dataset (id and time).
 * Variables are formula terms ({@code sales}, {@code log(sales)}, {@code D(x)}), evaluated on the whole
 * dataset (lags follow the panel's time), then restricted to the sample; rows with a missing value are left out.
 */
final class TestRunner {
    private TestRunner() {
    }

    static void check(Study study, Map<String, Dataset> data, Set<String> only, Problems problems) {
        for (TestSpec t : study.tests().values()) {
            Dataset d = data.get(t.dataset());
            if (d != null && only.contains(t.dataset())) {
                prepare(t, d, 1, problems);
            }
        }
    }

    static Map<String, TestResult> run(Study study, Map<String, Dataset> data, Map<String, ModelResult> models,
                                       int threads, Problems problems) {
        Map<String, TestResult> out = new LinkedHashMap<>();
        for (TestSpec t : study.tests().values()) {
            Dataset d = data.get(t.dataset());
            if (d == null) {
                continue;
            }
            Supplier<TestResult> job = prepare(t, d, threads, problems);
            if (job == null) {
                continue;
            }
            try {
                out.put(t.name(), job.get());
            } catch (PanelTestException e) {
                problems.add(t.where(failingKey(t)).problem(e.getMessage()));
            }
        }
        return out;
    }

    /** The study key a data-dependent failure is reported at. */
    private static String failingKey(TestSpec t) {
        return switch (t.type()) {
            case "hausman" -> "formula";
            case "unitroot" -> "variable";
            default -> "cause";
        };
    }

    /** Checks a test's settings against its dataset; the computation to run, or null after problems. */
    static Supplier<TestResult> prepare(TestSpec t, Dataset d, int threads, Problems problems) {
        if (!d.isPanel()) {
            problems.add(t.where("dataset").problem("the " + t.type() + " test needs a panel dataset, but dataset '"
                    + d.name() + "' has no " + (d.idColumn() == null ? "id" : "time")
                    + " column; declare its panel unit and period with id: and time:"));
            return null;
        }
        return switch (t.type()) {
            case "hausman" -> hausman(t, d, threads, problems);
            case "unitroot" -> unitRoot(t, d, problems);
            case "granger" -> granger(t, d, problems);
            default -> {
                problems.add(t.where("type").problem("unknown test type '" + t.type() + "'; expected hausman, unitroot or granger"));
                yield null;
            }
        };
    }

    // ------------------------------------------------------------------------------------------- Hausman

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

    // ---------------------------------------------------------------------------------------- unit roots

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
        Optional<double[]> v = values(t, "variable", d, problems);
        boolean[] keep = sample(t, d, problems);
        if (problems.size() > before || v.isEmpty()) {
            return null;
        }
        String variable = t.string("variable");
        return () -> {
            PanelSeries s = series(t, d, keep, "variable", new double[][] {v.get()});
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

    // ------------------------------------------------------------------------------------------- Granger

    private static Supplier<TestResult> granger(TestSpec t, Dataset d, Problems problems) {
        int before = problems.size();
        Optional<double[]> y = values(t, "effect", d, problems);
        Optional<double[]> x = values(t, "cause", d, problems);
        boolean[] keep = sample(t, d, problems);
        if (problems.size() > before || y.isEmpty() || x.isEmpty()) {
            return null;
        }
        int k = t.integer("lags", 1);
        String cause = t.string("cause");
        String effect = t.string("effect");
        return () -> {
            PanelSeries s = series(t, d, keep, "effect", new double[][] {y.get(), x.get()});
            return TestResults.granger(cause, effect, DumitrescuHurlin.test(s, k, null).named(cause, effect, d.idColumn()));
        };
    }

    // --------------------------------------------------------------------------------------------- data

    /** One formula term of the test evaluated on every row of the dataset; empty after a problem. */
    private static Optional<double[]> values(TestSpec t, String key, Dataset d, Problems problems) {
        String text = t.string(key);
        if (text == null) {
            return Optional.empty();
        }
        List<Term> terms;
        try {
            terms = Formula.parseTerms(text, key);
        } catch (FormulaException e) {
            problems.add(e.problem().toProblem(t.where(key)));
            return Optional.empty();
        }
        if (terms.size() != 1) {
            problems.add(t.where(key).problem("expected one variable such as sales or log(sales), found " + terms.size()
                    + " terms in \"" + text + "\""));
            return Optional.empty();
        }
        return Evaluator.evaluate(terms.get(0), d, t.where(key), problems);
    }

    /** The rows the sample keeps (all when there is none); null after a problem. */
    private static boolean[] sample(TestSpec t, Dataset d, Problems problems) {
        String text = t.string("sample");
        boolean[] all = new boolean[d.rows()];
        Arrays.fill(all, true);
        if (text == null) {
            return all;
        }
        Optional<SampleFilter> s = SampleFilter.parse(text, t.where("sample"), problems);
        if (s.isEmpty()) {
            return null;
        }
        return s.get().select(d, t.where("sample"), problems).orElse(null);
    }

    /**
     * The panel series of the kept rows: unit codes of the id column, integer periods of the time column; rows with a
     * missing id, time or value are left out. A time that is not a whole number cannot be a period.
     */
    private static PanelSeries series(TestSpec t, Dataset d, boolean[] keep, String key, double[][] columns) {
        Dataset.Codes ids = d.codes(d.idColumn());
        double[] time = d.numeric(d.timeColumn()).values();
        int n = d.rows();
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i] && ids.codes()[i] >= 0 && !Double.isNaN(time[i])) {
                if (time[i] != Math.rint(time[i]) || Math.abs(time[i]) > Integer.MAX_VALUE) {
                    throw new PanelTestException(String.format(Locale.ROOT,
                            "time column '%s' has the value %s on line %d of %s, which is not a whole-number period",
                            d.timeColumn(), d.column(d.timeColumn()).display(i), d.line(i), d.source()));
                }
                m++;
            }
        }
        int[] unit = new int[m];
        int[] period = new int[m];
        double[][] cols = new double[columns.length][m];
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i] && ids.codes()[i] >= 0 && !Double.isNaN(time[i])) {
                unit[j] = ids.codes()[i];
                period[j] = (int) time[i];
                for (int c = 0; c < columns.length; c++) {
                    cols[c][j] = columns[c][i];
                }
                j++;
            }
        }
        PanelSeries s;
        try {
            s = PanelSeries.of(unit, period, ids.levels(), cols);
        } catch (PanelTestException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new PanelTestException("dataset '" + d.name() + "': " + e.getMessage()
                    + "; the panel id and time must identify each row");
        }
        if (s.units() == 0) {
            throw new PanelTestException("no row of dataset '" + d.name() + "' has a value of " + t.string(key)
                    + (t.string("sample") == null ? "" : " in the sample \"" + t.string("sample") + "\""));
        }
        return s;
    }
}
