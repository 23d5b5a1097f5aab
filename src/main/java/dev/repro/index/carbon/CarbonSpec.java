package dev.repro.index.carbon;

import dev.repro.index.api.IndexStepSpec;
import dev.repro.diag.Located;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * CO2 emissions from energy use by the IPCC 2006 reference method (seed paper section 4.1.1): for each fuel,
 * quantity x calorific value x carbon content x oxidation x 44/12, plus electricity and heat times their
 * emission factors.
 *
 * @param column name of the total emissions column
 * @param basis which calorific value turns quantities into energy
 * @param fuels the fuel columns; each fuel at most once
 * @param electricity electricity use, or null
 * @param heat heat use, or null
 * @param unit the unit of the emission columns (a mass unit such as "t" or "1e4 t")
 * @param components also add one column per source, {@code <column>_<fuel>}
 * @param missing whether an empty cell is a mistake or zero use (yearbooks leave zero use blank)
 * @param factors a dataset with factor rows replacing the shipped table's, or null for the shipped table
 */
public record CarbonSpec(Located at, String dataset, String output, String column, Basis basis, List<FuelUse> fuels,
                         ElectricityUse electricity, HeatUse heat, Units.Unit unit, boolean components, Missing missing,
                         String factors) implements IndexStepSpec {
    public static final String KIND = "carbon";
    /** Mass of CO2 per mass of carbon. */
    public static final double CO2_PER_C = 44.0 / 12.0;
    /** GJ per ton of standard coal equivalent (7000 kcal/kgce = 29307.6 kJ/kgce, GB/T 2589). */
    public static final double GJ_PER_TCE = 29.3076;

    public enum Basis {
        /** Energy = quantity x NCV from the China Energy Statistical Yearbook / GB/T 2589 (default). */
        NCV("ncv"),
        /** Energy = quantity x IPCC 2006 default NCV (Table 1.2). */
        IPCC_NCV("ipcc-ncv"),
        /** Energy = quantity x standard-coal coefficient x 29.3076 GJ/tce. */
        STANDARD_COAL("standard-coal");

        private final String keyword;

        Basis(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    public enum Missing {
        ERROR("error"), ZERO("zero");

        private final String keyword;

        Missing(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    /**
     * Per-fuel replacements of table values; null fields keep the table's value. {@code co2Factor}, in t CO2 per
     * unit of the table (t or m3), replaces the whole product NCV x carbon content x oxidation x 44/12.
     */
    public record FactorOverride(Double ncv, Double ipccNcv, Double coalEquivalent, Double carbonContent, Double oxidation, Double co2Factor) {
        public static final FactorOverride NONE = new FactorOverride(null, null, null, null, null, null);

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            put(m, "ncv", ncv);
            put(m, "ipccNcv", ipccNcv);
            put(m, "coalEquivalent", coalEquivalent);
            put(m, "carbonContent", carbonContent);
            put(m, "oxidation", oxidation);
            put(m, "co2Factor", co2Factor);
            return m;
        }
    }

    /** A fuel (a key of the factor table) used in the quantities of {@code column}, measured in {@code unit}. */
    public record FuelUse(String fuel, String column, Units.Unit unit, FactorOverride override) {
        public FuelUse {
            Objects.requireNonNull(fuel, "fuel");
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(unit, "unit");
            override = override == null ? FactorOverride.NONE : override;
        }
    }

    /**
     * Electricity use times an emission factor in t CO2/MWh: a number ({@code factor}), a column of the dataset
     * holding each row's factor (regional grid factors merged in an earlier step), or, with neither, the table's.
     */
    public record ElectricityUse(String column, Units.Unit unit, Double factor, String factorColumn) {
        public ElectricityUse {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(unit, "unit");
            if (factor != null && factorColumn != null) {
                throw new IllegalArgumentException("give factor or factorColumn, not both");
            }
        }
    }

    /**
     * Heat use: times an emission factor in t CO2/GJ ({@link HeatMethod#FACTOR}, default the table's 0.11), or as
     * the raw coal burnt to supply it ({@link HeatMethod#COAL}: heat / efficiency of raw-coal energy).
     */
    public record HeatUse(String column, Units.Unit unit, HeatMethod method, Double factor, Double efficiency) {
        public HeatUse {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(method, "method");
            if (method == HeatMethod.COAL && (efficiency == null || !(efficiency > 0 && efficiency <= 1))) {
                throw new IllegalArgumentException("heat from coal needs an efficiency in (0, 1]");
            }
        }
    }

    public enum HeatMethod {
        FACTOR("factor"), COAL("coal");

        private final String keyword;

        HeatMethod(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    public CarbonSpec {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(basis, "basis");
        fuels = List.copyOf(fuels);
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(missing, "missing");
        if (unit.dimension() != Units.Dimension.MASS) {
            throw new IllegalArgumentException("emissions are a mass, not " + unit.text());
        }
        if (fuels.isEmpty() && electricity == null && heat == null) {
            throw new IllegalArgumentException("nothing to account: no fuel, electricity or heat");
        }
        Set<String> seen = new HashSet<>();
        for (FuelUse f : fuels) {
            if (!seen.add(f.fuel())) {
                throw new IllegalArgumentException("fuel " + f.fuel() + " listed twice");
            }
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<String> inputs() {
        List<String> in = new ArrayList<>(List.of(dataset));
        if (factors != null) {
            in.add(factors);
        }
        return in;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", dataset);
        m.put("column", column);
        m.put("basis", basis.keyword());
        List<Map<String, Object>> fs = new ArrayList<>();
        for (FuelUse f : fuels) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("fuel", f.fuel());
            e.put("column", f.column());
            e.put("unit", f.unit().text());
            Map<String, Object> o = f.override().toMap();
            if (!o.isEmpty()) {
                e.put("override", o);
            }
            fs.add(e);
        }
        m.put("fuels", fs);
        if (electricity != null) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("column", electricity.column());
            e.put("unit", electricity.unit().text());
            put(e, "factor", electricity.factor());
            put(e, "factorColumn", electricity.factorColumn());
            m.put("electricity", e);
        }
        if (heat != null) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("column", heat.column());
            e.put("unit", heat.unit().text());
            e.put("method", heat.method().keyword());
            put(e, "factor", heat.factor());
            put(e, "efficiency", heat.efficiency());
            m.put("heat", e);
        }
        m.put("unit", unit.text());
        m.put("components", components);
        m.put("missing", missing.keyword());
        m.put("factors", factors == null ? FactorTable.RESOURCE : factors);
        return m;
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
