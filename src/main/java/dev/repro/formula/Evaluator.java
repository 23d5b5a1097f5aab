package dev.repro.formula;

import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.study.Located;
import dev.repro.study.Problems;
import dev.repro.study.Suggest;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates formula terms over a dataset, one value per row (NaN = missing). Lags and differences are
 * taken within the panel unit by time value; {@code log} of a value that is not positive is an error
 * naming the rows, not a silent missing value.
 */
public final class Evaluator {
    private final Dataset data;
    private final Located where;
    private final Problems problems;
    private PanelIndex panel;

    /**
     * @param where the study key the terms come from (e.g. {@code models.m.formula}), for messages
     */
    public Evaluator(Dataset data, Located where, Problems problems) {
        this.data = data;
        this.where = where;
        this.problems = problems;
    }

    /** Checks that every column exists and is numeric, and that lags have a panel; false after problems. */
    public boolean check(Term t) {
        java.util.Set<String> cols = new java.util.LinkedHashSet<>();
        t.columns(cols);
        boolean ok = true;
        for (String c : cols) {
            ok &= checkColumn(c, true);
        }
        if (t.usesPanel() && !data.isPanel()) {
            problems.add(where.problem("'" + t.label() + "' takes lags or differences, which need a panel: declare 'id' and 'time' for dataset "
                    + data.name()));
            ok = false;
        }
        return ok;
    }

    /** Checks a column used by name (fixed effect, cluster): it must exist; numeric when {@code numeric}. */
    public boolean checkColumn(String c, boolean numeric) {
        Column col = data.column(c);
        if (col == null) {
            problems.add(where.problem("unknown variable '" + c + "' in dataset " + data.name()
                    + orColumns(Suggest.didYouMean(c, data.columnNames()))));
            return false;
        }
        if (numeric && !(col instanceof NumericColumn)) {
            problems.add(where.problem("variable '" + c + "' of dataset " + data.name()
                    + " is text, not a number; use it as a fixed effect after '|' or fix the data ("
                    + data.source() + ")"));
            return false;
        }
        return true;
    }

    private String orColumns(String didYouMean) {
        return didYouMean.isEmpty() ? "; its columns are: " + String.join(", ", data.columnNames()) : didYouMean;
    }

    /** The values of a checked term; null after a problem (log of a non-positive value). */
    public double[] evaluate(Term t) {
        if (t instanceof Term.Var v) {
            return data.numeric(v.name()).values();
        }
        if (t instanceof Term.Log l) {
            double[] in = evaluate(l.inner());
            if (in == null) {
                return null;
            }
            double[] out = new double[in.length];
            List<Integer> bad = new ArrayList<>();
            int badCount = 0;
            for (int i = 0; i < in.length; i++) {
                double x = in[i];
                if (Double.isNaN(x)) {
                    out[i] = Double.NaN;
                } else if (x <= 0) {
                    if (bad.size() < 5) {
                        bad.add(i);
                    }
                    badCount++;
                    out[i] = Double.NaN;
                } else {
                    out[i] = Math.log(x);
                }
            }
            if (badCount > 0) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < bad.size(); i++) {
                    int r = bad.get(i);
                    sb.append(i == 0 ? "" : ", ").append("line ").append(data.line(r)).append(" (").append(num(in[r])).append(')');
                }
                if (badCount > bad.size()) {
                    sb.append(" and ").append(badCount - bad.size()).append(" more");
                }
                problems.add(where.problem("'" + t.label() + "': the logarithm needs positive values, but " + l.inner().label()
                        + " is zero or negative in " + data.source() + " at " + sb
                        + "; leave those rows out with sample: or transform the variable first"));
                return null;
            }
            return out;
        }
        if (t instanceof Term.Lag g) {
            double[] in = evaluate(g.inner());
            if (in == null) {
                return null;
            }
            if (g.k() == 0) {
                return in;
            }
            PanelIndex pi = panel();
            double[] out = new double[in.length];
            for (int i = 0; i < in.length; i++) {
                int r = pi.lag(i, g.k());
                out[i] = r < 0 ? Double.NaN : in[r];
            }
            return out;
        }
        Term.Diff d = (Term.Diff) t;
        double[] in = evaluate(d.inner());
        if (in == null) {
            return null;
        }
        PanelIndex pi = panel();
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            int r = pi.lag(i, d.k());
            out[i] = r < 0 ? Double.NaN : in[i] - in[r];
        }
        return out;
    }

    private PanelIndex panel() {
        if (panel == null) {
            panel = PanelIndex.of(data);
        }
        return panel;
    }

    static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
