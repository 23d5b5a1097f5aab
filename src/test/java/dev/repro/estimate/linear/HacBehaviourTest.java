package dev.repro.estimate.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.repro.numeric.Effect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The time-series HAC covariance: its default lag rule, its limits, and the exact text of its mistakes. */
class HacBehaviourTest {
    /**
     * The first T at which floor(4 (T/100)^(2/9)) reaches each value, computed in R (floating point, T up to 100000),
     * except at T = 51200, where 4 (512)^(2/9) is exactly 16 (51200^2 4^9 = 2^40 625 = 16^9 100^2) and R's floating-point
     * floor gives 15; the integer computation gives the exact 16 (also at T = 100, exactly 4, where R agrees).
     */
    @Test
    void defaultLagIsNeweyWest1994RuleOfThumb() {
        int[][] firstT = {{5, 2}, {28, 3}, {100, 4}, {273, 5}, {621, 6}, {1241, 7}, {2263, 8}, {3845, 9}, {6177, 10},
            {9485, 11}, {14030, 12}, {20113, 13}, {28075, 14}, {38295, 15}, {51200, 16}, {67259, 17}, {86988, 18}};
        for (int[] c : firstT) {
            assertEquals(c[1], SerialMeat.timeSeriesDefaultLag(c[0]), "T = " + c[0]);
            assertEquals(c[1] - 1, SerialMeat.timeSeriesDefaultLag(c[0] - 1), "T = " + (c[0] - 1));
        }
        assertEquals(1, SerialMeat.timeSeriesDefaultLag(1));
    }

    static Effect time(int n) {
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            codes[i] = i;
        }
        return new Effect("quarter", codes, n);
    }

    static double[][] xs(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(0.7 * i) + 0.01 * i;
        }
        return new double[][] {x};
    }

    static double[] ys(int n) {
        double[] y = new double[n];
        double u = 0;
        for (int i = 0; i < n; i++) {
            u = 0.6 * u + Math.cos(1.3 * i * i);
            y[i] = 1 + 2 * xs(n)[0][i] + u;
        }
        return y;
    }

    /** hac(0) is hc1 (Stata: newey, lag(0) is regress, vce(robust)); with dof: none it is HC0. */
    @Test
    void lagZeroIsHc1() {
        int n = 40;
        for (SmallSample ss : List.of(SmallSample.STATA, SmallSample.NONE)) {
            LinearOptions o = LinearOptions.defaults().withSmallSample(ss);
            LinearFit hac = LinearModel.fit(new LinearProblem("y", ys(n), List.of("x"), xs(n), List.of(), Covariance.hac(time(n), 0), o));
            LinearFit hc1 = LinearModel.fit(new LinearProblem("y", ys(n), List.of("x"), xs(n), List.of(), Covariance.hc1(), o));
            for (String term : List.of("x", "(Intercept)")) {
                assertEquals(hc1.coefficient(term).stdError(), hac.coefficient(term).stdError(), 1e-12 * hc1.coefficient(term).stdError());
            }
            assertEquals(hc1.dfTest(), hac.dfTest());
            assertEquals("hac(0)", hac.vcovType());
        }
    }

    @Test
    void theDefaultLagIsResolvedInTheLabel() {
        int n = 40; // floor(4 (0.4)^(2/9)) = 3
        LinearFit f = LinearModel.fit(new LinearProblem("y", ys(n), List.of("x"), xs(n), List.of(),
            Covariance.hac(time(n), Covariance.DEFAULT_LAG)));
        assertEquals("hac(3)", f.vcovType());
    }

    @Test
    void aLagAtLeastTheNumberOfPeriodsIsRefused() {
        int n = 12;
        LinearModelException e = assertThrows(LinearModelException.class, () -> LinearModel.fit(new LinearProblem("y", ys(n),
            List.of("x"), xs(n), List.of(), Covariance.hac(time(n), 12))));
        assertEquals("vcov hac(12): the lag 12 must be below the 12 time periods of the estimation sample; use a smaller lag",
            e.getMessage());
    }

    @Test
    void twoObservationsInAPeriodAreRefused() {
        int n = 12;
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            codes[i] = i / 2;
        }
        LinearModelException e = assertThrows(LinearModelException.class, () -> LinearModel.fit(new LinearProblem("y", ys(n),
            List.of("x"), xs(n), List.of(), Covariance.hac(new Effect("year", codes, n / 2), 1))));
        assertEquals("vcov hac(1) needs one observation per period; the estimation sample has 12 observations in 6 periods: "
            + "for a panel use nw(<lag>) or dk(<lag>)", e.getMessage());
    }

    @Test
    void droppedSingletonsWouldLeaveGaps() {
        int n = 12;
        int[] regime = new int[n];
        for (int i = 0; i < n; i++) {
            regime[i] = i == 5 ? 2 : i < 6 ? 0 : 1;
        }
        LinearOptions drop = LinearOptions.defaults().withSingletons(Singletons.DROP);
        LinearModelException e = assertThrows(LinearModelException.class, () -> LinearModel.fit(new LinearProblem("y", ys(n),
            List.of("x"), xs(n), List.of(new Effect("regime", regime, 3)), Covariance.hac(time(n), 1), drop)));
        assertEquals("vcov hac(1): dropping 1 singleton observations would leave gaps in the time series; use singletons: keep",
            e.getMessage());
    }

    @Test
    void hacTakesTheTimeAndNoUnit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new Covariance(Covariance.Kind.HAC, List.of(), time(4), time(4), 1));
        assertEquals("HAC covariance needs the time and takes no panel unit", e.getMessage());
    }
}
