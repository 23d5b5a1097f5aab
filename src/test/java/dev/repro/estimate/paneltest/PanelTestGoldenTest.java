package dev.repro.estimate.paneltest;

import static dev.repro.estimate.paneltest.GoldenData.close;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.repro.estimate.paneltest.GoldenData.Case;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every golden case of src/test/r/paneltest/golden.R (R 4.2.2, plm 2.6.2, urca 1.3.3, lmtest 0.9.40), with
 * an explicit relative tolerance per quantity (absolute 1e-12 for values near zero).
 */
class PanelTestGoldenTest {
    /** LLC and IPS statistics and p-values: the issue requires 1e-3, our target is 1e-6. */
    static final double LLC_TOL = 1e-6;
    /** Fisher statistics, per-unit t / Z(t) and p-values: the issue requires 1e-4. */
    static final double FISHER_TOL = 1e-6;
    /** MacKinnon surface against its R transcription. */
    static final double MK_TOL = 1e-12;
    /** Largest absolute difference between the MacKinnon (1994) and (1996) p-values on the grid. */
    static final double MK96_ABS = 5e-3;
    /** Dumitrescu-Hurlin, relative. */
    static final double DH_TOL = 1e-8;
    /** Hausman. */
    static final double HAUS_TOL = 1e-6;
    static final double ABS = 1e-12;

    static Stream<Case> mackinnon() {
        return GoldenData.cases("mackinnon").stream();
    }

    static Stream<Case> llc() {
        return GoldenData.cases("llc").stream();
    }

    static Stream<Case> ips() {
        return GoldenData.cases("ips").stream();
    }

    static Stream<Case> fisherAdf() {
        return GoldenData.cases("fisher-adf").stream();
    }

    static Stream<Case> fisherPp() {
        return GoldenData.cases("fisher-pp").stream();
    }

    static Stream<Case> dh() {
        return GoldenData.cases("dh").stream();
    }

    private static void check(Case c, String q, double actual, double tol) {
        double expected = c.get(q);
        if (!close(actual, expected, tol, ABS)) {
            fail(c + ": " + q + " = " + actual + ", R gives " + expected + " (rel. diff "
                    + Math.abs(actual - expected) / Math.abs(expected) + ", tolerance " + tol + ")");
        }
    }

    private static void checkUnits(Case c, String prefix, double[] actual, double tol) {
        double[] expected = c.units(prefix);
        assertTrue(expected.length > 0 || !c.has(prefix + ".1"), c + ": no per-unit " + prefix);
        for (int i = 0; i < expected.length; i++) {
            if (!close(actual[i], expected[i], tol, ABS)) {
                fail(c + ": " + prefix + "[" + (i + 1) + "] = " + actual[i] + ", R gives " + expected[i]);
            }
        }
    }

