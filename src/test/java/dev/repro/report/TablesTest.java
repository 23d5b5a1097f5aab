package dev.repro.report;

import static org.junit.jupiter.api.Assertions.assertTrue;


import dev.repro.study.Label;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import dev.repro.results.CoefficientResult;
import dev.repro.results.HausmanTest;
import dev.repro.results.ModelResult;
import dev.repro.results.ResultsJson;
import dev.repro.results.Results;
import dev.repro.results.TestResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table models: the paper's layouts cell by cell, and every reference mistake reported exactly. */
class TablesTest {
    @TempDir
    Path dir;

    static List<String> problems(TableSpec s) throws Exception {
        Problems ps = new Problems();
        assertNull(Tables.build(s, ReportFixture.inputs(), ps));
        return ps.list().stream().map(Problem::format).toList();
    }

    @Test
    void regressionReproducesTable5() throws Exception {
        TableModel m = AllTables.models(false).get(0);
        List<List<String>> rows = m.plainRows();
        assertEquals(List.of("", "(1)", "(2)", "(3)", "(4)", "(5)"), rows.get(0));
        assertEquals(List.of("", "Ce", "Ce", "Ce", "Ce", "Ce"), rows.get(1));
        assertEquals(List.of("Open", "-4,937.897**", "-4,578.674**", "-4,425.266**", "-4,136.325**", "-3,641.121*"), rows.get(2));
        assertEquals(List.of("", "(-2.43)", "(-2.48)", "(-2.41)", "(-2.14)", "(-1.82)"), rows.get(3));
        assertEquals(List.of("Ei", "", "30,082.499", "26,642.149", "22,054.919", "9,532.168"), rows.get(6));
        assertEquals(List.of("Constant", "-64,848.367**", "-70,787.002**", "-76,300.318**", "-83,649.353***", "-99,147.792***"), rows.get(14));
        assertEquals(List.of("Province FE", "Yes", "Yes", "Yes", "Yes", "Yes"), rows.get(16));
        assertEquals(List.of("Observations", "270", "270", "270", "270", "270"), rows.get(18));
        assertEquals(List.of("Within R-squared", "0.199", "0.218", "0.223", "0.225", "0.245"), rows.get(19));
        assertEquals(List.of("Number of groups", "30", "30", "30", "30", "30"), rows.get(20));
        assertEquals(List.of("t statistics in parentheses, computed with standard errors clustered by province.",
                "* p < 0.10, ** p < 0.05, *** p < 0.01."), m.notes().stream().map(Label::text).toList());
    }

    @Test
    void keepDropOrderAndColumnNumbers() throws Exception {
        TableSpec.Regression s = new TableSpec.Regression("t6", "regression", Label.plain("Robustness"), List.of("m4", "m5"),
                TableSpec.Stat.SE, Map.of(), List.of("*"), List.of("g*", "(Intercept)"), List.of("fin", "ind"), List.of(), List.of(),
                List.of("nobs"), List.of(0.05), 2, 2, List.of(), List.of(), 6, false);
        Problems ps = new Problems();
        TableModel m = Tables.build(s, ReportFixture.inputs(), ps);
        assertEquals(List.of(), ps.list());
        List<List<String>> rows = m.plainRows();
        assertEquals(List.of("", "(6)", "(7)"), rows.get(0));
        assertEquals(List.of("Fin", "-1,286.01*", "-1,171.80*"), rows.get(2));
        assertEquals(List.of("", "(535.84)", "(492.35)"), rows.get(3));
        assertEquals(List.of("Ind", "", "-16,474.85"), rows.get(4));
        assertEquals(List.of("Open", "Rpc", "Ei", "Observations"), List.of(rows.get(6).get(0), rows.get(8).get(0), rows.get(10).get(0), rows.get(12).get(0)));
        assertEquals("Standard errors clustered by province in parentheses.", m.notes().get(0).text());
        assertEquals("* p < 0.05.", m.notes().get(1).text());
    }

