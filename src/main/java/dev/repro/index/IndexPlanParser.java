package dev.repro.index;

import dev.repro.index.carbon.CarbonSpec;
import dev.repro.index.carbon.Units;
import dev.repro.index.derive.DeriveSpec;
import dev.repro.index.entropy.EntropySpec;
import dev.repro.index.merge.MergeSpec;
import dev.repro.index.quality.ExportQualitySpec;
import dev.repro.index.quality.QualityEstimate;
import dev.repro.index.stock.PerpetualInventorySpec;
import dev.repro.index.winsor.WinsorSpec;
import dev.repro.config.Fields;
import dev.repro.diag.Located;
import dev.repro.config.Node;
import dev.repro.diag.Problems;
import dev.repro.diag.Suggest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the study file's {@code index:} section, an ordered list of steps, into an {@link IndexPlan}:
 * every key and value is checked and every mistake recorded as a problem at its line and key (the steps
 * are then left out), so that the spec records are only ever built from valid values. A step may read
 * the study's datasets and the outputs of the steps before it.
 */
public final class IndexPlanParser {
    /** Dataset names become file names: the study's rule for ids. */
    static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    /** Names of derived columns must be usable in formulas. */
    static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final List<String> KINDS = List.of(MergeSpec.KIND, DeriveSpec.KIND, EntropySpec.KIND, PerpetualInventorySpec.KIND,
            ExportQualitySpec.KIND, CarbonSpec.KIND, WinsorSpec.KIND);

    private final String source;
    private final Problems problems;
    private final Set<String> known = new LinkedHashSet<>();

    private IndexPlanParser(String source, Collection<String> datasets, Problems problems) {
        this.source = source;
        this.problems = problems;
        this.known.addAll(datasets);
    }

    /**
     * @param index the value of the {@code index} key (null or empty: no steps)
     * @param source the study file as the user names it
     * @param datasets the names of the study's datasets
     */
    public static IndexPlan parse(Node index, String source, Collection<String> datasets, Problems problems) {
        return new IndexPlanParser(source, datasets, problems).plan(index);
    }

    private IndexPlan plan(Node index) {
        if (index == null || index.isNull()) {
            return IndexPlan.EMPTY;
        }
        if (!index.isList()) {
            problems.addKey(source, index.line(), index.column(), index.path(), "expected a list of steps, each starting with '- step: <kind>', found "
                    + index.describe());
            return IndexPlan.EMPTY;
        }
        List<IndexStepSpec> steps = new ArrayList<>();
        for (Node item : index.items()) {
            IndexStepSpec s = step(item);
            if (s != null) {
                steps.add(s);
            }
        }
        return new IndexPlan(steps);
    }

    private IndexStepSpec step(Node node) {
        Fields f = Fields.of(node, source, problems, "a step with 'step' and 'output'", "step", "output");
        if (f == null) {
            return null;
        }
        Located at = node.at(source);
        String kind = f.choice("step", null, KINDS.toArray(new String[0]));
        if (kind == null && !f.has("step")) {
            f.missing("step", "one of " + String.join(", ", KINDS));
        }
        if (kind == null) {
            // an unknown or missing kind: its other keys cannot be judged, so they are not reported as unknown
            f.allow(node.entries().keySet().toArray(new String[0]));
        }
        String output = newName(f, "output", true);
        int before = problems.size();
        IndexStepSpec spec = null;
        if (kind != null) {
            spec = switch (kind) {
                case MergeSpec.KIND -> merge(f, at, output);
                case DeriveSpec.KIND -> derive(f, at, output);
                case EntropySpec.KIND -> entropy(f, at, output);
                case PerpetualInventorySpec.KIND -> stock(f, at, output);
                case ExportQualitySpec.KIND -> quality(f, at, output);
                case CarbonSpec.KIND -> carbon(f, at, output);
                default -> winsor(f, at, output);
            };
        }
        f.finish();
        return problems.size() > before || output == null ? null : spec;
    }

