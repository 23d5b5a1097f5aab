package dev.repro.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import dev.repro.study.Label;
import dev.repro.study.Study;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study file's tables:, figures: and labels: sections: every kind read, every mistake reported exactly. */
class ReportSpecsTest {
    @TempDir
    Path dir;

    @Test
    void readsEveryKind() throws Exception {
        Problems ps = new Problems();
        Study study = StudyFixture.study("study-tables.yaml", dir, ps);
        Map<String, Label> labels = study.labels();
        ReportSpecs specs = ReportSpecs.parse(study, ps);
        List<TableSpec> tables = specs.tables();
        List<FigureSpec> figures = specs.figures();
        assertEquals(List.of(), ps.list());
        assertEquals(Label.plain("Ce"), labels.get("ce"));
        assertEquals(new Label("$\\mathit{Rpc}$", "$\\mathit{Rpc}$"), labels.get("rpc"));
        assertEquals(new Label("Ei", "$E_i$"), labels.get("ei"));
        assertEquals(List.of("main", "robust", "gmm", "desc", "years", "weights", "unitroot", "granger", "mediation", "spec"),
                tables.stream().map(TableSpec::id).toList());
        TableSpec.Regression main = (TableSpec.Regression) tables.get(0);
        assertEquals(List.of("m1", "m2", "m3", "m4", "m5"), main.models());
        assertEquals(TableSpec.Stat.T, main.stat());
        assertEquals(List.of(new TableSpec.FeRow("province", Label.plain("Province FE")), new TableSpec.FeRow("year", Label.plain("Year FE"))), main.fe());
        assertEquals(List.of(0.1, 0.05, 0.01), main.starLevels());
        assertEquals(3, main.decimals());
        assertEquals(2, main.statDecimals());
        TableSpec.Regression robust = (TableSpec.Regression) tables.get(1);
        assertEquals(TableSpec.Stat.SE, robust.stat());
        assertEquals(2, robust.statDecimals());
        assertEquals(6, robust.firstColumn());
        assertEquals(List.of(0.1, 0.05, 0.01, 0.001), robust.starLevels());
        assertTrue(robust.siunitx());
        assertEquals(List.of("nobs", "groups", "sargan", "hansen", "ar1", "ar2"), ((TableSpec.Regression) tables.get(2)).stats());
        TableSpec.UnitRoot ur = (TableSpec.UnitRoot) tables.get(6);
        assertEquals(Label.plain("t*"), ur.columns().get(0).statisticLabel());
        assertEquals("statistic", ur.columns().get(1).statistic());
        assertEquals(List.of(), ((TableSpec.Tests) tables.get(9)).starLevels());
        assertEquals(List.of("trend", "coef", "map"), figures.stream().map(FigureSpec::id).toList());
        assertEquals(0.9, ((FigureSpec.Coefficients) figures.get(1)).level());
        assertEquals(2020.0, ((FigureSpec.TileMap) figures.get(2)).at());
        assertNull(((FigureSpec.TileMap) figures.get(2)).layout());
        assertInstanceOf(FigureSpec.Trend.class, figures.get(0));
    }