    @Test
    void referenceMistakes() throws Exception {
        assertEquals(List.of("study.yaml: tables.x.models: no model named 'm9' in the results; name one of the study's models: m1, m2, m3, m4, m5, gmm"),
                problems(TableSpec.Regression.of("x", "X", List.of("m1", "m9"))));
        assertEquals(List.of("study.yaml: tables.x.keep: 'opn' matches no coefficient; the coefficients are: open, rpc, (Intercept)",
                        "study.yaml: tables.x.stats: 'sargn' is neither a model statistic (nobs, groups, clusters, r2Within, r2, adjR2, F, dfResid, depMean) "
                                + "nor a diagnostic of models m1 (they have none)"),
                problems(new TableSpec.Regression("x", "regression", Label.plain("X"), List.of("m1"), TableSpec.Stat.T, Map.of(),
                        List.of("opn"), List.of(), List.of(), List.of(), List.of(), List.of("nobs", "sargn"), List.of(0.1), 3, 2,
                        List.of(), List.of(), 1, false)));
        assertEquals(List.of("study.yaml: tables.d.variables: dataset 'grunfeld' has no column 'invest'; its columns are: firm, year, inv, value, capital, invshift"),
                problems(new TableSpec.Descriptive("d", Label.plain("D"), "grunfeld", List.of("inv", "invest"), List.of("n"), 4, null, Map.of(), List.of(), false)));
        assertEquals(List.of("study.yaml: tables.d.dataset: no dataset named 'cigar'; the study's datasets are: grunfeld, produc, provinces"),
                problems(new TableSpec.Descriptive("d", Label.plain("D"), "cigar", List.of("inv"), List.of("n"), 4, null, Map.of(), List.of(), false)));
        assertEquals(List.of("study.yaml: tables.d.variables: column 'state' of dataset 'produc' is text; summary statistics need a numeric column"),
                problems(new TableSpec.Descriptive("d", Label.plain("D"), "produc", List.of("state"), List.of("n"), 4, null, Map.of(), List.of(), false)));
        assertEquals(List.of("study.yaml: tables.g.tests: no test named 'dh2' in the results; the study's tests are: haus, llc_ce, llc_open, fpp_ce, fpp_open, fadf_ce, fadf_open, dh",
                        "study.yaml: tables.g.tests: test 'haus' is not a Dumitrescu-Hurlin result; its keys are: " + String.join(", ", Fixtures.table5().tests().get("haus").numbers().keySet())),
                problems(new TableSpec.Granger("g", Label.plain("G"), List.of("dh2", "haus"), 3, Map.of(), List.of(), false)));
        assertEquals(List.of("study.yaml: tables.m.paths: no mediation result named 'x'; the results hold: quality, tech"),
                problems(new TableSpec.Mediation("m", Label.plain("M"), List.of("x"), List.of(), 3, Map.of(), List.of(), false)));
        assertEquals(List.of("study.yaml: tables.w.from: no index weights at 'indices.co2.weights' in the results; expected a map of indicator to weight "
                        + "or a list of {group, indicator, source, weight} maps, e.g. index.<dataset>.tables.weights"),
                problems(new TableSpec.Weights("w", Label.plain("W"), "indices.co2.weights", 4, Map.of(), List.of(), false)));
        assertEquals(List.of("study.yaml: tables.y.time: dataset 'produc' declares no time column; name one with time: <column>"),
                problemsNoTime());
    }

    static List<String> problemsNoTime() throws Exception {
        TableInputs base = ReportFixture.inputs();
        Map<String, dev.repro.data.Dataset> ds = new LinkedHashMap<>(base.datasets());
        dev.repro.data.Dataset p = ds.get("produc");
        ds.put("produc", new dev.repro.data.Dataset("produc", p.source(), null, p.columns(), p.lines(), null, null));
        Problems ps = new Problems();
        assertNull(Tables.build(new TableSpec.Yearly("y", Label.plain("Y"), "produc", "unemp", null, 2, true, Map.of(), List.of(), false),
                new TableInputs(base.source(), base.results(), ds, base.labels()), ps));
        return ps.list().stream().map(Problem::format).toList();
    }

