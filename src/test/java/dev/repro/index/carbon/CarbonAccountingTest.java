package dev.repro.index.carbon;

import static dev.repro.index.api.Fixtures.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.repro.data.Dataset;
import dev.repro.index.api.Fixtures;
import dev.repro.diag.Problems;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed emissions: CO2 = quantity x NCV x carbon content x oxidation x 44/12 per fuel (IPCC 2006
 * Vol. 2 eq. 1.1 with the shipped table's values), electricity x grid factor, heat x heat factor. The
 * expected numbers are worked out in the comments from the table values (relative tolerance 1e-12).
 */
class CarbonAccountingTest {
    static final Dataset ENERGY = Fixtures.csv("data/energy.csv", "energy", "province", "year", """
            province,year,coal,gas,power,heat,grid
            A,2015,100,10,50,200,0.8
            B,2015,0,,20,0,0.6
            """);

    static final Units.Unit T4 = Units.parse("1e4 t");
    static final Units.Unit M8 = Units.parse("1e8 m3");
    static final Units.Unit KWH8 = Units.parse("1e8 kWh");
    static final Units.Unit GJ4 = Units.parse("1e4 GJ");

    static CarbonSpec spec(CarbonSpec.Basis basis, List<CarbonSpec.FuelUse> fuels, CarbonSpec.ElectricityUse e, CarbonSpec.HeatUse h,
                           CarbonSpec.Missing missing) {
        return new CarbonSpec(Fixtures.at("index[3]"), "energy", "energy_co2", "co2", basis, fuels, e, h, T4, true, missing, null);
    }

    static List<CarbonSpec.FuelUse> coalAndGas(CarbonSpec.FactorOverride coal) {
        return List.of(new CarbonSpec.FuelUse("raw_coal", "coal", T4, coal), new CarbonSpec.FuelUse("natural_gas", "gas", M8, null));
    }

    @Test
    void ncvBasisByHand() {
        Problems p = new Problems();
        CarbonAccounting.CarbonResult r = CarbonAccounting.build(spec(CarbonSpec.Basis.NCV, coalAndGas(null),
                new CarbonSpec.ElectricityUse("power", KWH8, null, null),
                new CarbonSpec.HeatUse("heat", GJ4, CarbonSpec.HeatMethod.FACTOR, null, null), CarbonSpec.Missing.ZERO), ENERGY, null, p);
        assertEquals(List.of(), Fixtures.messages(p));
        assertNotNull(r);
        Dataset d = r.step().dataset();
        // raw coal: 100e4 t x 20.908 GJ/t x 25.8 kg C/GJ x 1 = 539 426.4 t C; x 44/12 = 1 977 896.8 t CO2
        close(197.78968, d.numeric("co2_raw_coal").get(0), 1e-12, 0, "coal");
        // natural gas: 10e8 m3 x 0.038931 GJ/m3 x 15.3 kg C/GJ = 595 644.3 t C; x 44/12 = 2 184 029.1 t CO2
        close(218.40291, d.numeric("co2_natural_gas").get(0), 1e-12, 0, "gas");
        // electricity: 50e8 kWh = 5e6 MWh x 0.5366 t CO2/MWh = 2 683 000 t
        close(268.3, d.numeric("co2_electricity").get(0), 1e-12, 0, "electricity");
        // heat: 200e4 GJ x 0.11 t CO2/GJ = 220 000 t
        close(22.0, d.numeric("co2_heat").get(0), 1e-12, 0, "heat");
        close(706.49259, d.numeric("co2").get(0), 1e-12, 0, "total A");
        // B: gas missing = no use; electricity 20e8 kWh = 2e6 MWh x 0.5366 = 1 073 200 t
        close(107.32, d.numeric("co2").get(1), 1e-12, 0, "total B");
        assertEquals(List.of("province", "year", "coal", "gas", "power", "heat", "grid", "co2", "co2_raw_coal", "co2_natural_gas",
                "co2_electricity", "co2_heat"), d.columnNames());
        EmissionFactor coal = r.factors().get(0);
        // 20.908 x 25.8 x 44/12 / 1000 = 1.9778968 t CO2 per t
        close(1.9778968, coal.co2PerTableUnit(), 1e-12, 0, "coal factor");
        assertEquals("ncv: GB/T 2589-2008 Annex A / China Energy Statistical Yearbook appendix: 20908 kJ/kg (5000 kcal/kg); "
                + "carbonContent: IPCC 2006 Vol. 2 Ch. 1 Table 1.3: Other Bituminous Coal 25.8 kg C/GJ; "
                + "oxidation: IPCC 2006 Vol. 2 Ch. 1 Tables 1.4 and 2.2: default oxidation factor 1", coal.references());
    }

    @Test
    void standardCoalBasisOverridesAndHeatFromCoal() {
        Problems p = new Problems();
        CarbonSpec.FactorOverride provincial = new CarbonSpec.FactorOverride(null, null, null, 26.37, 0.94, null);
        CarbonAccounting.CarbonResult r = CarbonAccounting.build(spec(CarbonSpec.Basis.STANDARD_COAL, coalAndGas(provincial),
                new CarbonSpec.ElectricityUse("power", KWH8, null, "grid"),
                new CarbonSpec.HeatUse("heat", GJ4, CarbonSpec.HeatMethod.COAL, null, 0.7), CarbonSpec.Missing.ZERO), ENERGY, null, p);
        assertEquals(List.of(), Fixtures.messages(p));
        Dataset d = r.step().dataset();
        // raw coal: 1e6 t x 0.7143 tce/t x 29.3076 GJ/tce = 20 934 418.68 GJ x 26.37 kg C/GJ x 0.94 = 518 918.1834 t C; x 44/12
        close(1e6 * 0.7143 * 29.3076 * 26.37 * 0.94 * 44 / 12 / 1000 / 1e4, d.numeric("co2_raw_coal").get(0), 1e-12, 0, "coal");
        close(190.2700006, d.numeric("co2_raw_coal").get(0), 1e-9, 0, "coal, decimal");
        // natural gas: 1e9 m3 x 0.00133 tce/m3 x 29.3076 GJ/tce x 15.3 x 44/12 / 1000 = 2 186 727.96 t
        close(218.672796, d.numeric("co2_natural_gas").get(0), 1e-8, 0, "gas");
        // electricity with the row's grid factor: 5e6 MWh x 0.8 = 4e6 t; B: 2e6 MWh x 0.6 = 1.2e6 t
        close(400, d.numeric("co2_electricity").get(0), 1e-12, 0, "electricity A");
        close(120, d.numeric("co2_electricity").get(1), 1e-12, 0, "electricity B");
        // heat from raw coal: 2e6 GJ / 0.7 x 26.37 x 0.94 x 44/12 / 1000 = 259 681.71 t (the coal override applies)
        close(2e6 / 0.7 * 26.37 * 0.94 * 44 / 12 / 1000 / 1e4, d.numeric("co2_heat").get(0), 1e-12, 0, "heat");
        close(25.968171, d.numeric("co2_heat").get(0), 1e-7, 0, "heat, decimal");
    }

    @Test
    void directCo2FactorAndIpccBasis() {
        Problems p = new Problems();
        CarbonSpec.FactorOverride direct = new CarbonSpec.FactorOverride(null, null, null, null, null, 1.9003);
        List<CarbonSpec.FuelUse> fuels = List.of(new CarbonSpec.FuelUse("raw_coal", "coal", T4, direct),
                new CarbonSpec.FuelUse("natural_gas", "gas", M8, new CarbonSpec.FactorOverride(null, 0.0343, null, null, null, null)));
        CarbonAccounting.CarbonResult r = CarbonAccounting.build(spec(CarbonSpec.Basis.IPCC_NCV, fuels, null, null, CarbonSpec.Missing.ZERO),
                ENERGY, null, p);
        assertEquals(List.of(), Fixtures.messages(p));
        // 1e6 t x 1.9003 t CO2/t = 1 900 300 t; gas 1e9 m3 x 0.0343 GJ/m3 x 15.3 x 44/12 / 1000 = 1 924 230 t
        close(190.03, r.step().dataset().numeric("co2_raw_coal").get(0), 1e-12, 0, "coal");
        close(192.423, r.step().dataset().numeric("co2_natural_gas").get(0), 1e-12, 0, "gas");
    }

    @Test
    void userFactorTableReplacesShippedValues() {
        Dataset factors = Fixtures.csv("data/factors.csv", "factors", null, null, """
                fuel,unit,carbon_content,oxidation
                raw_coal,t,26.37,0.94
                """);
        Problems p = new Problems();
        CarbonSpec s = new CarbonSpec(Fixtures.at("index[3]"), "energy", "energy_co2", "co2", CarbonSpec.Basis.NCV,
                List.of(new CarbonSpec.FuelUse("raw_coal", "coal", T4, null)), null, null, Units.parse("t"), false,
                CarbonSpec.Missing.ZERO, "factors");
        CarbonAccounting.CarbonResult r = CarbonAccounting.build(s, ENERGY, factors, p);
        assertEquals(List.of(), Fixtures.messages(p));
        // 1e6 t x 20.908 (shipped NCV) x 26.37 x 0.94 x 44/12 / 1000
        close(1e6 * 20.908 * 26.37 * 0.94 * 44 / 12 / 1000, r.step().dataset().numeric("co2").get(0), 1e-12, 0, "coal");
        assertEquals("ncv: GB/T 2589-2008 Annex A / China Energy Statistical Yearbook appendix: 20908 kJ/kg (5000 kcal/kg); "
                + "carbonContent: data/factors.csv line 2; oxidation: data/factors.csv line 2", r.factors().get(0).references());
    }

    @Test
    void mistakesInTheStep() {
        Problems p = new Problems();
        List<CarbonSpec.FuelUse> fuels = List.of(new CarbonSpec.FuelUse("coal", "coal", T4, null),
                new CarbonSpec.FuelUse("natural_gas", "gas", T4, null), new CarbonSpec.FuelUse("diesel", "dsl", T4, null));
        assertNull(CarbonAccounting.build(spec(CarbonSpec.Basis.NCV, fuels, new CarbonSpec.ElectricityUse("power", GJ4, null, null), null,
                CarbonSpec.Missing.ZERO), ENERGY, null, p));
        assertEquals(List.of(
                "study.yaml:12:5: index[3].fuels[0].fuel: unknown fuel 'coal', did you mean 'coke'?",
                "study.yaml:12:5: index[3].fuels[1].unit: the factors of 'natural_gas' are per m3, so its unit must be a volume such as '1e8 m3', not '1e4 t'",
                "study.yaml:12:5: index[3].fuels[2].column: no column 'dsl' in dataset 'energy' (data/energy.csv); its columns are: province, year, coal, gas, power, heat, grid",
                "study.yaml:12:5: index[3].electricity.unit: electricity is measured in kWh, MWh, GWh or TWh (with a multiplier such as '1e8 kWh'), not '1e4 GJ'"),
                Fixtures.messages(p));
    }

    @Test
    void ipccNcvOfAGasIsPerMass() {
        Problems p = new Problems();
        assertNull(CarbonAccounting.build(spec(CarbonSpec.Basis.IPCC_NCV, coalAndGas(null), null, null, CarbonSpec.Missing.ZERO), ENERGY, null, p));
        assertEquals(List.of("study.yaml:12:5: index[3].fuels[1]: the factor table /dev/repro/index/carbon-factors.csv has no ipccNcv for "
                + "'natural_gas' per m3 (basis ipcc-ncv); give ipccNcv under this fuel, or another basis"), Fixtures.messages(p));
    }

    @Test
    void missingAndNegativeUseNameTheRows() {
        Dataset bad = Fixtures.csv("data/energy.csv", "energy", "province", "year", """
                province,year,coal,gas,power,heat,grid
                A,2015,100,10,50,200,0.8
                B,2015,-3,,20,0,
                """);
        Problems p = new Problems();
        assertNull(CarbonAccounting.build(spec(CarbonSpec.Basis.NCV, coalAndGas(null), new CarbonSpec.ElectricityUse("power", KWH8, null, "grid"),
                null, CarbonSpec.Missing.ERROR), bad, null, p));
        assertEquals(List.of(
                "data/energy.csv:3: index[3]: raw_coal use 'coal' is -3; energy use cannot be negative",
                "data/energy.csv:3: index[3]: natural_gas use 'gas' is missing; fill it in, or set missing: zero if empty cells mean no use",
                "data/energy.csv:3: index[3]: the emission factor 'grid' is missing"), Fixtures.messages(p));
    }

    @Test
    void shippedTableHasEveryValueWithASource() {
        FactorTable t = FactorTable.shipped();
        for (FactorTable.Factor f : t.factors().values()) {
            if (f.fuel().equals("electricity") || f.fuel().equals("heat")) {
                assertNotNull(f.sources().get("emission_factor"), f.fuel());
            } else {
                assertNotNull(f.sources().get("ncv"), f.fuel());
                assertNotNull(f.sources().get("carbon_content"), f.fuel());
                assertNotNull(f.sources().get("oxidation"), f.fuel());
                assertNotNull(f.sources().get("coal_equivalent"), f.fuel());
            }
        }
        // IPCC 2006 Table 1.4 lists the CO2 factors as carbon content x 44/12 (kg/TJ, rounded to 3 digits):
        // diesel 20.2 -> 74 100, natural gas 15.3 -> 56 100, coke 29.2 -> 107 000
        assertEquals(74100, Math.round(t.get("diesel").carbonContent() * 44 / 12 * 1000 / 100) * 100);
        assertEquals(56100, Math.round(t.get("natural_gas").carbonContent() * 44 / 12 * 1000 / 100) * 100);
        assertEquals(107000, Math.round(t.get("coke").carbonContent() * 44 / 12 * 1000 / 1000) * 1000);
    }

    @Test
    void units() {
        assertEquals(1e4, Units.parse("1e4 t").toBase());
        assertEquals(1e4, Units.parse("10^4 t").toBase());
        assertEquals(1e5, Units.parse("1e8 kWh").toBase());
        assertEquals(Units.Dimension.VOLUME, Units.parse("1e8 m3").dimension());
        assertEquals(1e6, Units.parse("Mt").toBase());
        assertNull(Units.parse("tons"));
        assertNull(Units.parse("x t"));
    }
}
