package dev.repro.index.entropy;

import static dev.repro.index.api.Fixtures.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.repro.data.Dataset;
import dev.repro.index.api.Fixtures;
import dev.repro.diag.Problems;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The entropy method on three rows by hand, and its mistakes with their exact messages. */
class EntropyIndexTest {
    static final EntropySpec.Indicator X1 = new EntropySpec.Indicator("x1", EntropySpec.Direction.POSITIVE, "scale");
    static final EntropySpec.Indicator X2 = new EntropySpec.Indicator("x2", EntropySpec.Direction.NEGATIVE, "environment");

    static EntropySpec spec(EntropySpec.Weighting w, EntropySpec.Zeros z, EntropySpec.Missing m) {
        return new EntropySpec(Fixtures.at("index[0]"), "prov", "prov_open", "open", List.of(X1, X2), w, null, z,
                z == EntropySpec.Zeros.SHIFT ? 1e-4 : 0, EntropySpec.Score.NORMALIZED, m);
    }

    /**
     * x1 = 1, 2, 3 (positive) normalises to 0, 1/2, 1: p = 0, 1/3, 2/3. x2 = 10, 10, 40 (negative) normalises
     * to 1, 1, 0: p = 1/2, 1/2, 0. With 0 ln 0 = 0 and k = 1/ln 3:
     * e1 = -(1/3 ln 1/3 + 2/3 ln 2/3) / ln 3, e2 = ln 2 / ln 3.
     */
    @Test
    void threeRowsByHand() {
        Dataset ds = Fixtures.csv("data/prov.csv", "prov", "province", "year", """
                province,year,x1,x2
                A,2012,1,10
                B,2012,2,10
                C,2012,3,40
                """);
        Problems p = new Problems();
        EntropyResult r = EntropyIndex.build(spec(EntropySpec.Weighting.POOLED, EntropySpec.Zeros.LIMIT, EntropySpec.Missing.ERROR), ds, p);
        assertEquals(List.of(), Fixtures.messages(p));
        double e1 = -(Math.log(1.0 / 3) / 3 + 2 * Math.log(2.0 / 3) / 3) / Math.log(3);
        double e2 = Math.log(2) / Math.log(3);
        double w1 = (1 - e1) / (2 - e1 - e2);
        double w2 = (1 - e2) / (2 - e1 - e2);
        close(e1, r.weights().get(0).entropy(), 1e-15, 0, "e1");
        close(e2, r.weights().get(1).entropy(), 1e-15, 0, "e2");
        close(w1, r.weights().get(0).weight(), 1e-14, 0, "w1");
        close(0.5326391, w1, 1e-6, 0, "w1 decimal");
        double[] open = r.step().dataset().numeric("open").values();
        close(w2, open[0], 1e-14, 0, "A = w2 * 1");
        close(w1 / 2 + w2, open[1], 1e-14, 0, "B");
        close(w1, open[2], 1e-14, 0, "C");
        assertEquals("scale", r.weights().get(0).group());
        assertEquals("negative", r.weights().get(1).direction());
        // one year: its row, then Total (pooled) and Mean of years
        assertEquals(List.of("2012", "Total", "Mean of years"), r.years().stream().map(YearStat::year).toList());
        close((w2 + w1 / 2 + w2 + w1) / 3, r.years().get(0).mean(), 1e-14, 0, "mean");
    }

    @Test
    void constantIndicatorInAYearGetsWeightZero() {
        Dataset ds = Fixtures.csv("data/prov.csv", "prov", "province", "year", """
                province,year,x1,x2
                A,2012,1,0
                B,2012,2,0
                A,2013,1,0
                B,2013,5,1
                """);
        Problems p = new Problems();
        EntropyResult r = EntropyIndex.build(spec(EntropySpec.Weighting.PER_YEAR, EntropySpec.Zeros.SHIFT, EntropySpec.Missing.ERROR), ds, p);
        assertEquals(List.of(), Fixtures.messages(p));
        assertEquals(List.of("indicator 'x2' is constant in year 2012 (every value 0): it is normalised to 0 and gets weight 0"), r.step().notes());
        assertEquals(0.0, r.weights().get(1).weight());
        assertEquals(1.0, r.weights().get(0).weight());
        assertEquals("2012", r.weights().get(0).scope());
    }

