package dev.repro.index.quality;

import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.data.TextColumn;
import dev.repro.index.api.Report;
import dev.repro.index.api.StepResult;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The export-quality step on datasets: checks every flow, sums flows to region x product x year cells in one
 * streaming pass ({@link QualityCells}), joins sigma by product code, runs {@link QualityEstimate} and
 * returns the region-year dataset (and, on request, the cell-level detail).
 */
public final class ExportQuality {
    private ExportQuality() {
    }

    public record QualityResult(StepResult step, QualityEstimate.Result estimate) {
    }

    public static QualityResult build(ExportQualitySpec spec, Dataset flows, Dataset elasticities, Problems problems) {
        Located at = spec.at();
        int before = problems.size();
        Column regionCol = Report.column(problems, flows, spec.region(), at, "region");
        Column productCol = Report.column(problems, flows, spec.product(), at, "product");
        NumericColumn yearCol = Report.numeric(problems, flows, spec.year(), at, "year");
        NumericColumn valueCol = Report.numeric(problems, flows, spec.value(), at, "value");
        NumericColumn qtyCol = Report.numeric(problems, flows, spec.quantity(), at, "quantity");
        ExportQualitySpec.Elasticities es = spec.elasticities();
        Column codeCol = Report.column(problems, elasticities, es.code(), at, "elasticities.code");
        NumericColumn sigmaCol = Report.numeric(problems, elasticities, es.sigma(), at, "elasticities.sigma");
        if (problems.size() > before) {
            return null;
        }
        Dataset.Codes regions = flows.codes(spec.region());
        Dataset.Codes products = flows.codes(spec.product());
        int[] rc = regions.codes();
        int[] pc = products.codes();
        double[] yr = yearCol.values();
        double[] val = valueCol.values();
        double[] qty = qtyCol.values();
        int n = flows.rows();
        QualityCells cells = new QualityCells(Math.min(n, 1 << 16));
        for (int i = 0; i < n; i++) {
            boolean ok = true;
            if (rc[i] < 0) {
                Report.row(problems, flows, i, at, "the region '" + spec.region() + "' is missing");
                ok = false;
            }
            if (pc[i] < 0) {
                Report.row(problems, flows, i, at, "the product '" + spec.product() + "' is missing");
                ok = false;
            }
            double y = yr[i];
            if (Double.isNaN(y)) {
                Report.row(problems, flows, i, at, "the year '" + spec.year() + "' is missing");
                ok = false;
            } else if (y != Math.rint(y) || Math.abs(y) > 1e9) {
                Report.row(problems, flows, i, at, "the year '" + spec.year() + "' is " + Report.num(y) + ", not a whole number");
                ok = false;
            }
            double v = val[i];
            if (Double.isNaN(v)) {
                Report.row(problems, flows, i, at, "the export value '" + spec.value() + "' is missing");
                ok = false;
            } else if (v < 0) {
                Report.row(problems, flows, i, at, "the export value '" + spec.value() + "' is " + Report.num(v) + "; export values cannot be negative");
                ok = false;
            }
            double q = qty[i];
            if (Double.isNaN(q)) {
                Report.row(problems, flows, i, at, "the quantity '" + spec.quantity() + "' is missing");
                ok = false;
            } else if (q < 0) {
                Report.row(problems, flows, i, at, "the quantity '" + spec.quantity() + "' is " + Report.num(q) + "; quantities cannot be negative");
                ok = false;
            }
            if (ok) {
                cells.add(rc[i], pc[i], (int) y, v, q, i);
            }
        }
        double[] sigmaOfProduct = joinSigma(spec, flows, products, elasticities, codeCol, sigmaCol, problems);
        if (problems.size() > before || sigmaOfProduct == null) {
            return null;
        }
        checkPrices(spec, flows, regions, products, cells, rc, pc, yr, problems);
        if (problems.size() > before) {
            return null;
        }
        double[] sigma = new double[cells.size()];
        for (int c = 0; c < sigma.length; c++) {
            sigma[c] = sigmaOfProduct[cells.product(c)];
        }
        QualityEstimate.Result est = QualityEstimate.estimate(cells, sigma, products.levelCount(), spec.normalization());
        List<String> notes = new ArrayList<>();
        if (!est.converged()) {
            notes.add("the fixed-effects projection stopped after " + est.iterations()
                    + " iterations before reaching its tolerance; the residuals may be inexact");
        }
        if (est.flatCells() > 0) {
            notes.add(est.flatGroups() + " " + spec.normalization().keyword() + " groups do not vary (e.g. a single exporting region) and were left out of "
                    + "the min-max standardisation: " + est.flatCells() + " of " + cells.size() + " region-product-year cells");
        }
        int empty = 0;
        for (double v : est.ryQuality()) {
            if (Double.isNaN(v)) {
                empty++;
            }
        }
        if (empty > 0) {
            notes.add(empty + " region-years have no product left after standardisation; their quality is missing");
        }
        Dataset out = regionYears(spec, flows, regions, regionCol, cells, est);
        List<Dataset> extras = spec.detail() == null ? List.of() : List.of(detail(spec, flows, regions, products, regionCol, productCol, cells, sigma, est));
        return new QualityResult(new StepResult(spec, out, extras, List.of(), notes), est);
    }