    /** A name for a new dataset: a valid id, not yet taken; recorded as known even after a problem elsewhere. */
    private String newName(Fields f, String key, boolean required) {
        String name = f.string(key, required, "name the dataset this step creates, e.g. " + key + ": panel_index");
        if (name == null) {
            return null;
        }
        Node n = f.raw(key);
        if (!ID.matcher(name).matches()) {
            f.problem(n, "the name '" + name + "' is not a valid id; use letters, digits, '_' and '-', starting with a letter");
            return null;
        }
        if (!known.add(name)) {
            f.problem(n, "a dataset named '" + name + "' already exists; each step creates a dataset with a new name");
            return null;
        }
        return name;
    }

    private String datasetRef(Fields f, String key) {
        String d = f.string(key, true, "name one of the datasets: " + String.join(", ", known));
        if (d != null && !known.contains(d)) {
            String hint = Suggest.didYouMean(d, known);
            f.problem(f.raw(key), "unknown dataset '" + d + "'" + (hint.isEmpty() ? "; the datasets so far are: " + String.join(", ", known) : hint)
                    + " (a step can use the study's datasets and the outputs of the steps before it)");
            return null;
        }
        return d;
    }

    private static String orDefault(String s, String d) {
        return s == null ? d : s;
    }

    // ---------------------------------------------------------------- merge

    private MergeSpec merge(Fields f, Located at, String output) {
        f.allow("left", "right", "on", "rightOn", "relation", "columns", "unmatched");
        String left = datasetRef(f, "left");
        String right = datasetRef(f, "right");
        List<String> on = f.strings("on", true, "name the key columns, e.g. on: [province, year]");
        List<String> rightOn = f.strings("rightOn", false, null);
        String relation = f.choice("relation", "many-to-one", "one-to-one", "many-to-one");
        List<String> columns = f.strings("columns", false, null);
        String unmatched = f.choice("unmatched", "error", "error", "keep");
        if (on != null && rightOn != null && on.size() != rightOn.size()) {
            f.problem(f.raw("rightOn"), "rightOn lists " + rightOn.size() + " columns but on lists " + on.size() + "; give one right-hand key per key");
            return null;
        }
        if (left == null || right == null || on == null || relation == null || unmatched == null) {
            return null;
        }
        return new MergeSpec(at, left, right, output, on, rightOn == null ? on : rightOn,
                relation.equals("one-to-one") ? MergeSpec.Relation.ONE_TO_ONE : MergeSpec.Relation.MANY_TO_ONE,
                columns == null ? List.of() : columns, unmatched.equals("keep") ? MergeSpec.Unmatched.KEEP : MergeSpec.Unmatched.ERROR);
    }

    // ---------------------------------------------------------------- derive

    private DeriveSpec derive(Fields f, Located at, String output) {
        f.allow("dataset", "columns");
        String dataset = datasetRef(f, "dataset");
        Node cols = f.raw("columns");
        List<DeriveSpec.Derived> derived = new ArrayList<>();
        if (cols == null || cols.isNull()) {
            f.missing("columns", "map each new column to its expression, e.g. columns: {gdp_pc: gdp / pop}");
            return null;
        }
        if (!cols.isMap() || cols.entries().isEmpty()) {
            f.problem(cols, "expected a mapping of new column names to expressions such as {gdp_pc: gdp / pop}, found " + cols.describe());
            return null;
        }
        for (var e : cols.entries().entrySet()) {
            Node v = e.getValue();
            if (!COLUMN.matcher(e.getKey()).matches()) {
                f.problem(v, "the column name '" + e.getKey() + "' cannot be used in formulas; use letters, digits and '_', starting with a letter or '_'");
                continue;
            }
            if (!v.isScalar()) {
                f.problem(v, "expected an expression such as \"gdp / pop\", found " + v.describe());
                continue;
            }
            derived.add(new DeriveSpec.Derived(e.getKey(), v.text(), v.at(source)));
        }
        if (dataset == null || derived.size() != cols.entries().size()) {
            return null;
        }
        return new DeriveSpec(at, dataset, output, derived);
    }

    // ---------------------------------------------------------------- entropy

