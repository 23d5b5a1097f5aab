package dev.repro.estimate.paneltest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Row order, gaps, exact messages, flags and determinism of the panel tests. */
class PanelTestBehaviourTest {
    private static Golden.Panel grunfeld() {
        return Golden.panel("grunfeld");
    }

    /** The same panel with its rows in a random (seeded) order. */
    private static PanelSeries shuffled(Golden.Panel p, long seed, double[]... cols) {
        int n = p.unit().length;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        Random r = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] u = new int[n];
        int[] t = new int[n];
        double[][] c = new double[cols.length][n];
        for (int i = 0; i < n; i++) {
            u[i] = p.unit()[perm[i]];
            t[i] = p.time()[perm[i]];
            for (int k = 0; k < cols.length; k++) {
                c[k][i] = cols[k][perm[i]];
            }
        }
        return PanelSeries.of(u, t, p.labels(), c);
    }

    @Test
    void rowOrderDoesNotMatter() {
        Golden.Panel p = grunfeld();
        double[] inv = p.values("inv");
        double[] value = p.values("value");
        PanelSeries sorted = PanelSeries.of(p.unit(), p.time(), p.labels(), inv, value);
        PanelSeries mixed = shuffled(p, 42, inv, value);
        LevinLinChu.Options o = LevinLinChu.Options.of(Deterministic.TREND, Lags.select(Lags.Rule.AIC, 3));
        assertSameResult(LevinLinChu.test(sorted, o), LevinLinChu.test(mixed, o));
        FisherUnitRoot.Options f = FisherUnitRoot.Options.pp(Deterministic.INTERCEPT, -1);
        assertSameResult(FisherUnitRoot.test(sorted, f), FisherUnitRoot.test(mixed, f));
        assertSameResult(DumitrescuHurlin.test(sorted, 2, null), DumitrescuHurlin.test(mixed, 2, null));
    }

    @Test
    void missingValuesDropRowsAndGapsBreakLags() {
        // unit 0: periods 1..6 with period 4 missing (NaN) -> runs 1-3 and 5-6; unit 1: periods 1..6 complete
        double[] y = {1, 3, 2, 0, 5, 4, 2, 1, 4, 3, 6, 5};
        y[3] = Double.NaN;
        int[] unit = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1};
        int[] time = {1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6};
        PanelSeries s = PanelSeries.of(y, unit, time);
        assertEquals(11, s.rows());
        assertFalse(s.consecutive(0));
        assertFalse(s.balancedWithoutGaps());
        // with 0 lags unit 0 has the differences at periods 2, 3 and 6 only
        FisherResult r = FisherUnitRoot.test(s, FisherUnitRoot.Options.adf(Deterministic.NONE, 0));
        assertArrayEquals(new int[] {3, 5}, r.unitObs());
    }

    @Test
    void duplicatePeriodsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PanelSeries.of(
                new int[] {0, 0, 1}, new int[] {1, 1, 1}, new String[] {"Alabama", "Alaska"}, new double[] {1, 2, 3}));
        assertEquals("unit Alabama has two rows for period 1", e.getMessage());
    }

    @Test
    void tooFewObservationsAreExplained() {
        Golden.Panel p = grunfeld();
        PanelSeries s = PanelSeries.of(p.unit(), p.time(), p.labels(), p.values("inv"));
        PanelTestException e = assertThrows(PanelTestException.class, () -> FisherUnitRoot.test(s,
                FisherUnitRoot.Options.adf(Deterministic.TREND, 16)));
        assertEquals("unit 1: the Dickey-Fuller regression with 16 lags and an intercept and a trend has 3 usable observations "
                + "for 19 coefficients; use fewer lags or drop the unit (it has 20 observations)", e.getMessage());
        PanelTestException b = assertThrows(PanelTestException.class, () -> LevinLinChu.test(s,
                LevinLinChu.Options.of(Deterministic.INTERCEPT, Lags.fixedOrder(1)).withFixedBandwidth(19)));
        assertEquals("the Bartlett bandwidth 19 is too large for 20 periods (at most T - 2 = 18 autocovariances of the "
                + "differenced series exist); give a smaller bandwidth or use a longer panel", b.getMessage());
    }

    @Test
    void llcNotesTheTableRange() {
        Golden.Panel p = grunfeld();
        LlcResult r = LevinLinChu.test(PanelSeries.of(p.values("inv"), p.unit(), p.time()),
                LevinLinChu.Options.of(Deterministic.INTERCEPT, Lags.fixedOrder(1)));
        assertEquals(List.of("T = 20 is below the range of LLC (2002) Table 2 (25 to 500): the values at T = 25 are used"),
                r.notes());
        // the results.json keys, notes included, are checked by pipeline.TestResultsTest
        assertTrue(Arrays.stream(r.lags()).allMatch(l -> l == 1), Arrays.toString(r.lags()));
        assertEquals(9, r.bandwidth()); // plm's rule: round(3.21 * 20^(1/3)) = round(8.71)
    }

    @Test
    void generalizedInverseUsesTheRank() {
        // V_b - V_B of rank 1: the regular inverse fails, the generalized one gives df = 1
        List<String> names = List.of("a", "b");
        double[][] vb = {{2, 2}, {2, 2}};
        double[][] ve = {{1, 1}, {1, 1}};
        double[] b = {1, 1};
        double[] be = {0.5, 0.5};
        HausmanResult g = Hausman.test(names, b, vb, names, be, ve, Hausman.Method.STATA);
        assertEquals(1, g.df());
        // (b - B)' G (b - B) with G the inverse of the first pivot only: 0.5^2 / 1
        assertEquals(0.25, g.statistic(), 1e-15);
        assertFalse(g.valid());
        PanelTestException e = assertThrows(PanelTestException.class,
                () -> Hausman.test(names, b, vb, names, be, ve, Hausman.Method.CHISQ));
        assertEquals("V_b - V_B is singular, so the Hausman statistic cannot be computed with a regular inverse; "
                + "use method: stata (generalized inverse, df = rank)", e.getMessage());
    }

    @Test
    void negativeStatisticIsFlaggedNotHidden() {
        List<String> names = List.of("x");
        HausmanResult h = Hausman.test(names, new double[] {1}, new double[][] {{1}}, names, new double[] {0},
                new double[][] {{2}}, Hausman.Method.CHISQ);
        assertEquals(-1.0, h.statistic(), 0);
        assertEquals(Dist.chiSquaredUpper(1.0, 1), h.p(), 0);
        assertEquals(List.of(
                "V_b - V_B is not positive definite (smallest eigenvalue -1): the efficient model is not more precise than "
                        + "the consistent one on these data, so the test's assumptions fail",
                "the statistic is negative (-1): the models fitted on these data fail the asymptotic assumptions of the "
                        + "Hausman test; p is that of |H| (as R plm reports it) and should not be relied on"), h.warnings());
        assertFalse(h.positiveDefinite());
        assertFalse(h.valid());
        assertEquals(-1.0, h.statistic());
    }

    /** Two results equal component by component, arrays by their contents (a record's equals compares arrays by reference). */
    private static void assertSameResult(Record a, Record b) {
        assertEquals(a.getClass(), b.getClass());
        for (RecordComponent c : a.getClass().getRecordComponents()) {
            try {
                Object x = c.getAccessor().invoke(a);
                Object y = c.getAccessor().invoke(b);
                if (x instanceof double[] dx) {
                    assertArrayEquals(dx, (double[]) y, c.getName());
                } else if (x instanceof int[] ix) {
                    assertArrayEquals(ix, (int[]) y, c.getName());
                } else {
                    assertEquals(x, y, c.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot read " + c.getName(), e);
            }
        }
    }

    @Test
    void macKinnonIsMonotoneAndInsideZeroOne() {
        for (Deterministic d : Deterministic.values()) {
            double last = 0;
            for (double tau = -40; tau <= 10; tau += 0.01) {
                double p = MacKinnon.pValue(tau, d);
                // p reaches 1 to double precision only far right in the no-constant model (no turning point there)
                assertTrue(p > 0 && p <= 1, d + " " + tau);
                assertTrue(p >= last, d + " not monotone at " + tau);
                last = p;
            }
        }
    }

    @Test
    void bootstrapIsTheSameAtAnyThreadCount() {
        Golden.Panel p = grunfeld();
        PanelSeries s = PanelSeries.of(p.unit(), p.time(), p.labels(), p.values("inv"), p.values("value"));
        DhResult one = DumitrescuHurlin.test(s, 1, DumitrescuHurlin.Bootstrap.of(199, 20240501L));
        DhResult four = DumitrescuHurlin.test(s, 1, DumitrescuHurlin.Bootstrap.of(199, 20240501L).withThreads(4));
        assertSameResult(one, four);
        double pb = one.bootstrap().pZbar();
        assertTrue(pb >= 0 && pb <= 1);
        assertEquals(one.wbar(), DumitrescuHurlin.test(s, 1, null).wbar(), 0);
    }
}