    @Test
    void mistakesAreReportedWithTheirKeys() throws Exception {
        Problems ps = new Problems();
        ReportSpecs specs = StudyFixture.specs("study-mistakes.yaml", dir, ps);
        List<TableSpec> tables = specs.tables();
        List<FigureSpec> figures = specs.figures();
        assertEquals(List.of(), tables);
        assertEquals(List.of(), figures);
        assertEquals(List.of(
                "study.yaml:2:14: tables.bad id!: a table id becomes a file name: use letters, digits, - and _ (at most 64, starting with a letter or digit)",
                "study.yaml:7:5: tables.main.decimal: unknown key 'decimal' for a regression table, did you mean 'decimals'? its keys are: kind, title, labels, notes, siunitx, landscape, fontSize, models, stat, keep, drop, order, fe, collapse, rows, stats, stars, decimals, statDecimals, columnTitles, firstColumn, constant, wild, level",
                "study.yaml:6:11: tables.main.stat: use t (t statistics under the coefficients, as the seed paper), se (standard errors), p (p-values) or ci (confidence intervals, at level: 0.95 unless given); found 'z'",
                "study.yaml:10:11: tables.main.rows: row 'Controls' has 2 values for 1 models; give one per model",
                "study.yaml:8:12: tables.main.stars: give p-value levels between 0 and 1, largest first, e.g. [0.1, 0.05, 0.01], or false for no stars",
                "study.yaml:9:19: tables.main.columnTitles: give one title per model: 1 models, 2 titles",
                "study.yaml:12:5: tables.desc.dataset: missing; this key is required",
                "study.yaml:14:16: tables.desc.stats[1]: unknown statistic 'median', did you mean 'mean'? use any of: n, mean, sd, min, max",
                "study.yaml:15:13: tables.desc.digits: expected a whole number from 1 to 15; found 0",
                "study.yaml:17:11: tables.what.kind: unknown table kind 'pie'; use one of: regression, gmm, descriptive, yearly, weights, unitroot, granger, mediation, tests, iv",
                "study.yaml:21:16: tables.ur.rows.ce: give one test id per column (2), null for an empty cell",
                "study.yaml:27:13: figures.map.layout: give the layout as a path inside the project, relative to its base folder (no /, .., \\ or :); found '../../etc/layout.csv'",
                "study.yaml:31:12: figures.coef.level: the confidence level must be between 0 and 1, e.g. 0.95; found 95.0"),
                ps.list().stream().map(Problem::format).toList());
    }

    @Test
    void unknownKeysAreReportedAtTheKeyWithTheClosestKnownKey() throws Exception {
        Problems ps = new Problems();
        ReportSpecs specs = StudyFixture.specs("study-unknown-keys.yaml", dir, ps);
        assertEquals(List.of(), specs.tables());
        assertEquals(List.of(), specs.figures());
        String regression = "kind, title, labels, notes, siunitx, landscape, fontSize, models, stat, keep, drop, order, fe, collapse, rows,"
                + " stats, stars, decimals, statDecimals, columnTitles, firstColumn, constant, wild, level";
        // each at its key: the value may be on the next line (a list, a block) or further along a flow mapping
        assertEquals(List.of(
                "study.yaml:4:5: tables.main.decimal: unknown key 'decimal' for a regression table, did you mean 'decimals'? its keys"
                        + " are: " + regression,
                "study.yaml:5:5: tables.main.footnote: unknown key 'footnote' for a regression table; its keys are: " + regression,
                "study.yaml:13:5: figures.trend.colour: unknown key 'colour' for a trend figure; its keys are: kind, title, labels,"
                        + " dataset, variable, time",
                "study.yaml:15:46: figures.coef.levle: unknown key 'levle' for a coefficients figure, did you mean 'level'? its keys"
                        + " are: kind, title, labels, models, keep, drop, level, columnTitles, table"),
                ps.list().stream().map(Problem::format).toList());
    }

    @Test
    void referencesAndStatisticsAreCheckedWhereTheyAreWritten() throws Exception {
        Problems ps = new Problems();
        ReportSpecs specs = StudyFixture.specs("study-references.yaml", dir, ps);
        assertEquals(List.of(), specs.tables());
        assertEquals(List.of(), specs.figures());
        assertEquals(List.of(
                "study.yaml:4:18: tables.main.models[1]: unknown model 'm6', did you mean 'm1', 'm2', 'm3', 'm4' or 'm5'?",
                "study.yaml:5:19: tables.main.stats[1]: unknown statistic 'r2within', did you mean 'r2Within'? use any of: nobs, groups, "
                        + "clusters, r2Within, r2, adjR2, F, dfResid, depMean, sargan, hansen, ar1, ar2",
                "study.yaml:8:14: tables.desc.dataset: unknown dataset 'grunfield', did you mean 'grunfeld'?",
                "study.yaml:13:25: tables.ur.rows.ce[1]: unknown test 'fpp_cee', did you mean 'fpp_ce'?",
                "study.yaml:16:13: tables.paths.paths[0]: unknown mediation analysis 'qualty', did you mean 'quality'?",
                "study.yaml:19:13: tables.spec.tests[0]: unknown test 'hausman'; the study's tests are: dh, haus, llc_ce, fpp_ce, fadf_ce, "
                        + "llc_open, fpp_open, fadf_open",
                "study.yaml:23:14: figures.coef.models[0]: unknown model 'gm', did you mean 'gmm'?"),
                ps.list().stream().map(Problem::format).toList());
    }
}
