package dev.repro.estimate.paneltest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fisher-type tests in Stata's conventions (xtunitroot fisher, dfuller|pperron lags(k)) against the direct R
 * computation of golden.R (golden_fisher_stata.csv): per-unit dfuller t by lm(), pperron's Z(t) (its formula
 * checked in R against urca::ur.pp), MacKinnon (1994) p-values, then P, Z, L*, Pm. Lags 0-2 for ADF; the
 * default Newey-West rule int(4 (n/100)^(2/9)), 0 and 2 lags for PP.
 */
class FisherStataGoldenTest {
    /** Relative tolerance (brief: 1e-6). */
    static final double TOL = 1e-6;

    static Stream<Golden.Row> cases() {
        return Golden.rows("golden_fisher_stata.csv").stream();
    }

    static void close(String what, double actual, double expected, Golden.Row r) {
        assertTrue(Golden.rel(actual, expected, 1e-300) <= TOL,
                () -> what + ": " + actual + " vs R " + expected + " in " + r);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesR(Golden.Row r) {
        Deterministic d = Deterministic.parse(r.s("exo"));
        Golden.Panel p = Golden.panel(r.s("panel"));
        PanelSeries s = PanelSeries.of(p.values(r.s("variable")), p.unit(), p.time());
        FisherUnitRoot.Options o = r.s("method").equals("adf") ? FisherUnitRoot.Options.adf(d, r.i("lags"))
                : FisherUnitRoot.Options.pp(d, r.i("lags"));
        FisherResult x = FisherUnitRoot.test(s, o);
        assertArrayEquals(UnitRootGoldenTest.ints(r.list("unitLags")), x.lags(), "unit lags " + r);
        double[] st = r.list("unitStat");
        double[] up = r.list("unitP");
        for (int g = 0; g < st.length; g++) {
            close("stat[" + g + "]", x.unitStatistics()[g], st[g], r);
            close("p[" + g + "]", x.unitP()[g], up[g], r);
        }
        close("statistic", x.statistic(), r.d("statistic"), r);
        close("p", x.p(), r.d("p"), r);
        close("z", x.z(), r.d("z"), r);
        close("pZ", x.pZ(), r.d("pZ"), r);
        close("lstar", x.lstar(), r.d("lstar"), r);
        close("pLstar", x.pLstar(), r.d("pLstar"), r);
        close("pm", x.pm(), r.d("pm"), r);
        close("pPm", x.pPm(), r.d("pPm"), r);
    }
}
