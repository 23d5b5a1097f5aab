package dev.repro.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import dev.repro.results.CoefficientResult;
import dev.repro.results.IntervalTable;
import dev.repro.results.ModelResult;
import dev.repro.results.Results;
import dev.repro.results.WildInference;
import dev.repro.study.Label;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What regression tables print beyond t statistics: p-values and confidence intervals under the coefficients (from
 * results.json), the dependent variable's mean, factors collapsed into one row, the wild bootstrap interval, the
 * number-of-units word, and the coefficient plot's legend; every mistake reported exactly.
 */
class RegressionContentTest {
    /** R: qt(0.975, 29), the 95% critical value of the fixture's clustered models (30 provinces). */
    static final double QT_975_29 = 2.045229642132703;
    /** R: qt(0.95, 29), for level 0.9. */
    static final double QT_95_29 = 1.6991270265334972;

    @TempDir
    Path dir;

    static TableSpec.Regression spec(String id, List<String> models, TableSpec.Stat stat, int statDecimals, List<String> stats,
                                     List<String> keep, boolean wild, boolean wildInterval, double level,
                                     List<TableSpec.CollapseRow> collapse) {
        return new TableSpec.Regression(id, "regression", Label.plain(id), models, stat, Map.of(), keep, List.of(), List.of(),
                List.of(), List.of(), stats, TableSpec.DEFAULT_STAR_LEVELS, 3, statDecimals, List.of(), List.of(), 1, false, false,
                wild, wildInterval, level, collapse);
    }

    static TableModel build(TableSpec.Regression s, TableInputs in) {
        Problems ps = new Problems();
        TableModel m = Tables.build(s, in, ps);
        assertEquals(List.of(), ps.list().stream().map(Problem::format).toList());
        return m;
    }

    static String render(TableModel m, String format) throws Exception {
        return new TableWriter(new Templates(null)).render(m, format);
    }

    @Test
    void pValuesInBracketsUnderTheCoefficients() throws Exception {
        TableModel m = build(spec("pv", List.of("m1", "m2"), TableSpec.Stat.P, 3, List.of("nobs"), List.of("open"), false, false,
                0.95, List.of()), ReportFixture.inputs());
        List<List<String>> rows = m.plainRows();
        assertEquals(List.of("Open", "-4,937.897**", "-4,578.674**"), rows.get(2));
        // the fixture's p of t = -2.43 on 29 df: R 2 * pt(-2.43, 29) = 0.02151..., of t = -2.48: 0.01914...
        assertEquals(List.of("", "[0.022]", "[0.019]"), rows.get(3));
        assertEquals("p-values in brackets, computed with standard errors clustered by province.", m.notes().get(0).text());
        assertEquals("p-value of Open", m.body().get(1).hidden());
    }