    /** sigma for every product code, or null after problems (missing codes, duplicates, sigma <= 1). */
    private static double[] joinSigma(ExportQualitySpec spec, Dataset flows, Dataset.Codes products, Dataset el, Column codeCol,
                                      NumericColumn sigmaCol, Problems problems) {
        ExportQualitySpec.Elasticities es = spec.elasticities();
        Map<String, Integer> byCode = new HashMap<>();
        Map<String, Integer> duplicate = new HashMap<>();
        for (int r = 0; r < el.rows(); r++) {
            if (codeCol.isMissing(r)) {
                continue;
            }
            String code = codeCol.display(r);
            Integer prev = byCode.putIfAbsent(code, r);
            if (prev != null && !duplicate.containsKey(code)) {
                duplicate.put(code, r);
            }
        }
        int levels = products.levelCount();
        double[] sigma = new double[levels];
        String[] key = new String[levels];
        boolean[] missing = new boolean[levels];
        int before = problems.size();
        Map<String, Boolean> reported = new HashMap<>();
        boolean[] used = new boolean[levels];
        for (int c : products.codes()) {
            if (c >= 0) {
                used[c] = true;
            }
        }
        for (int p = 0; p < levels; p++) {
            if (!used[p]) {
                // a level without rows (the dataset is a selection of a larger one)
                sigma[p] = Double.NaN;
                continue;
            }
            String label = products.levels()[p];
            key[p] = es.digits() > 0 && label.length() > es.digits() ? label.substring(0, es.digits()) : label;
            Integer r = byCode.get(key[p]);
            if (r == null) {
                missing[p] = true;
                continue;
            }
            if (reported.put(key[p], Boolean.TRUE) != null) {
                sigma[p] = sigmaCol.get(r);
                continue;
            }
            Integer dup = duplicate.get(key[p]);
            if (dup != null) {
                Report.row(problems, el, dup, spec.at(), "code '" + key[p] + "' appears twice in the elasticities (lines " + el.line(r)
                        + " and " + el.line(dup) + "); keep one sigma per code");
            }
            double s = sigmaCol.get(r);
            if (Double.isNaN(s)) {
                Report.row(problems, el, r, spec.at(), "sigma '" + es.sigma() + "' of code '" + key[p] + "' is missing; the demand inversion needs sigma > 1");
            } else if (!(s > 1)) {
                Report.row(problems, el, r, spec.at(), "sigma '" + es.sigma() + "' of code '" + key[p] + "' is " + Report.num(s)
                        + "; the CES demand inversion needs an elasticity of substitution sigma > 1");
            }
            sigma[p] = s;
        }
        boolean anyMissing = false;
        for (boolean m : missing) {
            anyMissing |= m;
        }
        if (anyMissing) {
            // one pass to name the flows that use each code without sigma (error path only)
            int[] pc = products.codes();
            int[][] rows = new int[levels][];
            int[] count = new int[levels];
            for (int i = 0; i < pc.length; i++) {
                int p = pc[i];
                if (p >= 0 && missing[p]) {
                    if (rows[p] == null) {
                        rows[p] = new int[Report.LINES_SHOWN];
                    }
                    if (count[p] < Report.LINES_SHOWN) {
                        rows[p][count[p]] = i;
                    }
                    count[p]++;
                }
            }
            for (int p = 0; p < levels; p++) {
                if (missing[p]) {
                    String label = products.levels()[p];
                    String what = key[p].equals(label) ? "product '" + label + "'"
                            : "code '" + key[p] + "' (the first " + es.digits() + " characters of product '" + label + "')";
                    Report.rows(problems, flows, rows[p], Math.min(count[p], Report.LINES_SHOWN), spec.at(), "no elasticity for " + what
                            + ", used by " + count[p] + (count[p] == 1 ? " row" : " rows") + " (" + lines(flows, rows[p], count[p])
                            + "); add its sigma to " + el.source() + " or drop the product");
                }
            }
        }
        return problems.size() > before ? null : sigma;
    }

