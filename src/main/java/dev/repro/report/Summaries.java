package dev.repro.report;

import static dev.repro.report.TableCells.dataset;
import static dev.repro.report.TableCells.numeric;

import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.diag.Problems;
import dev.repro.results.Results;
import dev.repro.results.Summary;
import dev.repro.results.SummaryRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers of the tables that summarise data (descriptive, yearly), computed once at estimate time into
 * {@code summaries.<tableId>} of results.json: the tables print them from there, and the drift gate checks
 * them as it checks coefficients. A reference to a missing dataset or column is a problem at the table's key.
 */
public final class Summaries {
    static final String TOTAL = "Total";

    private Summaries() {
    }

    /** The summaries of every descriptive and yearly table of the study, by table id. */
    public static Map<String, Summary> of(List<TableSpec> tables, TableInputs in, Problems problems) {
        Map<String, Summary> out = new LinkedHashMap<>();
        for (TableSpec t : tables) {
            Summary s = t instanceof TableSpec.Descriptive d ? descriptive(d, in, problems)
                    : t instanceof TableSpec.Yearly y ? yearly(y, in, problems) : null;
            if (s != null) {
                out.put(t.id(), s);
            }
        }
        return out;
    }

    /**
     * The summary a table prints: the one in results.json; computed from the data only when the results hold
     * none (a table model built in memory, without estimate).
     */
    static Summary forTable(TableSpec t, TableInputs in, Problems problems) {
        Results r = in.results();
        Summary s = r.summaries().get(t.id());
        return s != null ? s : of(List.of(t), in, problems).get(t.id());
    }

    static Summary descriptive(TableSpec.Descriptive s, TableInputs in, Problems problems) {
        String key = "tables." + s.id();
        Dataset d = dataset(s.dataset(), key + ".dataset", in, problems);
        if (d == null) {
            return null;
        }
        int before = problems.size();
        Map<String, SummaryRow> rows = new LinkedHashMap<>();
        for (String v : s.variables()) {
            NumericColumn c = numeric(d, v, key + ".variables", in, problems);
            if (c != null) {
                rows.put(c.name(), row(Moments.of(c.values())));
            }
        }
        return problems.size() > before ? null : new Summary(s.kind(), s.dataset(), null, rows);
    }

    static Summary yearly(TableSpec.Yearly s, TableInputs in, Problems problems) {
        String key = "tables." + s.id();
        Dataset d = dataset(s.dataset(), key + ".dataset", in, problems);
        if (d == null) {
            return null;
        }
        String time = s.time() != null ? s.time() : d.timeColumn();
        if (time == null) {
            problems.addKey(in.source(), 0, 0, key + ".time", "dataset '" + s.dataset()
                    + "' declares no time column; name one with time: <column>");
            return null;
        }
        int before = problems.size();
        numeric(d, s.variable(), key + ".variable", in, problems);
        numeric(d, time, key + ".time", in, problems);
        if (problems.size() > before) {
            return null;
        }
        YearlySummary ys = YearlySummary.of(d, s.variable(), time);
        Map<String, SummaryRow> rows = new LinkedHashMap<>();
        for (YearlySummary.Period p : ys.periods()) {
            rows.put(p.label(), row(p.moments()));
        }
        rows.put(TOTAL, row(ys.total()));
        return new Summary(s.kind(), s.dataset(), time, rows);
    }

    private static SummaryRow row(Moments m) {
        return new SummaryRow(m.n(), m.mean(), m.sd(), m.min(), m.max());
    }
}
