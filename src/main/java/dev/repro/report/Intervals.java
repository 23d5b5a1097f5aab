package dev.repro.report;

import dev.repro.results.CoefficientResult;
import dev.repro.results.IntervalTable;
import dev.repro.results.LinearInfo;
import dev.repro.results.ModelResult;
import dev.repro.results.Results;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The confidence intervals of regression tables with {@code stat: ci}, computed once at estimate time into
 * {@code intervals.<tableId>} of results.json (as {@link Summaries} does for descriptive tables), so that the drift
 * gate checks every bound a table prints. The interval is the one of the model's own test: estimate -/+ q times the
 * standard error, q the (1 + level)/2 quantile of t on the model's test degrees of freedom (the p-values' own
 * distribution: G - 1 when clustered under the Stata convention), or of the normal for z statistics (GMM, PPML), as
 * Stata's {@code esttab, ci} and R's {@code confint} print it. So 0 lies outside the 95% interval exactly when {@code p < 0.05}.
 */
public final class Intervals {
    private Intervals() {
    }

    /** The intervals of every regression table of the study that prints them, by table id. */
    public static Map<String, IntervalTable> of(List<TableSpec> tables, Results results) {
        Map<String, IntervalTable> out = new LinkedHashMap<>();
        for (TableSpec t : tables) {
            if (t instanceof TableSpec.Regression r && r.stat() == TableSpec.Stat.CI) {
                out.put(t.id(), of(r, results));
            }
        }
        return out;
    }

    /**
     * The intervals a table prints: those in results.json; computed from the models only when the results hold none
     * (a table model built in memory, without estimate).
     */
    static IntervalTable forTable(TableSpec.Regression s, Results results) {
        IntervalTable t = results.intervals().get(s.id());
        return t != null && t.level() == s.level() ? t : of(s, results);
    }

    private static IntervalTable of(TableSpec.Regression s, Results results) {
        Map<String, Map<String, IntervalTable.Interval>> models = new LinkedHashMap<>();
        for (String id : s.models()) {
            ModelResult m = results.models().get(id);
            if (m == null) {
                continue; // the table reports the missing model
            }
            double q = critical(m, s.level());
            Map<String, IntervalTable.Interval> terms = new LinkedHashMap<>();
            m.coefficients().forEach((term, c) -> terms.put(term, interval(c, q)));
            if (s.constant() && m.constant() != null && !terms.containsKey(TableCells.INTERCEPT)) {
                terms.put(TableCells.INTERCEPT, interval(m.constant(), q));
            }
            models.put(id, terms);
        }
        return new IntervalTable(s.level(), models);
    }

    private static IntervalTable.Interval interval(CoefficientResult c, double q) {
        return new IntervalTable.Interval(c.estimate() - q * c.stdError(), c.estimate() + q * c.stdError());
    }

    /** The (1 + level)/2 quantile of the distribution of the model's tests. */
    static double critical(ModelResult m, double level) {
        double p = 1 - (1 - level) / 2;
        if (!m.zStatistics() && m.info() instanceof LinearInfo li) {
            return new TDistribution(null, Math.max(li.dfTest(), 1)).inverseCumulativeProbability(p);
        }
        if (m.zStatistics()) {
            return new NormalDistribution(null, 0, 1).inverseCumulativeProbability(p);
        }
        return CoefficientsFigure.critical(m, level);
    }
}