    private static String lines(Dataset ds, int[] rows, int count) {
        return Report.lines(ds, rows, count);
    }

    /** Every cell needs value > 0 and quantity > 0 for a positive price; names the rows of each failing cell. */
    private static void checkPrices(ExportQualitySpec spec, Dataset flows, Dataset.Codes regions, Dataset.Codes products, QualityCells cells,
                                    int[] rc, int[] pc, double[] yr, Problems problems) {
        int n = cells.size();
        boolean[] bad = new boolean[n];
        boolean any = false;
        for (int c = 0; c < n; c++) {
            if (!(cells.value(c) > 0) || !(cells.quantity(c) > 0)) {
                bad[c] = true;
                any = true;
            }
        }
        if (!any) {
            return;
        }
        int[][] rows = new int[n][];
        int[] count = new int[n];
        for (int i = 0; i < rc.length; i++) {
            if (rc[i] < 0 || pc[i] < 0 || Double.isNaN(yr[i])) {
                continue;
            }
            int c = cells.find(rc[i], pc[i], (int) yr[i]);
            if (c >= 0 && bad[c]) {
                if (rows[c] == null) {
                    rows[c] = new int[Report.LINES_SHOWN];
                }
                if (count[c] < Report.LINES_SHOWN) {
                    rows[c][count[c]] = i;
                }
                count[c]++;
            }
        }
        for (int c = 0; c < n; c++) {
            if (bad[c]) {
                Report.rows(problems, flows, rows[c], Math.min(count[c], Report.LINES_SHOWN), spec.at(), "region '" + regions.levels()[cells.region(c)]
                        + "', product '" + products.levels()[cells.product(c)] + "', year " + cells.year(c) + " has export value "
                        + Report.num(cells.value(c)) + " and quantity " + Report.num(cells.quantity(c)) + " (" + lines(flows, rows[c], count[c])
                        + "), so its price value/quantity is not positive; quality needs a positive price in every region-product-year: "
                        + "fix or drop these rows");
            }
        }
    }

