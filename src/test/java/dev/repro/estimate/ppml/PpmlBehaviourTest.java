package dev.repro.estimate.ppml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.repro.estimate.linear.Covariance;
import dev.repro.numeric.Effect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The core's messages (exact texts) and the rules that are not numbers: separation, collinearity, convergence. */
class PpmlBehaviourTest {
    private static final double[] X = {1, 2, 3, 4, 5, 6};

    private static PpmlProblem problem(double[] y, List<Effect> absorb, int maxIterations) {
        return new PpmlProblem("trade", y, List.of("x"), new double[][] {X}, absorb, Covariance.hc1(),
                PpmlProblem.DEFAULT_TOLERANCE, maxIterations);
    }

    @Test
    void negativeOutcomeIsRefusedWithTheObservation() {
        PpmlException e = assertThrows(PpmlException.class, () -> Ppml.fit(problem(new double[] {1, 2, -3, 4, 5, 6}, List.of(), 100)));
        assertEquals("the outcome trade is -3.0 in observation 3; PPML needs finite values of 0 or more", e.getMessage());
    }

    @Test
    void nonConvergenceSaysWhatToDo() {
        PpmlException e = assertThrows(PpmlException.class, () -> Ppml.fit(problem(new double[] {1, 0, 3, 9, 5, 20}, List.of(), 2)));
        assertEquals(true, e.getMessage().startsWith("PPML did not converge in 2 iterations (relative change of the deviance "), e.getMessage());
        assertEquals(true, e.getMessage().endsWith(", tolerance 1.00e-10); raise maxIterations on the model, or look for a regressor that "
                + "separates the zeros of trade (e.g. a dummy that is 1 only where the outcome is 0) and drop it"), e.getMessage());
    }

    @Test
    void allZeroOutcomeIsRefused() {
        Effect g = new Effect("g", new int[] {0, 0, 0, 1, 1, 1}, 2);
        PpmlException e = assertThrows(PpmlException.class, () -> Ppml.fit(problem(new double[6], List.of(g), 100)));
        assertEquals("the outcome trade is 0 in every observation that is not separated by a fixed effect; PPML needs some "
                + "positive values", e.getMessage());
    }

    @Test
    void groupsWithOnlyZerosAreSeparatedAndCounted() {
        Effect g = new Effect("g", new int[] {0, 0, 1, 1, 2, 2, 2, 0}, 3);
        double[] x = {0.5, 1.5, 2, 1, 3, 0.2, 1.1, 2.2};
        PpmlFit fit = Ppml.fit(new PpmlProblem("trade", new double[] {1, 3, 0, 0, 2, 5, 1, 2}, List.of("x"), new double[][] {x},
                List.of(g), Covariance.iid()));
        assertEquals(6, fit.nobs());
        assertEquals(2, fit.separatedTotal());
        assertEquals(2, fit.separated().get("g"));
    }

    @Test
    void collinearRegressorIsNamed() {
        PpmlException e = assertThrows(PpmlException.class, () -> Ppml.fit(new PpmlProblem("trade", new double[] {1, 2, 0, 4, 5, 6},
                List.of("x", "twice"), new double[][] {X, X.clone()}, List.of(), Covariance.iid())));
        assertEquals("regressor twice is collinear with the other regressors or the absorbed fixed effects; remove it from the "
                + "formula", e.getMessage());
    }
}
