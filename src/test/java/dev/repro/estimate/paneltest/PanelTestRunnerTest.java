package dev.repro.estimate.paneltest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.data.TextColumn;
import dev.repro.estimate.linear.Covariance;
import dev.repro.estimate.linear.Effect;
import dev.repro.estimate.linear.Estimator;
import dev.repro.estimate.linear.LinearFit;
import dev.repro.estimate.linear.LinearModel;
import dev.repro.estimate.linear.LinearOptions;
import dev.repro.estimate.linear.LinearProblem;
import dev.repro.estimate.paneltest.GoldenData.Table;
import dev.repro.estimate.paneltest.PanelTestRunner.Where;
import dev.repro.study.Problem;
import dev.repro.study.Problems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The study-file entry points: options, results and the exact text of every problem. */
class PanelTestRunnerTest {
    private static final Where AT = new Where("study.yaml", "tests.t");

    /** A golden table as a Dataset with a text id column and a numeric time column. */
    static Dataset dataset(String name) {
        Table t = GoldenData.table(name);
        List<Column> cols = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (String[] r : t.rows()) {
            ids.add(r[0]);
        }
        cols.add(TextColumn.of(t.header()[0], ids));
        for (int c = 1; c < t.header().length; c++) {
            cols.add(new NumericColumn(t.header()[c], t.column(t.header()[c])));
        }
        int[] lines = new int[t.rows().size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = i + 2;
        }
        return new Dataset(name, name + ".csv", null, cols, lines, t.header()[0], t.header()[1]);
    }

