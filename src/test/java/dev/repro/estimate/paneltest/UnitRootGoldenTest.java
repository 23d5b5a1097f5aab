package dev.repro.estimate.paneltest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * LLC, IPS and the Fisher combinations against R plm 2.6.2's purtest (golden_unitroot.csv from
 * src/test/golden/paneltest/golden.R): Grunfeld, Produc, Cigar (T = 30 and T = 27, the LLC table interpolated)
 * and the unbalanced EmplUK; exo none / intercept / trend; lags 0, 1, 2 and AIC / SIC / Hall up to pmax 3;
 * dfcor false and true. Fisher in plm's convention with p.approx = "MacKinnon1994".
 */
class UnitRootGoldenTest {
    /** Relative tolerance of statistics and p-values (the brief's 1e-6; observed agreement is about 1e-12). */
    static final double TOL = 1e-6;

    static Stream<Golden.Row> cases() {
        return Golden.rows("golden_unitroot.csv").stream();
    }

    static Lags lags(Golden.Row r) {
        String l = r.s("lags");
        Lags.Rule rule = Lags.Rule.parse(l);
        return rule == null ? Lags.fixedOrder(Integer.parseInt(l)) : Lags.select(rule, r.i("pmax"));
    }

    static PanelSeries series(Golden.Row r) {
        Golden.Panel p = Golden.panel(r.s("panel"));
        return PanelSeries.of(p.values(r.s("variable")), p.unit(), p.time());
    }

    static void close(String what, double actual, double expected, Golden.Row r) {
        assertTrue(Golden.rel(actual, expected, 1e-300) <= TOL,
                () -> what + ": " + actual + " vs R " + expected + " in " + r);
    }

    static int[] ints(double[] v) {
        int[] o = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = (int) v[i];
        }
        return o;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPlm(Golden.Row r) {
        Deterministic d = Deterministic.parse(r.s("exo"));
        boolean dfcor = Boolean.parseBoolean(r.s("dfcor"));
        PanelSeries s = series(r);
        switch (r.s("test")) {
            case "llc" -> {
                LlcResult x = LevinLinChu.test(s, new LevinLinChu.Options(d, lags(r), dfcor,
                        LevinLinChu.Bandwidth.PLM, -1, false));
                assertArrayEquals(ints(r.list("unitLags")), x.lags(), "unit lags " + r);
                double[] lt = r.list("sigmaLT2");
                double[] st = r.list("sigmaST2");
                for (int g = 0; g < lt.length; g++) {
                    close("sigma2LT[" + g + "]", x.sigmaLongRun()[g] * x.sigmaLongRun()[g], lt[g], r);
                    close("sigma2ST[" + g + "]", x.sigmaShortRun()[g] * x.sigmaShortRun()[g], st[g], r);
                }
                close("statistic", x.statistic(), r.d("statistic"), r);
                close("p", x.p(), r.d("p"), r);
                close("delta", x.delta(), r.d("delta"), r);
                close("seDelta", x.seDelta(), r.d("seDelta"), r);
            }
            case "ips" -> {
                IpsResult x = ImPesaranShin.test(s, new ImPesaranShin.Options(d, lags(r), dfcor, false));
                assertArrayEquals(ints(r.list("unitLags")), x.lags(), "unit lags " + r);
                double[] t = r.list("unitT");
                for (int g = 0; g < t.length; g++) {
                    close("t[" + g + "]", x.unitT()[g], t[g], r);
                }
                close("statistic", x.statistic(), r.d("statistic"), r);
                close("p", x.p(), r.d("p"), r);
            }
            case "madwu" -> {
                FisherResult x = FisherUnitRoot.test(s, FisherUnitRoot.Options.plm(d, lags(r), dfcor));
                assertArrayEquals(ints(r.list("unitLags")), x.lags(), "unit lags " + r);
                double[] p = r.list("unitP");
                for (int g = 0; g < p.length; g++) {
                    close("p[" + g + "]", x.unitP()[g], p[g], r);
                }
                for (String k : List.of("statistic", "p", "z", "pZ", "lstar", "pLstar", "pm", "pPm")) {
                    double v = switch (k) {
                        case "statistic" -> x.statistic();
                        case "p" -> x.p();
                        case "z" -> x.z();
                        case "pZ" -> x.pZ();
                        case "lstar" -> x.lstar();
                        case "pLstar" -> x.pLstar();
                        case "pm" -> x.pm();
                        default -> x.pPm();
                    };
                    close(k, v, r.d(k), r);
                }
            }
            default -> throw new IllegalArgumentException(r.s("test"));
        }
    }
}
