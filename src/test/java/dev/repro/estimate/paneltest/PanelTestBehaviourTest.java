package dev.repro.estimate.paneltest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.estimate.paneltest.GoldenData.Table;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Row order, missing values, messages, determinism and edge cases of the panel tests. */
class PanelTestBehaviourTest {

    /** The rows of a table in a seeded random order. */
    private static PanelSeries shuffled(Table t, long seed, String... columns) {
        int n = t.rows().size();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        Random r = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        int[] unit = new int[n];
        int[] time = new int[n];
        double[][] cols = new double[columns.length][n];
        for (int c = 0; c < columns.length; c++) {
            double[] v = t.column(columns[c]);
            for (int i = 0; i < n; i++) {
                cols[c][i] = v[perm[i]];
            }
        }
        for (int i = 0; i < n; i++) {
            unit[i] = t.unit()[perm[i]];
            time[i] = t.time()[perm[i]];
        }
        return PanelSeries.of(unit, time, t.unitLabels(), cols);
    }

    @Test
    void rowOrderDoesNotMatter() {
        Table g = GoldenData.table("grunfeld");
        PanelSeries a = g.series("inv", "value");
        PanelSeries b = shuffled(g, 42, "inv", "value");
        LevinLinChu.Options lo = LevinLinChu.Options.of(Deterministic.INTERCEPT, Lags.select(Lags.Rule.AIC, 3));
        assertEquals(LevinLinChu.test(a, lo).toMap(), LevinLinChu.test(b, lo).toMap());
        FisherUnitRoot.Options fo = FisherUnitRoot.Options.pp(Deterministic.TREND, -1);
        assertEquals(FisherUnitRoot.test(a, fo).toMap(), FisherUnitRoot.test(b, fo).toMap());
        assertEquals(DumitrescuHurlin.test(a, 2, null).toMap(), DumitrescuHurlin.test(b, 2, null).toMap());
    }

    @Test
    void missingValuesDropTheirRows() {
        Table g = GoldenData.table("grunfeld");
        double[] inv = g.column("inv").clone();
        // the last year of unit 1 and the first of unit 2 missing: same as leaving those rows out
        inv[19] = Double.NaN;
        inv[20] = Double.NaN;
        PanelSeries withNaN = PanelSeries.of(g.unit(), g.time(), g.unitLabels(), inv);
        assertEquals(198, withNaN.rows());
        assertEquals(19, withNaN.count(0));
        assertEquals(1936, withNaN.time(withNaN.start(1)));
        FisherResult r = FisherUnitRoot.test(withNaN, FisherUnitRoot.Options.adf(Deterministic.INTERCEPT, 1));
        assertEquals(10, r.units());
    }