    private static Map<String, Object> opts(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static List<String> messages(Problems p) {
        List<String> out = new ArrayList<>();
        for (Problem x : p.list()) {
            out.add(x.format());
        }
        return out;
    }

    @Test
    void llcFromTheStudy() {
        Problems p = new Problems();
        Map<String, Object> r = PanelTestRunner.unitRoot(dataset("grunfeld"), opts("type", "unitroot", "method", "llc",
                "dataset", "grunfeld", "variable", "inv", "lags", 1, "deterministic", "intercept"), AT, p);
        assertTrue(p.isEmpty(), messages(p).toString());
        LlcResult direct = LevinLinChu.test(GoldenData.table("grunfeld").series("inv"),
                LevinLinChu.Options.of(Deterministic.INTERCEPT, Lags.fixedOrder(1)));
        assertEquals(direct.statistic(), r.get("statistic"));
        assertEquals(direct.p(), r.get("p"));
        assertEquals("grunfeld", r.get("dataset"));
        assertEquals("inv", r.get("variable"));
        assertEquals(List.of("statistic", "p"), List.copyOf(r.keySet()).subList(1, 3));
    }

    @Test
    void fisherPpWithStataDefaultsAndSelectedAdfLags() {
        Problems p = new Problems();
        Map<String, Object> pp = PanelTestRunner.unitRoot(dataset("produc"), opts("method", "fisher-pp", "variable", "lgsp"), AT, p);
        Map<String, Object> adf = PanelTestRunner.unitRoot(dataset("produc"), opts("method", "fisher-adf", "variable", "lgsp",
                "lags", "aic", "pmax", 2, "deterministic", "trend", "convention", "plm"), AT, p);
        assertTrue(p.isEmpty(), messages(p).toString());
        assertEquals(2, pp.get("lags"));
        assertEquals("stata", pp.get("convention"));
        assertEquals("aic(2)", adf.get("lagSelection"));
        assertEquals("plm", adf.get("convention"));
    }

    @Test
    void optionMistakes() {
        Problems p = new Problems();
        assertNull(PanelTestRunner.unitRoot(dataset("grunfeld"), opts("method", "llcc", "variable", "inv", "lags", "aicc",
                "deterministic", "drift", "bandwidth", -1, "demean", "yes", "colour", "red"), AT, p));
        assertEquals(List.of(
                "study.yaml: tests.t.colour: unknown key 'colour'; expected one of bandwidth, convention, dataset, demean, "
                        + "deterministic, dfCorrection, lags, method, pmax, sample, type, variable",
                "study.yaml: tests.t.method: expected one of llc, ips, fisher-adf, fisher-pp, found 'llcc'",
                "study.yaml: tests.t.deterministic: expected one of none, intercept, trend, found 'drift'",
                "study.yaml: tests.t.demean: expected true or false, found 'yes'",
                "study.yaml: tests.t.lags: expected a whole number >= 0 or aic, sic or hall, found 'aicc'",
                "study.yaml: tests.t.bandwidth: bandwidth applies to method: llc only; remove it"), messages(p));
    }

    @Test
    void missingKeysAndWrongConventions() {
        Problems p = new Problems();
        assertNull(PanelTestRunner.unitRoot(dataset("grunfeld"), opts("method", "ips", "deterministic", "none",
                "convention", "stata"), AT, p));
        assertEquals(List.of(
                "study.yaml: tests.t.variable: missing required key 'variable'",
                "study.yaml: tests.t.lags: missing required key 'lags'; give a number of lags or aic, sic or hall (with pmax)",
                "study.yaml: tests.t.convention: method ips follows R plm only; remove convention or use plm",
                "study.yaml: tests.t.deterministic: the Im-Pesaran-Shin test needs intercept or trend (its moments are "
                        + "tabulated only for those)"), messages(p));
    }

    @Test
    void dataProblems() {
        Problems p = new Problems();
        assertNull(PanelTestRunner.unitRoot(dataset("grunfeld"), opts("method", "llc", "variable", "investment", "lags", 1), AT, p));
        assertNull(PanelTestRunner.unitRoot(dataset("grunfeld_unbal"), opts("method", "llc", "variable", "inv", "lags", 1), AT, p));
        assertEquals(List.of(
                "study.yaml: tests.t: dataset grunfeld has no column investment",
                "study.yaml: tests.t: the Levin-Lin-Chu test needs a balanced panel without gaps (as R plm and Stata's "
                        + "xtunitroot llc): unit 1 has 17 observations in periods 1936-1952, unit 8 has 20 in 1935-1954; "
                        + "restrict the sample to common periods or use a Fisher or IPS test"), messages(p));
    }

    @Test
    void grangerFromTheStudy() {
        Problems p = new Problems();
        Map<String, Object> r = PanelTestRunner.granger(dataset("grunfeld"), opts("type", "granger", "cause", "value",
                "effect", "inv", "lags", 1), null, AT, p);
        assertTrue(p.isEmpty(), messages(p).toString());
        assertEquals("value does not Granger-cause inv", r.get("h0"));
        assertEquals("value does Granger-cause inv for at least one panel unit (firm)", r.get("h1"));
        assertEquals("value -> inv", r.get("variable"));
        Map<String, Object> boot = PanelTestRunner.granger(dataset("grunfeld"), opts("cause", "value", "effect", "inv",
                "bootstrap", Map.of("reps", 49, "seed", 11)), null, AT, p);
        assertTrue(p.isEmpty(), messages(p).toString());
        assertEquals(49, boot.get("bootReps"));
        assertEquals("11", boot.get("bootSeed"));
        Map<String, Object> studySeed = PanelTestRunner.granger(dataset("grunfeld"), opts("cause", "value", "effect", "inv",
                "bootstrap", Map.of("reps", 49)), 11L, AT, p);
        assertEquals(boot, studySeed);
    }

    @Test
    void grangerProblems() {
        Problems p = new Problems();
        assertNull(PanelTestRunner.granger(dataset("grunfeld"), opts("cause", "value", "effect", "inv", "lags", 0,
                "bootstrap", true), null, AT, p));
        assertNull(PanelTestRunner.granger(dataset("empluk"), opts("cause", "wage", "effect", "emp", "lags", 1), null, AT, p));
        assertEquals(List.of(
                "study.yaml: tests.t.lags: expected a whole number >= 1, found '0'",
                "study.yaml: tests.t.bootstrap: the bootstrap needs an explicit seed: set bootstrap.seed or the study's top-level seed",
                "study.yaml: tests.t.lags: Z-bar tilde needs more than 5 + 3K = 8 periods in every unit (K = 1 lag: the "
                        + "finite-T moments of the Wald statistics exist only for T - K > 5 + 2K); unit 1 has 7; use fewer "
                        + "lags or a longer panel"), messages(p));
    }

    @Test
    void nonIntegerPeriodsAndDuplicates() {
        Dataset d = dataset("grunfeld");
        double[] year = ((NumericColumn) d.column("year")).values().clone();
        year[3] = 1938.5;
        Problems p = new Problems();
        assertNull(PanelTestRunner.unitRoot(d.withColumn(new NumericColumn("year", year)),
                opts("method", "fisher-adf", "variable", "inv", "lags", 1), AT, p));
        year[3] = 1937;
        assertNull(PanelTestRunner.unitRoot(d.withColumn(new NumericColumn("year", year)),
                opts("method", "fisher-adf", "variable", "inv", "lags", 1), AT, p));
        assertEquals(List.of(
                "grunfeld.csv:5: time column year has the value 1938.5; panel tests need whole-number periods",
                "study.yaml: tests.t.dataset: dataset grunfeld: unit 1 has two rows for period 1937; panel tests need one "
                        + "row per firm and year"), messages(p));
    }

    private static LinearFit fit(Table t, boolean random, Covariance cov) {
        Effect unit = new Effect("firm", t.unit(), t.units());
        LinearOptions o = LinearOptions.defaults().withThreads(1);
        double[][] x = {t.column("value"), t.column("capital")};
        return LinearModel.fit(random
                ? new LinearProblem("inv", t.column("inv"), List.of("value", "capital"), x, List.of(), cov,
                        o.withEstimator(Estimator.RANDOM).withPanel(unit))
                : new LinearProblem("inv", t.column("inv"), List.of("value", "capital"), x, List.of(unit), cov, o));
    }

    @Test
    void hausmanFromFits() {
        Table t = GoldenData.table("grunfeld");
        LinearFit fe = fit(t, false, Covariance.iid());
        LinearFit re = fit(t, true, Covariance.iid());
        PanelTestRunner.HausmanData data = new PanelTestRunner.HausmanData(t.column("inv"), List.of("value", "capital"),
                new double[][] {t.column("value"), t.column("capital")}, t.unit());
        Problems p = new Problems();
        Map<String, Object> chisq = PanelTestRunner.hausman(fe, re, null, opts("formula", "inv ~ value + capital"), AT, p);
        Map<String, Object> gen = PanelTestRunner.hausman(fe, re, null, opts("method", "generalized"), AT, p);
        Map<String, Object> reg = PanelTestRunner.hausman(fe, re, data, opts("method", "regression", "vcov", "cluster(firm)"), AT, p);
        assertTrue(p.isEmpty(), messages(p).toString());
        GoldenData.Case golden = GoldenData.cases("hausman").stream()
                .filter(c -> c.dataset().equals("grunfeld") && c.options().equals("chisq")).findFirst().orElseThrow();
        assertTrue(GoldenData.close((Double) chisq.get("statistic"), golden.get("statistic"), 1e-6, 0));
        assertEquals(chisq.get("statistic"), gen.get("statistic"));
        assertEquals(2, gen.get("df"));
        assertEquals("aux-cluster", reg.get("method"));
        assertNotNull(reg.get("p"));
    }

    @Test
    void hausmanProblems() {
        Table t = GoldenData.table("grunfeld");
        LinearFit fe = fit(t, false, Covariance.hc1());
        LinearFit re = fit(t, true, Covariance.iid());
        Problems p = new Problems();
        assertNull(PanelTestRunner.hausman(fe, re, null, opts("method", "chisq"), AT, p));
        assertNull(PanelTestRunner.hausman(fe, re, null, opts("method", "contrast", "vcov", "cluster"), AT, p));
        assertEquals(List.of(
                "study.yaml: tests.t: the contrast Hausman test needs both models with the iid covariance (found hc1 and "
                        + "iid); for a robust test use method: regression",
                "study.yaml: tests.t.method: expected one of chisq, generalized, regression, stata, aux, found 'contrast'",
                "study.yaml: tests.t.vcov: vcov applies to method: regression only (the contrast test uses the models' iid "
                        + "covariances); remove it or use method: regression"), messages(p));
        assertEquals(List.of(1, 0, 1, 2), Arrays.stream(PanelTestRunner.compact(new int[] {4, 2, 4, 7})).boxed().toList());
    }
}