    @Test
    void confidenceIntervalsFromResultsJsonAgreeWithR() throws Exception {
        TableInputs in = ReportFixture.inputs();
        TableSpec.Regression s = spec("ci", List.of("m1"), TableSpec.Stat.CI, 3, List.of("nobs"), List.of(), false, false, 0.95,
                List.of());
        IntervalTable t = Intervals.of(List.of(s), in.results()).get("ci");
        CoefficientResult open = in.results().models().get("m1").coefficients().get("open");
        // R: b + c(-1, 1) * qt(0.975, 29) * se, as confint() on the clustered fit (t on G - 1 df)
        assertEquals(open.estimate() - QT_975_29 * open.stdError(), t.models().get("m1").get("open").low(), 1e-9);
        assertEquals(open.estimate() + QT_975_29 * open.stdError(), t.models().get("m1").get("open").high(), 1e-9);
        // 0 is outside the 95% interval exactly when p < 0.05, for every coefficient of every model
        for (var model : in.results().models().entrySet()) {
            if (model.getKey().equals("gmm")) {
                continue;
            }
            IntervalTable each = Intervals.of(List.of(spec("x", List.of(model.getKey()), TableSpec.Stat.CI, 3, List.of(), List.of(),
                    false, false, 0.95, List.of())), in.results()).get("x");
            model.getValue().coefficients().forEach((term, c) -> {
                IntervalTable.Interval i = each.models().get(model.getKey()).get(term);
                assertEquals(c.p() < 0.05, i.low() > 0 || i.high() < 0, model.getKey() + " " + term);
            });
        }
        // the table prints the bounds results.json holds (here replaced, to show where they come from)
        Results withIntervals = in.results().withIntervals(Map.of("ci", new IntervalTable(0.95,
                Map.of("m1", Map.of("open", new IntervalTable.Interval(-1.5, 2.25), "rpc", new IntervalTable.Interval(null, 1.0))))));
        TableModel m = build(s, new TableInputs(in.source(), withIntervals, in.datasets(), in.labels()));
        List<List<String>> rows = m.plainRows();
        assertEquals(List.of("", "[-1.500, 2.250]"), rows.get(3));
        assertEquals(List.of("", "n/a"), rows.get(5)); // a null bound is never a number
        assertEquals(List.of("95% confidence intervals in brackets, computed with standard errors clustered by province.",
                "* p < 0.10, ** p < 0.05, *** p < 0.01.", "n/a: could not be computed."),
                m.notes().stream().map(Label::text).toList());
        assertTrue(render(m, "tex").contains("{[}$-$1.500,\\\\2.250{]}"));
        assertTrue(render(m, "html").contains("[-1.500, 2.250]"));
        assertTrue(render(m, "md").contains("\\[-1.500, 2.250\\]"));
        assertTrue(render(m, "csv").contains(",\"[-1.500, 2.250]\""));
    }

    @Test
    void aTableWithoutIntervalsInTheResultsComputesThemAtItsLevel() throws Exception {
        TableInputs in = ReportFixture.inputs();
        TableModel m = build(spec("ci90", List.of("m1"), TableSpec.Stat.CI, 3, List.of(), List.of("open"), false, false, 0.9,
                List.of()), in);
        CoefficientResult open = in.results().models().get("m1").coefficients().get("open");
        String lo = Fmt.fixed(open.estimate() - QT_95_29 * open.stdError(), 3, true);
        String hi = Fmt.fixed(open.estimate() + QT_95_29 * open.stdError(), 3, true);
        assertEquals(List.of("", "[" + lo + ", " + hi + "]"), m.plainRows().get(3));
        assertEquals("90% confidence intervals in brackets, computed with standard errors clustered by province.",
                m.notes().get(0).text());
    }

    static ModelResult model(Map<String, CoefficientResult> coefs, Double depMean, Map<String, WildInference> wild, String estimator) {
        return new ModelResult("y", estimator, "cluster(id)", 200, 20, 20, 0.3, null, null, null, null, coefs, null, List.of("id"),
                null, null, null, wild, depMean);
    }

    static TableInputs inputs(Map<String, ModelResult> models) {
        return new TableInputs("study.yaml", new Results(models, Map.of(), Map.of(), Map.of()), Map.of(), Map.of());
    }

    @Test
    void meanOfTheDependentVariableIsASummaryRow() throws Exception {
        Map<String, CoefficientResult> c = Map.of("x", new CoefficientResult(0.5, 0.1, 5, 0.0001));
        Map<String, ModelResult> models = new LinkedHashMap<>();
        models.put("a", model(c, 12.34567, null, "within"));
        models.put("g", model(c, null, null, "gmm"));
        TableModel m = build(spec("d", List.of("a", "g"), TableSpec.Stat.T, 2, List.of("nobs", "depMean"), List.of(), false, false,
                0.95, List.of()), inputs(models));
        List<List<String>> rows = m.plainRows();
        assertEquals(List.of("Mean of dep. var.", "12.346", ""), rows.get(rows.size() - 1));
        // a table none of whose models reports the mean leaves the row out
        TableModel none = build(spec("d", List.of("g"), TableSpec.Stat.T, 2, List.of("nobs", "depMean"), List.of(), false, false,
                0.95, List.of()), inputs(models));
        assertEquals("Observations", none.plainRows().get(none.plainRows().size() - 1).get(0));
    }

