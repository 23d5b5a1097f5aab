package dev.repro.index.carbon;

import dev.repro.config.Fields;
import dev.repro.config.Node;
import dev.repro.data.Dataset;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import dev.repro.index.api.ParseContext;
import dev.repro.index.api.StepKind;
import dev.repro.index.api.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The {@code carbon} step: CO2 emissions from energy use ({@link CarbonAccounting}). */
public final class CarbonKind implements StepKind<CarbonSpec> {
    @Override
    public String name() {
        return CarbonSpec.KIND;
    }

    @Override
    public Class<CarbonSpec> specType() {
        return CarbonSpec.class;
    }

    @Override
    public CarbonSpec parse(ParseContext context, Fields f, Located at, String output) {
        f.allow("dataset", "column", "basis", "unit", "fuels", "electricity", "heat", "components", "missing", "factors");
        String dataset = context.datasetRef(f, "dataset");
        String column = f.string("column", true, "name the emissions column, e.g. column: ce");
        String basis = f.choice("basis", "ncv", "ncv", "ipcc-ncv", "standard-coal");
        Units.Unit unit = unit(f, "unit", "t", Units.Dimension.MASS);
        Boolean components = f.bool("components", false);
        String missing = f.choice("missing", "error", "error", "zero");
        String factors = f.has("factors") ? context.datasetRef(f, "factors") : null;
        int before = context.problemCount();
        List<CarbonSpec.FuelUse> fuels = fuels(context, f);
        CarbonSpec.ElectricityUse electricity = electricity(context, f);
        CarbonSpec.HeatUse heat = heat(context, f);
        if (context.problemCount() == before && fuels.isEmpty() && electricity == null && heat == null) {
            f.missing("fuels", "list the fuels, e.g. fuels: {raw_coal: {column: coal, unit: \"1e4 t\"}}, and/or electricity and heat");
        }
        if (context.problemCount() > before || dataset == null || column == null || basis == null || unit == null || components == null
                || missing == null || (factors == null && f.has("factors"))) {
            return null;
        }
        return new CarbonSpec(at, dataset, output, column, switch (basis) {
            case "ipcc-ncv" -> CarbonSpec.Basis.IPCC_NCV;
            case "standard-coal" -> CarbonSpec.Basis.STANDARD_COAL;
            default -> CarbonSpec.Basis.NCV;
        }, fuels, electricity, heat, unit, components, missing.equals("zero") ? CarbonSpec.Missing.ZERO : CarbonSpec.Missing.ERROR, factors);
    }

    private static Units.Unit unit(Fields f, String key, String defaultText, Units.Dimension want) {
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
            String what = want.name().toLowerCase(Locale.ROOT);
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

    private static List<CarbonSpec.FuelUse> fuels(ParseContext context, Fields parent) {
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
            Fields f = context.fields(e.getValue(), "a fuel's column and unit such as {column: coal, unit: \"1e4 t\"}",
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

    private static CarbonSpec.ElectricityUse electricity(ParseContext context, Fields parent) {
        Node n = parent.raw("electricity");
        if (n == null || n.isNull()) {
            return null;
        }
        Fields f = context.fields(n, "electricity use such as {column: power, unit: \"1e8 kWh\"}", "column", "unit", "factor", "factorColumn");
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

    private static CarbonSpec.HeatUse heat(ParseContext context, Fields parent) {
        Node n = parent.raw("heat");
        if (n == null || n.isNull()) {
            return null;
        }
        Fields f = context.fields(n, "heat use such as {column: heat, unit: \"1e4 GJ\"}", "column", "unit", "method", "factor", "efficiency");
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

    @Override
    public StepResult build(CarbonSpec spec, List<Dataset> inputs, Problems problems) {
        // a factors dataset is a second input only when the step names one
        Dataset factors = inputs.size() > 1 ? inputs.get(1) : null;
        CarbonAccounting.CarbonResult r = CarbonAccounting.build(spec, inputs.get(0), factors, problems);
        return r == null ? null : r.step();
    }
}
