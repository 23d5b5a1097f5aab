package dev.repro.estimate.linear;

import dev.repro.numeric.Dense;
import dev.repro.numeric.Effect;
import dev.repro.numeric.Effects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FixedEffectsProjectorTest {

    static Effect random(String name, int n, int levels, SplittableRandom r) {
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = i < levels ? i : r.nextInt(levels);
        }
        return new Effect(name, c, levels);
    }

    static double[] column(int n, SplittableRandom r) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 10 + r.nextGaussian();
        }
        return v;
    }

    /** Exact residual of v on all the dummies (least squares by QR on the dummy columns). */
    static double[] exactResidual(double[] v, List<Effect> effects) {
        List<double[]> dummies = new ArrayList<>();
        for (Effect e : effects) {
            for (int g = 0; g < e.levels(); g++) {
                double[] d = new double[v.length];
                for (int i = 0; i < v.length; i++) {
                    d[i] = e.codes()[i] == g ? 1 : 0;
                }
                dummies.add(d);
            }
        }
        return QrSolution.solve(dummies, v, 1e-10).resid;
    }

    /** Three unbalanced effects: the accelerated alternating projections equal the dummy-variable residual. */
    @Test
    void threeUnbalancedEffectsMatchDummyRegression() {
        SplittableRandom r = new SplittableRandom(42);
        int n = 1500;
        List<Effect> effects = List.of(random("a", n, 60, r), random("b", n, 25, r), random("c", n, 7, r));
        double[] v = column(n, r);
        double[] exact = exactResidual(v, effects);
        double[] p = v.clone();
        FixedEffectsProjector.Outcome out = new FixedEffectsProjector(effects).project(p);
        assertTrue(out.converged());
        double scale = Dense.norm(v);
        for (int i = 0; i < n; i++) {
            assertEquals(exact[i], p[i], 1e-10 * scale, "row " + i);
        }
    }

    /** Same bits whatever the thread count (below one block's rows: a column per thread, sequential sums). */
    @Test
    void bitIdenticalAtAnyThreadCount() {
        SplittableRandom r = new SplittableRandom(7);
        int n = 20_000;
        List<Effect> effects = List.of(random("a", n, 900, r), random("b", n, 40, r));
        List<double[]> base = new ArrayList<>();
        for (int j = 0; j < 5; j++) {
            base.add(column(n, r));
        }
        sameBitsAtEachThreadCount(new FixedEffectsProjector(effects), base);
    }

    /** Projects copies of {@code base} at 1, 2, 3 and 8 threads; every run converges to the same bits, returned. */
    private static List<double[]> sameBitsAtEachThreadCount(FixedEffectsProjector proj, List<double[]> base) {
        List<double[]> reference = null;
        for (int threads : new int[] {1, 2, 3, 8}) {
            List<double[]> cols = new ArrayList<>();
            base.forEach(c -> cols.add(c.clone()));
            proj.projectAll(cols, threads).forEach(o -> assertTrue(o.converged()));
            if (reference == null) {
                reference = cols;
            } else {
                for (int j = 0; j < cols.size(); j++) {
                    assertArrayEquals(reference.get(j), cols.get(j), 0.0, "threads " + threads + " column " + j);
                }
            }
        }
        return reference;
    }

    /**
     * Large enough for passes cut into row blocks (partial sums added in block order): the same bits at any thread
     * count, for several columns or one alone, and the projection is that of plain alternating projections run to
     * convergence (the group sums of the result are zero for every effect).
     */
    @Test
    void rowBlocksGiveTheSameBitsAtAnyThreadCountAndTheProjection() {
        SplittableRandom r = new SplittableRandom(11);
        int n = 300_000;
        List<Effect> effects = List.of(random("a", n, 5_000, r), random("b", n, 30, r));
        List<double[]> base = new ArrayList<>();
        for (int j = 0; j < 3; j++) {
            base.add(column(n, r));
        }
        FixedEffectsProjector proj = new FixedEffectsProjector(effects);
        List<double[]> reference = sameBitsAtEachThreadCount(proj, base);
        double[] alone = base.get(1).clone();
        proj.project(alone);
        assertArrayEquals(reference.get(1), alone, 0.0, "one column alone");
        double[] alternating = base.get(0).clone();
        for (int sweep = 0; sweep < 200; sweep++) {
            for (Effect e : effects) {
                demean(alternating, e);
            }
        }
        double scale = Dense.norm(base.get(0));
        for (int i = 0; i < n; i++) {
            assertEquals(alternating[i], reference.get(0)[i], 1e-9 * scale, "row " + i);
        }
        for (Effect e : effects) {
            double[] sums = new double[e.levels()];
            for (int i = 0; i < n; i++) {
                sums[e.codes()[i]] += reference.get(0)[i];
            }
            for (double s : sums) {
                assertEquals(0.0, s, 1e-9 * scale);
            }
        }
    }

    private static void demean(double[] v, Effect e) {
        double[] sums = new double[e.levels()];
        double[] counts = new double[e.levels()];
        for (int i = 0; i < v.length; i++) {
            sums[e.codes()[i]] += v[i];
            counts[e.codes()[i]]++;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] -= sums[e.codes()[i]] / counts[e.codes()[i]];
        }
    }

    @Test
    void oneEffectIsExactGroupDemeaning() {
        Effect e = new Effect("g", new int[] {0, 0, 1, 1, 1, 2}, 3);
        double[] v = {1, 3, 2, 4, 9, 7};
        FixedEffectsProjector.Outcome out = new FixedEffectsProjector(List.of(e)).project(v);
        assertEquals(new FixedEffectsProjector.Outcome(0, true), out);
        assertArrayEquals(new double[] {-1, 1, -3, -1, 4, 0}, v, 1e-15);
    }

    @Test
    void reportsNonConvergence() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 3000;
        List<Effect> effects = List.of(random("a", n, 300, r), random("b", n, 200, r));
        double[] v = column(n, r);
        FixedEffectsProjector.Outcome out = new FixedEffectsProjector(effects, 1e-14, 1).project(v);
        assertFalse(out.converged());
    }

    /** Two disconnected blocks: the dummies lose one more rank, as reghdfe's connected-components count. */
    @Test
    void connectedComponentsOfTwoEffects() {
        // block 1: a in {0,1}, b in {0,1}; block 2: a in {2}, b in {2,3}
        Effect a = new Effect("a", new int[] {0, 0, 1, 1, 2, 2}, 3);
        Effect b = new Effect("b", new int[] {0, 1, 0, 1, 2, 3}, 4);
        assertEquals(2, Effects.components(a, b));
        assertEquals(3 + 4 - 2, Effects.absorbedRank(List.of(a, b), true));
        assertEquals(3 + 4 - 1, Effects.absorbedRank(List.of(a, b), false));
        assertTrue(DegreesOfFreedom.nestedIn(a, new Effect("c", new int[] {0, 0, 0, 0, 1, 1}, 2)));
        assertFalse(DegreesOfFreedom.nestedIn(b, a));
    }
}
