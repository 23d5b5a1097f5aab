package dev.repro.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.diag.Problems;
import dev.repro.report.TableModel.Cell;
import dev.repro.report.TableModel.Row;
import dev.repro.results.CoefficientResult;
import dev.repro.results.IvFirstStage;
import dev.repro.results.IvInfo;
import dev.repro.results.IvTest;
import dev.repro.results.ModelResult;
import dev.repro.results.Results;
import dev.repro.study.Label;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The iv table kind on a fixture IV model: what it prints, and (as MissingStatisticsTest for the other kinds) that a
 * statistic results.json holds as null renders as n/a in every format, never as a number.
 */
class IvTableTest {
    /** The fixture iv table (the other kinds' fixtures are in AllTables). */
    static IvTableSpec spec(boolean siunitx) {
        return new IvTableSpec("ivt", Label.plain("IV results & <tests>"), List.of("iv"), 3, Map.of(), List.of(), siunitx);
    }

    static TableInputs inputs() throws Exception {
        Map<String, CoefficientResult> c = new LinkedHashMap<>();
        c.put("x", new CoefficientResult(1.2173, 0.1427, 8.53, 2e-9));
        c.put("w", new CoefficientResult(-0.9617, 0.1249, -7.70, 1.7e-8));
        Map<String, CoefficientResult> fc = new LinkedHashMap<>();
        fc.put("z1", new CoefficientResult(0.467, 0.070, 6.7, 1e-7));
        fc.put("z2", new CoefficientResult(0.445, 0.063, 7.1, 1e-8));
        fc.put("w", new CoefficientResult(0.2, 0.05, 4.0, 1e-4));
        IvInfo info = new IvInfo("2sls", 1.0, 27, List.of("x"), List.of("z1", "z2"),
                List.of(new IvFirstStage("x", fc, 0.204, new IvTest("F", 48.143, 2, 29, 6e-10))),
                new IvTest("Kleibergen-Paap rk Wald F", 48.143, 2, 370, null), new IvTest("Hansen J", 4.215, 1, null, 0.040),
                new IvTest("Durbin-Wu-Hausman", 20.841, 1, 29, 1e-4));
        ModelResult m = new ModelResult("y", "iv", "cluster(cl)", 400, null, 30, 0.5, null, null, null, 371, c, null, List.of("f", "g"),
                null, info);
        TableInputs base = AllTables.inputs();
        Map<String, ModelResult> models = new LinkedHashMap<>(base.results().models());
        models.put("iv", m);
        Results r = new Results(models, base.results().tests(), base.results().mediation(), base.results().index());
        return new TableInputs(base.source(), r, base.datasets(), base.labels());
    }

    @Test
    void showsSecondStageFirstStageAndTests() throws Exception {
        Problems ps = new Problems();
        TableModel t = Tables.build(spec(false), inputs(), ps);
        assertTrue(ps.isEmpty(), ps.list().toString());
        String md = new TableWriter(new Templates(null)).render(t, "md");
        for (String want : List.of("| Second stage: y | |", "| x | 1.217\\*\\*\\* |", "| First stage: x | |", "| z1 | 0.467\\*\\*\\* |",
                "| Partial R-squared | 0.204 |", "| F (excluded instruments) | 48.143 |", "| Weak identification F | 48.143 |",
                "| Over-identification | 4.215 |", "|  | \\[0.040\\] |", "| Observations | 400 |", "| Method | 2SLS |")) {
            assertTrue(md.contains(want), want + " in\n" + md);
        }
    }

    @Test
    void aNullStatisticNeverRendersAsANumber() throws Exception {
        TableInputs real = inputs();
        TableInputs in = new TableInputs(real.source(), MissingStatisticsTest.nulled(real.results()), real.datasets(), real.labels());
        TableWriter writer = new TableWriter(new Templates(null));
        for (boolean siunitx : new boolean[] {false, true}) {
            Problems ps = new Problems();
            TableModel t = Tables.build(spec(siunitx), in, ps);
            assertTrue(ps.isEmpty(), ps.list().toString());
            assertNotNull(t);
            int missing = 0;
            for (Row r : t.body()) {
                for (int c = 1; c < r.cells().size(); c++) {
                    Cell cell = r.cells().get(c);
                    if (cell.equals(Cell.MISSING)) {
                        missing++;
                    } else if (cell.num() != null) {
                        assertFalse(cell.num().decimals() > 0, "a computed-looking number " + cell.plain());
                    }
                }
            }
            assertTrue(missing > 0, "no n/a cell");
            assertEquals(Cell.MISSING_NOTE, t.notes().get(t.notes().size() - 1).text());
            for (String format : TableWriter.FORMATS.keySet()) {
                String out = writer.render(t, format);
                assertTrue(out.contains("n/a"), format);
                assertFalse(out.contains("NaN") || out.contains("Inf") || out.contains("0.000"), format + ":\n" + out);
            }
        }
    }
}