    private static double[] toDouble(int[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mackinnon")
    void mackinnonSurface(Case c) {
        Deterministic d = GoldenData.exo(c.exo());
        boolean bounded = c.options().equals("bounded");
        for (String q : c.values().keySet()) {
            double tau = Double.parseDouble(q.substring(2, q.length() - 1));
            if (c.options().equals("mackinnon1996")) {
                // independent check: MacKinnon's 1996 numerical distribution (urca::punitroot) is within 0.005 in p
                double p96 = c.get(q);
                double p94 = MacKinnon.pValue(tau, d);
                assertTrue(Math.abs(p94 - p96) < MK96_ABS, c + " " + q + ": 1994 " + p94 + " vs 1996 " + p96);
                continue;
            }
            double p = bounded ? MacKinnon.pValue(tau, d) : MacKinnon.pValueUnbounded(tau, d);
            check(c, q, p, MK_TOL);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("llc")
    void levinLinChu(Case c) {
        PanelSeries s = GoldenData.table(c.dataset()).series(c.variable());
        LevinLinChu.Options o = LevinLinChu.Options.of(GoldenData.exo(c.exo()), GoldenData.lags(c.lags(), 3));
        if (c.options().equals("dfcor")) {
            o = o.withDfCorrection(true);
        } else if (c.options().startsWith("q=")) {
            int q = Integer.parseInt(c.options().substring(2));
            o = o.withFixedBandwidth(q);
            // the golden q is floor(3.21 T^(1/3)): Stata's truncation rule gives the same bandwidth
            assertEquals(q, LevinLinChu.bandwidth(s.count(0), LevinLinChu.Bandwidth.STATA));
        }
        LlcResult r = LevinLinChu.test(s, o);
        checkUnits(c, "unitLag", toDouble(r.lags()), 0);
        checkUnits(c, "sigmaST", r.sigmaShortRun(), 1e-9);
        checkUnits(c, "sigmaLT", r.sigmaLongRun(), 1e-9);
        check(c, "statistic", r.statistic(), LLC_TOL);
        check(c, "p", r.p(), LLC_TOL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ips")
    void imPesaranShin(Case c) {
        PanelSeries s = GoldenData.table(c.dataset()).series(c.variable());
        IpsResult r = ImPesaranShin.test(s, ImPesaranShin.Options.of(GoldenData.exo(c.exo()), GoldenData.lags(c.lags(), 2)));
        checkUnits(c, "unitLag", toDouble(r.lags()), 0);
        check(c, "tbar", r.tbar(), LLC_TOL);
        check(c, "statistic", r.statistic(), LLC_TOL);
        check(c, "p", r.p(), LLC_TOL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fisherAdf")
    void fisherAdf(Case c) {
        PanelSeries s = GoldenData.table(c.dataset()).series(c.variable());
        Deterministic d = GoldenData.exo(c.exo());
        FisherUnitRoot.Options o = c.options().equals("stata")
                ? FisherUnitRoot.Options.adf(d, Integer.parseInt(c.lags()))
                : FisherUnitRoot.Options.plm(d, GoldenData.lags(c.lags(), 2), c.options().contains("dfcor"));
        FisherResult r = FisherUnitRoot.test(s, o);
        checkFisher(c, r);
        if (c.has("unitLag.1")) {
            checkUnits(c, "unitLag", toDouble(r.lags()), 0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fisherPp")
    void fisherPp(Case c) {
        PanelSeries s = GoldenData.table(c.dataset()).series(c.variable());
        int q = c.lags().equals("default") ? -1 : Integer.parseInt(c.lags());
        FisherResult r = FisherUnitRoot.test(s, FisherUnitRoot.Options.pp(GoldenData.exo(c.exo()), q));
        checkUnits(c, "unitLag", toDouble(r.lags()), 0);
        checkFisher(c, r);
    }

    private static void checkFisher(Case c, FisherResult r) {
        checkUnits(c, "unitStatistic", r.unitStatistics(), FISHER_TOL);
        checkUnits(c, "unitP", r.unitP(), FISHER_TOL);
        for (String q : new String[] {"statistic", "p", "z", "pZ", "lstar", "pLstar", "pm", "pPm"}) {
            double v = switch (q) {
                case "statistic" -> r.statistic();
                case "p" -> r.p();
                case "z" -> r.z();
                case "pZ" -> r.pZ();
                case "lstar" -> r.lstar();
                case "pLstar" -> r.pLstar();
                case "pm" -> r.pm();
                default -> r.pPm();
            };
            check(c, q, v, FISHER_TOL);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dh")
    void dumitrescuHurlin(Case c) {
        String[] v = c.variable().split("->");
        PanelSeries s = GoldenData.table(c.dataset()).series(v[1], v[0]);
        int k = Integer.parseInt(c.lags());
        if (c.has("ztildeError")) {
            // plm refuses: some unit has T <= 5 + 3K; we report why (or the regression itself is impossible)
            try {
                DhResult r = DumitrescuHurlin.test(s, k, null);
                assertTrue(Double.isNaN(r.zbarTilde()), c + ": Z-bar tilde should be unavailable");
                assertTrue(r.zbarTildeProblem().startsWith("Z-bar tilde needs more than 5 + 3K = " + (5 + 3 * k)), r.zbarTildeProblem());
            } catch (PanelTestException e) {
                assertTrue(e.getMessage().contains("the Granger regression with " + k + " lag"), e.getMessage());
            }
            return;
        }
        DhResult r = DumitrescuHurlin.test(s, k, null);
        checkUnits(c, "unitWald", r.unitWald(), DH_TOL);
        checkUnits(c, "unitP", r.unitP(), DH_TOL);
        check(c, "wbar", r.wbar(), DH_TOL);
        check(c, "zbarTilde", r.zbarTilde(), DH_TOL);
        check(c, "pZbarTilde", r.pZbarTilde(), DH_TOL);
        if (c.has("zbar")) {
            check(c, "zbar", r.zbar(), DH_TOL);
            check(c, "pZbar", r.pZbar(), DH_TOL);
        } else {
            assertFalse(r.notes().isEmpty(), "unbalanced panels carry a note on Z-bar");
        }
    }
}