    private EntropySpec entropy(Fields f, Located at, String output) {
        f.allow("dataset", "column", "indicators", "weighting", "year", "zeros", "shift", "score", "missing");
        String dataset = datasetRef(f, "dataset");
        String column = f.string("column", true, "name the index column, e.g. column: open");
        String weighting = f.choice("weighting", "pooled", "pooled", "per-year");
        String year = f.string("year", false, null);
        String zeros = f.choice("zeros", "shift", "shift", "limit");
        Double shift = f.number("shift", EntropySpec.DEFAULT_SHIFT);
        String score = f.choice("score", "normalized", "normalized", "shifted");
        String missing = f.choice("missing", "error", "error", "skip");
        List<EntropySpec.Indicator> indicators = indicators(f);
        boolean ok = dataset != null && column != null && weighting != null && zeros != null && shift != null && score != null
                && missing != null && indicators != null;
        if (shift != null && "shift".equals(zeros) && !(shift > 0)) {
            f.problem(f.raw("shift"), "the shift must be positive, e.g. 0.0001; or set zeros: limit to use 0 ln 0 = 0");
            ok = false;
        }
        if ("shifted".equals(score) && "limit".equals(zeros)) {
            f.problem(f.raw("score"), "score: shifted adds the shift, which zeros: limit does not use; set zeros: shift or score: normalized");
            ok = false;
        }
        if (!ok) {
            return null;
        }
        return new EntropySpec(at, dataset, output, column, indicators,
                weighting.equals("pooled") ? EntropySpec.Weighting.POOLED : EntropySpec.Weighting.PER_YEAR, year,
                zeros.equals("shift") ? EntropySpec.Zeros.SHIFT : EntropySpec.Zeros.LIMIT, zeros.equals("shift") ? shift : 0,
                score.equals("shifted") ? EntropySpec.Score.SHIFTED : EntropySpec.Score.NORMALIZED,
                missing.equals("skip") ? EntropySpec.Missing.SKIP : EntropySpec.Missing.ERROR);
    }

    private List<EntropySpec.Indicator> indicators(Fields f) {
        Node list = f.raw("indicators");
        if (list == null || list.isNull()) {
            f.missing("indicators", "list the indicators, e.g. indicators: [{column: fdi, direction: positive}]");
            return null;
        }
        if (!list.isList() || list.items().isEmpty()) {
            f.problem(list, "expected a list of indicators such as [{column: fdi, direction: positive}], found " + list.describe());
            return null;
        }
        List<EntropySpec.Indicator> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean ok = true;
        for (Node item : list.items()) {
            String column;
            String direction = "positive";
            String group = null;
            if (item.isScalar()) {
                column = item.text();
            } else {
                Fields g = Fields.of(item, source, problems, "an indicator such as {column: fdi, direction: positive}", "column", "direction", "group");
                if (g == null) {
                    ok = false;
                    continue;
                }
                column = g.string("column", true, "name the indicator's column");
                direction = g.choice("direction", "positive", "positive", "negative");
                group = g.string("group", false, null);
                g.finish();
                if (column == null || direction == null) {
                    ok = false;
                    continue;
                }
            }
            if (!seen.add(column)) {
                problems.addKey(source, item.line(), item.column(), item.path(), "indicator '" + column + "' is listed twice");
                ok = false;
                continue;
            }
            out.add(new EntropySpec.Indicator(column, direction.equals("negative") ? EntropySpec.Direction.NEGATIVE : EntropySpec.Direction.POSITIVE, group));
        }
        return ok ? out : null;
    }

    // ---------------------------------------------------------------- perpetual inventory

