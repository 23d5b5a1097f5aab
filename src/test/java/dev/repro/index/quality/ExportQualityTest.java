package dev.repro.index.quality;

import static dev.repro.index.api.Fixtures.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.data.Dataset;
import dev.repro.index.api.Fixtures;
import dev.repro.diag.Problems;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Export quality on a case solvable by hand, and every mistake in flows or elasticities with its exact message. */
class ExportQualityTest {
    static ExportQualitySpec spec(String detail) {
        return new ExportQualitySpec(Fixtures.at("index[2]"), "flows", "quality", "quality", "region", "hs6", "year", "value", "quantity",
                new ExportQualitySpec.Elasticities("sigma", "code", "sigma", 0), QualityEstimate.Normalization.PRODUCT_YEAR, detail);
    }

    static Dataset flows(String text) {
        return Fixtures.csv("data/flows.csv", "flows", null, null, text, "hs6");
    }

    static Dataset sigma(String text) {
        return Fixtures.csv("data/sigma.csv", "sigma", null, null, text, "code");
    }

    /**
     * Two regions x two products x one year, balanced: the two-way residual of cell (r, h) is
     * +-d with d = (y_A1 - y_A2 - y_B1 + y_B2) / 4. Here y = ln q + sigma ln p gives d = ln(400/45) / 4 > 0,
     * so A leads in product 1 and B in product 2: standardised 1 and 0, and each region's quality is the
     * export share of the product it leads in: A 200 / 500 = 0.4, B 50 / 150 = 1/3.
     */
    @Test
    void balancedTwoByTwoByHand() {
        Dataset f = flows("""
                firm,region,hs6,year,value,quantity
                a1,A,010121,2015,150,6
                b1,B,010121,2015,100,20
                a1,A,020110,2015,300,100
                b1,B,020110,2015,50,10
                a2,A,010121,2015,50,4
                """);
        Dataset s = sigma("""
                code,sigma
                010121,3
                020110,2
                """);
        Problems p = new Problems();
        ExportQuality.QualityResult r = ExportQuality.build(spec("cells"), f, s, p);
        assertEquals(List.of(), Fixtures.messages(p));
        double d = Math.log(400.0 / 45) / 4;
        Dataset cells = r.step().extras().get(0);
        // cell order: first appearance; A 010121 sums two firms (value 200, quantity 10, price 20)
        assertEquals("A", cells.column("region").display(0));
        close(200, cells.numeric("value").get(0), 0, 0, "value A1");
        close(10, cells.numeric("quantity").get(0), 0, 0, "quantity A1");
        close(d, cells.numeric("residual").get(0), 0, 1e-13, "residual A1");
        close(-d, cells.numeric("residual").get(1), 0, 1e-13, "residual B1");
        close(-d, cells.numeric("residual").get(2), 0, 1e-13, "residual A2");
        close(d / 2, cells.numeric("quality").get(0), 0, 1e-13, "quality A1 = d / (3 - 1)");
        close(-d, cells.numeric("quality").get(2), 0, 1e-13, "quality A2 = -d / (2 - 1)");
        close(1, cells.numeric("quality_std").get(0), 0, 1e-12, "std A1");
        close(0, cells.numeric("quality_std").get(1), 0, 1e-12, "std B1");
        Dataset ry = r.step().dataset();
        assertEquals(List.of("region", "year", "quality", "quality_products", "quality_value"), ry.columnNames());
        close(0.4, ry.numeric("quality").get(0), 0, 1e-12, "A");
        close(1.0 / 3, ry.numeric("quality").get(1), 0, 1e-12, "B");
        assertEquals(2, ry.line(1) - 0 - 1, "B's first flow is on line 3");
        assertEquals("region", ry.idColumn());
        assertEquals("year", ry.timeColumn());
    }

    /**
     * Product 3 is exported by A alone: its product fixed effect absorbs the cell exactly (residual 0), the
     * product-year group has no spread and is left out, and every other cell is as if product 3 were absent.
     */
    @Test
    void singleExporterGroupsAreLeftOut() {
        String rows = """
                firm,region,hs6,year,value,quantity
                a,A,010121,2015,150,6
                b,B,010121,2015,100,20
                c,C,010121,2015,90,10
                a,A,020110,2015,300,100
                b,B,020110,2015,50,10
                c,C,020110,2015,80,9
                """;
        Dataset s = sigma("""
                code,sigma
                010121,3
                020110,2
                030110,4
                """);
        Problems p = new Problems();
        ExportQuality.QualityResult with = ExportQuality.build(spec(null), flows(rows + "a,A,030110,2015,70,7\n"), s, p);
        ExportQuality.QualityResult without = ExportQuality.build(spec(null), flows(rows), s, p);
        assertEquals(List.of(), Fixtures.messages(p));
        assertEquals(List.of("1 product-year groups do not vary (e.g. a single exporting region) and were left out of the min-max "
                + "standardisation: 1 of 7 region-product-year cells"), with.step().notes());
        assertEquals(List.of(), without.step().notes());
        for (int i = 0; i < 3; i++) {
            close(without.step().dataset().numeric("quality").get(i), with.step().dataset().numeric("quality").get(i), 0, 1e-12, "region " + i);
        }
        assertEquals(2, (int) with.step().dataset().numeric("quality_products").get(0));
        close(450, with.step().dataset().numeric("quality_value").get(0), 0, 0, "A's value of the products kept");
    }