    @Test
    void factorsAreKeptByGlobAndCollapsedIntoOneRow() throws Exception {
        Map<String, CoefficientResult> event = new LinkedHashMap<>();
        event.put("i(year, treated, ref = 2015)::2016", new CoefficientResult(0.1, 0.05, 2, 0.05));
        event.put("i(year, treated, ref = 2015)::2018", new CoefficientResult(0.52, 0.1, 5.2, 0.0001));
        event.put("x", new CoefficientResult(1, 0.5, 2, 0.06));
        event.put("i(region)::east", new CoefficientResult(0.3, 0.1, 3, 0.01));
        Map<String, ModelResult> models = new LinkedHashMap<>();
        models.put("event", model(event, null, null, "within"));
        models.put("plain", model(Map.of("x", new CoefficientResult(0.9, 0.3, 3, 0.01)), null, null, "within"));
        TableModel kept = build(spec("k", List.of("event"), TableSpec.Stat.T, 2, List.of(), List.of("i(year, treated, ref = 2015)::*"),
                false, false, 0.95, List.of()), inputs(models));
        assertEquals(List.of("i(year, treated, ref = 2015)::2016", "", "i(year, treated, ref = 2015)::2018", ""),
                kept.plainRows().subList(2, 6).stream().map(r -> r.get(0)).toList());
        TableModel collapsed = build(spec("c", List.of("event", "plain"), TableSpec.Stat.T, 2, List.of(), List.of(), false, false, 0.95,
                List.of(new TableSpec.CollapseRow("i(year*", Label.plain("Year FE")),
                        new TableSpec.CollapseRow("i(region)", Label.plain("Region FE")))), inputs(models));
        List<List<String>> rows = collapsed.plainRows();
        assertEquals(List.of("X", "1.000*", "0.900**"), List.of(rows.get(2).get(0).toUpperCase(), rows.get(2).get(1), rows.get(2).get(2)));
        assertEquals(List.of("Year FE", "Yes", "No"), rows.get(4));
        assertEquals(List.of("Region FE", "Yes", "No"), rows.get(5));
        assertTrue(collapsed.body().get(2).rule());
        Problems ps = new Problems();
        assertNull(Tables.build(spec("c", List.of("plain"), TableSpec.Stat.T, 2, List.of(), List.of(), false, false, 0.95,
                List.of(new TableSpec.CollapseRow("i(yaer)", Label.plain("Year FE")))), inputs(models), ps));
        assertEquals(List.of("study.yaml: tables.c.collapse: 'i(yaer)' matches no factor of the table's models; they have no factor "
                + "terms (write i(x) or factor(x) in a formula)"), ps.list().stream().map(Problem::format).toList());
        ps = new Problems();
        assertNull(Tables.build(spec("c", List.of("event"), TableSpec.Stat.T, 2, List.of(), List.of(), false, false, 0.95,
                List.of(new TableSpec.CollapseRow("i(yaer)", Label.plain("Year FE")))), inputs(models), ps));
        assertEquals(List.of("study.yaml: tables.c.collapse: 'i(yaer)' matches no factor of the table's models; their factors are: "
                + "i(year, treated, ref = 2015), i(region)"), ps.list().stream().map(Problem::format).toList());
    }

