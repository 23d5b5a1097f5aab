package dev.repro.formula;

import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.diag.Located;
import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates terms and conditions over every row of one dataset, vectorised over primitive arrays.
 *
 * <p>Values: a missing cell is NaN and propagates; any non-finite result (x / 0, exp overflow, 0^-1) is
 * missing, as in Stata. {@code log} of a value that is 0 or negative and {@code sqrt} of a negative
 * value are user mistakes reported with the rows concerned. {@code L} and {@code D} follow time values
 * within panel units ({@link PanelLags}). Conditions have three values ({@link #TRUE}, {@link #FALSE},
 * {@link #UNKNOWN} for a comparison with a missing cell).
 *
 * <p>The {@code needed} masks say which rows matter (for example those in the estimation sample): values
 * are computed for all rows, but a row that is not needed is never reported, and the mask is carried
 * through lags (the lagged row becomes needed), {@code ifelse} branches (only the rows taking that
 * branch), {@code and} (the right side only where the left is not false) and {@code or} (only where the
 * left is not true), so that {@code x > 0 and log(x) > 1} or {@code ifelse(x > 0, log(x), 0)} is fine.
 *
 * <p>Problems go to the {@link Problems} given: mistakes about the data name the dataset's file and lines;
 * mistakes about the study (lags on a dataset that is no panel, unknown columns when a text was not
 * checked) name the {@link Located}. An evaluator is meant for one model or one derived column; it is not
 * thread-safe.
 */
public final class Evaluator {
    public static final byte FALSE = 0;
    public static final byte TRUE = 1;
    public static final byte UNKNOWN = 2;

    private final Dataset data;
    private final Located site;
    private final Problems problems;
    private final int n;
    private final Set<String> reported = new HashSet<>();
    private PanelLags panel;
    private boolean panelTried;
    private boolean failed;
    private final ConditionEvaluator conditions;

    public Evaluator(Dataset data, Located site, Problems problems) {
        this.data = Objects.requireNonNull(data, "data");
        this.site = Objects.requireNonNull(site, "site");
        this.problems = Objects.requireNonNull(problems, "problems");
        this.n = data.rows();
        this.conditions = new ConditionEvaluator(this);
    }

    /** The values of a term on every row, or empty after reporting a problem: the one-call form. */
    public static Optional<double[]> evaluate(Term term, Dataset data, Located site, Problems problems) {
        Evaluator ev = new Evaluator(data, site, problems);
        double[] v = ev.values(term);
        return ev.failed() ? Optional.empty() : Optional.of(v);
    }

    public Dataset dataset() {
        return data;
    }

    /** True once this evaluator has reported a problem. */
    public boolean failed() {
        return failed;
    }

    /** The values of a term on every row (a fresh array the caller may change); every row is needed. */
    public double[] values(Term term) {
        return values(term, null);
    }

    /** The values of a term on every row; problems are reported only for rows where {@code needed} is true (null: all). */
    public double[] values(Term term, boolean[] needed) {
        checkMask(needed);
        double[] v = eval(term, needed);
        if (term instanceof Term.Variable var && data.column(var.name()) instanceof NumericColumn c && v == c.values()) {
            return v.clone();
        }
        return v;
    }

    /**
     * As {@link #values(Term, boolean[])}, but a plain variable gives its column's own array, not a copy: read only.
     * A model frame shares the dataset's columns this way instead of copying 8 bytes a row per variable.
     */
    double[] sharedValues(Term term, boolean[] needed) {
        checkMask(needed);
        return eval(term, needed);
    }

    /** {@link #TRUE}, {@link #FALSE} or {@link #UNKNOWN} for every row. */
    public byte[] truth(Condition condition, boolean[] needed) {
        checkMask(needed);
        return conditions.truth(condition, needed);
    }

    /** The rows where the condition is true (a sample filter's rows). */
    public boolean[] select(Condition condition) {
        byte[] t = conditions.truth(condition, null);
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = t[i] == TRUE;
        }
        return out;
    }

    private void checkMask(boolean[] needed) {
        if (needed != null && needed.length != n) {
            throw new IllegalArgumentException("mask of " + needed.length + " rows for dataset " + data.name() + " of " + n + " rows");
        }
    }

    // ---------------------------------------------------------------- reporting

    void studyProblem(String message) {
        failed = true;
        if (reported.add(message)) {
            problems.add(site.problem(message));
        }
    }

    private void dataProblem(int line, String message) {
        failed = true;
        if (reported.add(message)) {
            problems.add(Problem.atKey(data.source(), line, 0, site.key(), message));
        }
    }

    static boolean isNeeded(boolean[] needed, int i) {
        return needed == null || needed[i];
    }

    private double[] missing() {
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        return v;
    }

    // ---------------------------------------------------------------- terms

    /** The values of a term; may return a column's own array (callers outside copy it, see {@link #values}). */
    double[] eval(Term t, boolean[] needed) {
        if (t instanceof Term.Variable v) {
            return column(v);
        }
        if (t instanceof Term.Constant c) {
            double[] out = new double[n];
            Arrays.fill(out, c.value());
            return out;
        }
        if (t instanceof Term.Negate neg) {
            double[] a = eval(neg.operand(), needed);
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = -a[i];
            }
            return out;
        }
        if (t instanceof Term.Arithmetic a) {
            return arithmetic(a.op(), eval(a.left(), needed), eval(a.right(), needed));
        }
        if (t instanceof Term.Function f) {
            return function(f, eval(f.argument(), needed), needed);
        }
        if (t instanceof Term.Lag l) {
            int[] lag = lagRows(l, l.lag());
            if (lag == null) {
                return missing();
            }
            double[] a = eval(l.operand(), lagTargets(lag, needed, false));
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                int j = lag[i];
                out[i] = j < 0 ? Double.NaN : a[j];
            }
            return out;
        }
        if (t instanceof Term.Difference d) {
            int[] lag = lagRows(d, d.lag());
            if (lag == null) {
                return missing();
            }
            double[] a = eval(d.operand(), needed == null ? null : lagTargets(lag, needed, true));
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                int j = lag[i];
                out[i] = j < 0 ? Double.NaN : a[i] - a[j];
            }
            return out;
        }
        Term.IfElse ie = (Term.IfElse) t;
        byte[] c = conditions.truth(ie.condition(), needed);
        double[] a = eval(ie.whenTrue(), branch(c, TRUE, needed));
        double[] b = eval(ie.whenFalse(), branch(c, FALSE, needed));
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = c[i] == TRUE ? a[i] : c[i] == FALSE ? b[i] : Double.NaN;
        }
        return out;
    }

    /** Rows needed by a lag: the targets of needed rows (and the needed rows themselves for a difference). */
    private boolean[] lagTargets(int[] lag, boolean[] needed, boolean keep) {
        boolean[] out = keep && needed != null ? needed.clone() : new boolean[n];
        for (int i = 0; i < n; i++) {
            if (lag[i] >= 0 && isNeeded(needed, i)) {
                out[lag[i]] = true;
            }
        }
        return out;
    }

    private boolean[] branch(byte[] c, byte value, boolean[] needed) {
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = c[i] == value && isNeeded(needed, i);
        }
        return out;
    }

    private double[] column(Term.Variable v) {
        Column c = data.column(v.name());
        if (c instanceof NumericColumn num) {
            return num.values();
        }
        if (c == null) {
            studyProblem("unknown variable '" + v.name() + "' in dataset " + data.name() + "; "
                    + Hints.column(v.name(), data.columnNames(), true));
        } else {
            studyProblem("variable '" + v.name() + "' of dataset " + data.name() + " is text, not numeric");
        }
        return missing();
    }

    private static double[] arithmetic(Term.Arithmetic.Op op, double[] a, double[] b) {
        int n = a.length;
        double[] out = new double[n];
        switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] + b[i];
                }
            }
            case SUB -> {
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] - b[i];
                }
            }
            case MUL -> {
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] * b[i];
                }
            }
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    out[i] = a[i] / b[i];
                }
            }
            case POW -> {
                for (int i = 0; i < n; i++) {
                    // Java's pow(NaN, 0) is 1; a missing base or exponent stays missing (Stata)
                    out[i] = Double.isNaN(a[i]) || Double.isNaN(b[i]) ? Double.NaN : Math.pow(a[i], b[i]);
                }
            }
        }
        finite(out);
        return out;
    }

    /** Infinite results become missing, as in Stata. */
    private static void finite(double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (Double.isInfinite(v[i])) {
                v[i] = Double.NaN;
            }
        }
    }

    private double[] function(Term.Function f, double[] a, boolean[] needed) {
        double[] out = new double[n];
        switch (f.kind()) {
            case LOG, SQRT -> {
                boolean log = f.kind() == Term.Function.Kind.LOG;
                int[] bad = new int[Texts.ROWS_SHOWN];
                int badCount = 0;
                for (int i = 0; i < n; i++) {
                    double v = a[i];
                    if (log ? v > 0 : v >= 0) {
                        out[i] = log ? Math.log(v) : Math.sqrt(v);
                    } else {
                        out[i] = Double.NaN;
                        if (!Double.isNaN(v) && isNeeded(needed, i)) {
                            if (badCount < bad.length) {
                                bad[badCount] = i;
                            }
                            badCount++;
                        }
                    }
                }
                if (badCount > 0 && reported.add("domain:" + f.label())) {
                    domainProblem(f, a, bad, badCount);
                }
            }
            case EXP -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Math.exp(a[i]);
                }
                finite(out);
            }
            case ABS -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Math.abs(a[i]);
                }
            }
        }
        return out;
    }

    private void domainProblem(Term.Function f, double[] a, int[] bad, int count) {
        Term arg = f.argument();
        boolean log = f.kind() == Term.Function.Kind.LOG;
        StringBuilder sb = new StringBuilder();
        sb.append(f.label()).append(log ? " needs positive values, but " : " needs values of 0 or more, but ")
                .append(arg.label()).append(log ? " is 0 or negative in " : " is negative in ").append(Texts.rows(count))
                .append(" of dataset ").append(data.name()).append(": ");
        sb.append(rowList(bad, count, a));
        Term zero = new Term.Constant(0);
        Condition keep = new Condition.Comparison(arg, log ? Condition.Op.GT : Condition.Op.GE, zero);
        sb.append(log ? "; keep positive values with sample: \"" : "; keep values of 0 or more with sample: \"")
                .append(keep.label()).append('"');
        if (log) {
            Term shifted = new Term.Function(Term.Function.Kind.LOG,
                    new Term.Arithmetic(Term.Arithmetic.Op.ADD, arg, new Term.Constant(1)));
            sb.append(", or define a derived column such as ").append(shifted.label());
        }
        dataProblem(data.line(bad[0]), sb.toString());
    }

    /** "line 5 (0), line 17 (-1.5) and 3 more". */
    private String rowList(int[] rows, int count, double[] values) {
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(count, rows.length);
        for (int k = 0; k < shown; k++) {
            if (k > 0) {
                sb.append(k == shown - 1 && count == shown ? " and " : ", ");
            }
            sb.append("line ").append(data.line(rows[k]));
            if (values != null) {
                sb.append(" (").append(Texts.number(values[rows[k]])).append(')');
            }
        }
        if (count > shown) {
            sb.append(" and ").append(count - shown).append(" more");
        }
        return sb.toString();
    }

    /** The lag map for a lag or difference term, or null (after reporting) when the dataset is no panel. */
    private int[] lagRows(Term t, int k) {
        PanelLags p = panel(t);
        return p == null ? null : p.lagRowsShared(k);
    }

    private PanelLags panel(Term t) {
        if (!data.isPanel()) {
            studyProblem(t.label() + " needs a panel dataset, but dataset " + data.name() + " has no "
                    + Checker.missingPanelKeys(data) + "; declare id: and time: for dataset " + data.name() + " in the study file");
            return null;
        }
        if (!panelTried) {
            panelTried = true;
            panel = PanelLags.of(data);
            panelProblems(panel);
        }
        return panel;
    }

    private void panelProblems(PanelLags p) {
        String id = data.idColumn();
        String time = data.timeColumn();
        if (p.duplicateCount() > 0) {
            StringBuilder sb = new StringBuilder();
            sb.append("dataset ").append(data.name()).append(" has more than one row for the same ").append(id)
                    .append(" and ").append(time).append(": ");
            var dups = p.duplicates();
            for (int k = 0; k < dups.size(); k++) {
                int[] d = dups.get(k);
                if (k > 0) {
                    sb.append(k == dups.size() - 1 && p.duplicateCount() == dups.size() ? " and " : ", ");
                }
                sb.append("lines ").append(data.line(d[0])).append(" and ").append(data.line(d[1])).append(" (")
                        .append(id).append(' ').append(data.column(id).display(d[1])).append(", ")
                        .append(time).append(' ').append(data.column(time).display(d[1])).append(')');
            }
            if (p.duplicateCount() > dups.size()) {
                sb.append(" and ").append(p.duplicateCount() - dups.size()).append(" more");
            }
            sb.append("; lags and differences need one row per unit and time period");
            dataProblem(data.line(dups.get(0)[1]), sb.toString());
        }
        if (p.nonIntegerCount() > 0) {
            int[] rows = p.nonIntegerTimes();
            dataProblem(data.line(rows[0]), "time column '" + time + "' of dataset " + data.name()
                    + " must hold whole numbers for lags and differences, but " + Texts.rows(p.nonIntegerCount())
                    + (p.nonIntegerCount() == 1 ? " does not: " : " do not: ")
                    + rowList(rows, p.nonIntegerCount(), data.numeric(time).values()));
        }
    }
}