    @Test
    void mistakes() {
        Dataset ds = Fixtures.csv("data/prov.csv", "prov", "province", "year", """
                province,year,x1,x2,open
                A,2012,1,,0
                B,2012,2,3,0
                C,2013,5,4,0
                """);
        Problems p = new Problems();
        assertNull(EntropyIndex.build(spec(EntropySpec.Weighting.PER_YEAR, EntropySpec.Zeros.SHIFT, EntropySpec.Missing.ERROR), ds, p));
        assertEquals(List.of("study.yaml:12:5: index[0].column: column 'open' already exists in dataset 'prov' (data/prov.csv); give the index another name"),
                Fixtures.messages(p));
        Dataset ds2 = ds.select(new boolean[] {true, true, true});
        ds2 = new Dataset("prov", ds2.source(), null, ds2.columns().subList(0, 4), ds2.lines(), "province", "year");
        p = new Problems();
        assertNull(EntropyIndex.build(spec(EntropySpec.Weighting.PER_YEAR, EntropySpec.Zeros.SHIFT, EntropySpec.Missing.ERROR), ds2, p));
        assertEquals(List.of("data/prov.csv:2: index[0]: indicator 'x2' is missing; fill it in, or set missing: skip to leave such rows out of the index"),
                Fixtures.messages(p));
        p = new Problems();
        assertNull(EntropyIndex.build(spec(EntropySpec.Weighting.PER_YEAR, EntropySpec.Zeros.SHIFT, EntropySpec.Missing.SKIP), ds2, p));
        assertEquals(List.of(
                "data/prov.csv:3: index[0]: the entropy method needs at least 2 rows in year 2012, found 1 (line 3)",
                "data/prov.csv:4: index[0]: the entropy method needs at least 2 rows in year 2013, found 1 (line 4)"), Fixtures.messages(p));
        p = new Problems();
        EntropyResult pooled = EntropyIndex.build(spec(EntropySpec.Weighting.POOLED, EntropySpec.Zeros.LIMIT, EntropySpec.Missing.SKIP), ds2, p);
        assertEquals(List.of(), Fixtures.messages(p));
        assertEquals(Double.NaN, pooled.step().dataset().numeric("open").get(0));
        p = new Problems();
        Dataset flat = Fixtures.csv("data/prov.csv", "prov", "province", "year", """
                province,year,x1,x2
                A,2012,1,3
                B,2012,1,3
                """);
        assertNull(EntropyIndex.build(spec(EntropySpec.Weighting.POOLED, EntropySpec.Zeros.SHIFT, EntropySpec.Missing.ERROR), flat, p));
        assertEquals(List.of("data/prov.csv:2: index[0]: every indicator is constant, so the entropy method gives no weights"), Fixtures.messages(p));
    }

    @Test
    void textIndicatorAndMissingYear() {
        Dataset ds = Fixtures.csv("data/prov.csv", "prov", null, null, """
                province,x1,x2
                A,1,high
                """);
        Problems p = new Problems();
        assertNull(EntropyIndex.build(spec(EntropySpec.Weighting.PER_YEAR, EntropySpec.Zeros.SHIFT, EntropySpec.Missing.ERROR), ds, p));
        assertEquals(List.of(
                "study.yaml:12:5: index[0].indicators[1].column: column 'x2' of dataset 'prov' (data/prov.csv) holds text, not numbers; "
                        + "declare it {type: number} under datasets or fix the cells that are not numbers",
                "study.yaml:12:5: index[0].year: per-year weighting needs the year column: give year: <column>, or a time column for dataset "
                        + "'prov' (data/prov.csv)"), Fixtures.messages(p));
    }
}
