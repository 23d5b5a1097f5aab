package dev.repro.index.carbon;

import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.index.api.AuxTable;
import dev.repro.index.api.Report;
import dev.repro.index.api.StepResult;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import dev.repro.diag.Suggest;
import java.util.ArrayList;
import java.util.List;

/**
 * IPCC 2006 reference-approach accounting (Vol. 2 Ch. 1 eq. 1.1, Tier 1): CO2 = sum over fuels of
 * quantity x energy per unit x carbon content x oxidation x 44/12, plus electricity x grid factor and heat
 * x heat factor (or the raw coal burnt for it). Energy per unit is the NCV of the chosen {@link CarbonSpec.Basis}.
 */
public final class CarbonAccounting {
    private CarbonAccounting() {
    }

    public record CarbonResult(StepResult step, List<EmissionFactor> factors) {
        public CarbonResult {
            factors = List.copyOf(factors);
        }
    }

    /** One source resolved: its quantities, t CO2 per input unit (NaN = per row from {@code rowFactor}). */
    private record Source(String name, NumericColumn quantity, double perUnit, NumericColumn rowFactor, double rowScale) {
    }

    /**
     * @param factorData the dataset named by {@code spec.factors()}, or null for the shipped table
     */
    public static CarbonResult build(CarbonSpec spec, Dataset ds, Dataset factorData, Problems problems) {
        Located at = spec.at();
        int before = problems.size();
        FactorTable table = factorData == null ? FactorTable.shipped() : FactorTable.of(factorData, at, problems);
        if (table == null) {
            return null;
        }
        List<Source> sources = new ArrayList<>();
        List<EmissionFactor> used = new ArrayList<>();
        for (int k = 0; k < spec.fuels().size(); k++) {
            CarbonSpec.FuelUse f = spec.fuels().get(k);
            String key = "fuels[" + k + "]";
            NumericColumn q = Report.numeric(problems, ds, f.column(), at, key + ".column");
            FactorTable.Factor t = table.get(f.fuel());
            if (t == null) {
                List<String> fuels = new ArrayList<>(table.factors().keySet());
                fuels.remove("electricity");
                fuels.remove("heat");
                String hint = Suggest.didYouMean(f.fuel(), fuels);
                Report.spec(problems, at, key + ".fuel", "unknown fuel '" + f.fuel() + "'" + (hint.isEmpty() ? "; the factor table " + table.source()
                        + " has: " + String.join(", ", fuels) : hint));
                continue;
            }
            if (f.fuel().equals("electricity") || f.fuel().equals("heat")) {
                Report.spec(problems, at, key + ".fuel", f.fuel() + " is not a fuel: give it under '" + f.fuel() + ":' with its emission factor");
                continue;
            }
            Units.Dimension want = t.unit().equals("m3") ? Units.Dimension.VOLUME : Units.Dimension.MASS;
            if (f.unit().dimension() != want) {
                Report.spec(problems, at, key + ".unit", "the factors of '" + f.fuel() + "' are per " + t.unit() + ", so its unit must be a "
                        + (want == Units.Dimension.VOLUME ? "volume such as '1e8 m3'" : "mass such as '1e4 t'") + ", not '" + f.unit().text() + "'");
                continue;
            }
            CarbonSpec.FactorOverride o = f.override();
            double energy;
            double cc = o.carbonContent() != null ? o.carbonContent() : t.carbonContent();
            double ox = o.oxidation() != null ? o.oxidation() : t.oxidation();
            double perTable;
            if (o.co2Factor() != null) {
                energy = Double.NaN;
                perTable = o.co2Factor();
            } else {
                energy = switch (spec.basis()) {
                    case NCV -> o.ncv() != null ? o.ncv() : t.ncv();
                    case IPCC_NCV -> o.ipccNcv() != null ? o.ipccNcv() : t.ipccNcv();
                    case STANDARD_COAL -> (o.coalEquivalent() != null ? o.coalEquivalent() : t.coalEquivalent()) * CarbonSpec.GJ_PER_TCE;
                };
                String missing = Double.isNaN(energy) ? switch (spec.basis()) {
                    case NCV -> "ncv";
                    case IPCC_NCV -> "ipccNcv";
                    case STANDARD_COAL -> "coalEquivalent";
                } : Double.isNaN(cc) ? "carbonContent" : Double.isNaN(ox) ? "oxidation" : null;
                if (missing != null) {
                    Report.spec(problems, at, key, "the factor table " + table.source() + " has no " + missing + " for '" + f.fuel() + "' per "
                            + t.unit() + " (basis " + spec.basis().keyword() + "); give " + missing + " under this fuel, or another basis");
                    continue;
                }
                perTable = energy * cc * ox * CarbonSpec.CO2_PER_C / 1000;
            }
            double perInput = perTable * f.unit().toBase() / spec.unit().toBase();
            used.add(new EmissionFactor(f.fuel(), f.column(), f.unit().text(), t.unit(), energy, o.co2Factor() != null ? Double.NaN : cc,
                    o.co2Factor() != null ? Double.NaN : ox, perTable, perInput, references(t, spec.basis(), o)));
            if (q != null) {
                sources.add(new Source(f.fuel(), q, perInput, null, 0));
            }
        }
        if (spec.electricity() != null) {
            electricity(spec, ds, table, sources, used, problems);
        }
        if (spec.heat() != null) {
            heat(spec, ds, table, sources, used, problems);
        }
        List<String> names = new ArrayList<>();
        names.add(spec.column());
        if (spec.components()) {
            for (Source s : sources) {
                names.add(spec.column() + "_" + s.name());
            }
        }
        for (String n : names) {
            if (ds.has(n)) {
                Report.spec(problems, at, "column", "column '" + n + "' already exists in dataset " + Report.dataset(ds) + "; choose another name");
            }
        }
        if (problems.size() > before) {
            return null;
        }
        int n = ds.rows();
        double[] total = new double[n];
        List<double[]> parts = new ArrayList<>();
        for (Source s : sources) {
            double[] part = new double[n];
            double[] q = s.quantity().values();
            double[] rf = s.rowFactor() == null ? null : s.rowFactor().values();
            for (int i = 0; i < n; i++) {
                double v = q[i];
                if (Double.isNaN(v)) {
                    if (spec.missing() == CarbonSpec.Missing.ERROR) {
                        Report.row(problems, ds, i, at, s.name() + " use '" + s.quantity().name() + "' is missing; fill it in, or set missing: zero "
                                + "if empty cells mean no use");
                    }
                    v = 0;
                } else if (v < 0) {
                    Report.row(problems, ds, i, at, s.name() + " use '" + s.quantity().name() + "' is " + Report.num(v) + "; energy use cannot be negative");
                }
                double factor = s.perUnit();
                if (rf != null) {
                    factor = rf[i] * s.rowScale();
                    if (Double.isNaN(rf[i]) && v != 0) {
                        Report.row(problems, ds, i, at, "the emission factor '" + s.rowFactor().name() + "' is missing");
                    } else if (rf[i] < 0) {
                        Report.row(problems, ds, i, at, "the emission factor '" + s.rowFactor().name() + "' is " + Report.num(rf[i])
                                + "; emission factors cannot be negative");
                    }
                    if (v == 0) {
                        factor = 0;
                    }
                }
                part[i] = v * factor;
                total[i] += part[i];
            }
            parts.add(part);
        }
        if (problems.size() > before) {
            return null;
        }
        Dataset out = new Dataset(spec.output(), ds.source(), ds.sha256(), ds.columns(), ds.lines(), ds.idColumn(), ds.timeColumn())
                .withColumn(new NumericColumn(spec.column(), total));
        if (spec.components()) {
            for (int k = 0; k < sources.size(); k++) {
                out = out.withColumn(new NumericColumn(spec.column() + "_" + sources.get(k).name(), parts.get(k)));
            }
        }
        StepResult step = new StepResult(spec, out, List.of(AuxTable.of("factors", used, EmissionFactor.COLUMNS)), List.of());
        return new CarbonResult(step, used);
    }

