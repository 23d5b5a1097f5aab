package dev.repro.estimate.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.estimate.linear.Covariance;
import dev.repro.estimate.linear.LinearFit;
import dev.repro.estimate.linear.LinearModel;
import dev.repro.estimate.linear.LinearOptions;
import dev.repro.estimate.linear.LinearProblem;
import dev.repro.numeric.Effect;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The determinism of the engine across threads, and the exactness of the cross-product path. */
class ClusterBootstrapTest {
    @Test
    void drawsAreUniform() {
        int g = 7;
        int[] count = new int[g];
        for (int b = 0; b < 2000; b++) {
            for (int u : ClusterBootstrap.draw(11, b, g)) {
                count[u]++;
            }
        }
        for (int c : count) {
            assertTrue(Math.abs(c - 2000) < 200, "count " + c); // 14000 draws, 2000 expected per unit, sd ~ 41
        }
    }

    @Test
    void sameResultsAtAnyThreadCount() {
        double[][] one = ClusterBootstrap.run(1001, 30, 20250521L, 1, () -> d -> new double[] {d[0] * 31 + d[29], d[7]});
        for (int threads : new int[] {2, 3, 8}) {
            double[][] many = ClusterBootstrap.run(1001, 30, 20250521L, threads, () -> d -> new double[] {d[0] * 31 + d[29], d[7]});
            for (int b = 0; b < one.length; b++) {
                assertArrayEquals(one[b], many[b], "replicate " + b + " at " + threads + " threads");
            }
        }
    }

    /** An unbalanced panel: 12 units with 3 to 8 periods, a year effect and a region effect (nested in units). */
    static double[][] panel(int[] unit, int[] year, int[] region) {
        SplittableRandom r = new SplittableRandom(5);
        int n = unit.length;
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = r.nextGaussian() + 0.3 * unit[i];
            x2[i] = r.nextGaussian() + 0.1 * year[i];
            y[i] = 1.5 * x1[i] - 0.7 * x2[i] + unit[i] * 0.2 + year[i] * 0.1 + region[i] + r.nextGaussian();
        }
        return new double[][] {y, x1, x2};
    }

    @Test
    void crossProductPathEqualsTheFullTwoWayFitOnEveryReplicate() throws Exception {
        List<int[]> rows = new ArrayList<>();
        for (int u = 0; u < 12; u++) {
            int len = 3 + u % 6;
            for (int t = 0; t < len; t++) {
                rows.add(new int[] {u, (t + u) % 8, u % 3});
            }
        }
        int n = rows.size();
        int[] unit = new int[n];
        int[] year = new int[n];
        int[] region = new int[n];
        for (int i = 0; i < n; i++) {
            unit[i] = rows.get(i)[0];
            year[i] = rows.get(i)[1];
            region[i] = rows.get(i)[2];
        }
        double[][] v = panel(unit, year, region);
        UnitCrossProducts cp = new UnitCrossProducts(v, new int[][] {year, region}, new int[] {8, 3}, unit, 12, true);
        int q = cp.columns();
        int[] regs = new int[q - 1];
        regs[0] = 1;
        regs[1] = 2;
        int[] nuis = cp.nuisance();
        System.arraycopy(nuis, 0, regs, 2, nuis.length);
        double[] sum = new double[q * q];
        for (int b = 0; b < 25; b++) {
            int[] drawn = ClusterBootstrap.draw(99, b, 12);
            cp.sum(drawn, sum);
            double[] lean = UnitCrossProducts.solve(sum, q, 0, regs);
            // materialise the replicate: copy k of unit drawn[k] gets id k
            List<Integer> idx = new ArrayList<>();
            List<Integer> ids = new ArrayList<>();
            for (int k = 0; k < drawn.length; k++) {
                for (int i = 0; i < n; i++) {
                    if (unit[i] == drawn[k]) {
                        idx.add(i);
                        ids.add(k);
                    }
                }
            }
            int m = idx.size();
            double[] y = new double[m];
            double[][] x = new double[2][m];
            int[] uid = new int[m];
            int[] yr = new int[m];
            for (int i = 0; i < m; i++) {
                y[i] = v[0][idx.get(i)];
                x[0][i] = v[1][idx.get(i)];
                x[1][i] = v[2][idx.get(i)];
                uid[i] = ids.get(i);
                yr[i] = year[idx.get(i)];
            }
            LinearFit fit = LinearModel.fit(new LinearProblem("y", y, List.of("x1", "x2"), x,
                    List.of(new Effect("unit", uid, 12), new Effect("year", yr, 8)), Covariance.iid(), LinearOptions.defaults()));
            assertEquals(fit.coefficient("x1").estimate(), lean[0], 1e-9 * Math.abs(lean[0]), "replicate " + b);
            assertEquals(fit.coefficient("x2").estimate(), lean[1], 1e-9 * Math.abs(lean[1]), "replicate " + b);
            // the region dummies are collinear with the unit effect: left out, as regress omits them
            assertTrue(Double.isNaN(lean[2 + 7]) && Double.isNaN(lean[2 + 8]));
        }
    }

    @Test
    void intervalsOnAKnownSample() {
        double[] s = Intervals.valid(new double[] {5, 1, Double.NaN, 3, 2, 4});
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, s);
        assertEquals(1.2, Intervals.quantile(s, 0.05), 1e-15); // R: quantile(1:5, 0.05) = 1.2
        assertEquals(Math.sqrt(2.5), Intervals.se(s), 1e-15);
        assertEquals(0.0, Intervals.percentileP(s));
        assertEquals(1.0, Intervals.percentileP(new double[] {-1, 0, 1}));
        double[] bc = Intervals.biasCorrected(s, 10, 0.9);
        assertTrue(Double.isNaN(bc[0]) && Double.isNaN(bc[1]), "every replicate below the estimate");
    }
}
