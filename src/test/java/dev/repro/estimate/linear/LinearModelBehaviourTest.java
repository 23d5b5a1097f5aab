package dev.repro.estimate.linear;

import dev.repro.numeric.Effect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

class LinearModelBehaviourTest {

    static double[] noise(int n, SplittableRandom r) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    @Test
    void perfectlyCollinearRegressorIsDroppedByName() {
        SplittableRandom r = new SplittableRandom(1);
        int n = 50;
        double[] x1 = noise(n, r);
        double[] x2 = noise(n, r);
        double[] x3 = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x3[i] = x1[i] + 2 * x2[i];
            y[i] = 1 + x1[i] - x2[i] + r.nextGaussian();
        }
        LinearFit f = LinearModel.fit(new LinearProblem("y", y, List.of("x1", "x2", "x3"), new double[][] {x1, x2, x3},
            List.of(), Covariance.hc1()));
        assertEquals(List.of("x3"), f.dropped());
        assertEquals(List.of("x1", "x2", "(Intercept)"), f.coefficients().stream().map(Coefficient::term).toList());
        for (Coefficient c : f.coefficients()) {
            assertTrue(Double.isFinite(c.stdError()) && Double.isFinite(c.p()), c.toString());
        }
        assertEquals(n - 3, f.dfResid());
    }

    @Test
    void regressorAbsorbedByFixedEffectIsDropped() {
        SplittableRandom r = new SplittableRandom(2);
        int n = 60;
        int[] firm = new int[n];
        double[] level = noise(6, r);
        double[] x1 = noise(n, r);
        double[] xFirm = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            firm[i] = i % 6;
            xFirm[i] = level[firm[i]];
            y[i] = x1[i] + level[firm[i]] + r.nextGaussian();
        }
        double[] constant = new double[n];
        Arrays.fill(constant, 3.0);
        LinearFit f = LinearModel.fit(new LinearProblem("y", y, List.of("x1", "xFirm", "one"),
            new double[][] {x1, xFirm, constant}, List.of(new Effect("firm", firm, 6)), Covariance.cluster(new Effect("firm", firm, 6))));
        assertEquals(List.of("xFirm", "one"), f.dropped());
        assertEquals(List.of("x1"), f.slopeNames());
        assertEquals(List.of("firm"), f.nestedInCluster());
        assertEquals(5, f.dfTest());
    }

    /** A three-way fixed-effects fit equals the two-way fit with the third effect's dummies as regressors (FWL). */
    @Test
    void threeWayEqualsTwoWayPlusDummies() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 800;
        Effect a = FixedEffectsProjectorTest.random("a", n, 40, r);
        Effect b = FixedEffectsProjectorTest.random("b", n, 15, r);
        Effect c = FixedEffectsProjectorTest.random("c", n, 5, r);
        double[] x = noise(n, r);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 0.5 * x[i] + a.codes()[i] * 0.1 - b.codes()[i] * 0.2 + c.codes()[i] + r.nextGaussian();
        }
        LinearFit three = LinearModel.fit(new LinearProblem("y", y, List.of("x"), new double[][] {x}, List.of(a, b, c), Covariance.iid()));
        List<String> names = new ArrayList<>(List.of("x"));
        List<double[]> cols = new ArrayList<>(List.of(x));
        for (int g = 1; g < c.levels(); g++) {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = c.codes()[i] == g ? 1 : 0;
            }
            names.add("c" + g);
            cols.add(d);
        }
        LinearFit two = LinearModel.fit(new LinearProblem("y", y, names, cols.toArray(new double[0][]), List.of(a, b), Covariance.iid()));
        assertEquals(two.coefficient("x").estimate(), three.coefficient("x").estimate(), 1e-10);
        assertEquals(two.coefficient("x").stdError(), three.coefficient("x").stdError(), 1e-10);
        assertEquals(two.dfResid(), three.dfResid());
        assertEquals(40 + 14 + 4, three.absorbedDf());
    }

    @Test
    void singletonsAreDroppedIterativelyAndCounted() {
        // firm 3 has one row (singleton); after dropping it, year 2 keeps a single row, which goes next
        int[] firm = {0, 0, 0, 1, 1, 1, 2, 2, 3};
        int[] year = {0, 1, 2, 0, 1, 3, 0, 1, 2};
        SplittableRandom r = new SplittableRandom(9);
        double[] x = noise(9, r);
        double[] y = noise(9, r);
        Effect f = new Effect("firm", firm, 4);
        Effect t = new Effect("year", year, 4);
        LinearOptions drop = LinearOptions.defaults().withSingletons(Singletons.DROP);
        LinearFit dropped = LinearModel.fit(new LinearProblem("y", y, List.of("x"), new double[][] {x}, List.of(f, t), Covariance.iid(), drop));
        // rows 8 (firm 3), then 2 (year 2 alone), then 5 (year 3 alone)
        assertEquals(3, dropped.singletonsDropped());
        assertArrayEquals(new int[] {0, 1, 3, 4, 6, 7}, dropped.rows());
        int[] keep = dropped.rows();
        double[] xs = new double[keep.length];
        double[] ys = new double[keep.length];
        int[] fs = new int[keep.length];
        int[] ts = new int[keep.length];
        for (int i = 0; i < keep.length; i++) {
            xs[i] = x[keep[i]];
            ys[i] = y[keep[i]];
            fs[i] = firm[keep[i]];
            ts[i] = year[keep[i]];
        }
        LinearFit subset = LinearModel.fit(new LinearProblem("y", ys, List.of("x"), new double[][] {xs},
            List.of(new Effect("firm", fs, 3), new Effect("year", ts, 2)), Covariance.iid()));
        assertEquals(subset.coefficient("x").estimate(), dropped.coefficient("x").estimate(), 1e-12);
        assertEquals(subset.coefficient("x").stdError(), dropped.coefficient("x").stdError(), 1e-12);
        assertEquals(6, dropped.nobs());
        assertArrayEquals(new int[] {3, 2}, dropped.absorbedLevels());
        LinearFit kept = LinearModel.fit(new LinearProblem("y", y, List.of("x"), new double[][] {x}, List.of(f, t), Covariance.iid()));
        assertEquals(0, kept.singletonsDropped());
        assertEquals(9, kept.nobs());
    }

    @Test
    void twoWayClusterCanBeMadePositiveSemiDefinite() {
        SplittableRandom r = new SplittableRandom(11);
        int n = 40;
        Effect g1 = FixedEffectsProjectorTest.random("g1", n, 4, r);
        Effect g2 = FixedEffectsProjectorTest.random("g2", n, 3, r);
        double[][] x = {noise(n, r), noise(n, r), noise(n, r)};
        double[] y = noise(n, r);
        LinearProblem raw = new LinearProblem("y", y, List.of("a", "b", "c"), x, List.of(), Covariance.cluster(g1, g2));
        LinearFit plain = LinearModel.fit(raw);
        LinearFit fixed = LinearModel.fit(new LinearProblem("y", y, List.of("a", "b", "c"), x, List.of(), Covariance.cluster(g1, g2),
            LinearOptions.defaults().withFixNonPsd(true)));
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(fixed.vcov())).getRealEigenvalues();
        for (double e : ev) {
            assertTrue(e > -1e-12 * Math.abs(ev[0]), "eigenvalue " + e);
        }
        assertEquals(plain.coefficient("a").estimate(), fixed.coefficient("a").estimate(), 0.0);
        assertEquals("cluster(g1, g2)", fixed.vcovType());
        assertArrayEquals(new int[] {4, 3}, fixed.clusters());
        assertEquals(2, fixed.dfTest());
    }

    @Test
    void userMistakesGiveReadableMessages() {
        double[] y = {1, 2, 3};
        double[] x = {1, 0, 2};
        LinearModelException few = assertThrows(LinearModelException.class, () -> LinearModel.fit(new LinearProblem("y", y,
            List.of("x"), new double[][] {x}, List.of(new Effect("g", new int[] {0, 1, 1}, 2)), Covariance.iid())));
        assertEquals("3 observations are too few for 1 regressors and 2 absorbed fixed-effect levels: the residual degrees "
            + "of freedom would be 0; use fewer regressors or fixed effects", few.getMessage());
        LinearModelException one = assertThrows(LinearModelException.class, () -> LinearModel.fit(new LinearProblem("y", y,
            List.of("x"), new double[][] {x}, List.of(), Covariance.cluster(new Effect("state", new int[] {0, 0, 0}, 1)))));
        assertEquals("cluster variable state has only 1 cluster in the estimation sample; clustered standard errors need at least 2",
            one.getMessage());
        LinearModelException nan = assertThrows(LinearModelException.class, () -> LinearModel.fit(new LinearProblem("y",
            new double[] {1, Double.NaN, 3}, List.of("x"), new double[][] {x}, List.of(), Covariance.iid())));
        assertEquals("variable y is missing or not finite in observation 2; remove such observations (sample:) or fix the data",
            nan.getMessage());
        LinearModelException none = assertThrows(LinearModelException.class, () -> LinearModel.fit(new LinearProblem("y", y,
            List.of("x"), new double[][] {x}, List.of(new Effect("g", new int[] {0, 1, 2}, 3)), Covariance.iid(),
            LinearOptions.defaults().withSingletons(Singletons.DROP))));
        assertEquals("no observation is left after dropping 3 singleton observations; keep singletons (singletons: keep) or absorb fewer effects",
            none.getMessage());
    }

    @Test
    void parsesStudyValues() {
        List<String> errors = new ArrayList<>();
        assertEquals(new Covariance.Spec(Covariance.Kind.IID, List.of()), Covariance.parse("iid", errors::add));
        assertEquals(new Covariance.Spec(Covariance.Kind.HC1, List.of()), Covariance.parse(" hc1 ", errors::add));
        assertEquals(new Covariance.Spec(Covariance.Kind.CLUSTER, List.of("state")), Covariance.parse("cluster(state)", errors::add));
        assertEquals(new Covariance.Spec(Covariance.Kind.CLUSTER, List.of("firm", "year")), Covariance.parse("cluster(firm, year)", errors::add));
        assertTrue(errors.isEmpty());
        assertNull(Covariance.parse("clustered(state)", errors::add));
        assertNull(Covariance.parse("cluster(state, )", errors::add));
        assertNull(Covariance.parse("cluster(year, year)", errors::add));
        assertEquals(List.of(
            "unknown covariance 'clustered(state)'; expected iid, hc1, cluster(<column>), cluster(<column1>, <column2>), dk(<lag>), nw(<lag>) or hac(<lag>)",
            "vcov 'cluster(state, )' has an invalid cluster column name ''; write cluster(<column>) or cluster(<column1>, <column2>)",
            "vcov 'cluster(year, year)' names cluster column 'year' twice"), errors);
        assertEquals(SmallSample.FIXEST, SmallSample.parse("fixest"));
        assertNull(SmallSample.parse("sas"));
        assertEquals(Singletons.DROP, Singletons.parse("drop"));
        assertNull(Singletons.parse("remove"));
    }

    /** The whole fit is bit-identical at any thread count (only the column projections run in parallel). */
    @Test
    void fitIsBitIdenticalAcrossThreadCounts() {
        SplittableRandom r = new SplittableRandom(21);
        int n = 5000;
        Effect a = FixedEffectsProjectorTest.random("a", n, 300, r);
        Effect b = FixedEffectsProjectorTest.random("b", n, 60, r);
        double[][] x = {noise(n, r), noise(n, r), noise(n, r)};
        double[] y = noise(n, r);
        LinearFit one = null;
        for (int threads : new int[] {1, 2, 4}) {
            LinearFit f = LinearModel.fit(new LinearProblem("y", y, List.of("x1", "x2", "x3"), x, List.of(a, b),
                Covariance.cluster(a, b), LinearOptions.defaults().withThreads(threads)));
            if (one == null) {
                one = f;
            } else {
                for (int j = 0; j < 3; j++) {
                    assertEquals(one.coefficients().get(j), f.coefficients().get(j), "threads " + threads);
                }
                assertArrayEquals(one.residuals(), f.residuals(), 0.0);
            }
        }
    }
}