    @Test
    void wildIntervalsInBracketsAndNeverANumberWhenUnbounded() throws Exception {
        Map<String, CoefficientResult> c = new LinkedHashMap<>();
        c.put("x1", new CoefficientResult(0.9, 0.3, 3, 0.01));
        c.put("x2", new CoefficientResult(0.2, 0.3, 0.7, 0.5));
        Map<String, WildInference> wild = new LinkedHashMap<>();
        wild.put("x1", new WildInference(0.03125, 0.03125, 0.28592932466953946, 1.546506621422246, 0.95, "rademacher", 1024, true));
        wild.put("x2", new WildInference(0.5, 0.5, null, 3.0, 0.95, "rademacher", 1024, true));
        TableModel m = build(spec("w", List.of("twfe"), TableSpec.Stat.T, 2, List.of(), List.of(), true, true, 0.95, List.of()),
                inputs(Map.of("twfe", model(c, null, wild, "within"))));
        List<List<String>> rows = m.plainRows();
        assertEquals(List.of("", "(3.00)"), rows.get(3));
        assertEquals(List.of("", "[0.286, 1.547]"), rows.get(4));
        assertEquals(List.of("", "n/a"), rows.get(7));
        assertEquals("wild cluster bootstrap confidence interval of x1", m.body().get(2).hidden());
        assertEquals(List.of("t statistics in parentheses, computed with standard errors clustered by id.",
                "Wild cluster restricted bootstrap 95% confidence intervals (by test inversion; Rademacher weights, 1,024 draws, "
                        + "all enumerated) in brackets.", "* p < 0.10, ** p < 0.05, *** p < 0.01.", "n/a: could not be computed."),
                m.notes().stream().map(Label::text).toList());
        String tex = render(m, "tex");
        assertTrue(tex.contains("{[}0.286,\\\\1.547{]}"), tex);
        assertTrue(render(m, "md").contains("\\[0.286, 1.547\\]"));
        assertTrue(render(m, "csv").contains(",\"[0.286, 1.547]\""));
        assertTrue(render(m, "html").contains("[0.286, 1.547]"));
        // wild: p keeps printing results.json's p-value
        TableModel p = build(spec("w", List.of("twfe"), TableSpec.Stat.T, 2, List.of(), List.of(), true, false, 0.95, List.of()),
                inputs(Map.of("twfe", model(c, null, wild, "within"))));
        assertEquals(List.of("", "[0.031]"), p.plainRows().get(4));
    }