    private static Dataset regionYears(ExportQualitySpec spec, Dataset flows, Dataset.Codes regions, Column regionCol, QualityCells cells,
                                       QualityEstimate.Result est) {
        int r = est.ryRegion().length;
        int[] firstRow = new int[r];
        Arrays.fill(firstRow, Integer.MAX_VALUE);
        int[] ry = est.regionYearOfCell();
        for (int c = 0; c < cells.size(); c++) {
            firstRow[ry[c]] = Math.min(firstRow[ry[c]], cells.firstRow(c));
        }
        Integer[] order = new Integer[r];
        for (int k = 0; k < r; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> est.ryRegion()[a] != est.ryRegion()[b] ? Integer.compare(est.ryRegion()[a], est.ryRegion()[b])
                : Integer.compare(est.ryYear()[a], est.ryYear()[b]));
        int[] regionOut = new int[r];
        double[] year = new double[r];
        double[] quality = new double[r];
        double[] count = new double[r];
        double[] value = new double[r];
        int[] lines = new int[r];
        for (int k = 0; k < r; k++) {
            int o = order[k];
            regionOut[k] = est.ryRegion()[o];
            year[k] = est.ryYear()[o];
            quality[k] = est.ryQuality()[o];
            count[k] = est.ryProducts()[o];
            value[k] = est.ryValue()[o];
            lines[k] = flows.line(firstRow[o]);
        }
        List<Column> cols = new ArrayList<>();
        cols.add(labelColumn(spec.region(), regionCol, regions, regionOut));
        cols.add(new NumericColumn(spec.year(), year));
        cols.add(new NumericColumn(spec.column(), quality));
        cols.add(new NumericColumn(spec.column() + "_products", count));
        cols.add(new NumericColumn(spec.column() + "_value", value));
        return new Dataset(spec.output(), flows.source(), null, cols, lines, spec.region(), spec.year());
    }

    private static Dataset detail(ExportQualitySpec spec, Dataset flows, Dataset.Codes regions, Dataset.Codes products, Column regionCol,
                                  Column productCol, QualityCells cells, double[] sigma, QualityEstimate.Result est) {
        int n = cells.size();
        int[] reg = new int[n];
        int[] prod = new int[n];
        double[] year = new double[n];
        double[] value = new double[n];
        double[] qty = new double[n];
        double[] price = new double[n];
        int[] lines = new int[n];
        for (int c = 0; c < n; c++) {
            reg[c] = cells.region(c);
            prod[c] = cells.product(c);
            year[c] = cells.year(c);
            value[c] = cells.value(c);
            qty[c] = cells.quantity(c);
            price[c] = value[c] / qty[c];
            lines[c] = flows.line(cells.firstRow(c));
        }
        List<Column> cols = new ArrayList<>();
        cols.add(labelColumn(spec.region(), regionCol, regions, reg));
        cols.add(labelColumn(spec.product(), productCol, products, prod));
        cols.add(new NumericColumn(spec.year(), year));
        cols.add(new NumericColumn(spec.value(), value));
        cols.add(new NumericColumn(spec.quantity(), qty));
        cols.add(new NumericColumn("price", price));
        cols.add(new NumericColumn("sigma", sigma.clone()));
        cols.add(new NumericColumn("y", est.y()));
        cols.add(new NumericColumn("residual", est.residual()));
        cols.add(new NumericColumn(spec.column(), est.quality()));
        cols.add(new NumericColumn(spec.column() + "_std", est.standardized()));
        return new Dataset(spec.detail(), flows.source(), null, dedupe(cols), lines, null, null);
    }

    /** The region or product of each output row, as text when the input column is text, else as the number. */
    private static Column labelColumn(String name, Column input, Dataset.Codes codes, int[] code) {
        if (input instanceof TextColumn) {
            return new TextColumn(name, code.clone(), codes.levels());
        }
        double[] v = new double[code.length];
        for (int i = 0; i < code.length; i++) {
            v[i] = Double.parseDouble(codes.levels()[code[i]]);
        }
        return new NumericColumn(name, v);
    }

    /** Drops later columns whose names repeat an earlier one (a flow column named like a computed one). */
    private static List<Column> dedupe(List<Column> cols) {
        List<Column> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Column c : cols) {
            if (seen.add(c.name())) {
                out.add(c);
            }
        }
        return out;
    }
}