    private static void electricity(CarbonSpec spec, Dataset ds, FactorTable table, List<Source> sources, List<EmissionFactor> used,
                                    Problems problems) {
        CarbonSpec.ElectricityUse e = spec.electricity();
        Located at = spec.at();
        NumericColumn q = Report.numeric(problems, ds, e.column(), at, "electricity.column");
        if (e.unit().dimension() != Units.Dimension.ELECTRICITY) {
            Report.spec(problems, at, "electricity.unit", "electricity is measured in kWh, MWh, GWh or TWh (with a multiplier such as '1e8 kWh'), not '"
                    + e.unit().text() + "'");
            return;
        }
        double toOutput = e.unit().toBase() / spec.unit().toBase();
        FactorTable.Factor t = table.get("electricity");
        if (e.factorColumn() != null) {
            NumericColumn f = Report.numeric(problems, ds, e.factorColumn(), at, "electricity.factorColumn");
            used.add(new EmissionFactor("electricity", e.column(), e.unit().text(), "MWh", Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, "column '" + e.factorColumn() + "' (t CO2/MWh, row by row)"));
            if (q != null && f != null) {
                sources.add(new Source("electricity", q, Double.NaN, f, toOutput));
            }
            return;
        }
        double ef = e.factor() != null ? e.factor() : t == null ? Double.NaN : t.emissionFactor();
        if (Double.isNaN(ef)) {
            Report.spec(problems, at, "electricity", "the factor table " + table.source() + " has no electricity emission factor; give factor: <t CO2/MWh>");
            return;
        }
        String ref = e.factor() != null ? "study: factor " + Report.num(ef) + " t CO2/MWh" : t.sources().getOrDefault("emission_factor", table.source());
        used.add(new EmissionFactor("electricity", e.column(), e.unit().text(), "MWh", Double.NaN, Double.NaN, Double.NaN, ef, ef * toOutput, ref));
        if (q != null) {
            sources.add(new Source("electricity", q, ef * toOutput, null, 0));
        }
    }

