package dev.repro.report;

import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.diag.Problems;
import dev.repro.report.TableModel.Cell;
import dev.repro.report.TableModel.Num;
import dev.repro.report.TableModel.Row;
import dev.repro.results.TestResult;
import dev.repro.study.Label;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What every table kind shares: display labels (the table's, the study's, then defaults), significance stars
 * and their note, number cells, and the look-ups of tests, datasets and columns that report a missing one.
 */
final class TableCells {
    public static final String INTERCEPT = "(Intercept)";

    private static final Map<String, String> DEFAULT_LABELS = Map.ofEntries(
            Map.entry(INTERCEPT, "Constant"),
            Map.entry("nobs", "Observations"),
            Map.entry("groups", "Number of groups"),
            Map.entry("clusters", "Number of clusters"),
            Map.entry("r2Within", "Within R-squared"),
            Map.entry("r2", "R-squared"),
            Map.entry("adjR2", "Adjusted R-squared"),
            Map.entry("F", "F statistic"),
            Map.entry("dfResid", "Residual degrees of freedom"),
            Map.entry("depMean", "Mean of dep. var."),
            Map.entry("sargan", "Sargan test"),
            Map.entry("hansen", "Hansen test"),
            Map.entry("ar1", "AR(1) test"),
            Map.entry("ar2", "AR(2) test"),
            Map.entry("n", "N"),
            Map.entry("mean", "Mean"),
            Map.entry("sd", "SD"),
            Map.entry("min", "Min"),
            Map.entry("max", "Max"));

    private TableCells() {
    }

    /** "* p < 0.10, ** p < 0.05, *** p < 0.01." (in LaTeX with superscript stars and math-mode p). */
    static Label starNote(List<Double> levels) {
        List<String> parts = new ArrayList<>();
        List<String> tex = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            parts.add("*".repeat(i + 1) + " p < " + levelText(levels.get(i)));
            tex.add("\\sym{" + "*".repeat(i + 1) + "}~$p<" + levelText(levels.get(i)) + "$");
        }
        return new Label(String.join(", ", parts) + ".", String.join(", ", tex) + ".");
    }

    static String levelText(double level) {
        BigDecimal b = new BigDecimal(Double.toString(level)).stripTrailingZeros();
        if (b.scale() < 2) {
            b = b.setScale(2);
        }
        return b.toPlainString();
    }

    /** Stars by the levels the p-value is below: p < 0.01 gets *** with the default levels. */
    static String stars(double p, List<Double> levels) {
        if (Double.isNaN(p)) {
            return "";
        }
        int n = 0;
        for (double l : levels) {
            if (p < l) {
                n++;
            }
        }
        return "*".repeat(n);
    }

    /** "[-470.300, 142.000]", with true minus signs in LaTeX. */
    static Label interval(double lo, double hi, int decimals) {
        String a = Fmt.fixed(lo, decimals, true);
        String b = Fmt.fixed(hi, decimals, true);
        return new Label("[" + a + ", " + b + "]", "{[}" + texNumber(a) + ", " + texNumber(b) + "{]}");
    }

    static String texNumber(String formatted) {
        return formatted.startsWith("-") ? "$-$" + formatted.substring(1) : formatted;
    }

    static TestResult test(String id, String key, TableInputs in, Problems problems) {
        TestResult t = in.results().tests().get(id);
        if (t == null) {
            problems.addKey(in.source(), 0, 0, key, "no test named '" + id + "' in the results; the study's tests are: "
                    + (in.results().tests().isEmpty() ? "none" : String.join(", ", in.results().tests().keySet())));
        }
        return t;
    }

    static Dataset dataset(String name, String key, TableInputs in, Problems problems) {
        Dataset d = in.datasets().get(name);
        if (d == null) {
            problems.addKey(in.source(), 0, 0, key, "no dataset named '" + name + "'; the study's datasets are: "
                    + (in.datasets().isEmpty() ? "none" : String.join(", ", new TreeSet<>(in.datasets().keySet()))));
        }
        return d;
    }

    static NumericColumn numeric(Dataset d, String col, String key, TableInputs in, Problems problems) {
        Column c = d.column(col);
        if (c == null) {
            problems.addKey(in.source(), 0, 0, key, "dataset '" + d.name() + "' has no column '" + col + "'; its columns are: "
                    + String.join(", ", d.columnNames()));
            return null;
        }
        if (!(c instanceof NumericColumn n)) {
            problems.addKey(in.source(), 0, 0, key, "column '" + col + "' of dataset '" + d.name()
                    + "' is text; summary statistics need a numeric column");
            return null;
        }
        return n;
    }

    static Cell numCell(Double v, int decimals, String stars) {
        return v == null || !Double.isFinite(v) ? Cell.MISSING : Cell.num(Num.of(Fmt.fixed(v, decimals, true), stars, "", ""));
    }

    /** The display label of a name: the table's labels, then the study's, then a default, then the name itself. */
    static Label label(String name, Map<String, Label> labels, TableInputs in) {
        Label l = labels.get(name);
        if (l == null) {
            l = in.labels().get(name);
        }
        if (l == null && DEFAULT_LABELS.containsKey(name)) {
            l = Label.plain(DEFAULT_LABELS.get(name));
        }
        return l != null ? l : Label.plain(name);
    }


    static void addRuled(List<Row> body, List<Row> rows) {
        for (int i = 0; i < rows.size(); i++) {
            body.add(i == 0 && !body.isEmpty() ? rows.get(i).withRule() : rows.get(i));
        }
    }

    /** A keep/drop/order pattern: exact name, or {@code *} matching any run of characters. */
    static Pattern glob(String p) {
        String[] parts = p.split("\\*", -1);
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                re.append(".*");
            }
            re.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(re.toString());
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