    @Test
    void intervalsAndCollapsedRowsCompileWithPdflatex() throws Exception {
        Path pdflatex = Tools.require(Tools.LATEX_INSTALL, "pdflatex");
        Map<String, CoefficientResult> c = new LinkedHashMap<>();
        c.put("x1", new CoefficientResult(-0.9, 0.3, -3, 0.01));
        c.put("i(year)::2018", new CoefficientResult(0.2, 0.3, 0.7, 0.5));
        Map<String, WildInference> wild = Map.of("x1", new WildInference(0.03, 0.03, -1.5, null, 0.95, "webb", 9999, false));
        TableInputs in = inputs(Map.of("twfe", model(c, 1234.5, wild, "within")));
        StringBuilder doc = new StringBuilder(LatexCompileTest.PREAMBLE);
        for (boolean si : new boolean[] {false, true}) {
            TableSpec.Regression s = new TableSpec.Regression("ci" + (si ? "si" : ""), "regression", Label.plain("Intervals"),
                    List.of("twfe"), TableSpec.Stat.CI, Map.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of("nobs", "depMean"), TableSpec.DEFAULT_STAR_LEVELS, 3, 3, List.of(), List.of(), 1, si, false, true, true,
                    0.95, List.of(new TableSpec.CollapseRow("i(year)", Label.plain("Year FE"))));
            String tex = render(build(s, in), "tex");
            assertTrue(tex.contains("{[}$-$1.528,\\\\$-$0.272{]}"), tex); // R: -0.9 + c(-1, 1) * qt(0.975, 19) * 0.3 (20 clusters)
            Files.writeString(dir.resolve(s.id() + ".tex"), tex, StandardCharsets.UTF_8);
            doc.append("\\input{").append(s.id()).append("}\n");
        }
        doc.append("\\end{document}\n");
        Files.writeString(dir.resolve("main.tex"), doc.toString(), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(pdflatex.toString(), "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "main.tex")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS));
        String log = Files.readString(dir.resolve("main.log"), StandardCharsets.ISO_8859_1);
        assertEquals(0, p.exitValue(), LatexCompileTest.tail(log));
        assertFalse(log.contains("! "), LatexCompileTest.tail(log));
    }

    @Test
    void validateReadsTheNewKeys() throws Exception {
        Problems ps = new Problems();
        ReportSpecs specs = StudyFixture.specs("study-content.yaml", dir, ps);
        assertEquals(List.of(), ps.list().stream().map(Problem::format).toList());
        TableSpec.Regression pv = (TableSpec.Regression) specs.tables().get(0);
        assertEquals(TableSpec.Stat.P, pv.stat());
        assertEquals(3, pv.statDecimals());
        assertEquals(List.of("nobs", "depMean", "groups"), pv.stats());
        // every model of the table is on grunfeld, whose panel id is firm: one word for the units in every table
        assertEquals(Label.plain("Number of firm"), pv.labels().get("groups"));
        TableSpec.Regression ci = (TableSpec.Regression) specs.tables().get(1);
        assertEquals(TableSpec.Stat.CI, ci.stat());
        assertEquals(0.9, ci.level());
        assertTrue(ci.wild() && ci.wildInterval());
        TableSpec.Regression fe = (TableSpec.Regression) specs.tables().get(2);
        assertEquals(List.of(new TableSpec.CollapseRow("i(year*", Label.plain("Year FE"))), fe.collapse());
        assertTrue(fe.wild());
        assertFalse(fe.wildInterval());
        FigureSpec.Coefficients byTable = (FigureSpec.Coefficients) specs.figures().get(0);
        assertEquals(List.of(Label.plain("(12) Inland"), Label.plain("(11) Coastal")), byTable.legend());
        FigureSpec.Coefficients byTitles = (FigureSpec.Coefficients) specs.figures().get(1);
        assertEquals(List.of(Label.plain("(1) All provinces"), Label.plain("(2) Coastal & inland")), byTitles.legend());
        String svg = new Figures(new Templates(null)).build(byTitles, ReportFixture.inputs(), dir, new Problems()).svg();
        assertTrue(svg.contains(">(2) Coastal &amp; inland</text>"), svg);
        assertFalse(svg.contains(">(1) m1</text>"));
    }

    @Test
    void mistakesInTheNewKeysAreReportedAtTheirPlace() throws Exception {
        Problems ps = new Problems();
        StudyFixture.specs("study-content-mistakes.yaml", dir, ps);
        assertEquals(List.of(
                "study.yaml:4:11: tables.a.stat: use t (t statistics under the coefficients, as the seed paper), se (standard errors), "
                        + "p (p-values) or ci (confidence intervals, at level: 0.95 unless given); found 'pvalue'",
                "study.yaml:5:11: tables.a.wild: use true or p (the wild cluster bootstrap p-values in brackets), ci (its confidence "
                        + "intervals) or false; found 'interval'",
                "study.yaml:6:12: tables.a.level: the confidence level of stat: ci must be between 0 and 1, e.g. 0.95; found 95.0",
                "study.yaml:10:15: tables.b.collapse: expected a map of name to label; found a list",
                "study.yaml:9:12: tables.b.level: level is the confidence level of stat: ci; add stat: ci or remove level",
                "study.yaml:15:19: figures.c.columnTitles: give one title per model: 2 models, 1 titles",
                "study.yaml:19:12: figures.d.table: model 'm3' is not a column of table 'a'; its models are: m1",
                "study.yaml:23:12: figures.e.table: unknown table 'tabel5'; name a regression table whose columns the legend takes",
                "study.yaml:27:12: figures.f.table: give either columnTitles or table, not both"),
                ps.list().stream().map(Problem::format).toList());
    }
}
