package dev.repro.formula;

import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.data.TextColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The columns of a formula's right-hand side on a dataset: a term or a product {@code x:z} is one column; a factor
 * gives one dummy (times its slope) per level present in the estimation sample, leaving out its reference level, as
 * R's {@code model.matrix} with {@code drop.unused.levels} (levels sorted: numbers ascending, text by code point).
 * A dummy constant within every level of an absorbed effect is dropped with a note naming the effect (it would be
 * collinear with it). Built in two steps: {@link #evaluate} (raw values, for the complete rows) and {@link #expand}.
 */
final class Design {
    /** Levels named in a note or message before "and N more". */
    private static final int SHOWN = 8;

    private final Formula formula;
    private final List<Regressor> parts;
    /** For a numeric part its values; for a factor its slope (null without one). */
    private final double[][] values;
    /** For a factor the codes of its column (first-appearance order, -1 missing); null for a numeric part. */
    private final int[][] codes;
    private final Dataset data;

    private Design(Formula formula, Dataset data, double[][] values, int[][] codes) {
        this.formula = formula;
        this.parts = formula.designParts();
        this.data = data;
        this.values = values;
        this.codes = codes;
    }

    static Design evaluate(Formula formula, Dataset data, Evaluator ev, boolean[] in) {
        List<Regressor> parts = formula.designParts();
        double[][] values = new double[parts.size()][];
        int[][] codes = new int[parts.size()][];
        for (int j = 0; j < parts.size(); j++) {
            Regressor r = parts.get(j);
            if (r instanceof Regressor.Numeric n) {
                values[j] = product(n.terms(), ev, in);
            } else {
                Regressor.Factor f = (Regressor.Factor) r;
                codes[j] = Categories.codes(data, f.column()).codes();
                values[j] = f.slope().isEmpty() ? null : product(f.slope(), ev, in);
            }
        }
        return new Design(formula, data, values, codes);
    }

    /** The product of the terms; a single variable is its column's own array (read only), a product a fresh one. */
    private static double[] product(List<Term> terms, Evaluator ev, boolean[] in) {
        if (terms.size() == 1) {
            return ev.sharedValues(terms.get(0), in);
        }
        double[] v = ev.values(terms.get(0), in);
        for (int k = 1; k < terms.size(); k++) {
            double[] w = ev.values(terms.get(k), in);
            for (int i = 0; i < v.length; i++) {
                v[i] *= w[i];
            }
        }
        return v;
    }

    /** True when row i has every value the right-hand side needs. */
    boolean complete(int i) {
        for (int j = 0; j < parts.size(); j++) {
            if (values[j] != null && Double.isNaN(values[j][i])) {
                return false;
            }
            if (codes[j] != null && codes[j][i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** The label and missing-value arrays of each part, for the "no complete row" message. */
    void missing(boolean[] in, java.util.function.BiConsumer<String, double[]> numbers,
                 java.util.function.BiConsumer<String, int[]> categories) {
        for (int j = 0; j < parts.size(); j++) {
            if (codes[j] != null) {
                categories.accept(((Regressor.Factor) parts.get(j)).column(), codes[j]);
            }
            if (values[j] != null) {
                numbers.accept(parts.get(j) instanceof Regressor.Factor f ? Regressor.Factor.product(f.slope()) : parts.get(j).label(),
                        values[j]);
            }
        }
    }

    /** The expanded columns: labels, values over every dataset row, and notes about dropped levels. */
    record Columns(List<String> labels, double[][] x, List<String> notes) {
    }

    /**
     * Expands the factors on the complete rows.
     *
     * @param complete true for the complete rows, or null when every one of the {@code n} rows is complete
     * @param effects the absorbed effects' labels and codes over every row
     * @return the columns, or null after adding a problem (a reference level not in the sample)
     */
    Columns expand(boolean[] complete, int n, List<String> effects, int[][] effectCodes, List<TextProblem> problems) {
        List<String> labels = new ArrayList<>();
        List<double[]> x = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int j = 0; j < parts.size(); j++) {
            Regressor r = parts.get(j);
            if (r instanceof Regressor.Numeric) {
                labels.add(r.label());
                x.add(values[j]);
                continue;
            }
            Regressor.Factor f = (Regressor.Factor) r;
            List<Level> levels = levels(f.column(), codes[j], complete);
            int skip = -1;
            if (f.reference() == Regressor.Reference.FIRST) {
                skip = 0;
            } else if (f.reference() == Regressor.Reference.GIVEN) {
                for (int k = 0; k < levels.size(); k++) {
                    if (levels.get(k).matches(f.ref())) {
                        skip = k;
                    }
                }
                if (skip < 0) {
                    problems.add(new TextProblem("formula", "formula", formula.text(), Math.max(0, f.position()),
                            "the reference level " + Regressor.Factor.refText(f.ref()) + " of " + f.label()
                                    + " is not a value of " + f.column() + " in the estimation sample",
                            "its values there are " + list(levels)));
                    continue;
                }
            }
            List<String> absorbed = new ArrayList<>();
            String by = null;
            for (int k = 0; k < levels.size(); k++) {
                if (k == skip) {
                    continue;
                }
                double[] col = new double[n];
                int code = levels.get(k).code();
                double[] slope = values[j];
                int[] c = codes[j];
                for (int i = 0; i < n; i++) {
                    col[i] = c[i] < 0 ? Double.NaN : c[i] != code ? 0 : slope == null ? 1 : slope[i];
                }
                String effect = absorbingEffect(col, complete, effects, effectCodes);
                if (effect != null) {
                    absorbed.add(levels.get(k).text());
                    by = by == null ? effect : by;
                    continue;
                }
                labels.add(f.key(levels.get(k).text()));
                x.add(col);
            }
            if (!absorbed.isEmpty()) {
                notes.add(f.label() + ": " + (absorbed.size() == 1 ? "level " : absorbed.size() + " levels ") + shown(absorbed)
                        + " dropped, absorbed by the fixed effect '" + by + "'");
            }
        }
        return new Columns(labels, x.toArray(double[][]::new), notes);
    }

    /** The first absorbed effect within each of whose levels the column is constant on the complete rows (null: all), or null. */
    private static String absorbingEffect(double[] col, boolean[] complete, List<String> effects, int[][] effectCodes) {
        for (int e = 0; e < effectCodes.length; e++) {
            int[] c = effectCodes[e];
            int levels = 0;
            for (int v : c) {
                levels = Math.max(levels, v + 1);
            }
            double[] first = new double[levels];
            Arrays.fill(first, Double.NaN);
            boolean constant = true;
            for (int i = 0; i < col.length && constant; i++) {
                if (complete != null && !complete[i]) {
                    continue;
                }
                int l = c[i];
                if (Double.isNaN(first[l])) {
                    first[l] = col[i];
                } else if (first[l] != col[i]) {
                    constant = false;
                }
            }
            if (constant) {
                return effects.get(e);
            }
        }
        return null;
    }

    /** One level present in the sample: its code, its value (number or text) and its text in keys. */
    private record Level(int code, double number, String textValue) {
        String text() {
            return textValue != null ? textValue : Texts.number(number);
        }

        boolean matches(Object ref) {
            return ref instanceof String s ? s.equals(textValue) : textValue == null && (Double) ref == number;
        }
    }

    /** The levels of a column present on the complete rows (null: all), sorted. */
    private List<Level> levels(String column, int[] c, boolean[] complete) {
        Column col = data.column(column);
        int max = 0;
        for (int v : c) {
            max = Math.max(max, v + 1);
        }
        int[] row = new int[max];
        Arrays.fill(row, -1);
        for (int i = 0; i < c.length; i++) {
            if ((complete == null || complete[i]) && row[c[i]] < 0) {
                row[c[i]] = i;
            }
        }
        List<Level> out = new ArrayList<>();
        for (int code = 0; code < max; code++) {
            if (row[code] < 0) {
                continue;
            }
            if (col instanceof TextColumn t) {
                out.add(new Level(code, Double.NaN, t.get(row[code])));
            } else {
                out.add(new Level(code, ((NumericColumn) col).values()[row[code]] + 0.0, null));
            }
        }
        out.sort(col instanceof TextColumn ? Comparator.comparing(Level::textValue) : Comparator.comparingDouble(Level::number));
        return out;
    }

    private static String list(List<Level> levels) {
        List<String> texts = new ArrayList<>();
        levels.forEach(l -> texts.add(l.textValue() != null ? Texts.quote(l.textValue()) : l.text()));
        return shown(texts);
    }

    private static String shown(List<String> items) {
        int k = Math.min(items.size(), SHOWN);
        String head = String.join(", ", items.subList(0, k));
        return items.size() > k ? head + " and " + (items.size() - k) + " more" : head;
    }
}
