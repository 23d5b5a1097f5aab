package dev.repro.formula;

import dev.repro.data.Dataset;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import dev.repro.numeric.Effect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The pieces of a model's design on the rows of a dataset: the dependent variable, the regressor columns
 * (named by their canonical labels), the absorbed effects and cluster variables as integer codes, and which
 * rows are complete (in the sample, no missing value in any variable, no missing category).
 *
 * <p>{@link #build} evaluates every term on the whole dataset first and applies the sample filter after,
 * as Stata does with {@code if}: a lag at the first sample year is the value of the year before, even
 * when that year is outside the sample. {@link #completeCases()} keeps the complete rows only and
 * renumbers the categories densely, as {@link Effect} needs. Arrays are shared, not copied: read-only by
 * convention. A variable used as it is (y, a regressor {@code x1}) is the dataset's own column while every row of
 * the dataset is in the frame; nothing may write to it.
 *
 * <p>At millions of rows every array costs fresh memory (about 10 us per 4 KB page on first touch), so the frame
 * allocates only what differs from the dataset: no copy of a column used as it is, no row numbers and no
 * completeness flags while every row is complete (both are then implicit).
 */
public final class ModelFrame {
    /** Variables named in the "no complete row" message before "and N more". */
    private static final int NAMED = 6;

    private final String dataset;
    private final int datasetRows;
    private final String dependent;
    private final double[] y;
    private final List<String> regressors;
    private final double[][] x;
    private final List<String> effects;
    private final int[][] effectCodes;
    private final int[] effectLevels;
    private final List<String> clusters;
    private final int[][] clusterCodes;
    private final int[] clusterLevels;
    /** Null when every row is complete. */
    private final boolean[] complete;
    private final int completeCount;
    /** Null when row i of the frame is dataset row i. */
    private final int[] rows;
    private final List<String> notes;

    private ModelFrame(String dataset, int datasetRows, String dependent, double[] y, List<String> regressors, double[][] x,
                       List<String> effects, int[][] effectCodes, int[] effectLevels,
                       List<String> clusters, int[][] clusterCodes, int[] clusterLevels,
                       boolean[] complete, int[] rows, List<String> notes) {
        this.notes = List.copyOf(notes);
        this.dataset = dataset;
        this.datasetRows = datasetRows;
        this.dependent = dependent;
        this.y = y;
        this.regressors = List.copyOf(regressors);
        this.x = x;
        this.effects = List.copyOf(effects);
        this.effectCodes = effectCodes;
        this.effectLevels = effectLevels;
        this.clusters = List.copyOf(clusters);
        this.clusterCodes = clusterCodes;
        this.clusterLevels = clusterLevels;
        this.complete = complete;
        this.rows = rows;
        int c = y.length;
        if (complete != null) {
            c = 0;
            for (boolean b : complete) {
                if (b) {
                    c++;
                }
            }
        }
        this.completeCount = c;
    }

    /**
     * Evaluates a formula on a dataset. The formula and the filter are checked against the dataset first
     * (their mistakes are reported at {@code site} with a caret); then every term is evaluated and the
     * rows are marked complete.
     *
     * @param sample the sample filter, or null for every row
     * @param clusterColumns columns whose codes are needed for clustered standard errors (rows with a
     *     missing cluster are incomplete); may be empty
     * @return the frame over every row of the dataset, or empty after reporting a problem (including the
     *     case where no row is complete)
     */
    public static Optional<ModelFrame> build(Formula formula, Dataset data, SampleFilter sample, List<String> clusterColumns,
                                             Located site, Problems problems) {
        return build(formula, data, sample, null, clusterColumns, site, site, problems);
    }

    /** As {@link #build(Formula, Dataset, SampleFilter, List, Located, Problems)}; a sample that keeps no row is reported at {@code sampleSite}. */
    public static Optional<ModelFrame> build(Formula formula, Dataset data, SampleFilter sample, List<String> clusterColumns,
                                             Located site, Located sampleSite, Problems problems) {
        return build(formula, data, sample, null, clusterColumns, site, sampleSite, problems);
    }

    /**
     * As {@link #build(Formula, Dataset, SampleFilter, List, Located, Problems)} with the sample given as rows
     * already chosen (for example by another model's filter): {@code sample[r]} true keeps dataset row r.
     *
     * @param sample one entry per dataset row, or null for every row (not modified)
     */
    public static Optional<ModelFrame> buildOnRows(Formula formula, Dataset data, boolean[] sample, List<String> clusterColumns,
                                                   Located site, Problems problems) {
        if (sample != null && sample.length != data.rows()) {
            throw new IllegalArgumentException("sample of " + sample.length + " rows for dataset " + data.name() + " of " + data.rows() + " rows");
        }
        return build(formula, data, null, sample == null ? null : sample.clone(), clusterColumns, site, site, problems);
    }

    private static Optional<ModelFrame> build(Formula formula, Dataset data, SampleFilter sample, boolean[] mask,
                                              List<String> clusterColumns, Located site, Located sampleSite, Problems problems) {
        Objects.requireNonNull(formula, "formula");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(clusterColumns, "clusterColumns");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(problems, "problems");
        boolean ok = formula.check(data, site, problems);
        if (sample != null) {
            ok &= sample.check(data, site, problems);
        }
        for (String c : clusterColumns) {
            if (!data.has(c)) {
                problems.add(site.problem("unknown cluster variable '" + c + "' in dataset " + data.name() + "; "
                        + Hints.column(c, data.columnNames(), false)));
                ok = false;
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        int n = data.rows();
        Evaluator ev = new Evaluator(data, site, problems);
        boolean[] in = sample == null ? mask : ev.select(sample.condition());
        double[] y = ev.sharedValues(formula.dependent(), in);
        Design design = Design.evaluate(formula, data, ev, in);
        List<AbsorbedEffect> absorbed = formula.absorbed();
        Map<String, Categories.Coded> codes = new HashMap<>();
        List<String> effectNames = new ArrayList<>();
        int[][] effectCodes = new int[absorbed.size()][];
        int[] effectLevels = new int[absorbed.size()];
        for (int e = 0; e < absorbed.size(); e++) {
            AbsorbedEffect fe = absorbed.get(e);
            effectNames.add(fe.label());
            Categories.Coded coded = null;
            for (String col : fe.columns()) {
                Categories.Coded c = codes.computeIfAbsent(col, k -> Categories.codes(data, k));
                coded = coded == null ? c : Categories.interact(coded.codes(), coded.levels(), c.codes(), c.levels());
            }
            effectCodes[e] = coded.codes();
            effectLevels[e] = coded.levels();
        }
        int[][] clusterCodes = new int[clusterColumns.size()][];
        int[] clusterLevels = new int[clusterColumns.size()];
        for (int k = 0; k < clusterCodes.length; k++) {
            Categories.Coded c = codes.computeIfAbsent(clusterColumns.get(k), col -> Categories.codes(data, col));
            clusterCodes[k] = c.codes();
            clusterLevels[k] = c.levels();
        }
        if (ev.failed()) {
            return Optional.empty();
        }
        boolean[] complete = null; // allocated at the first incomplete row
        int count = 0;
        for (int i = 0; i < n; i++) {
            boolean c = (in == null || in[i]) && !Double.isNaN(y[i]) && design.complete(i);
            for (int e = 0; c && e < effectCodes.length; e++) {
                c = effectCodes[e][i] >= 0;
            }
            for (int k = 0; c && k < clusterCodes.length; k++) {
                c = clusterCodes[k][i] >= 0;
            }
            if (c) {
                count++;
            } else if (complete == null) {
                complete = new boolean[n];
                Arrays.fill(complete, 0, i, true);
            }
            if (complete != null) {
                complete[i] = c;
            }
        }
        if (count == 0) {
            // a filter that keeps no row is the sample's mistake, not the formula's
            boolean noneKept = sample != null && n > 0 && in != null && !anyTrue(in);
            problems.add((noneKept ? sampleSite : site).problem(noCompleteRow(formula, data, in, mask != null, y, design, effectNames, effectCodes,
                    clusterColumns, clusterCodes)));
            return Optional.empty();
        }
        List<TextProblem> levelProblems = new ArrayList<>();
        Design.Columns columns = design.expand(complete, n, effectNames, effectCodes, levelProblems);
        if (!levelProblems.isEmpty()) {
            levelProblems.forEach(p -> problems.add(p.toProblem(site)));
            return Optional.empty();
        }
        return Optional.of(new ModelFrame(data.name(), n, formula.dependent().label(), y, columns.labels(),
                columns.x(), effectNames, effectCodes, effectLevels, List.copyOf(clusterColumns), clusterCodes, clusterLevels, complete, null,
                columns.notes()));
    }

    private static boolean anyTrue(boolean[] in) {
        for (boolean b : in) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    private static String noCompleteRow(Formula formula, Dataset data, boolean[] in, boolean given, double[] y, Design design,
                                        List<String> effectNames, int[][] effectCodes, List<String> clusterNames, int[][] clusterCodes) {
        int n = data.rows();
        int inSample = 0;
        for (int i = 0; i < n; i++) {
            if (in == null || in[i]) {
                inSample++;
            }
        }
        if (inSample == 0) {
            return n == 0 ? "dataset " + data.name() + " has no rows"
                    : (given ? "the sample keeps none of the " : "the sample filter keeps none of the ") + Texts.rows(n)
                    + " of dataset " + data.name();
        }
        List<String> names = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        count(formula.dependent().label(), y, in, names, missing);
        design.missing(in, (name, v) -> count(name, v, in, names, missing), (name, c) -> count(name, c, in, names, missing));
        for (int e = 0; e < effectCodes.length; e++) {
            count(effectNames.get(e), effectCodes[e], in, names, missing);
        }
        for (int k = 0; k < clusterCodes.length; k++) {
            count(clusterNames.get(k), clusterCodes[k], in, names, missing);
        }
        StringBuilder sb = new StringBuilder("no row of dataset ").append(data.name())
                .append(" has a value for every variable of the model: of the ").append(Texts.rows(inSample))
                .append(in == null ? "" : given ? " in the sample" : " kept by the sample filter").append(", ");
        int shown = Math.min(names.size(), NAMED);
        for (int k = 0; k < shown; k++) {
            if (k > 0) {
                sb.append(k == shown - 1 && names.size() == shown ? " and " : ", ");
            }
            sb.append(names.get(k)).append(" is missing in ").append(missing.get(k));
        }
        if (names.size() > shown) {
            sb.append(" and ").append(names.size() - shown).append(" more variables are missing in some");
        }
        return sb.toString();
    }

    private static void count(String name, double[] v, boolean[] in, List<String> names, List<Integer> missing) {
        int m = 0;
        for (int i = 0; i < v.length; i++) {
            if ((in == null || in[i]) && Double.isNaN(v[i])) {
                m++;
            }
        }
        if (m > 0) {
            names.add(name);
            missing.add(m);
        }
    }

    private static void count(String name, int[] codes, boolean[] in, List<String> names, List<Integer> missing) {
        int m = 0;
        for (int i = 0; i < codes.length; i++) {
            if ((in == null || in[i]) && codes[i] < 0) {
                m++;
            }
        }
        if (m > 0) {
            names.add(name);
            missing.add(m);
        }
    }

    /**
     * What the expansion of factors left out, for the build log: levels absorbed by a fixed effect
     * ({@code i(year): 9 levels 2011, ... dropped, absorbed by the fixed effect 'year'}).
     */
    public List<String> notes() {
        return notes;
    }

    /** Number of rows of the frame. */
    public int size() {
        return y.length;
    }

    /** The dataset's name. */
    public String dataset() {
        return dataset;
    }

    /** The canonical label of the dependent variable. */
    public String dependent() {
        return dependent;
    }

    /** The dependent variable on every row of the frame (NaN = missing). */
    public double[] y() {
        return y;
    }

    /** The canonical labels of the regressors: coefficient keys. */
    public List<String> regressors() {
        return regressors;
    }

    /** {@code x()[j]} is regressor j on every row of the frame. */
    public double[][] x() {
        return x;
    }

    /** The labels of the absorbed effects ({@code state}, {@code region^year}). */
    public List<String> effects() {
        return effects;
    }

    /** {@code effectCodes()[e][i]}: the level of effect e on row i, -1 when missing. */
    public int[][] effectCodes() {
        return effectCodes;
    }

    public int[] effectLevels() {
        return effectLevels;
    }

    public List<String> clusters() {
        return clusters;
    }

    public int[][] clusterCodes() {
        return clusterCodes;
    }

    public int[] clusterLevels() {
        return clusterLevels;
    }

    /** True where a row is in the sample and has every value (a fresh array when every row is complete). */
    public boolean[] complete() {
        if (complete == null) {
            boolean[] all = new boolean[y.length];
            Arrays.fill(all, true);
            return all;
        }
        return complete;
    }

    public int completeCount() {
        return completeCount;
    }

    /** True when every row of the frame is complete (as after {@link #completeCases()}). */
    public boolean isComplete() {
        return completeCount == y.length;
    }

    /**
     * The dataset row of each row of the frame (to find its line, its panel unit, ...); a fresh array 0..n-1 when the
     * frame has every row of the dataset (ask {@link #allDatasetRows()} first to avoid it).
     */
    public int[] rows() {
        if (rows == null) {
            int[] all = new int[y.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        return rows;
    }

    /** True when row i of the frame is dataset row i for every i: {@link #rows()} is the identity. */
    public boolean allDatasetRows() {
        return rows == null;
    }

    private int row(int i) {
        return rows == null ? i : rows[i];
    }

    /**
     * Values given for every dataset row (another column, weights, a term evaluated with {@link Evaluator})
     * on the rows of this frame, in frame order: {@code out[i] = values[rows()[i]]}. A fresh array; a
     * missing value stays NaN (this frame's completeness does not cover it).
     */
    public double[] onRows(double[] values) {
        requireDatasetLength(values.length);
        double[] out = new double[y.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[row(i)];
        }
        return out;
    }

    /** Integer codes given for every dataset row on the rows of this frame, in frame order (a fresh array). */
    public int[] onRows(int[] codes) {
        requireDatasetLength(codes.length);
        int[] out = new int[y.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = codes[row(i)];
        }
        return out;
    }

    private void requireDatasetLength(int length) {
        if (length != datasetRows) {
            throw new IllegalArgumentException("an array of " + length + " values for dataset " + dataset + " of " + datasetRows + " rows");
        }
    }

    /** The frame of the complete rows only, with every effect and cluster renumbered 0..levels-1. */
    public ModelFrame completeCases() {
        if (isComplete()) {
            return this;
        }
        int[] keep = new int[completeCount];
        int k = 0;
        for (int i = 0; i < complete.length; i++) {
            if (complete[i]) {
                keep[k++] = i;
            }
        }
        double[] y2 = pick(y, keep);
        double[][] x2 = new double[x.length][];
        for (int j = 0; j < x.length; j++) {
            x2[j] = pick(x[j], keep);
        }
        int[][] e2 = new int[effectCodes.length][];
        int[] l2 = new int[effectCodes.length];
        for (int e = 0; e < e2.length; e++) {
            Categories.Coded c = Categories.dense(effectCodes[e], effectLevels[e], keep);
            e2[e] = c.codes();
            l2[e] = c.levels();
        }
        int[][] c2 = new int[clusterCodes.length][];
        int[] cl2 = new int[clusterCodes.length];
        for (int e = 0; e < c2.length; e++) {
            Categories.Coded c = Categories.dense(clusterCodes[e], clusterLevels[e], keep);
            c2[e] = c.codes();
            cl2[e] = c.levels();
        }
        int[] rows2 = new int[keep.length];
        for (int i = 0; i < keep.length; i++) {
            rows2[i] = row(keep[i]);
        }
        return new ModelFrame(dataset, datasetRows, dependent, y2, regressors, x2, effects, e2, l2, clusters, c2, cl2, null, rows2, notes);
    }

    private static double[] pick(double[] v, int[] keep) {
        double[] out = new double[keep.length];
        for (int i = 0; i < keep.length; i++) {
            out[i] = v[keep[i]];
        }
        return out;
    }

    /** The absorbed effects for the within estimator; only on a complete frame. */
    public List<Effect> absorb() {
        requireComplete();
        List<Effect> out = new ArrayList<>(effects.size());
        for (int e = 0; e < effects.size(); e++) {
            out.add(new Effect(effects.get(e), effectCodes[e], effectLevels[e]));
        }
        return out;
    }

    /** The cluster variables as {@link Effect}s; only on a complete frame. */
    public List<Effect> clusterEffects() {
        requireComplete();
        List<Effect> out = new ArrayList<>(clusters.size());
        for (int k = 0; k < clusters.size(); k++) {
            out.add(new Effect(clusters.get(k), clusterCodes[k], clusterLevels[k]));
        }
        return out;
    }

    private void requireComplete() {
        if (!isComplete()) {
            throw new IllegalStateException("the frame has incomplete rows; call completeCases() first");
        }
    }
}
