package dev.repro.index.entropy;

import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.index.api.AuxTable;
import dev.repro.index.api.NumberText;
import dev.repro.index.api.Report;
import dev.repro.index.api.StepResult;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The entropy-weight method (Zhou et al. 2009 as used by the seed paper, eq. in section 4.1.2):
 * min-max normalisation x'_ij by direction, p_ij = x'_ij / sum_i x'_ij, entropy e_j = -k sum_i p_ij ln p_ij
 * with k = 1 / ln n, divergence d_j = 1 - e_j, weight w_j = d_j / sum_j d_j, composite sum_j w_j x'_ij.
 * n is the number of rows in the scope (all rows, or the rows of one year).
 */
public final class EntropyIndex {
    private EntropyIndex() {
    }

    /** Builds the index, or returns null after reporting every problem. */
    public static EntropyResult build(EntropySpec spec, Dataset ds, Problems problems) {
        Located at = spec.at();
        int before = problems.size();
        int k = spec.indicators().size();
        double[][] x = new double[k][];
        for (int j = 0; j < k; j++) {
            NumericColumn c = Report.numeric(problems, ds, spec.indicators().get(j).column(), at, "indicators[" + j + "].column");
            if (c != null) {
                x[j] = c.values();
            }
        }
        if (ds.has(spec.column())) {
            Report.spec(problems, at, "column", "column '" + spec.column() + "' already exists in dataset " + Report.dataset(ds)
                    + "; give the index another name");
        }
        String yearColumn = spec.year() != null ? spec.year() : ds.timeColumn();
        Column year = null;
        if (yearColumn != null) {
            year = Report.column(problems, ds, yearColumn, at, "year");
        } else if (spec.weighting() == EntropySpec.Weighting.PER_YEAR) {
            Report.spec(problems, at, "year", "per-year weighting needs the year column: give year: <column>, or a time column for dataset "
                    + Report.dataset(ds));
        }
        if (problems.size() > before) {
            return null;
        }
        int n = ds.rows();
        boolean[] use = new boolean[n];
        Arrays.fill(use, true);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                if (Double.isNaN(x[j][i])) {
                    if (spec.missing() == EntropySpec.Missing.ERROR) {
                        Report.row(problems, ds, i, at, "indicator '" + spec.indicators().get(j).column()
                                + "' is missing; fill it in, or set missing: skip to leave such rows out of the index");
                    }
                    use[i] = false;
                }
            }
        }
        int[] yearCode = null;
        String[] yearLabels = null;
        if (year != null) {
            Dataset.Codes codes = ds.codes(yearColumn);
            yearCode = codes.codes();
            yearLabels = codes.levels();
            for (int i = 0; i < n; i++) {
                if (yearCode[i] < 0 && use[i]) {
                    Report.row(problems, ds, i, at, "the year '" + yearColumn + "' is missing; every row of the index needs a year");
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        // scopes: one (pooled) or one per year, each a list of rows
        List<int[]> scopes = new ArrayList<>();
        List<String> scopeNames = new ArrayList<>();
        Integer[] yearOrder = yearCode == null ? new Integer[0] : sortedYears(year, yearLabels);
        if (spec.weighting() == EntropySpec.Weighting.POOLED) {
            scopes.add(rows(use, null, -1));
            scopeNames.add("all");
        } else {
            for (int y : yearOrder) {
                int[] r = rows(use, yearCode, y);
                if (r.length > 0) {
                    scopes.add(r);
                    scopeNames.add(yearLabels[y]);
                }
            }
        }
        double[] score = new double[n];
        Arrays.fill(score, Double.NaN);
        List<EntropyWeight> weights = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int s = 0; s < scopes.size(); s++) {
            scope(spec, ds, x, scopes.get(s), scopeNames.get(s), score, weights, notes, problems);
        }
        if (problems.size() > before) {
            return null;
        }
        Dataset out = new Dataset(spec.output(), ds.source(), ds.sha256(), ds.columns(), ds.lines(), ds.idColumn(), ds.timeColumn())
                .withColumn(new NumericColumn(spec.column(), score));
        List<YearStat> years = yearStats(score, yearCode, yearLabels, yearOrder);
        List<AuxTable> tables = List.of(AuxTable.of("weights", weights, EntropyWeight.COLUMNS),
                AuxTable.of("years", years, YearStat.COLUMNS));
        return new EntropyResult(new StepResult(spec, out, tables, notes), weights, years);
    }

    private static Integer[] sortedYears(Column year, String[] labels) {
        Integer[] order = new Integer[labels.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (year instanceof NumericColumn) {
            Arrays.sort(order, Comparator.comparingDouble(i -> Double.parseDouble(labels[i])));
        } else {
            Arrays.sort(order, Comparator.comparing(i -> labels[i]));
        }
        return order;
    }

    private static int[] rows(boolean[] use, int[] code, int wanted) {
        int m = 0;
        for (int i = 0; i < use.length; i++) {
            if (use[i] && (code == null || code[i] == wanted)) {
                m++;
            }
        }
        int[] r = new int[m];
        m = 0;
        for (int i = 0; i < use.length; i++) {
            if (use[i] && (code == null || code[i] == wanted)) {
                r[m++] = i;
            }
        }
        return r;
    }

    private static void scope(EntropySpec spec, Dataset ds, double[][] x, int[] rows, String scopeName, double[] score,
                              List<EntropyWeight> weights, List<String> notes, Problems problems) {
        int n = rows.length;
        int k = x.length;
        String where = scopeName.equals("all") ? "" : " in year " + scopeName;
        if (n < 2) {
            Report.rows(problems, ds, rows, n, spec.at(), "the entropy method needs at least 2 rows" + where + ", found " + n
                    + (n == 1 ? " (" + Report.lines(ds, rows, n) + ")" : ""));
            return;
        }
        boolean shift = spec.zeros() == EntropySpec.Zeros.SHIFT;
        double[][] norm = new double[k][n];
        double[] d = new double[k];
        double[] e = new double[k];
        double[] min = new double[k];
        double[] max = new double[k];
        boolean[] constant = new boolean[k];
        double lnN = Math.log(n);
        for (int j = 0; j < k; j++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int r : rows) {
                lo = Math.min(lo, x[j][r]);
                hi = Math.max(hi, x[j][r]);
            }
            min[j] = lo;
            max[j] = hi;
            double range = hi - lo;
            boolean negative = spec.indicators().get(j).direction() == EntropySpec.Direction.NEGATIVE;
            constant[j] = !(range > 0);
            double sum = 0;
            for (int a = 0; a < n; a++) {
                double v = x[j][rows[a]];
                double xn = constant[j] ? 0 : (negative ? (hi - v) / range : (v - lo) / range);
                norm[j][a] = xn;
                sum += shift ? xn + spec.shift() : xn;
            }
            if (!(sum > 0)) {
                // every normalised value is 0 (a constant indicator without shift): no information
                d[j] = 0;
            } else {
                // d_j = 1 - e_j computed as sum p ln(n p) / ln n: the same number, without the cancellation of 1 - e
                double acc = 0;
                for (int a = 0; a < n; a++) {
                    double q = shift ? norm[j][a] + spec.shift() : norm[j][a];
                    if (q > 0) {
                        double p = q / sum;
                        acc += p * Math.log(n * p);
                    }
                }
                d[j] = Math.max(0, acc / lnN);
            }
            e[j] = 1 - d[j];
            if (constant[j]) {
                notes.add("indicator '" + spec.indicators().get(j).column() + "' is constant" + where + " (every value "
                        + NumberText.format(lo) + "): it is normalised to 0 and gets weight 0");
            }
        }
        double dsum = 0;
        for (double v : d) {
            dsum += v;
        }
        if (!(dsum > 0)) {
            Report.rows(problems, ds, rows, n, spec.at(), "every indicator is constant" + where + ", so the entropy method gives no weights");
            return;
        }
        double[] w = new double[k];
        for (int j = 0; j < k; j++) {
            w[j] = d[j] / dsum;
            EntropySpec.Indicator ind = spec.indicators().get(j);
            weights.add(new EntropyWeight(ind.column(), ind.group(), ind.direction().keyword(), scopeName, n, min[j], max[j],
                    e[j], d[j], w[j], constant[j]));
        }
        boolean shifted = spec.score() == EntropySpec.Score.SHIFTED;
        for (int a = 0; a < n; a++) {
            double s = 0;
            for (int j = 0; j < k; j++) {
                s += w[j] * (shifted ? norm[j][a] + spec.shift() : norm[j][a]);
            }
            score[rows[a]] = s;
        }
    }

    private static List<YearStat> yearStats(double[] score, int[] yearCode, String[] labels, Integer[] order) {
        List<YearStat> out = new ArrayList<>();
        if (yearCode != null) {
            for (int y : order) {
                YearStat st = stat(labels[y], score, yearCode, y);
                if (st.n() > 0) {
                    out.add(st);
                }
            }
        }
        YearStat total = stat(YearStat.TOTAL, score, null, -1);
        if (!out.isEmpty()) {
            double m = 0;
            double sd = 0;
            double lo = 0;
            double hi = 0;
            int n = 0;
            for (YearStat s : out) {
                m += s.mean();
                sd += s.sd();
                lo += s.min();
                hi += s.max();
                n += s.n();
            }
            int c = out.size();
            out.add(total);
            out.add(new YearStat(YearStat.MEAN_OF_YEARS, n, m / c, sd / c, lo / c, hi / c));
        } else {
            out.add(total);
        }
        return out;
    }

    /** Statistics of the non-missing values (of one year when {@code code} is given). */
    static YearStat stat(String label, double[] v, int[] code, int wanted) {
        int n = 0;
        double sum = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < v.length; i++) {
            if ((code == null || code[i] == wanted) && !Double.isNaN(v[i])) {
                n++;
                sum += v[i];
                lo = Math.min(lo, v[i]);
                hi = Math.max(hi, v[i]);
            }
        }
        if (n == 0) {
            return new YearStat(label, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        double ss = 0;
        for (int i = 0; i < v.length; i++) {
            if ((code == null || code[i] == wanted) && !Double.isNaN(v[i])) {
                ss += (v[i] - mean) * (v[i] - mean);
            }
        }
        return new YearStat(label, n, mean, n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN, lo, hi);
    }
}