    @Test
    void aDuplicatePeriodIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PanelSeries.of(new int[] {0, 0, 1}, new int[] {1990, 1990, 1990}, new String[] {"AT", "BE"},
                        new double[] {1, 2, 3}));
        assertEquals("unit AT has two rows for period 1990", e.getMessage());
    }

    @Test
    void gapsAreNotAdjacent() {
        // 1..5 then 7..9: dy at 7 does not exist, so the first ADF row with one lag is period 9
        PanelSeries s = PanelSeries.of(new double[] {1, 3, 2, 5, 4, 8, 6, 9}, new int[] {0, 0, 0, 0, 0, 0, 0, 0},
                new int[] {1, 2, 3, 4, 5, 7, 8, 9});
        assertFalse(s.consecutive(0));
        assertEquals(-1, s.lagRow(0, 5, 1));
        assertEquals(4, s.lagRow(0, 5, 2));
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 1, 2, 3}, Adf.runs(s, 0));
        Adf.Fit f = Adf.fit(s, 0, 0, 1, Deterministic.NONE, true, false);
        assertEquals(3 + 1, f.nobs);
    }

    @Test
    void llcRefusesUnbalancedPanels() {
        PanelSeries s = GoldenData.table("grunfeld_unbal").series("inv");
        PanelTestException e = assertThrows(PanelTestException.class,
                () -> LevinLinChu.test(s, LevinLinChu.Options.of(Deterministic.INTERCEPT, Lags.fixedOrder(1))));
        assertEquals("the Levin-Lin-Chu test needs a balanced panel without gaps (as R plm and Stata's xtunitroot llc): "
                + "unit 1 has 17 observations in periods 1936-1952, unit 8 has 20 in 1935-1954; restrict the sample to "
                + "common periods or use a Fisher or IPS test", e.getMessage());
    }

    @Test
    void llcBandwidthTooLarge() {
        PanelSeries s = GoldenData.table("grunfeld").series("inv");
        PanelTestException e = assertThrows(PanelTestException.class, () -> LevinLinChu.test(s,
                LevinLinChu.Options.of(Deterministic.INTERCEPT, Lags.fixedOrder(0)).withFixedBandwidth(19)));
        assertEquals("the Bartlett bandwidth 19 is too large for 20 periods (at most T - 2 = 18 autocovariances of the "
                + "differenced series exist); give a smaller bandwidth or use a longer panel", e.getMessage());
    }

    @Test
    void llcBandwidthRules() {
        assertEquals(9, LevinLinChu.bandwidth(20, LevinLinChu.Bandwidth.PLM));
        assertEquals(8, LevinLinChu.bandwidth(20, LevinLinChu.Bandwidth.STATA));
        assertEquals(7, LevinLinChu.bandwidth(9, LevinLinChu.Bandwidth.PLM));
        assertEquals(6, LevinLinChu.bandwidth(9, LevinLinChu.Bandwidth.STATA));
    }

    @Test
    void llcNotesShortPanels() {
        LlcResult r = LevinLinChu.test(GoldenData.table("grunfeld").series("inv"),
                LevinLinChu.Options.of(Deterministic.TREND, Lags.fixedOrder(1)));
        assertEquals(List.of("T = 20 is below the range of LLC (2002) Table 2 (25 to 500): the values at T = 25 are used"), r.notes());
    }

    @Test
    void adfNeedsEnoughObservations() {
        PanelSeries s = GoldenData.table("empluk").series("emp");
        PanelTestException e = assertThrows(PanelTestException.class,
                () -> FisherUnitRoot.test(s, FisherUnitRoot.Options.adf(Deterministic.TREND, 3)));
        assertEquals("unit 1: the Dickey-Fuller regression with 3 lags and an intercept and a trend has 3 usable "
                + "observations for 6 coefficients; use fewer lags or drop the unit (it has 7 observations)", e.getMessage());
    }

    @Test
    void lagSelectionNeedsEnoughObservations() {
        PanelSeries s = GoldenData.table("empluk").series("emp");
        PanelTestException e = assertThrows(PanelTestException.class,
                () -> ImPesaranShin.test(s, ImPesaranShin.Options.of(Deterministic.INTERCEPT, Lags.select(Lags.Rule.AIC, 4))));
        assertEquals("unit 1: choosing the lag order up to pmax = 4 with an intercept leaves 2 usable observations for up "
                + "to 6 coefficients; lower pmax (it has 7 observations)", e.getMessage());
    }

    @Test
    void ipsNeedsDeterministicTerms() {
        PanelTestException e = assertThrows(PanelTestException.class, () -> ImPesaranShin.test(
                GoldenData.table("grunfeld").series("inv"), ImPesaranShin.Options.of(Deterministic.NONE, Lags.fixedOrder(0))));
        assertEquals("the Im-Pesaran-Shin test needs deterministic: intercept or trend (its moments are tabulated only "
                + "for those models)", e.getMessage());
    }

    @Test
    void ipsTableHoles() {
        // 5 lags need T >= 20 in IPS's table: Grunfeld gives 20 - 5 - 1 = 14 observations
        PanelTestException e = assertThrows(PanelTestException.class, () -> ImPesaranShin.test(
                GoldenData.table("grunfeld").series("inv"), ImPesaranShin.Options.of(Deterministic.INTERCEPT, Lags.fixedOrder(5))));
        assertEquals("unit 1: IPS (2003) Table 3 gives no moments for 5 lags with T = 14 regression observations (with 5 "
                + "or more lags it needs T >= 20 or 25); use fewer lags or a longer panel", e.getMessage());
    }

    @Test
    void dhSaysWhyZbarTildeIsMissing() {
        DhResult r = DumitrescuHurlin.test(GoldenData.table("empluk").series("emp", "wage"), 1, null);
        assertTrue(Double.isNaN(r.zbarTilde()));
        assertEquals("Z-bar tilde needs more than 5 + 3K = 8 periods in every unit (K = 1 lag: the finite-T moments of the "
                + "Wald statistics exist only for T - K > 5 + 2K); unit 1 has 7; use fewer lags or a longer panel",
                r.zbarTildeProblem());
        Map<String, Object> m = r.toMap();
        assertFalse(m.containsKey("zbarTilde"));
        assertFalse(m.containsKey("pZbarTilde"));
        assertEquals(r.zbarTildeProblem(), m.get("zbarTildeProblem"));
    }

    @Test
    void dhRegressionNeedsEnoughPeriods() {
        PanelTestException e = assertThrows(PanelTestException.class,
                () -> DumitrescuHurlin.test(GoldenData.table("empluk").series("emp", "wage"), 2, null));
        assertEquals("unit 1: the Granger regression with 2 lags has 5 usable observations for 5 coefficients; use fewer "
                + "lags (it has 7 periods, at least 3K + 2 = 8 are needed)", e.getMessage());
    }

    @Test
    void dhBootstrapIsDeterministicAtAnyThreadCount() {
        PanelSeries s = GoldenData.table("grunfeld").series("inv", "value");
        DumitrescuHurlin.Bootstrap b = DumitrescuHurlin.Bootstrap.of(199, 20240601L);
        Map<String, Object> one = DumitrescuHurlin.test(s, 1, b).toMap();
        Map<String, Object> four = DumitrescuHurlin.test(s, 1, b.withThreads(4)).toMap();
        assertEquals(one, four);
        assertEquals(one, DumitrescuHurlin.test(s, 1, b.withThreads(3)).toMap());
        Map<String, Object> other = DumitrescuHurlin.test(s, 1, DumitrescuHurlin.Bootstrap.of(199, 7L)).toMap();
        assertNotEquals(one.get("critZbarBoot"), other.get("critZbarBoot"));
        double p = (Double) one.get("pZbarBoot");
        assertTrue(p >= 0 && p <= 1);
        assertEquals(199, one.get("bootReps"));
        // block bootstrap runs too
        DhResult blocks = DumitrescuHurlin.test(s, 2, b.withBlockLength(3));
        assertTrue(blocks.bootstrap().critZbarTilde() > 0);
    }

    @Test
    void dhBootstrapNeedsABalancedPanel() {
        PanelTestException e = assertThrows(PanelTestException.class, () -> DumitrescuHurlin.test(
                GoldenData.table("grunfeld_unbal").series("inv", "value"), 1, DumitrescuHurlin.Bootstrap.of(9, 1)));
        assertEquals("the Dumitrescu-Hurlin bootstrap needs a balanced panel without gaps (as xtgcause): it resamples "
                + "whole periods across units; drop the bootstrap or balance the panel", e.getMessage());
    }

    /**
     * Size of the bootstrap test: on 200 panels simulated under H0 (N = 8, T = 20, y an AR(1) independent of
     * x), the bootstrap p-value of Z-bar tilde falls below 5% in a share of panels consistent with 5%.
     */
    @Test
    void dhBootstrapHasTheRightSize() {
        SplitMix64 rng = new SplitMix64(99);
        int panels = 200;
        int rejections = 0;
        int n = 8;
        int t = 20;
        for (int r = 0; r < panels; r++) {
            int[] unit = new int[n * t];
            int[] time = new int[n * t];
            double[] y = new double[n * t];
            double[] x = new double[n * t];
            for (int g = 0; g < n; g++) {
                double yl = 0;
                double xl = 0;
                for (int p = 0; p < t; p++) {
                    int i = g * t + p;
                    unit[i] = g;
                    time[i] = p;
                    yl = 0.5 * yl + gauss(rng);
                    xl = 0.5 * xl + gauss(rng);
                    y[i] = yl;
                    x[i] = xl;
                }
            }
            PanelSeries s = PanelSeries.of(unit, time, null, y, x);
            DhResult res = DumitrescuHurlin.test(s, 1, DumitrescuHurlin.Bootstrap.of(99, r));
            if (res.bootstrap().pZbarTilde() < 0.05) {
                rejections++;
            }
        }
        // binomial(200, 0.05): mean 10, sd 3.1
        assertTrue(rejections >= 2 && rejections <= 22, "rejections " + rejections + " of " + panels);
    }

    private static double gauss(SplitMix64 r) {
        double u1 = r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    @Test
    void statBelowZeroAndNonPositiveDefiniteDifferenceAreReported() {
        HausmanResult r = Hausman.test(List.of("x", "z"), new double[] {1, 0.5}, new double[][] {{1, 0}, {0, 3}},
                List.of("x", "z", "(Intercept)"), new double[] {0, 0.4, 9}, new double[][] {{2, 0, 0}, {0, 1, 0}, {0, 0, 1}},
                Hausman.Method.CHISQ);
        assertEquals(-1 + 0.01 / 2, r.statistic(), 1e-15);
        assertTrue(Double.isNaN(r.p()));
        assertFalse(r.valid());
        assertEquals(List.of(
                "V_b - V_B is not positive definite (smallest eigenvalue -1): the efficient model is not more precise "
                        + "than the consistent one on these data, so the test's assumptions fail",
                "the statistic is negative (-0.995): the models fitted on these data fail the asymptotic assumptions of "
                        + "the Hausman test; no p-value is reported (R plm reports the p-value of |H|)"), r.warnings());
        Map<String, Object> m = r.toMap();
        assertFalse(m.containsKey("p"));
        assertEquals(2, m.get("df"));
        assertEquals(r.warnings(), m.get("warnings"));
    }

    @Test
    void generalizedInverseUsesTheRank() {
        // V_b - V_B = [[1, 1], [1, 1]] has rank 1; b - B = (1, 1) lies in its column space: any g-inverse gives 1
        List<String> names = List.of("a", "b");
        double[][] vb = {{2, 1}, {1, 2}};
        double[][] ve = {{1, 0}, {0, 1}};
        HausmanResult r = Hausman.test(names, new double[] {1, 1}, vb, names, new double[] {0, 0}, ve, Hausman.Method.STATA);
        assertEquals(1.0, r.statistic(), 1e-14);
        assertEquals(1, r.df());
        assertEquals(Dist.chiSquaredUpper(1, 1), r.p(), 1e-15);
        PanelTestException e = assertThrows(PanelTestException.class,
                () -> Hausman.test(names, new double[] {1, 1}, vb, names, new double[] {0, 0}, ve, Hausman.Method.CHISQ));
        assertEquals("V_b - V_B is singular, so the Hausman statistic cannot be computed with a regular inverse; use "
                + "method: generalized (generalized inverse, df = rank)", e.getMessage());
    }

    @Test
    void sweepInverseInvertsNonsingularMatrices() {
        double[][] a = {{4, 1, 0.5}, {1, 3, -0.2}, {0.5, -0.2, 2}};
        double[][] g = Hausman.sweepInverse(a);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += a[i][k] * g[k][j];
                }
                assertEquals(i == j ? 1 : 0, s, 1e-14);
            }
        }
        // indefinite but nonsingular: still the inverse (negative pivots are swept)
        double[][] b = {{1, 2}, {2, 1}};
        double[][] gb = Hausman.sweepInverse(b);
        assertEquals(-1.0 / 3, gb[0][0], 1e-15);
        assertEquals(2.0 / 3, gb[0][1], 1e-15);
    }

    @Test
    void mackinnonIsMonotoneAndInsideTheUnitInterval() {
        for (Deterministic d : Deterministic.values()) {
            double prev = 0;
            for (double tau = -30; tau <= 5; tau += 0.01) {
                double p = MacKinnon.pValue(tau, d);
                assertTrue(p > 0 && p < 1, d + " " + tau);
                assertTrue(p >= prev, d + " " + tau);
                prev = p;
            }
        }
        // the asymptotic 5% critical value of the constant case, -2.86 (Fuller 1976), sits at p = 0.05
        assertEquals(0.0502, MacKinnon.pValue(-2.86, Deterministic.INTERCEPT), 5e-5);
    }

    @Test
    void normalQuantileInTheTails() {
        // R 4.2.2: qnorm(1e-20) = -9.2623400897984052, qnorm(1e-300) = -37.047096299361201, qnorm(0.025) = -1.959963984540054
        assertEquals(-9.2623400897984052, Dist.normalQuantile(1e-20), 1e-14);
        assertEquals(-37.047096299361201, Dist.normalQuantile(1e-300), 1e-13);
        assertEquals(-1.959963984540054, Dist.normalQuantile(0.025), 1e-15);
        assertEquals(1.959963984540054, Dist.normalQuantile(0.975), 1e-14);
    }

    @Test
    void resultMapsKeepTheContractKeys() {
        PanelSeries s = GoldenData.table("grunfeld").series("inv", "value");
        assertEquals(List.of("test", "statistic", "p", "delta", "seDelta", "tDelta", "lags", "lagSelection", "bandwidth",
                "sbar", "sigmaEps2", "tTilde", "mu", "sigma", "units", "periods", "deterministic", "h0", "h1", "notes"),
                List.copyOf(LevinLinChu.test(s, LevinLinChu.Options.of(Deterministic.INTERCEPT, Lags.fixedOrder(1))).toMap().keySet()));
        assertEquals(List.of("test", "statistic", "p", "df", "z", "pZ", "lstar", "pLstar", "lstarDf", "pm", "pPm", "units",
                "lags", "lagSelection", "deterministic", "convention", "h0", "h1", "unitStatistics", "unitP"),
                List.copyOf(FisherUnitRoot.test(s, FisherUnitRoot.Options.adf(Deterministic.INTERCEPT, 1)).toMap().keySet()));
        Map<String, Object> dh = DumitrescuHurlin.test(s, 1, null).named("value", "inv", "firm").toMap();
        assertEquals(List.of("test", "lags", "wbar", "zbar", "pZbar", "zbarTilde", "pZbarTilde", "units", "periods", "h0",
                "h1", "unitWald", "unitP"), List.copyOf(dh.keySet()));
        assertEquals("value does not Granger-cause inv", dh.get("h0"));
        assertEquals("value does Granger-cause inv for at least one panel unit (firm)", dh.get("h1"));
        assertTrue(dh.get("wbar") instanceof Double);
        assertTrue(dh.get("lags") instanceof Integer);
    }
}
