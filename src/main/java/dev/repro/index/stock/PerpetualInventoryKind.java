package dev.repro.index.stock;

import dev.repro.config.Fields;
import dev.repro.config.Node;
import dev.repro.data.Dataset;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import dev.repro.index.api.ParseContext;
import dev.repro.index.api.Report;
import dev.repro.index.api.StepKind;
import dev.repro.index.api.StepResult;
import java.util.List;

/** The {@code perpetual-inventory} step: capital-style stocks from yearly flows ({@link PerpetualInventory}). */
public final class PerpetualInventoryKind implements StepKind<PerpetualInventorySpec> {
    @Override
    public String name() {
        return PerpetualInventorySpec.KIND;
    }

    @Override
    public Class<PerpetualInventorySpec> specType() {
        return PerpetualInventorySpec.class;
    }

    @Override
    public PerpetualInventorySpec parse(ParseContext context, Fields f, Located at, String output) {
        f.allow("dataset", "column", "flow", "id", "time", "deflator", "delta", "growth", "initial", "realFlow");
        String dataset = context.datasetRef(f, "dataset");
        String column = f.string("column", true, "name the stock column, e.g. column: tech");
        String flow = f.string("flow", true, "name the column of yearly flows, e.g. flow: tech_expenditure");
        String id = f.string("id", false, null);
        String time = f.string("time", false, null);
        Double delta = f.number("delta", null);
        if (delta == null && !f.has("delta")) {
            f.missing("delta", "give the depreciation rate, e.g. delta: 0.15 (the seed paper's value)");
        }
        String initial = f.choice("initial", "paper", "paper", "steady-state");
        String realFlow = f.string("realFlow", false, null);
        PerpetualInventorySpec.Growth growth = growth(f);
        PerpetualInventorySpec.Deflator deflator = deflator(context, f);
        boolean ok = dataset != null && column != null && flow != null && delta != null && initial != null && growth != null
                && (deflator != null || !f.has("deflator"));
        if (delta != null && !(delta >= 0 && delta <= 1)) {
            f.problem(f.raw("delta"), "delta is a depreciation rate between 0 and 1, found " + Report.num(delta));
            ok = false;
        }
        if (ok && initial.equals("steady-state") && growth.method() == PerpetualInventorySpec.Growth.Method.FIXED && !(growth.rate() + delta > 0)) {
            f.problem(f.raw("growth"), "the steady-state rule E/(g + delta) needs g + delta > 0");
            ok = false;
        }
        if (column != null && column.equals(realFlow)) {
            f.problem(f.raw("realFlow"), "realFlow must differ from the stock column '" + column + "'");
            ok = false;
        }
        if (!ok) {
            return null;
        }
        return new PerpetualInventorySpec(at, dataset, output, column, flow, id, time, deflator, delta, growth,
                initial.equals("paper") ? PerpetualInventorySpec.Initial.PAPER : PerpetualInventorySpec.Initial.STEADY_STATE, realFlow);
    }

    private static PerpetualInventorySpec.Growth growth(Fields f) {
        Node n = f.raw("growth");
        if (n == null || n.isNull()) {
            f.missing("growth", "give g of the initial stock: a rate such as growth: 0.05 (the seed paper's value), or geometric or arithmetic");
            return null;
        }
        if (n.isScalar() && n.scalarType() == Node.ScalarType.NUMBER) {
            Double g = f.number("growth", null);
            if (g == null) {
                return null;
            }
            if (!(g > -1)) {
                f.problem(n, "a growth rate must be above -1, found " + Report.num(g));
                return null;
            }
            return PerpetualInventorySpec.Growth.fixed(g);
        }
        String m = f.choice("growth", null, "geometric", "arithmetic");
        if (m == null) {
            return null;
        }
        return new PerpetualInventorySpec.Growth(m.equals("geometric") ? PerpetualInventorySpec.Growth.Method.GEOMETRIC
                : PerpetualInventorySpec.Growth.Method.ARITHMETIC, Double.NaN);
    }

    private static PerpetualInventorySpec.Deflator deflator(ParseContext context, Fields parent) {
        Node n = parent.raw("deflator");
        if (n == null || n.isNull()) {
            return null;
        }
        Fields f = context.fields(n, "a price index such as {column: price, kind: level, base: 2010}", "column", "kind", "base", "scale");
        if (f == null) {
            return null;
        }
        String column = f.string("column", true, "name the price index column");
        String kind = f.choice("kind", "level", "level", "chained");
        Integer base = f.integer("base", null, -100000, 100000);
        Double scale = f.number("scale", 100.0);
        f.finish();
        if (column == null || kind == null || (base == null && f.has("base")) || scale == null) {
            return null;
        }
        if (!(scale > 0)) {
            f.problem(f.raw("scale"), "the index value of the base (or previous) year must be positive, e.g. 100");
            return null;
        }
        if (kind.equals("chained") && base == null) {
            f.missing("base", "a chained index (previous year = 100) needs the base year to chain to, e.g. base: 2010");
            return null;
        }
        return new PerpetualInventorySpec.Deflator(column, kind.equals("chained") ? PerpetualInventorySpec.Deflator.Kind.CHAINED
                : PerpetualInventorySpec.Deflator.Kind.LEVEL, base, scale);
    }

    @Override
    public StepResult build(PerpetualInventorySpec spec, List<Dataset> inputs, Problems problems) {
        PerpetualInventory.StockResult r = PerpetualInventory.build(spec, inputs.get(0), problems);
        return r == null ? null : r.step();
    }
}
