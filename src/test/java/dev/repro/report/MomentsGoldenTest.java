package dev.repro.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.repro.data.Dataset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Descriptive statistics against R 4.2.2 (mean, sd, min, max; src/test/golden/report/golden_descriptive.R) on
 * plm's Grunfeld (with missing values and a copy shifted by 1e9, where a one-pass variance would lose
 * about 9 digits) and Produc. Tolerances: n, min, max exact; mean and sd relative 1e-12.
 */
class MomentsGoldenTest {
    static final double REL = 1e-12;

    static Dataset data(String name) throws Exception {
        return name.equals("grunfeld") ? TestData.load("grunfeld", "/report/grunfeld_na_shift.csv", "firm", "year")
                : TestData.load("produc", "/datasets/produc.csv", "state", "year");
    }

    static Stream<Arguments> moments() throws Exception {
        return TestData.golden("golden-moments.csv").stream().map(r -> Arguments.of((Object) r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moments")
    void momentsMatchR(String[] g) throws Exception {
        Dataset d = data(g[0]);
        Moments m = Moments.of(d.numeric(g[1]).values());
        assertEquals(Long.parseLong(g[2]), m.n(), "n");
        assertRel(Double.parseDouble(g[3]), m.mean(), "mean");
        assertRel(Double.parseDouble(g[4]), m.sd(), "sd");
        assertEquals(Double.parseDouble(g[5]), m.min(), 0.0, "min");
        assertEquals(Double.parseDouble(g[6]), m.max(), 0.0, "max");
    }

    static Stream<Arguments> yearly() throws Exception {
        return TestData.golden("golden-yearly.csv").stream().map(r -> Arguments.of((Object) r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("yearly")
    void yearlyMatchesR(String[] g) throws Exception {
        Dataset d = data(g[0]);
        YearlySummary ys = YearlySummary.of(d, g[1], "year");
        double year = Double.parseDouble(g[2]);
        YearlySummary.Period p = ys.periods().stream().filter(x -> x.time() == year).findFirst().orElseThrow();
        assertEquals(Long.parseLong(g[3]), p.moments().n(), "n");
        assertRel(Double.parseDouble(g[4]), p.moments().mean(), "mean");
        assertRel(Double.parseDouble(g[5]), p.moments().sd(), "sd");
        assertEquals(Double.parseDouble(g[6]), p.moments().min(), 0.0, "min");
        assertEquals(Double.parseDouble(g[7]), p.moments().max(), 0.0, "max");
    }

    static void assertRel(double expected, double actual, String what) {
        assertEquals(expected, actual, REL * Math.max(1e-300, Math.abs(expected)), what);
    }

    @org.junit.jupiter.api.Test
    void emptyAndSingleValues() {
        Moments none = Moments.of(new double[] {Double.NaN});
        assertEquals(0, none.n());
        assertEquals(Double.NaN, none.mean());
        Moments one = Moments.of(new double[] {3.5, Double.NaN});
        assertEquals(1, one.n());
        assertEquals(3.5, one.mean());
        assertEquals(Double.NaN, one.sd());
    }
}
