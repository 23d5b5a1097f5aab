package dev.repro.index.stock;

import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.index.api.AuxTable;
import dev.repro.index.api.StepPanel;
import dev.repro.index.api.Report;
import dev.repro.index.api.StepResult;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The perpetual inventory method of the seed paper (section 4.1.3, eq. 6-7): within each panel unit, in
 * consecutive years, K_first from {@link PerpetualInventorySpec.Initial} and K_t = E_t + (1 - delta) K_{t-1}
 * with E the real flow. A gap in a unit's years is a mistake: the recursion would silently skip depreciation.
 */
public final class PerpetualInventory {
    private PerpetualInventory() {
    }

    public record StockResult(StepResult step, List<UnitStock> units) {
        public StockResult {
            units = List.copyOf(units);
        }
    }

    public static StockResult build(PerpetualInventorySpec spec, Dataset ds, Problems problems) {
        Located at = spec.at();
        int before = problems.size();
        String idCol = spec.id() != null ? spec.id() : ds.idColumn();
        String timeCol = spec.time() != null ? spec.time() : ds.timeColumn();
        if (idCol == null) {
            Report.spec(problems, at, "id", "the perpetual inventory runs within panel units: give id: <column>, or an id column for dataset "
                    + Report.dataset(ds));
        }
        if (timeCol == null) {
            Report.spec(problems, at, "time", "the perpetual inventory runs along the years: give time: <column>, or a time column for dataset "
                    + Report.dataset(ds));
        }
        NumericColumn flowCol = Report.numeric(problems, ds, spec.flow(), at, "flow");
        NumericColumn priceCol = spec.deflator() == null ? null : Report.numeric(problems, ds, spec.deflator().column(), at, "deflator.column");
        for (String c : new String[] {spec.column(), spec.realFlow()}) {
            if (c != null && ds.has(c)) {
                Report.spec(problems, at, c.equals(spec.column()) ? "column" : "realFlow", "column '" + c
                        + "' already exists in dataset " + Report.dataset(ds) + "; choose another name");
            }
        }
        if (problems.size() > before) {
            return null;
        }
        StepPanel panel = StepPanel.of(ds, idCol, timeCol, at, problems);
        if (panel == null) {
            return null;
        }
        int n = ds.rows();
        double[] nominal = flowCol.values();
        double[] price = priceCol == null ? null : priceCol.values();
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(nominal[i])) {
                Report.row(problems, ds, i, at, "the flow '" + spec.flow() + "' is missing; the perpetual inventory needs every year's flow");
            }
            if (price != null) {
                if (Double.isNaN(price[i])) {
                    Report.row(problems, ds, i, at, "the price index '" + spec.deflator().column() + "' is missing");
                } else if (!(price[i] > 0)) {
                    Report.row(problems, ds, i, at, "the price index '" + spec.deflator().column() + "' is " + Report.num(price[i])
                            + "; a price index must be positive");
                }
            }
        }
        for (int u = 0; u < panel.units(); u++) {
            for (int k = panel.start(u) + 1; k < panel.start(u + 1); k++) {
                int prev = panel.row(k - 1);
                int row = panel.row(k);
                if (panel.time(row) != panel.time(prev) + 1) {
                    Report.row(problems, ds, row, at, "unit '" + panel.unitLabel(u) + "' jumps from " + timeCol + " " + panel.time(prev)
                            + " (line " + ds.line(prev) + ") to " + panel.time(row) + "; the perpetual inventory needs consecutive years: "
                            + "add the missing years or drop the unit");
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        double[] real = new double[n];
        if (price == null) {
            System.arraycopy(nominal, 0, real, 0, n);
        } else if (!deflate(spec, ds, panel, nominal, price, real, problems)) {
            return null;
        }
        double[] stock = new double[n];
        Arrays.fill(stock, Double.NaN);
        double delta = spec.delta();
        List<UnitStock> units = new ArrayList<>();
        for (int u = 0; u < panel.units(); u++) {
            int a = panel.start(u);
            int b = panel.start(u + 1);
            int first = panel.row(a);
            double g = growth(spec, ds, panel, u, real, problems);
            if (Double.isNaN(g)) {
                continue;
            }
            double k0;
            if (spec.initial() == PerpetualInventorySpec.Initial.PAPER) {
                k0 = real[first] * (1 + g) / (1 + delta);
            } else {
                if (!(g + delta > 0)) {
                    Report.row(problems, ds, first, at, "unit '" + panel.unitLabel(u) + "' has average growth " + Report.num(g)
                            + " and delta " + Report.num(delta) + "; the steady-state rule E/(g + delta) needs g + delta > 0");
                    continue;
                }
                k0 = real[first] / (g + delta);
            }
            stock[first] = k0;
            for (int k = a + 1; k < b; k++) {
                int row = panel.row(k);
                stock[row] = real[row] + (1 - delta) * stock[panel.row(k - 1)];
            }
            units.add(new UnitStock(panel.unitLabel(u), panel.time(first), panel.time(panel.row(b - 1)), b - a, g, k0));
        }
        if (problems.size() > before) {
            return null;
        }
        Dataset out = new Dataset(spec.output(), ds.source(), ds.sha256(), ds.columns(), ds.lines(), ds.idColumn(), ds.timeColumn());
        if (spec.realFlow() != null) {
            out = out.withColumn(new NumericColumn(spec.realFlow(), real));
        }
        out = out.withColumn(new NumericColumn(spec.column(), stock));
        StepResult step = new StepResult(spec, out, List.of(AuxTable.of("units", units, UnitStock.COLUMNS)), List.of());
        return new StockResult(step, units);
    }

    /** Real flows: nominal divided by the price level relative to the base year, unit by unit. */
    private static boolean deflate(PerpetualInventorySpec spec, Dataset ds, StepPanel panel, double[] nominal, double[] price,
                                   double[] real, Problems problems) {
        PerpetualInventorySpec.Deflator d = spec.deflator();
        boolean ok = true;
        for (int u = 0; u < panel.units(); u++) {
            int a = panel.start(u);
            int b = panel.start(u + 1);
            long first = panel.time(panel.row(a));
            long last = panel.time(panel.row(b - 1));
            if (d.kind() == PerpetualInventorySpec.Deflator.Kind.LEVEL) {
                double baseLevel = d.scale();
                if (d.base() != null) {
                    int baseRow = panel.find(u, d.base());
                    if (baseRow < 0) {
                        Report.row(problems, ds, panel.row(a), spec.at(), "unit '" + panel.unitLabel(u) + "' has no row for the base year "
                                + d.base() + " (its years are " + first + "-" + last + "), so its price index cannot be rebased; "
                                + "choose a base year inside every unit's years or leave base out if the index is already on the base you want");
                        ok = false;
                        continue;
                    }
                    baseLevel = price[baseRow];
                }
                for (int k = a; k < b; k++) {
                    int r = panel.row(k);
                    real[r] = nominal[r] * baseLevel / price[r];
                }
            } else {
                long base = d.base();
                if (base < first - 1 || base > last) {
                    Report.row(problems, ds, panel.row(a), spec.at(), "unit '" + panel.unitLabel(u) + "' has years " + first + "-" + last
                            + ", so its chained index cannot reach the base year " + base + "; the base year must lie between "
                            + (first - 1) + " and " + last);
                    ok = false;
                    continue;
                }
                // level relative to the base year: L(base) = 1, L(t) = L(t-1) * c(t) / scale
                double[] level = new double[b - a];
                int baseAt = (int) (base - first); // position of the base year (-1 = the year before the first)
                for (int k = Math.max(baseAt + 1, 0); k < level.length; k++) {
                    double prev = k == baseAt + 1 ? 1.0 : level[k - 1];
                    level[k] = prev * price[panel.row(a + k)] / d.scale();
                }
                if (baseAt >= 0) {
                    level[baseAt] = 1.0;
                    for (int k = baseAt - 1; k >= 0; k--) {
                        level[k] = level[k + 1] / (price[panel.row(a + k + 1)] / d.scale());
                    }
                }
                for (int k = a; k < b; k++) {
                    int r = panel.row(k);
                    real[r] = nominal[r] / level[k - a];
                }
            }
        }
        return ok;
    }

    /** The unit's g: the fixed rate, or the average growth of its real flows; NaN after a problem. */
    private static double growth(PerpetualInventorySpec spec, Dataset ds, StepPanel panel, int u, double[] real, Problems problems) {
        PerpetualInventorySpec.Growth g = spec.growth();
        if (g.method() == PerpetualInventorySpec.Growth.Method.FIXED) {
            return g.rate();
        }
        int a = panel.start(u);
        int b = panel.start(u + 1);
        String unit = "unit '" + panel.unitLabel(u) + "'";
        if (b - a < 2) {
            Report.row(problems, ds, panel.row(a), spec.at(), unit + " has a single year, so its average growth rate is undefined; give growth as a number");
            return Double.NaN;
        }
        if (g.method() == PerpetualInventorySpec.Growth.Method.GEOMETRIC) {
            int f = panel.row(a);
            int l = panel.row(b - 1);
            if (!(real[f] > 0) || !(real[l] > 0)) {
                int bad = real[f] > 0 ? l : f;
                Report.row(problems, ds, bad, spec.at(), unit + " has real flow " + Report.num(real[bad]) + " in " + panel.time(bad)
                        + "; the geometric average growth needs positive first and last flows; give growth as a number");
                return Double.NaN;
            }
            return Math.pow(real[l] / real[f], 1.0 / (b - a - 1)) - 1;
        }
        double sum = 0;
        for (int k = a + 1; k < b; k++) {
            int prev = panel.row(k - 1);
            if (!(real[prev] > 0)) {
                Report.row(problems, ds, prev, spec.at(), unit + " has real flow " + Report.num(real[prev]) + " in " + panel.time(prev)
                        + "; the arithmetic average growth needs positive flows; give growth as a number");
                return Double.NaN;
            }
            sum += real[panel.row(k)] / real[prev] - 1;
        }
        return sum / (b - a - 1);
    }
}
