package dev.repro.formula;

import dev.repro.data.Dataset;
import dev.repro.study.Located;
import dev.repro.study.Problems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The estimation sample of a formula over a dataset: the rows that are in the sample filter and have no
 * missing value in any variable, fixed effect or cluster the model uses, with every column restricted to
 * those rows and every categorical variable recoded 0..levels-1 over them.
 *
 * @param dependent label of the dependent term
 * @param y dependent values
 * @param names regressor labels in formula order
 * @param x regressor columns
 * @param effects absorbed effects (name, codes, levels)
 * @param groups extra categorical columns asked for (clusters, the panel id), by name
 * @param rows the dataset rows kept, ascending
 */
public record ModelFrame(String dependent, double[] y, List<String> names, double[][] x, List<Categorical> effects,
                         Map<String, Categorical> groups, int[] rows) {

    /** A categorical variable over the kept rows: codes 0..levels-1 in order of first appearance. */
    public record Categorical(String name, int[] codes, int levels) {
    }

    /**
     * Builds the frame; null (with problems added) when a variable is unknown, not numeric, a log is
     * taken of a non-positive value, or no row is left.
     *
     * @param sample the row filter, or null
     * @param groupColumns further categorical columns to carry (cluster variables, the panel id)
     */
    public static ModelFrame build(Formula f, Dataset d, Located formulaAt, SampleFilter sample, Located sampleAt,
                                   List<String> groupColumns, Problems problems) {
        Evaluator ev = new Evaluator(d, formulaAt, problems);
        int before = problems.size();
        List<Term> terms = new ArrayList<>();
        terms.add(f.dependent());
        terms.addAll(f.regressors());
        for (Term t : terms) {
            ev.check(t);
        }
        for (List<String> parts : f.absorbed()) {
            for (String c : parts) {
                ev.checkColumn(c, false);
            }
        }
        for (String g : groupColumns) {
            ev.checkColumn(g, false);
        }
        boolean[] keep = null;
        if (sample != null) {
            keep = sample.evaluate(d, sampleAt, problems);
        }
        if (problems.size() > before) {
            return null;
        }
        List<double[]> values = new ArrayList<>();
        for (Term t : terms) {
            values.add(ev.evaluate(t));
        }
        if (problems.size() > before) {
            return null;
        }
        int n = d.rows();
        if (keep == null) {
            keep = new boolean[n];
            Arrays.fill(keep, true);
        }
        List<int[]> effectCodes = new ArrayList<>();
        for (List<String> parts : f.absorbed()) {
            effectCodes.add(combined(d, parts));
        }
        List<int[]> groupCodes = new ArrayList<>();
        for (String g : groupColumns) {
            groupCodes.add(d.codes(g).codes());
        }
        int kept = 0;
        for (int i = 0; i < n; i++) {
            boolean ok = keep[i];
            for (int v = 0; ok && v < values.size(); v++) {
                ok = !Double.isNaN(values.get(v)[i]);
            }
            for (int e = 0; ok && e < effectCodes.size(); e++) {
                ok = effectCodes.get(e)[i] >= 0;
            }
            for (int g = 0; ok && g < groupCodes.size(); g++) {
                ok = groupCodes.get(g)[i] >= 0;
            }
            keep[i] = ok;
            if (ok) {
                kept++;
            }
        }
        if (kept == 0) {
            problems.add(formulaAt.problem("no observation is left: every row of dataset " + d.name()
                    + " is outside the sample or has a missing value in one of " + String.join(", ", f.columns())));
            return null;
        }
        int[] rows = new int[kept];
        for (int i = 0, j = 0; i < n; i++) {
            if (keep[i]) {
                rows[j++] = i;
            }
        }
        double[] y = pick(values.get(0), rows);
        double[][] x = new double[f.regressors().size()][];
        List<String> names = new ArrayList<>();
        for (int j = 0; j < x.length; j++) {
            x[j] = pick(values.get(j + 1), rows);
            names.add(f.regressors().get(j).label());
        }
        List<Categorical> effects = new ArrayList<>();
        for (int e = 0; e < effectCodes.size(); e++) {
            effects.add(recode(Formula.effectName(f.absorbed().get(e)), effectCodes.get(e), rows));
        }
        Map<String, Categorical> groups = new java.util.LinkedHashMap<>();
        for (int g = 0; g < groupColumns.size(); g++) {
            groups.put(groupColumns.get(g), recode(groupColumns.get(g), groupCodes.get(g), rows));
        }
        return new ModelFrame(f.dependent().label(), y, names, x, effects, groups, rows);
    }

    public int nobs() {
        return y.length;
    }

    private static double[] pick(double[] v, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = v[rows[i]];
        }
        return out;
    }

    /** Codes of one column, or of the combination of several (an interaction a^b); -1 when any part is missing. */
    static int[] combined(Dataset d, List<String> parts) {
        int[] codes = d.codes(parts.get(0)).codes().clone();
        long levels = d.codes(parts.get(0)).levelCount();
        for (int k = 1; k < parts.size(); k++) {
            Dataset.Codes next = d.codes(parts.get(k));
            int[] b = next.codes();
            long nb = next.levelCount();
            long[] key = new long[codes.length];
            for (int i = 0; i < codes.length; i++) {
                key[i] = codes[i] < 0 || b[i] < 0 ? -1 : codes[i] * nb + b[i];
            }
            Map<Long, Integer> dict = new HashMap<>();
            for (int i = 0; i < codes.length; i++) {
                if (key[i] < 0) {
                    codes[i] = -1;
                } else {
                    Integer c = dict.get(key[i]);
                    if (c == null) {
                        c = dict.size();
                        dict.put(key[i], c);
                    }
                    codes[i] = c;
                }
            }
            levels = dict.size();
        }
        return codes;
    }

    /** Restricts codes to the kept rows and renumbers them 0..levels-1 in order of first appearance. */
    static Categorical recode(String name, int[] codes, int[] rows) {
        int max = 0;
        for (int r : rows) {
            max = Math.max(max, codes[r]);
        }
        int[] map = new int[max + 1];
        Arrays.fill(map, -1);
        int levels = 0;
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int c = codes[rows[i]];
            if (map[c] < 0) {
                map[c] = levels++;
            }
            out[i] = map[c];
        }
        return new Categorical(name, out, levels);
    }
}
