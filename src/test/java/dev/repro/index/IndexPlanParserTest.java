package dev.repro.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.repro.index.api.Fixtures;
import dev.repro.index.carbon.CarbonSpec;
import dev.repro.index.entropy.EntropySpec;
import dev.repro.index.merge.MergeSpec;
import dev.repro.index.quality.ExportQualitySpec;
import dev.repro.index.stock.PerpetualInventorySpec;
import dev.repro.index.winsor.WinsorSpec;
import dev.repro.config.Node;
import dev.repro.diag.Problems;
import dev.repro.config.StudyFileReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The index: section of the study file: every step kind with its defaults, and mistakes with exact messages. */
class IndexPlanParserTest {
    static final List<String> DATASETS = List.of("provinces", "customs", "sigma", "energy", "grid");

    static Node index(String yaml) {
        try {
            Path f = Files.createTempFile("study", ".yaml");
            try {
                Files.writeString(f, yaml);
                Problems p = new Problems();
                Node root = StudyFileReader.read(f, "study.yaml", p);
                assertEquals(List.of(), Fixtures.messages(p));
                return root.get("index");
            } finally {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static IndexPlan parse(String yaml, Problems p) {
        return IndexPlanParser.parse(index(yaml), "study.yaml", DATASETS, p);
    }

    @Test
    void everyStepKind() {
        Problems p = new Problems();
        IndexPlan plan = parse("""
                index:
                  - step: merge
                    output: panel
                    left: provinces
                    right: grid
                    on: province
                  - step: derive
                    dataset: panel
                    output: panel2
                    columns:
                      gdp_pc: gdp / pop
                      ln_gdp_pc: log(gdp_pc)
                  - step: carbon
                    dataset: energy
                    output: energy_co2
                    column: ce
                    unit: 1e4 t
                    fuels:
                      raw_coal: {column: coal, unit: 1e4 t}
                      natural_gas: {column: gas, unit: 1e8 m3, carbonContent: 15.3}
                    electricity: {column: power, unit: 1e8 kWh, factorColumn: grid_factor}
                    heat: {column: heat, unit: 1e4 GJ}
                    missing: zero
                  - step: entropy
                    dataset: panel2
                    output: open_index
                    column: open
                    indicators:
                      - fdi
                      - {column: unemp, direction: negative, group: Business environment}
                  - step: perpetual-inventory
                    dataset: open_index
                    output: tech_stock
                    column: tech
                    flow: tech_exp
                    deflator: {column: price, base: 2010}
                    delta: 0.15
                    growth: 0.05
                  - step: export-quality
                    dataset: customs
                    output: quality
                    region: province
                    product: hs6
                    year: year
                    value: value
                    quantity: quantity
                    elasticities: {dataset: sigma, code: hs3, sigma: sigma, digits: 3}
                    detail: quality_cells
                  - step: winsorize
                    dataset: tech_stock
                    output: final
                    columns: [open, tech]
                    by: year
                """, p);
        assertEquals(List.of(), Fixtures.messages(p));
        assertEquals(List.of("panel", "panel2", "energy_co2", "open_index", "tech_stock", "quality", "quality_cells", "final"), plan.outputs());
        MergeSpec m = assertInstanceOf(MergeSpec.class, plan.steps().get(0));
        assertEquals(MergeSpec.Relation.MANY_TO_ONE, m.relation());
        assertEquals(List.of("province"), m.rightOn());
        assertEquals("index[0]", m.at().key());
        assertEquals(2, m.at().line());
        CarbonSpec c = assertInstanceOf(CarbonSpec.class, plan.steps().get(2));
        assertEquals(1e4, c.unit().toBase());
        assertEquals(15.3, c.fuels().get(1).override().carbonContent());
        assertEquals(CarbonSpec.Missing.ZERO, c.missing());
        assertEquals("grid_factor", c.electricity().factorColumn());
        EntropySpec e = assertInstanceOf(EntropySpec.class, plan.steps().get(3));
        assertEquals(EntropySpec.Weighting.POOLED, e.weighting());
        assertEquals(1e-4, e.shift());
        assertEquals(new EntropySpec.Indicator("fdi", EntropySpec.Direction.POSITIVE, null), e.indicators().get(0));
        assertEquals("Business environment", e.indicators().get(1).group());
        PerpetualInventorySpec s = assertInstanceOf(PerpetualInventorySpec.class, plan.steps().get(4));
        assertEquals(new PerpetualInventorySpec.Deflator("price", PerpetualInventorySpec.Deflator.Kind.LEVEL, 2010, 100), s.deflator());
        assertEquals(PerpetualInventorySpec.Initial.PAPER, s.initial());
        ExportQualitySpec q = assertInstanceOf(ExportQualitySpec.class, plan.steps().get(5));
        assertEquals("quality", q.column());
        assertEquals(3, q.elasticities().digits());
        WinsorSpec w = assertInstanceOf(WinsorSpec.class, plan.steps().get(6));
        assertEquals(List.of("year"), w.by());
        assertEquals(1.0, w.lower());
        assertEquals("_w", w.suffix());
    }

    @Test
    void mistakes() {
        Problems p = new Problems();
        IndexPlan plan = parse("""
                index:
                  - step: entropie
                    output: a
                  - step: entropy
                    output: provinces
                    dataset: provinces
                    column: open
                    indicators: [fdi, fdi]
                    zeros: limit
                    score: shifted
                  - step: perpetual-inventory
                    output: b
                    dataset: provincs
                    column: tech
                    flow: tech_exp
                    delta: 1.5
                    growth: fast
                  - step: winsorize
                    output: c
                    dataset: a
                    columns: [x]
                    cuts: [99, 1]
                    mode: clip
                  - step: carbon
                    output: d
                    dataset: energy
                    column: ce
                    fuels:
                      raw_coal: {column: coal, unit: 1e4 tons}
                    electricity: {column: power, unit: 1e4 t}
                  - output: e
                    dataset: energy
                """, p);
        assertEquals(List.of(), plan.steps());
        assertEquals(List.of(
                "study.yaml:2:11: index[0].step: unknown value 'entropie', did you mean 'entropy'? expected one of merge, derive, entropy, "
                        + "perpetual-inventory, export-quality, carbon, winsorize",
                "study.yaml:5:13: index[1].output: a dataset named 'provinces' already exists; each step creates a dataset with a new name",
                "study.yaml:8:23: index[1].indicators[1]: indicator 'fdi' is listed twice",
                "study.yaml:10:12: index[1].score: score: shifted adds the shift, which zeros: limit does not use; set zeros: shift or score: normalized",
                "study.yaml:13:14: index[2].dataset: unknown dataset 'provincs', did you mean 'provinces'? (a step can use the study's datasets "
                        + "and the outputs of the steps before it)",
                "study.yaml:17:13: index[2].growth: unknown value 'fast'; expected one of geometric, arithmetic",
                "study.yaml:16:12: index[2].delta: delta is a depreciation rate between 0 and 1, found 1.5",
                "study.yaml:23:11: index[3].mode: unknown value 'clip'; expected one of winsorize, trim",
                "study.yaml:22:11: index[3].cuts: expected the lower and upper percentiles as [lower, upper] with 0 <= lower < upper <= 100, e.g. cuts: [1, 99]",
                "study.yaml:29:38: index[4].fuels.raw_coal.unit: unknown unit '1e4 tons'; write an optional multiplier and a unit, such as \"1e4 t\", "
                        + "\"1e8 m3\", \"1e8 kWh\" or \"1e4 GJ\" (units: kg, t, kt, Mt, m3, kWh, MWh, GWh, TWh, MJ, GJ, TJ, PJ)",
                "study.yaml:30:40: index[4].electricity.unit: '1e4 t' is not an electricity unit; use one such as \"1e8 kWh\"",
                "study.yaml:31:5: index[5]: missing required key 'step'; one of merge, derive, entropy, perpetual-inventory, export-quality, carbon, winsorize"),
                Fixtures.messages(p));
    }

    @Test
    void notAList() {
        Problems p = new Problems();
        parse("""
                index:
                  entropy: {dataset: provinces}
                """, p);
        assertEquals(List.of("study.yaml:2:3: index: expected a list of steps, each starting with '- step: <kind>', found a mapping"), Fixtures.messages(p));
    }
}
