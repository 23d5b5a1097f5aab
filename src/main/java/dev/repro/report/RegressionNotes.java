package dev.repro.report;

import static dev.repro.report.TableCells.capitalize;
import static dev.repro.report.TableCells.label;

import dev.repro.results.LinearInfo;
import dev.repro.results.ModelResult;
import dev.repro.results.WildInference;
import dev.repro.study.Label;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The automatic notes of regression and GMM tables: what is under the coefficients and the covariance behind it,
 * the wild bootstrap rows, weights, and the diagnostics.
 */
final class RegressionNotes {
    private RegressionNotes() {
    }

    /** Whether every column reports z statistics (GMM, PPML), so the note and the row say z rather than t. */
    static boolean allZ(List<ModelResult> models) {
        return models.stream().allMatch(ModelResult::zStatistics);
    }

    /** "95%" for a level of 0.95. */
    static String percent(double level) {
        return Fmt.significant(level * 100, 4, false) + "%";
    }

    /** " (z statistics in (1))" when some but not all columns report z statistics (PPML or GMM next to linear models). */
    private static String zColumns(TableSpec.Regression s, List<ModelResult> models, String what) {
        List<Integer> z = new ArrayList<>();
        for (int j = 0; j < models.size(); j++) {
            if (models.get(j).zStatistics()) {
                z.add(s.firstColumn() + j);
            }
        }
        return z.isEmpty() ? "" : " (" + what + " in " + columnRanges(z) + ")";
    }

    /**
     * "t statistics in parentheses, computed with standard errors clustered by Province." and the like; p-values and
     * confidence intervals are in brackets and say which test (t or z) they come from when the columns differ.
     */
    static String statNote(TableSpec.Regression s, List<ModelResult> models, TableInputs in) {
        LinkedHashMap<String, List<Integer>> byVcov = new LinkedHashMap<>();
        for (int j = 0; j < models.size(); j++) {
            String v = models.get(j).vcov();
            if (v != null) {
                byVcov.computeIfAbsent(vcovPhrase(v, s.labels(), in), x -> new ArrayList<>()).add(s.firstColumn() + j);
            }
        }
        boolean z = allZ(models);
        String what = switch (s.stat()) {
            case T -> z ? "z statistics in parentheses" : "t statistics" + zColumns(s, models, "z statistics") + " in parentheses";
            case SE -> "Standard errors in parentheses";
            case P -> "p-values" + (z ? " of z tests" : zColumns(s, models, "of z tests")) + " in brackets";
            case CI -> percent(s.level()) + " confidence intervals" + (z ? " (normal)" : zColumns(s, models, "normal"))
                    + " in brackets";
        };
        if (byVcov.isEmpty()) {
            return what + ".";
        }
        if (s.stat() == TableSpec.Stat.SE) {
            if (byVcov.size() == 1) {
                return capitalize(byVcov.keySet().iterator().next()) + " in parentheses.";
            }
            List<String> parts = new ArrayList<>();
            byVcov.forEach((p, cols) -> parts.add(p + " in " + columnRanges(cols)));
            return "Standard errors in parentheses: " + String.join("; ", parts) + ".";
        }
        if (byVcov.size() == 1) {
            return what + ", computed with " + byVcov.keySet().iterator().next() + ".";
        }
        List<String> parts = new ArrayList<>();
        byVcov.forEach((p, cols) -> parts.add(p + " in " + columnRanges(cols)));
        return what + ", computed with " + String.join("; ", parts) + ".";
    }

    /**
     * "Wild cluster restricted bootstrap p-values (Rademacher weights, 1,024 draws, all enumerated) in brackets."
     * or, for intervals, "Wild cluster restricted bootstrap 95% confidence intervals (...) in brackets."; null when no
     * model of the table has a wild bootstrap.
     */
    static String wildNote(TableSpec.Regression s, List<ModelResult> models) {
        Set<String> how = new LinkedHashSet<>();
        Set<String> levels = new LinkedHashSet<>();
        for (ModelResult m : models) {
            if (m.wild() != null) {
                for (WildInference w : m.wild().values()) {
                    how.add(capitalize(w.weights()) + " weights, " + String.format(Locale.ROOT, "%,d", w.draws()) + " draws"
                            + (w.enumerated() ? ", all enumerated" : ""));
                    levels.add(percent(w.level()));
                }
            }
        }
        if (how.isEmpty()) {
            return null;
        }
        String what = s.wildInterval() ? String.join(", ", levels) + " confidence intervals (by test inversion; " : "p-values (";
        return "Wild cluster restricted bootstrap " + what + String.join("; ", how) + ") in brackets"
                + (s.wildInterval() && s.stat() == TableSpec.Stat.CI ? " below the analytic intervals" : "") + ".";
    }

