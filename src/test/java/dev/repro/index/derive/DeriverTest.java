package dev.repro.index.derive;

import static dev.repro.index.api.Fixtures.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.repro.data.Dataset;
import dev.repro.index.api.Fixtures;
import dev.repro.index.api.StepResult;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Derived columns through the formula package: arithmetic, log, ratio, per capita, lags within the unit. */
class DeriverTest {
    static final Dataset PROV = Fixtures.csv("data/prov.csv", "prov", "province", "year", """
            province,year,gdp,pop,energy
            A,2013,120,10,6
            A,2012,100,10,5
            B,2012,50,5,0
            B,2014,60,6,3
            """);

    static DeriveSpec.Derived col(int i, String name, String expr) {
        return new DeriveSpec.Derived(name, expr, new Located("study.yaml", "index[5].columns." + name, 20 + i, 7));
    }

    @Test
    void derivedColumnsByHand() {
        DeriveSpec s = new DeriveSpec(Fixtures.at("index[5]"), "prov", "prov2", List.of(
                col(0, "gdp_pc", "gdp / pop"),
                col(1, "ln_gdp_pc", "log(gdp_pc)"),
                col(2, "ei", "energy / gdp"),
                col(3, "growth", "D(log(gdp))"),
                col(4, "gdp_lag", "L(gdp, 1)")));
        Problems p = new Problems();
        StepResult r = Deriver.build(s, PROV, p);
        assertEquals(List.of(), Fixtures.messages(p));
        Dataset d = r.dataset();
        assertEquals(List.of(12.0, 10.0, 10.0, 10.0), boxed(d.numeric("gdp_pc").values()));
        close(Math.log(12), d.numeric("ln_gdp_pc").get(0), 1e-15, 0, "log");
        close(0.05, d.numeric("ei").get(0), 1e-15, 0, "ratio");
        // lags follow the year within the unit: A 2013 has A 2012; B 2014 has no 2013 (gap): missing
        close(Math.log(120) - Math.log(100), d.numeric("growth").get(0), 1e-15, 0, "growth A 2013");
        assertEquals(Double.NaN, d.numeric("growth").get(1));
        assertEquals(Double.NaN, d.numeric("growth").get(3));
        assertEquals(100.0, d.numeric("gdp_lag").get(0));
        assertEquals("prov2", d.name());
    }

    static List<Double> boxed(double[] v) {
        return Arrays.stream(v).boxed().toList();
    }

    @Test
    void mistakes() {
        DeriveSpec s = new DeriveSpec(Fixtures.at("index[5]"), "prov", "prov2", List.of(
                col(0, "gdp", "gdp * 2"),
                col(1, "ln_energy", "log(energy)"),
                col(2, "x", "gdpp / pop"),
                col(3, "y", "gdp +")));
        Problems p = new Problems();
        assertNull(Deriver.build(s, PROV, p));
        assertEquals(List.of(
                "study.yaml:20:7: index[5].columns.gdp: column 'gdp' already exists in dataset 'prov' (data/prov.csv); give the derived column another name"),
                Fixtures.messages(p).subList(0, 1));
        // the formula package's own messages, placed at the derived column's key
        assertEquals(List.of(
                "data/prov.csv:4: index[5].columns.ln_energy: log(energy) needs positive values, but energy is 0 or negative in 1 row of "
                        + "dataset prov: line 4 (0); keep positive values with sample: \"energy > 0\", or define a derived column such as log(energy + 1)",
                """
                        study.yaml:22:7: index[5].columns.x: expression "gdpp / pop": unknown variable 'gdpp' in dataset prov at character 1; did you mean 'gdp'?
                            gdpp / pop
                            ^""",
                """
                        study.yaml:23:7: index[5].columns.y: expression "gdp +": expected a value after '+' at the end of the expression
                            gdp +
                                 ^"""), Fixtures.messages(p).subList(1, p.size()));
    }
}
