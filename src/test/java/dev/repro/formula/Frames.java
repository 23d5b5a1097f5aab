package dev.repro.formula;

import dev.repro.estimate.linear.Covariance;
import dev.repro.estimate.linear.LinearProblem;
import dev.repro.numeric.Effect;

/** Test helper: a model frame's complete rows as a linear problem (the formula package knows no estimator). */
final class Frames {
    private Frames() {
    }

    /** {@code CLUSTER} uses the cluster columns given to {@link ModelFrame#build}. */
    static LinearProblem linear(ModelFrame frame, Covariance.Kind kind) {
        if (kind == Covariance.Kind.CLUSTER && frame.clusters().isEmpty()) {
            throw new IllegalArgumentException("cluster covariance needs cluster columns given to ModelFrame.build");
        }
        ModelFrame c = frame.completeCases();
        Covariance cov = switch (kind) {
            case IID -> Covariance.iid();
            case HC1 -> Covariance.hc1();
            case CLUSTER -> Covariance.cluster(c.clusterEffects().toArray(new Effect[0]));
            case DRISCOLL_KRAAY, NEWEY_WEST, HAC -> throw new IllegalArgumentException(kind + " needs the time; not offered here");
        };
        return new LinearProblem(c.dependent(), c.y(), c.regressors(), c.x(), c.absorb(), cov);
    }
}