    @Test
    void weightsFromAPlainMapAndStarsAtTheBoundary() throws Exception {
        assertEquals("", TableCells.stars(0.1, List.of(0.1, 0.05, 0.01)));
        assertEquals("*", TableCells.stars(0.0999, List.of(0.1, 0.05, 0.01)));
        assertEquals("***", TableCells.stars(0.0, List.of(0.1, 0.05, 0.01)));
        assertEquals("", TableCells.stars(Double.NaN, List.of(0.1)));
        assertEquals("0.10", TableCells.levelText(0.1));
        assertEquals("0.001", TableCells.levelText(0.001));
    }

    @Test
    void everyTableOfTheStudyBuildsAgainstTheResults() throws Exception {
        Problems ps = new Problems();
        TableInputs in = ReportFixture.inputs();
        for (TableSpec s : StudyFixture.specs("study-tables.yaml", dir, ps).tables()) {
            assertTrue(Tables.build(s, in, ps) != null, s.id());
        }
        assertEquals(List.of(), ps.list());
    }

    @Test
    void aHausmanWarningIsANoteUnderTheTestsTable() throws Exception {
        TableInputs base = ReportFixture.inputs();
        Map<String, TestResult> tests = new LinkedHashMap<>(base.results().tests());
        tests.put("haus", new HausmanTest("hausman", 3.1, 2, 0.21, "chisq", List.of("x", "z"), null, null, -0.5, 0, 0,
                null, null, List.of("V_b - V_B is not positive definite")));
        Results r = new Results(base.results().models(), tests, base.results().mediation(),
                base.results().index());
        TableSpec.Tests s = new TableSpec.Tests("h", Label.plain("Tests"), List.of("haus"), TableSpec.DEFAULT_STAR_LEVELS, 3,
                Map.of("haus", Label.plain("Hausman (FE vs RE)")), List.of(), false);
        Problems ps = new Problems();
        TableModel m = Tables.build(s, new TableInputs(base.source(), r, base.datasets(), base.labels()), ps);
        assertEquals(List.of(), ps.list());
        assertEquals(List.of("* p < 0.10, ** p < 0.05, *** p < 0.01.", "Hausman (FE vs RE): V_b - V_B is not positive definite"),
                m.notes().stream().map(Label::text).toList());
    }

    @Test
    void constantTrueShowsTheWithinConstantAndResultsJsonKeepsIt() throws Exception {
        TableInputs base = ReportFixture.inputs();
        ModelResult m1 = base.results().models().get("m1");
        Map<String, CoefficientResult> slopes = new LinkedHashMap<>(m1.coefficients());
        slopes.remove("(Intercept)");
        ModelResult within = new ModelResult(m1.dependent(), "within", m1.vcov(), m1.nobs(), m1.groups(), m1.clusters(), m1.r2Within(),
                m1.r2(), m1.adjR2(), m1.F(), m1.dfResid(), slopes, m1.dropped(), m1.absorbed(), m1.diagnostics(), m1.info())
                .withConstant(new CoefficientResult(-58.74, 12.45, -4.717, 0.0000045));
        Results r = new Results(Map.of("w", within), base.results().tests(), base.results().mediation(), base.results().index());
        TableInputs in = new TableInputs(base.source(), r, base.datasets(), base.labels());
        TableSpec.Regression plain = TableSpec.Regression.of("x", "X", List.of("w"));
        TableSpec.Regression shown = new TableSpec.Regression("x", "regression", Label.plain("X"), List.of("w"), plain.stat(), Map.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), plain.stats(), plain.starLevels(), 3, 2, List.of(), List.of(), 1,
                false, true);
        Problems ps = new Problems();
        List<List<String>> without = Tables.build(plain, in, ps).plainRows();
        List<List<String>> with = Tables.build(shown, in, ps).plainRows();
        assertEquals(List.of(), ps.list());
        assertTrue(without.stream().noneMatch(row -> row.get(0).equals("Constant")), without.toString());
        int at = with.stream().map(row -> row.get(0)).toList().indexOf("Constant");
        assertEquals(List.of("Constant", "-58.740***"), with.get(at));
        assertEquals(List.of("", "(-4.72)"), with.get(at + 1));
        assertEquals(12.45, ResultsJson.tree(r).get("models").get("w").get("constant").get("stdError").asDouble(), 0);
        assertEquals(-58.74, ResultsJson.read(ResultsJson.tree(r)).models().get("w").constant().estimate(), 0);
    }
}