    private static void heat(CarbonSpec spec, Dataset ds, FactorTable table, List<Source> sources, List<EmissionFactor> used, Problems problems) {
        CarbonSpec.HeatUse h = spec.heat();
        Located at = spec.at();
        NumericColumn q = Report.numeric(problems, ds, h.column(), at, "heat.column");
        if (h.unit().dimension() != Units.Dimension.ENERGY) {
            Report.spec(problems, at, "heat.unit", "heat is measured in MJ, GJ, TJ or PJ (with a multiplier such as '1e4 GJ'), not '" + h.unit().text() + "'");
            return;
        }
        double toOutput = h.unit().toBase() / spec.unit().toBase();
        double ef;
        String ref;
        if (h.method() == CarbonSpec.HeatMethod.COAL) {
            // heat / efficiency is the raw coal energy burnt for it (GJ); its CO2 is energy x carbon content x oxidation x 44/12
            FactorTable.Factor coal = table.get("raw_coal");
            CarbonSpec.FactorOverride o = CarbonSpec.FactorOverride.NONE;
            for (CarbonSpec.FuelUse f : spec.fuels()) {
                if (f.fuel().equals("raw_coal")) {
                    o = f.override();
                }
            }
            double cc = o.carbonContent() != null ? o.carbonContent() : coal == null ? Double.NaN : coal.carbonContent();
            double ox = o.oxidation() != null ? o.oxidation() : coal == null ? Double.NaN : coal.oxidation();
            if (Double.isNaN(cc) || Double.isNaN(ox)) {
                Report.spec(problems, at, "heat", "heat from coal needs the carbon content and oxidation of raw_coal, which the factor table "
                        + table.source() + " lacks");
                return;
            }
            ef = cc * ox * CarbonSpec.CO2_PER_C / 1000 / h.efficiency();
            ref = "raw coal: " + coal.sources().getOrDefault("carbon_content", table.source()) + "; efficiency " + Report.num(h.efficiency());
        } else {
            FactorTable.Factor t = table.get("heat");
            ef = h.factor() != null ? h.factor() : t == null ? Double.NaN : t.emissionFactor();
            if (Double.isNaN(ef)) {
                Report.spec(problems, at, "heat", "the factor table " + table.source() + " has no heat emission factor; give factor: <t CO2/GJ>");
                return;
            }
            ref = h.factor() != null ? "study: factor " + Report.num(ef) + " t CO2/GJ" : t.sources().getOrDefault("emission_factor", table.source());
        }
        used.add(new EmissionFactor("heat", h.column(), h.unit().text(), "GJ", Double.NaN, Double.NaN, Double.NaN, ef, ef * toOutput, ref));
        if (q != null) {
            sources.add(new Source("heat", q, ef * toOutput, null, 0));
        }
    }

    private static String references(FactorTable.Factor t, CarbonSpec.Basis basis, CarbonSpec.FactorOverride o) {
        if (o.co2Factor() != null) {
            return "study: co2Factor " + Report.num(o.co2Factor()) + " t CO2/" + t.unit();
        }
        List<String> refs = new ArrayList<>();
        switch (basis) {
            case NCV -> refs.add(o.ncv() != null ? "ncv: study" : "ncv: " + t.sources().getOrDefault("ncv", "?"));
            case IPCC_NCV -> refs.add(o.ipccNcv() != null ? "ipccNcv: study" : "ipccNcv: " + t.sources().getOrDefault("ipcc_ncv", "?"));
            case STANDARD_COAL -> refs.add(o.coalEquivalent() != null ? "coalEquivalent: study"
                    : "coalEquivalent: " + t.sources().getOrDefault("coal_equivalent", "?"));
        }
        refs.add(o.carbonContent() != null ? "carbonContent: study" : "carbonContent: " + t.sources().getOrDefault("carbon_content", "?"));
        refs.add(o.oxidation() != null ? "oxidation: study" : "oxidation: " + t.sources().getOrDefault("oxidation", "?"));
        return String.join("; ", refs);
    }
}
