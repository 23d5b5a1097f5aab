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
import java.util.ArrayList;
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
        for (TestSpec written : study.tests().values()) {
            TestSpec t = TestKinds.parse(written, new Problems()); // its mistakes are reported by TestKinds.check
            Dataset d = data.get(written.dataset());
            if (t != null && d != null && only.contains(t.dataset())) {
                prepare(t, d, 1, problems);
            }
        }
    }

    static Map<String, TestResult> run(Study study, Map<String, Dataset> data, Map<String, ModelResult> models,
                                       int threads, Problems problems) {
        return run(study, data, models, threads, problems, new ArrayList<>());
    }

    /**
     * Runs every test; a test whose headline statistic could not be computed fails at its key, naming the
     * statistics and the reason, unless it says {@code allowMissing: true} (then a warning goes to {@code warnings}).
     */
    static Map<String, TestResult> run(Study study, Map<String, Dataset> data, Map<String, ModelResult> models,
                                       int threads, Problems problems, List<String> warnings) {
        Map<String, TestResult> out = new LinkedHashMap<>();
        for (TestSpec written : study.tests().values()) {
            TestSpec t = TestKinds.parse(written, new Problems()); // validated: no mistakes left
            Dataset d = data.get(written.dataset());
            if (t == null || d == null) {
                continue;
            }
            Supplier<TestResult> job = prepare(t, d, threads, problems);
            if (job == null) {
                continue;
            }
            try {
                TestResult r = job.get();
                if (computedOrReported(t, r, d, problems, warnings)) {
                    out.put(t.name(), r);
                }
            } catch (PanelTestException e) {
                problems.add(t.where(TestKinds.named(t.type()).failingKey()).problem(e.getMessage()));
            }
        }
        return out;
    }

    private static boolean computedOrReported(TestSpec t, TestResult r, Dataset d, Problems problems, List<String> warnings) {
        List<String> missing = TestNotComputed.statistics(r);
        if (missing.isEmpty()) {
            return true;
        }
        String what = "could not compute " + String.join(", ", missing) + " (" + TestNotComputed.reason(t, d) + ")";
        if (Boolean.TRUE.equals(t.options().get("allowMissing"))) {
            warnings.add("tests." + t.name() + ": " + what + "; kept as null (allowMissing: true), shown as n/a");
            return true;
        }
        problems.add(t.at().problem(what + "; fix the data or the test, or set allowMissing: true on the test "
                + "to keep them as null (n/a in tables)"));
        return false;
    }

    /** Checks a test's settings against its dataset; the computation to run, or null after problems. */
    static Supplier<TestResult> prepare(TestSpec t, Dataset d, int threads, Problems problems) {
        if (!d.isPanel()) {
            problems.add(t.where("dataset").problem("the " + t.type() + " test needs a panel dataset, but dataset '"
                    + d.name() + "' has no " + (d.idColumn() == null ? "id" : "time")
                    + " column; declare its panel unit and period with id: and time:"));
            return null;
        }
        TestKind kind = TestKinds.named(t.type());
        if (kind == null) {
            problems.add(t.where("type").problem("unknown test type '" + t.type() + "'; expected " + String.join(", ", TestKinds.words())));
            return null;
        }
        return kind.prepare(t, d, threads, problems);
    }

    // --------------------------------------------------------------------------------------------- data

    /** One formula term of the test evaluated on every row of the dataset; empty after a problem. */
    static Optional<double[]> values(TestSpec t, String key, Dataset d, Problems problems) {
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
    static boolean[] sample(TestSpec t, Dataset d, Problems problems) {
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
    static PanelSeries series(TestSpec t, Dataset d, boolean[] keep, String key, double[][] columns) {
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
