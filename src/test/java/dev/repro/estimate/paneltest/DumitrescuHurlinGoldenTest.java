package dev.repro.estimate.paneltest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dumitrescu-Hurlin against R plm 2.6.2's pgrangertest (golden_dh.csv from golden.R): W-bar, Z-bar, Z-bar tilde,
 * their p-values and the per-unit Wald statistics on Grunfeld, Produc, Cigar and an unbalanced Cigar, K = 1..5
 * (up to where plm refuses Z-bar tilde for T <= 5 + 3K).
 */
class DumitrescuHurlinGoldenTest {
    /** Relative tolerance (brief: 1e-8). */
    static final double TOL = 1e-8;

    static Stream<Golden.Row> cases() {
        return Golden.rows("golden_dh.csv").stream();
    }

    static void close(String what, double actual, double expected, Golden.Row r) {
        assertTrue(Golden.rel(actual, expected, 1e-300) <= TOL,
                () -> what + ": " + actual + " vs R " + expected + " in " + r);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPlm(Golden.Row r) {
        Golden.Panel p = Golden.panel(r.s("panel"));
        PanelSeries s = PanelSeries.of(p.unit(), p.time(), p.labels(), p.values(r.s("effect")), p.values(r.s("cause")));
        DhResult x = DumitrescuHurlin.test(s, r.i("lags"), null);
        double[] w = r.list("unitW");
        double[] pw = r.list("unitP");
        assertEquals(w.length, x.unitWald().length);
        for (int g = 0; g < w.length; g++) {
            close("W[" + g + "]", x.unitWald()[g], w[g], r);
            close("pW[" + g + "]", x.unitP()[g], pw[g], r);
        }
        close("wbar", x.wbar(), r.d("wbar"), r);
        if (!r.na("zbar")) {
            close("zbar", x.zbar(), r.d("zbar"), r);
            close("pZbar", x.pZbar(), r.d("pZbar"), r);
        }
        if (r.na("zbarTilde")) {
            assertTrue(Double.isNaN(x.zbarTilde()), () -> "plm refuses Z-bar tilde in " + r);
            assertNotNull(x.zbarTildeProblem());
        } else {
            close("zbarTilde", x.zbarTilde(), r.d("zbarTilde"), r);
            close("pZbarTilde", x.pZbarTilde(), r.d("pZbarTilde"), r);
        }
    }
}
