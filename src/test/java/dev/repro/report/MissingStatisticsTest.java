package dev.repro.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.diag.Problems;
import dev.repro.report.TableModel.Cell;
import dev.repro.report.TableModel.Row;
import dev.repro.results.Results;
import dev.repro.results.ResultsJson;
import dev.repro.report.TableSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The guard of every table kind: when every statistic is null (could not be computed), no cell prints a number
 * (no "0.000***", no "NaN", no "Inf"); each missing statistic is "n/a" and the table says what n/a means.
 */
class MissingStatisticsTest {
    /** A number as a table prints it: digits, perhaps signed, bracketed or starred. */
    private static final Pattern NUMBER = Pattern.compile(".*\\d.*");

    @Test
    void everyKindIsCoveredByTheFixtureTables() {
        Set<Class<?>> covered = new HashSet<>();
        for (TableSpec s : AllTables.specs(false)) {
            covered.add(s.getClass());
        }
        covered.add(IvTableTest.spec(false).getClass()); // its fixture and null check are in IvTableTest
        for (TableKind<?> k : Tables.KINDS) {
            assertTrue(covered.contains(k.spec()), "no fixture table of kind " + k.spec().getSimpleName());
        }
    }

    @Test
    void aNullStatisticNeverRendersAsANumberInAnyKindOrFormat() throws Exception {
        TableInputs real = AllTables.inputs();
        TableInputs in = new TableInputs(real.source(), nulled(real.results()), nanData(real.datasets()), real.labels());
        TableWriter writer = new TableWriter(new Templates(null));
        for (boolean siunitx : new boolean[] {false, true}) {
            for (TableSpec s : AllTables.specs(siunitx)) {
                Problems ps = new Problems();
                TableModel t = Tables.build(s, in, ps);
                assertTrue(ps.isEmpty(), s.id() + ": " + ps.list());
                assertNotNull(t, s.id());
                int missing = 0;
                for (Row r : t.body()) {
                    for (int c = 1; c < r.cells().size(); c++) {
                        Cell cell = r.cells().get(c);
                        if (cell.equals(Cell.MISSING)) {
                            missing++;
                        } else if (cell.num() != null) {
                            // counts (N, groups, lags, df) are known even when no statistic could be computed
                            assertFalse(cell.num().decimals() > 0, s.id() + ": a computed-looking number " + cell.plain());
                        }
                    }
                }
                assertTrue(missing > 0, s.id() + ": no n/a cell");
                assertEquals(Cell.MISSING_NOTE, t.notes().get(t.notes().size() - 1).text(), s.id());
                for (String format : TableWriter.FORMATS.keySet()) {
                    String out = writer.render(t, format);
                    assertTrue(out.contains("n/a"), s.id() + "." + format);
                    assertFalse(out.contains("NaN") || out.contains("Inf") || out.contains("0.000"), s.id() + "." + format + ":\n" + out);
                }
            }
        }
    }

    /** The results with every number null, as results.json holds a statistic that could not be computed. */
    static Results nulled(Results r) throws Exception {
        JsonNode tree = ResultsJson.tree(r);
        nullNumbers(tree, Set.of("nobs", "groups", "clusters", "dfResid", "df", "lags", "units", "periods", "rows", "instruments",
                "steps", "timeEffects", "dfTest", "fDf1", "absorbedDf", "lstarDf", "bootReps", "positiveDefinite", "negative"));
        return ResultsJson.read(tree);
    }

    private static void nullNumbers(JsonNode n, Set<String> counts) {
        if (n instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String k : names) {
                JsonNode v = o.get(k);
                if (v.isNumber() && !counts.contains(k)) {
                    o.putNull(k);
                } else {
                    nullNumbers(v, counts);
                }
            }
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isNumber()) {
                    a.set(i, a.nullNode());
                } else {
                    nullNumbers(a.get(i), counts);
                }
            }
        }
    }

    /** The datasets with every value of every column but the panel keys missing. */
    static Map<String, Dataset> nanData(Map<String, Dataset> data) {
        Map<String, Dataset> out = new LinkedHashMap<>();
        for (Dataset d : data.values()) {
            List<Column> cols = new ArrayList<>();
            for (Column c : d.columns()) {
                boolean key = c.name().equals(d.idColumn()) || c.name().equals(d.timeColumn());
                if (c instanceof NumericColumn && !key) {
                    double[] nan = new double[d.rows()];
                    Arrays.fill(nan, Double.NaN);
                    cols.add(new NumericColumn(c.name(), nan));
                } else {
                    cols.add(c);
                }
            }
            out.put(d.name(), new Dataset(d.name(), d.source(), d.sha256(), cols, new int[d.rows()], d.idColumn(), d.timeColumn()));
        }
        return out;
    }
}