    /** "Weighted least squares with weights Population in (2)-(3)." for the weighted columns; null when none is. */
    static String weightsNote(TableSpec.Regression s, List<ModelResult> models, TableInputs in) {
        LinkedHashMap<String, List<Integer>> byWeights = new LinkedHashMap<>();
        for (int j = 0; j < models.size(); j++) {
            if (models.get(j).info() instanceof LinearInfo li && li.weights() != null) {
                byWeights.computeIfAbsent(label(li.weights(), s.labels(), in).text(), x -> new ArrayList<>()).add(s.firstColumn() + j);
            }
        }
        if (byWeights.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (var e : byWeights.entrySet()) {
            parts.add(e.getKey() + (byWeights.size() == 1 && e.getValue().size() == models.size() ? "" : " in " + columnRanges(e.getValue())));
        }
        return "Weighted least squares with weights " + String.join("; ", parts) + ".";
    }

    /** The covariance as a noun phrase, from results.json's vcov ("cluster(state)", "hc1", "iid", ...). */
    static String vcovPhrase(String vcov, Map<String, Label> labels, TableInputs in) {
        String v = vcov.strip();
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.startsWith("cluster(") && lower.endsWith(")")) {
            String g = v.substring("cluster(".length(), v.length() - 1).strip();
            return "standard errors clustered by " + label(g, labels, in).text();
        }
        if (lower.matches("(dk|nw)\\([0-9]+\\)")) {
            String lag = v.substring(3, v.length() - 1);
            return (lower.startsWith("dk") ? "Driscoll-Kraay" : "panel Newey-West") + " standard errors (Bartlett kernel, lag " + lag + ")";
        }
        if (lower.matches("hac\\([0-9]+\\)")) {
            return "Newey-West (HAC) standard errors (Bartlett kernel, lag " + v.substring(4, v.length() - 1) + ")";
        }
        return switch (lower) {
            case "iid", "ols", "conventional" -> "conventional (iid) standard errors";
            case "hc0" -> "heteroskedasticity-robust (HC0) standard errors";
            case "hc1", "robust-hc1" -> "heteroskedasticity-robust (HC1) standard errors";
            case "hc2" -> "heteroskedasticity-robust (HC2) standard errors";
            case "hc3" -> "heteroskedasticity-robust (HC3) standard errors";
            case "robust" -> "robust standard errors";
            case "windmeijer" -> "Windmeijer-corrected robust standard errors";
            default -> "standard errors of type " + v;
        };
    }

    /** "(1)-(3), (5)" for columns 1, 2, 3, 5. */
    static String columnRanges(List<Integer> cols) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < cols.size()) {
            int j = i;
            while (j + 1 < cols.size() && cols.get(j + 1) == cols.get(j) + 1) {
                j++;
            }
            out.add(i == j ? "(" + cols.get(i) + ")" : "(" + cols.get(i) + ")-(" + cols.get(j) + ")");
            i = j + 1;
        }
        return String.join(", ", out);
    }

    static String diagNote(List<String> shown) {
        List<String> parts = new ArrayList<>();
        if (shown.contains("sargan")) {
            parts.add("Sargan: chi-squared test of the over-identifying restrictions");
        }
        if (shown.contains("hansen")) {
            parts.add("Hansen: robust chi-squared test of the over-identifying restrictions");
        }
        if (shown.contains("ar1") || shown.contains("ar2")) {
            parts.add((shown.contains("ar1") && shown.contains("ar2") ? "AR(1), AR(2)" : shown.contains("ar1") ? "AR(1)" : "AR(2)")
                    + ": Arellano-Bond tests for serial correlation in the first-differenced residuals");
        }
        String p = "p-values of the tests in brackets.";
        return parts.isEmpty() ? capitalize(p) : String.join("; ", parts) + "; " + p;
    }
}
