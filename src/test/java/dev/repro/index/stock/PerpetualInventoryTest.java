package dev.repro.index.stock;

import static dev.repro.index.api.Fixtures.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.repro.data.Dataset;
import dev.repro.index.api.Fixtures;
import dev.repro.index.stock.PerpetualInventorySpec.Deflator;
import dev.repro.index.stock.PerpetualInventorySpec.Growth;
import dev.repro.index.stock.PerpetualInventorySpec.Initial;
import dev.repro.diag.Problems;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Perpetual inventory by hand (seed paper eq. 6-7): real flow E = nominal x P(base) / P(t); K_first by
 * eq. 6 as printed, E_1 (1 + g) / (1 + delta), or the steady-state E_1 / (g + delta); K_t = E_t + (1 - delta)
 * K_{t-1}. Rows deliberately out of order (the step sorts by year within unit and keeps the file's order).
 */
class PerpetualInventoryTest {
    // unit A: nominal 100, 110, 121, 133.1; price level 100, 105, 110, 120 (base 2010 = 100)
    // chained index (previous year = 100): 2011 105, 2012 110/105*100, 2013 120/110*100
    static final Dataset PANEL = Fixtures.csv("data/tech.csv", "tech", "province", "year", """
            province,year,exp,price,chain
            A,2011,110,105,105
            A,2010,100,100,100
            A,2012,121,110,104.76190476190476
            A,2013,133.1,120,109.0909090909091
            B,2010,50,100,100
            B,2011,40,102,102
            """);

    static PerpetualInventorySpec spec(Deflator d, Growth g, Initial init) {
        return new PerpetualInventorySpec(Fixtures.at("index[4]"), "tech", "tech_stock", "stock", "exp", null, null, d, 0.15, g, init, "real");
    }

    static double[] stock(Dataset d, String province) {
        double[] out = new double[4];
        int k = 0;
        for (int year = 2010; year <= 2013; year++) {
            out[k++] = Double.NaN;
            for (int i = 0; i < d.rows(); i++) {
                if (d.column("province").display(i).equals(province) && d.numeric("year").get(i) == year) {
                    out[k - 1] = d.numeric("stock").get(i);
                }
            }
        }
        return out;
    }

    @Test
    void paperEquationSixWithFixedGrowth() {
        Problems p = new Problems();
        PerpetualInventory.StockResult r = PerpetualInventory.build(spec(new Deflator("price", Deflator.Kind.LEVEL, 2010, 100),
                Growth.fixed(0.05), Initial.PAPER), PANEL, p);
        assertEquals(List.of(), Fixtures.messages(p));
        double[] a = stock(r.step().dataset(), "A");
        // real: 100, 110*100/105 = 104.76190476..., 121*100/110 = 110, 133.1*100/120 = 110.91666...
        double k10 = 100 * 1.05 / 1.15;                 // 91.304347826...
        double k11 = 110 * 100 / 105.0 + 0.85 * k10;    // 182.370600414...
        double k12 = 110 + 0.85 * k11;                  // 265.015010352...
        double k13 = 133.1 * 100 / 120 + 0.85 * k12;    // 336.179425466...
        close(91.30434782608696, a[0], 1e-14, 0, "K2010");
        close(k11, a[1], 1e-14, 0, "K2011");
        close(k12, a[2], 1e-14, 0, "K2012");
        close(k13, a[3], 1e-14, 0, "K2013");
        close(336.1794254658, a[3], 1e-11, 0, "K2013 decimal");
        double[] b = stock(r.step().dataset(), "B");
        // B: real 50, 40*100/102; K2010 = 50*1.05/1.15, K2011 = 39.2156862745 + 0.85 K2010
        close(50 * 1.05 / 1.15, b[0], 1e-14, 0, "B2010");
        close(40 * 100 / 102.0 + 0.85 * 50 * 1.05 / 1.15, b[1], 1e-14, 0, "B2011");
        // the file's row order is kept: the first row is A 2011
        assertEquals(k11, r.step().dataset().numeric("stock").get(0), 1e-12);
        close(104.76190476190476, r.step().dataset().numeric("real").get(0), 1e-14, 0, "real flow");
        assertEquals(2, r.units().size());
        assertEquals(new UnitStock("A", 2010, 2013, 4, 0.05, k10), r.units().get(0));
    }

    @Test
    void chainedIndexGivesTheSameRealFlows() {
        Problems p = new Problems();
        Dataset onlyA = Fixtures.csv("data/tech.csv", "tech", "province", "year", """
                province,year,exp,price,chain
                A,2011,110,105,105
                A,2010,100,100,100
                A,2012,121,110,104.76190476190476
                A,2013,133.1,120,109.0909090909091
                """);
        PerpetualInventory.StockResult level = PerpetualInventory.build(spec(new Deflator("price", Deflator.Kind.LEVEL, 2010, 100),
                Growth.fixed(0.05), Initial.STEADY_STATE), onlyA, p);
        PerpetualInventory.StockResult chained = PerpetualInventory.build(spec(new Deflator("chain", Deflator.Kind.CHAINED, 2010, 100),
                Growth.fixed(0.05), Initial.STEADY_STATE), onlyA, p);
        // chained to 2012 instead: every real flow is in 2012 prices, i.e. times 110/100
        PerpetualInventory.StockResult rebased = PerpetualInventory.build(spec(new Deflator("chain", Deflator.Kind.CHAINED, 2012, 100),
                Growth.fixed(0.05), Initial.STEADY_STATE), onlyA, p);
        assertEquals(List.of(), Fixtures.messages(p));
        for (int i = 0; i < 4; i++) {
            close(level.step().dataset().numeric("stock").get(i), chained.step().dataset().numeric("stock").get(i), 1e-14, 0, "row " + i);
            close(1.1 * level.step().dataset().numeric("stock").get(i), rebased.step().dataset().numeric("stock").get(i), 1e-13, 0, "rebased " + i);
        }
        // steady state: K2010 = 100 / (0.05 + 0.15) = 500; K2011 = 104.7619... + 0.85 * 500
        close(500, level.step().dataset().numeric("stock").get(1), 1e-15, 0, "K2010");
        close(110 * 100 / 105.0 + 425, level.step().dataset().numeric("stock").get(0), 1e-14, 0, "K2011");
    }

    @Test
    void averageGrowthFromTheUnitsRealFlows() {
        Problems p = new Problems();
        // B shrinks 20% a year: with delta 0.15 the steady-state stock E / (g + delta) is undefined
        assertNull(PerpetualInventory.build(spec(null, new Growth(Growth.Method.GEOMETRIC, Double.NaN), Initial.STEADY_STATE), PANEL, p));
        assertEquals(List.of("data/tech.csv:6: index[4]: unit 'B' has average growth -0.19999999999999996 and delta 0.15; "
                + "the steady-state rule E/(g + delta) needs g + delta > 0"), Fixtures.messages(p));
        p = new Problems();
        Dataset onlyA = PANEL.select(new boolean[] {true, true, true, true, false, false});
        PerpetualInventory.StockResult geo = PerpetualInventory.build(spec(null, new Growth(Growth.Method.GEOMETRIC, Double.NaN),
                Initial.STEADY_STATE), onlyA, p);
        PerpetualInventory.StockResult ari = PerpetualInventory.build(spec(null, new Growth(Growth.Method.ARITHMETIC, Double.NaN),
                Initial.PAPER), PANEL, p);
        assertEquals(List.of(), Fixtures.messages(p));
        // without a deflator the flows are real: A grows 10% a year, so g = 0.1 both ways; B: 40/50 - 1 = -0.2
        close(0.1, geo.units().get(0).growth(), 1e-14, 0, "geometric A");
        close(0.1, ari.units().get(0).growth(), 1e-14, 0, "arithmetic A");
        close(-0.2, ari.units().get(1).growth(), 1e-14, 0, "arithmetic B");
        close(100 / 0.25, geo.units().get(0).initialStock(), 1e-14, 0, "K A");
        close(50 * 0.8 / 1.15, ari.units().get(1).initialStock(), 1e-14, 0, "K B");
    }

    @Test
    void gapsDuplicatesAndMissingValuesNameTheRows() {
        Dataset bad = Fixtures.csv("data/tech.csv", "tech", null, null, """
                province,year,exp,price
                A,2010,100,100
                A,2011,,105
                A,2013,121,0
                B,2010,50,100
                B,2010,50,100
                """);
        Problems p = new Problems();
        PerpetualInventorySpec s = new PerpetualInventorySpec(Fixtures.at("index[4]"), "tech", "tech_stock", "stock", "exp", "province",
                "year", new Deflator("price", Deflator.Kind.LEVEL, 2010, 100), 0.15, Growth.fixed(0.05), Initial.PAPER, null);
        assertNull(PerpetualInventory.build(s, bad, p));
        assertEquals(List.of("data/tech.csv:6: index[4]: unit 'B' has year 2010 twice (lines 5 and 6); each unit may have one row per time"),
                Fixtures.messages(p));
        Dataset gap = Fixtures.csv("data/tech.csv", "tech", null, null, """
                province,year,exp,price
                A,2010,100,100
                A,2011,,105
                A,2013,121,0
                """);
        p = new Problems();
        assertNull(PerpetualInventory.build(s, gap, p));
        assertEquals(List.of(
                "data/tech.csv:3: index[4]: the flow 'exp' is missing; the perpetual inventory needs every year's flow",
                "data/tech.csv:4: index[4]: the price index 'price' is 0; a price index must be positive",
                "data/tech.csv:4: index[4]: unit 'A' jumps from year 2011 (line 3) to 2013; the perpetual inventory needs consecutive years: "
                        + "add the missing years or drop the unit"), Fixtures.messages(p));
    }

    @Test
    void baseYearOutsideAUnitAndUndefinedGrowth() {
        Problems p = new Problems();
        assertNull(PerpetualInventory.build(spec(new Deflator("price", Deflator.Kind.LEVEL, 2012, 100), Growth.fixed(0.05), Initial.PAPER), PANEL, p));
        assertEquals(List.of("data/tech.csv:6: index[4]: unit 'B' has no row for the base year 2012 (its years are 2010-2011), so its price index "
                + "cannot be rebased; choose a base year inside every unit's years or leave base out if the index is already on the base you want"),
                Fixtures.messages(p));
        Dataset zero = Fixtures.csv("data/tech.csv", "tech", "province", "year", """
                province,year,exp
                A,2010,0
                A,2011,5
                C,2010,7
                """);
        p = new Problems();
        assertNull(PerpetualInventory.build(spec(null, new Growth(Growth.Method.GEOMETRIC, Double.NaN), Initial.PAPER), zero, p));
        assertEquals(List.of(
                "data/tech.csv:2: index[4]: unit 'A' has real flow 0 in 2010; the geometric average growth needs positive first and last flows; "
                        + "give growth as a number",
                "data/tech.csv:4: index[4]: unit 'C' has a single year, so its average growth rate is undefined; give growth as a number"),
                Fixtures.messages(p));
    }

    @Test
    void stepMistakes() {
        Dataset noPanel = Fixtures.csv("data/tech.csv", "tech", null, null, """
                province,year,exp,stock
                A,2010,1,2
                """);
        Problems p = new Problems();
        assertNull(PerpetualInventory.build(spec(new Deflator("prices", Deflator.Kind.LEVEL, null, 100), Growth.fixed(0.05), Initial.PAPER), noPanel, p));
        assertEquals(List.of(
                "study.yaml:12:5: index[4].id: the perpetual inventory runs within panel units: give id: <column>, or an id column for dataset 'tech' (data/tech.csv)",
                "study.yaml:12:5: index[4].time: the perpetual inventory runs along the years: give time: <column>, or a time column for dataset 'tech' (data/tech.csv)",
                "study.yaml:12:5: index[4].deflator.column: no column 'prices' in dataset 'tech' (data/tech.csv); its columns are: province, year, exp, stock",
                "study.yaml:12:5: index[4].column: column 'stock' already exists in dataset 'tech' (data/tech.csv); choose another name"),
                Fixtures.messages(p));
    }
}
