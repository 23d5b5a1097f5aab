package dev.repro.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The study file's tables:, figures: and labels: sections: every kind read, every mistake reported exactly. */
class TableSpecsTest {
    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String name) throws Exception {
        try (InputStream in = TableSpecsTest.class.getResourceAsStream("/report/" + name)) {
            return new ObjectMapper(new YAMLFactory()).readValue(in, Map.class);
        }
    }

    @Test
    void readsEveryKind() throws Exception {
        Map<String, Object> study = yaml("study-tables.yaml");
        Problems ps = new Problems();
        Map<String, Label> labels = TableSpecs.labels("study.yaml", study.get("labels"), ps);
        List<TableSpec> tables = TableSpecs.tables("study.yaml", study.get("tables"), ps);
        List<FigureSpec> figures = TableSpecs.figures("study.yaml", study.get("figures"), ps);
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
        Map<String, Object> study = yaml("study-mistakes.yaml");
        Problems ps = new Problems();
        List<TableSpec> tables = TableSpecs.tables("study.yaml", study.get("tables"), ps);
        List<FigureSpec> figures = TableSpecs.figures("study.yaml", study.get("figures"), ps);
        assertEquals(List.of(), tables);
        assertEquals(List.of(), figures);
        assertEquals(List.of(
                "study.yaml: tables.bad id!: a table id becomes a file name: use letters, digits, - and _ (at most 64, starting with a letter or digit)",
                "study.yaml: tables.main.decimal: unknown key 'decimal' for a regression table; its keys are: kind, title, labels, notes, siunitx, models, stat, keep, drop, order, fe, rows, stats, stars, decimals, statDecimals, columnTitles, firstColumn",
                "study.yaml: tables.main.stat: use t (t statistics under the coefficients, as the seed paper) or se (standard errors); found 'z'",
                "study.yaml: tables.main.rows: row 'Controls' has 2 values for 1 models; give one per model",
                "study.yaml: tables.main.stars: give p-value levels between 0 and 1, largest first, e.g. [0.1, 0.05, 0.01], or false for no stars",
                "study.yaml: tables.main.columnTitles: give one title per model: 1 models, 2 titles",
                "study.yaml: tables.desc.dataset: missing; this key is required",
                "study.yaml: tables.desc.stats: unknown statistic 'median'; use any of: n, mean, sd, min, max",
                "study.yaml: tables.desc.digits: expected a whole number from 1 to 15; found 0",
                "study.yaml: tables.what.kind: unknown table kind 'pie'; use one of: regression, gmm, descriptive, yearly, weights, unitroot, granger, mediation, tests",
                "study.yaml: tables.ur.rows.ce: give one test id per column (2), null for an empty cell",
                "study.yaml: figures.map.layout: give the layout as a path inside the project, relative to its base folder (no /, .., \\ or :); found '../../etc/layout.csv'",
                "study.yaml: figures.coef.level: the confidence level must be between 0 and 1, e.g. 0.95; found 95.0"),
                ps.list().stream().map(Problem::format).toList());
    }
}