    @Test
    void badFlowsAndElasticitiesNameTheRows() {
        Dataset f = flows("""
                firm,region,hs6,year,value,quantity
                f1,A,010121,2015,100,10
                f2,A,010121,2015,-5,2
                f3,B,010121,2015,50,-1
                f4,B,020110,2015,7,3
                f5,C,030110,2015,10,1
                f6,C,030110,2016,10,1
                f7,,030110,2016,10,
                """);
        Dataset s = sigma("""
                code,sigma
                010121,3
                020110,0.8
                010121,4
                """);
        Problems p = new Problems();
        assertNull(ExportQuality.build(spec(null), f, s, p));
        assertEquals(List.of(
                "data/flows.csv:3: index[2]: the export value 'value' is -5; export values cannot be negative",
                "data/flows.csv:4: index[2]: the quantity 'quantity' is -1; quantities cannot be negative",
                "data/flows.csv:8: index[2]: the region 'region' is missing",
                "data/flows.csv:8: index[2]: the quantity 'quantity' is missing",
                "data/sigma.csv:4: index[2]: code '010121' appears twice in the elasticities (lines 2 and 4); keep one sigma per code",
                "data/sigma.csv:3: index[2]: sigma 'sigma' of code '020110' is 0.8; the CES demand inversion needs an elasticity of substitution sigma > 1",
                "data/flows.csv:6: index[2]: no elasticity for product '030110', used by 3 rows (lines 6, 7 and 8); add its sigma to data/sigma.csv "
                        + "or drop the product"), Fixtures.messages(p));
    }

    @Test
    void nonPositivePriceNamesTheCellsRows() {
        Dataset f = flows("""
                firm,region,hs6,year,value,quantity
                f1,A,010121,2015,100,10
                f4,B,010121,2015,0,3
                f5,B,010121,2015,0,2
                f6,C,010121,2015,8,0
                """);
        Dataset s = sigma("""
                code,sigma
                010121,3
                """);
        Problems p = new Problems();
        assertNull(ExportQuality.build(spec(null), f, s, p));
        assertEquals(List.of(
                "data/flows.csv:3: index[2]: region 'B', product '010121', year 2015 has export value 0 and quantity 5 (lines 3 and 4), so its "
                        + "price value/quantity is not positive; quality needs a positive price in every region-product-year: fix or drop these rows",
                "data/flows.csv:5: index[2]: region 'C', product '010121', year 2015 has export value 8 and quantity 0 (line 5), so its "
                        + "price value/quantity is not positive; quality needs a positive price in every region-product-year: fix or drop these rows"),
                Fixtures.messages(p));
    }

    @Test
    void prefixJoinNamesTheShortenedCode() {
        Dataset f = flows("""
                firm,region,hs6,year,value,quantity
                f1,A,010121,2015,100,10
                f2,B,020110,2015,100,10
                """);
        Dataset s = Fixtures.csv("data/sigma4.csv", "sigma", null, null, """
                hs4,sigma
                0101,3
                """, "hs4");
        ExportQualitySpec spec = new ExportQualitySpec(Fixtures.at("index[2]"), "flows", "quality", "quality", "region", "hs6", "year", "value",
                "quantity", new ExportQualitySpec.Elasticities("sigma", "hs4", "sigma", 4), QualityEstimate.Normalization.PRODUCT, null);
        Problems p = new Problems();
        assertNull(ExportQuality.build(spec, f, s, p));
        assertEquals(List.of("data/flows.csv:3: index[2]: no elasticity for code '0201' (the first 4 characters of product '020110'), used by 1 row "
                + "(line 3); add its sigma to data/sigma4.csv or drop the product"), Fixtures.messages(p));
    }

    @Test
    void streamingCellsSumAndFindEveryCell() {
        QualityCells cells = new QualityCells(2);
        SplittableRandom rnd = new SplittableRandom(1);
        double[][][] sums = new double[7][11][3];
        for (int i = 0; i < 20000; i++) {
            int r = rnd.nextInt(7);
            int h = rnd.nextInt(11);
            int t = rnd.nextInt(3);
            cells.add(r, h, 2000 + t, 1, 2, i);
            sums[r][h][t] += 1;
        }
        assertEquals(7 * 11 * 3, cells.size());
        for (int r = 0; r < 7; r++) {
            for (int h = 0; h < 11; h++) {
                for (int t = 0; t < 3; t++) {
                    int c = cells.find(r, h, 2000 + t);
                    assertTrue(c >= 0);
                    assertEquals(sums[r][h][t], cells.value(c));
                    assertEquals(2 * sums[r][h][t], cells.quantity(c));
                    assertEquals((int) sums[r][h][t], cells.rows(c));
                }
            }
        }
        assertEquals(-1, cells.find(0, 0, 1999));
    }
}