    private PerpetualInventorySpec stock(Fields f, Located at, String output) {
        f.allow("dataset", "column", "flow", "id", "time", "deflator", "delta", "growth", "initial", "realFlow");
        String dataset = datasetRef(f, "dataset");
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
        PerpetualInventorySpec.Deflator deflator = deflator(f);
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

    private PerpetualInventorySpec.Growth growth(Fields f) {
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

    private PerpetualInventorySpec.Deflator deflator(Fields parent) {
        Node n = parent.raw("deflator");
        if (n == null || n.isNull()) {
            return null;
        }
        Fields f = Fields.of(n, source, problems, "a price index such as {column: price, kind: level, base: 2010}", "column", "kind", "base", "scale");
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

    // ---------------------------------------------------------------- export quality

    private ExportQualitySpec quality(Fields f, Located at, String output) {
        f.allow("dataset", "column", "region", "product", "year", "value", "quantity", "elasticities", "normalization", "detail");
        String dataset = datasetRef(f, "dataset");
        String column = orDefault(f.string("column", false, null), "quality");
        String region = f.string("region", true, "name the region column, e.g. region: province");
        String product = f.string("product", true, "name the product code column, e.g. product: hs6");
        String year = f.string("year", true, "name the year column");
        String value = f.string("value", true, "name the export value column");
        String quantity = f.string("quantity", true, "name the export quantity column");
        String normalization = f.choice("normalization", "product-year", "product-year", "product");
        ExportQualitySpec.Elasticities el = elasticities(f);
        String detail = f.has("detail") ? newName(f, "detail", false) : null;
        if (dataset == null || region == null || product == null || year == null || value == null || quantity == null || normalization == null
                || el == null || (detail == null && f.has("detail"))) {
            return null;
        }
        if (column.equals(region) || column.equals(year)) {
            f.problem(f.raw("column"), "the quality column must not be named like the region or year column");
            return null;
        }
        return new ExportQualitySpec(at, dataset, output, column, region, product, year, value, quantity, el,
                normalization.equals("product") ? QualityEstimate.Normalization.PRODUCT : QualityEstimate.Normalization.PRODUCT_YEAR, detail);
    }

    private ExportQualitySpec.Elasticities elasticities(Fields parent) {
        Node n = parent.raw("elasticities");
        if (n == null || n.isNull()) {
            parent.missing("elasticities", "name the dataset of sigma by product code, e.g. elasticities: {dataset: sigma, code: hs, sigma: sigma}");
            return null;
        }
        Fields f = Fields.of(n, source, problems, "elasticities such as {dataset: sigma, code: hs, sigma: sigma}", "dataset", "code", "sigma", "digits");
        if (f == null) {
            return null;
        }
        String dataset = datasetRef(f, "dataset");
        String code = f.string("code", true, "name the product code column of the elasticities");
        String sigma = f.string("sigma", true, "name the elasticity column");
        Integer digits = f.integer("digits", 0, 0, 20);
        f.finish();
        if (dataset == null || code == null || sigma == null || digits == null) {
            return null;
        }
        return new ExportQualitySpec.Elasticities(dataset, code, sigma, digits);
    }

    // ---------------------------------------------------------------- carbon

    private CarbonSpec carbon(Fields f, Located at, String output) {
        f.allow("dataset", "column", "basis", "unit", "fuels", "electricity", "heat", "components", "missing", "factors");
        String dataset = datasetRef(f, "dataset");
        String column = f.string("column", true, "name the emissions column, e.g. column: ce");
        String basis = f.choice("basis", "ncv", "ncv", "ipcc-ncv", "standard-coal");
        Units.Unit unit = unit(f, "unit", "t", Units.Dimension.MASS);
        Boolean components = f.bool("components", false);
        String missing = f.choice("missing", "error", "error", "zero");
        String factors = f.has("factors") ? datasetRef(f, "factors") : null;
        int before = problems.size();
        List<CarbonSpec.FuelUse> fuels = fuels(f);
        CarbonSpec.ElectricityUse electricity = electricity(f);
        CarbonSpec.HeatUse heat = heat(f);
        if (problems.size() == before && fuels.isEmpty() && electricity == null && heat == null) {
            f.missing("fuels", "list the fuels, e.g. fuels: {raw_coal: {column: coal, unit: \"1e4 t\"}}, and/or electricity and heat");
        }
        if (problems.size() > before || dataset == null || column == null || basis == null || unit == null || components == null
                || missing == null || (factors == null && f.has("factors"))) {
            return null;
        }
        return new CarbonSpec(at, dataset, output, column, switch (basis) {
            case "ipcc-ncv" -> CarbonSpec.Basis.IPCC_NCV;
            case "standard-coal" -> CarbonSpec.Basis.STANDARD_COAL;
            default -> CarbonSpec.Basis.NCV;
        }, fuels, electricity, heat, unit, components, missing.equals("zero") ? CarbonSpec.Missing.ZERO : CarbonSpec.Missing.ERROR, factors);
    }

    private Units.Unit unit(Fields f, String key, String defaultText, Units.Dimension want) {
        String text = f.string(key, defaultText == null, "give the unit of the column, e.g. " + key + ": \"1e4 t\"");
        if (text == null) {
            return defaultText == null ? null : Units.parse(defaultText);
        }
        Units.Unit u = Units.parse(text);
        if (u == null) {
            f.problem(f.raw(key), "unknown unit '" + text + "'; write an optional multiplier and a unit, such as \"1e4 t\", \"1e8 m3\", \"1e8 kWh\" or "
                    + "\"1e4 GJ\" (units: " + String.join(", ", Units.NAMES) + ")");
            return null;
        }
        if (want != null && u.dimension() != want) {
            String what = want.name().toLowerCase(java.util.Locale.ROOT);
            f.problem(f.raw(key), "'" + text + "' is not " + ("aeiou".indexOf(what.charAt(0)) >= 0 ? "an " : "a ") + what + " unit; use one such as \""
                    + switch (want) {
                        case MASS -> "1e4 t";
                        case VOLUME -> "1e8 m3";
                        case ELECTRICITY -> "1e8 kWh";
                        case ENERGY -> "1e4 GJ";
                    } + "\"");
            return null;
        }
        return u;
    }

    private List<CarbonSpec.FuelUse> fuels(Fields parent) {
        Node n = parent.raw("fuels");
        List<CarbonSpec.FuelUse> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isMap()) {
            parent.problem(n, "expected a mapping of fuels to their columns such as {raw_coal: {column: coal, unit: \"1e4 t\"}}, found " + n.describe());
            return out;
        }
        for (var e : n.entries().entrySet()) {
            Fields f = Fields.of(e.getValue(), source, problems, "a fuel's column and unit such as {column: coal, unit: \"1e4 t\"}",
                    "column", "unit", "ncv", "ipccNcv", "coalEquivalent", "carbonContent", "oxidation", "co2Factor");
            if (f == null) {
                continue;
            }
            String column = f.string("column", true, "name the column of " + e.getKey() + " use");
            Units.Unit unit = unit(f, "unit", null, null);
            Double[] v = new Double[6];
            String[] keys = {"ncv", "ipccNcv", "coalEquivalent", "carbonContent", "oxidation", "co2Factor"};
            boolean ok = column != null && unit != null;
            for (int k = 0; k < keys.length; k++) {
                v[k] = f.number(keys[k], null);
                if (v[k] != null && !(v[k] >= 0)) {
                    f.problem(f.raw(keys[k]), keys[k] + " cannot be negative");
                    ok = false;
                }
                if (v[k] == null && f.has(keys[k])) {
                    ok = false;
                }
            }
            f.finish();
            if (ok) {
                out.add(new CarbonSpec.FuelUse(e.getKey(), column, unit, new CarbonSpec.FactorOverride(v[0], v[1], v[2], v[3], v[4], v[5])));
            }
        }
        return out;
    }

    private CarbonSpec.ElectricityUse electricity(Fields parent) {
        Node n = parent.raw("electricity");
        if (n == null || n.isNull()) {
            return null;
        }
        Fields f = Fields.of(n, source, problems, "electricity use such as {column: power, unit: \"1e8 kWh\"}", "column", "unit", "factor", "factorColumn");
        if (f == null) {
            return null;
        }
        String column = f.string("column", true, "name the column of electricity use");
        Units.Unit unit = unit(f, "unit", null, Units.Dimension.ELECTRICITY);
        Double factor = f.number("factor", null);
        String factorColumn = f.string("factorColumn", false, null);
        f.finish();
        if (factor != null && factorColumn != null) {
            f.problem(n, "give factor (one number) or factorColumn (a column of factors), not both");
            return null;
        }
        if (factor != null && !(factor >= 0)) {
            f.problem(f.raw("factor"), "an emission factor cannot be negative");
            return null;
        }
        if (column == null || unit == null || (factor == null && f.has("factor"))) {
            return null;
        }
        return new CarbonSpec.ElectricityUse(column, unit, factor, factorColumn);
    }

    private CarbonSpec.HeatUse heat(Fields parent) {
        Node n = parent.raw("heat");
        if (n == null || n.isNull()) {
            return null;
        }
        Fields f = Fields.of(n, source, problems, "heat use such as {column: heat, unit: \"1e4 GJ\"}", "column", "unit", "method", "factor", "efficiency");
        if (f == null) {
            return null;
        }
        String column = f.string("column", true, "name the column of heat use");
        Units.Unit unit = unit(f, "unit", null, Units.Dimension.ENERGY);
        String method = f.choice("method", "factor", "factor", "coal");
        Double factor = f.number("factor", null);
        Double efficiency = f.number("efficiency", null);
        f.finish();
        if ("coal".equals(method) && (efficiency == null || !(efficiency > 0 && efficiency <= 1))) {
            f.problem(efficiency == null ? n : f.raw("efficiency"), "heat from coal needs the boiler efficiency, a number in (0, 1] such as efficiency: 0.7");
            return null;
        }
        if (factor != null && !(factor >= 0)) {
            f.problem(f.raw("factor"), "an emission factor cannot be negative");
            return null;
        }
        if (column == null || unit == null || method == null) {
            return null;
        }
        return new CarbonSpec.HeatUse(column, unit, method.equals("coal") ? CarbonSpec.HeatMethod.COAL : CarbonSpec.HeatMethod.FACTOR, factor, efficiency);
    }

    // ---------------------------------------------------------------- winsorize

    private WinsorSpec winsor(Fields f, Located at, String output) {
        f.allow("dataset", "columns", "cuts", "by", "mode", "suffix", "replace");
        String dataset = datasetRef(f, "dataset");
        List<String> columns = f.strings("columns", true, "list the columns to winsorize, e.g. columns: [ce, open]");
        List<String> by = f.strings("by", false, null);
        String mode = f.choice("mode", "winsorize", "winsorize", "trim");
        Boolean replace = f.bool("replace", false);
        String suffix = f.string("suffix", false, null);
        double lower = 1;
        double upper = 99;
        boolean ok = dataset != null && columns != null && mode != null && replace != null && (by != null || !f.has("by"));
        Node cuts = f.raw("cuts");
        if (cuts != null && !cuts.isNull()) {
            boolean good = cuts.isList() && cuts.items().size() == 2;
            double[] v = new double[2];
            for (int k = 0; good && k < 2; k++) {
                Node c = cuts.items().get(k);
                try {
                    v[k] = c.isScalar() && c.scalarType() == Node.ScalarType.NUMBER ? Double.parseDouble(c.text()) : Double.NaN;
                } catch (NumberFormatException e) {
                    v[k] = Double.NaN;
                }
                good = !Double.isNaN(v[k]);
            }
            if (!good || !(v[0] >= 0 && v[0] < v[1] && v[1] <= 100)) {
                f.problem(cuts, "expected the lower and upper percentiles as [lower, upper] with 0 <= lower < upper <= 100, e.g. cuts: [1, 99]");
                ok = false;
            } else {
                lower = v[0];
                upper = v[1];
            }
        }
        if (columns != null && new HashSet<>(columns).size() != columns.size()) {
            f.problem(f.raw("columns"), "a column is listed twice");
            ok = false;
        }
        if (suffix != null && suffix.isEmpty() && Boolean.FALSE.equals(replace)) {
            f.problem(f.raw("suffix"), "an empty suffix would overwrite the columns; set replace: true for that");
            ok = false;
        }
        if (!ok) {
            return null;
        }
        String sfx = suffix != null ? suffix : mode.equals("trim") ? "_tr" : "_w";
        return new WinsorSpec(at, dataset, output, columns, lower, upper, by == null ? List.of() : by,
                mode.equals("trim") ? WinsorSpec.Mode.TRIM : WinsorSpec.Mode.WINSORIZE, sfx, replace);
    }
}
