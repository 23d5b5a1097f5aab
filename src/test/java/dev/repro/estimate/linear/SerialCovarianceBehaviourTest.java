package dev.repro.estimate.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.repro.numeric.Effect;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Driscoll-Kraay and Newey-West beyond the plm goldens: any number of absorbed effects, lag 0, mistakes. */
class SerialCovarianceBehaviourTest {
    static final int N = 800;

    record Data(double[] y, double[] x, Effect unit, Effect time, Effect third) {
    }

    static Data data() {
        SplittableRandom r = new SplittableRandom(11);
        Effect unit = FixedEffectsProjectorTest.random("unit", N, 40, r);
        Effect time = FixedEffectsProjectorTest.random("time", N, 15, r);
        Effect third = FixedEffectsProjectorTest.random("c", N, 5, r);
        double[] x = LinearModelBehaviourTest.noise(N, r);
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            y[i] = 0.5 * x[i] + unit.codes()[i] * 0.1 - time.codes()[i] * 0.2 + third.codes()[i] + r.nextGaussian();
        }
        return new Data(y, x, unit, time, third);
    }

    /** Frisch-Waugh-Lovell: the slope block of any X'ΩX sandwich is the same with the third effect absorbed or as dummies. */
    @Test
    void threeAbsorbedEffectsEqualTwoPlusDummies() {
        Data d = data();
        for (Covariance cov : List.of(Covariance.driscollKraay(d.time(), d.unit(), 2), Covariance.neweyWest(d.time(), d.unit(), 3))) {
            LinearFit three = LinearModel.fit(new LinearProblem("y", d.y(), List.of("x"), new double[][] {d.x()},
                List.of(d.unit(), d.time(), d.third()), cov));
            List<String> names = new ArrayList<>(List.of("x"));
            List<double[]> cols = new ArrayList<>(List.of(d.x()));
            for (int g = 1; g < d.third().levels(); g++) {
                double[] dummy = new double[N];
                for (int i = 0; i < N; i++) {
                    dummy[i] = d.third().codes()[i] == g ? 1 : 0;
                }
                names.add("c" + g);
                cols.add(dummy);
            }
            LinearFit two = LinearModel.fit(new LinearProblem("y", d.y(), names, cols.toArray(new double[0][]),
                List.of(d.unit(), d.time()), cov));
            double se = two.coefficient("x").stdError();
            assertEquals(se, three.coefficient("x").stdError(), 1e-9 * se, cov.label());
            assertEquals(two.dfTest(), three.dfTest());
            assertEquals(three.dfResid(), three.dfTest(), "t on the residual degrees of freedom, as coeftest on plm");
        }
    }

    /** With lag 0, Driscoll-Kraay is the unadjusted cluster-by-time sandwich and Newey-West the unadjusted HC0. */
    @Test
    void lagZeroIsClusterByTimeAndHc0() {
        Data d = data();
        LinearOptions none = LinearOptions.defaults().withSmallSample(SmallSample.NONE);
        List<Effect> absorb = List.of(d.unit());
        double[][] x = {d.x()};
        LinearFit dk = LinearModel.fit(new LinearProblem("y", d.y(), List.of("x"), x, absorb, Covariance.driscollKraay(d.time(), d.unit(), 0)));
        LinearFit byTime = LinearModel.fit(new LinearProblem("y", d.y(), List.of("x"), x, absorb, Covariance.cluster(d.time()), none));
        assertEquals(byTime.coefficient("x").stdError(), dk.coefficient("x").stdError(), 1e-12);
        LinearFit nw = LinearModel.fit(new LinearProblem("y", d.y(), List.of("x"), x, absorb, Covariance.neweyWest(d.time(), d.unit(), 0)));
        LinearFit hc0 = LinearModel.fit(new LinearProblem("y", d.y(), List.of("x"), x, absorb, Covariance.hc1(), none));
        assertEquals(hc0.coefficient("x").stdError(), nw.coefficient("x").stdError(), 1e-12);
        assertEquals("dk(0)", dk.vcovType());
    }

    @Test
    void defaultLagIsPlmsRule() {
        // 16 periods: floor(16^(1/4)) = 2; 15 periods: 1
        assertEquals(2, SerialMeat.defaultLag(new Effect("u", new int[16], 1)));
        assertEquals(1, SerialMeat.defaultLag(new Effect("u", new int[15], 1)));
        assertEquals(3, SerialMeat.defaultLag(new Effect("u", new int[81], 1)));
        Data d = data();
        LinearFit dk = LinearModel.fit(new LinearProblem("y", d.y(), List.of("x"), new double[][] {d.x()}, List.of(d.unit()),
            Covariance.driscollKraay(d.time(), d.unit(), Covariance.DEFAULT_LAG)));
        assertEquals("dk(" + SerialMeat.defaultLag(d.unit()) + ")", dk.vcovType());
    }

    @Test
    void lagBeyondThePeriodsIsRefused() {
        Data d = data();
        LinearModelException e = assertThrows(LinearModelException.class, () -> LinearModel.fit(new LinearProblem("y", d.y(),
            List.of("x"), new double[][] {d.x()}, List.of(d.unit()), Covariance.driscollKraay(d.time(), d.unit(), 15))));
        assertEquals("vcov dk(15): the lag 15 must be below the 15 time periods of the estimation sample; use a smaller lag",
            e.getMessage());
    }
}
