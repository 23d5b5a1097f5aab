package dev.repro.estimate.iv;

import dev.repro.estimate.linear.Covariance;
import dev.repro.estimate.linear.RobustMeat;
import dev.repro.estimate.linear.SerialMeat;
import dev.repro.numeric.Dense;
import dev.repro.numeric.Effect;
import dev.repro.numeric.Effects;
import java.util.ArrayList;
import java.util.List;

/**
 * The covariance choice of an IV fit as the meat of any set of scores, its small-sample factor and the degrees of
 * freedom of its tests (docs/iv.md). One place for every statistic of the fit (coefficients, first stages,
 * Kleibergen-Paap, Hansen J, Durbin-Wu-Hausman), so that each follows the same convention:
 * <ul>
 *   <li>hc1: sum_i s_i s_i', factor n / (n - K - A), t on n - K - A;</li>
 *   <li>cluster(g): sum over clusters, factor (n - 1) / (n - K - A_c) G / (G - 1), t on min(n - K - A, G - 1);</li>
 *   <li>cluster(g1, g2): Cameron, Gelbach and Miller (2011), M(g1) + M(g2) - M(g1 x g2), one factor with G = min(G1, G2)
 *       (reghdfe, ivreg2; the linear models' {@code dof: stata}), t on min(n - K - A, G - 1); A_c leaves out effects
 *       nested in either variable;</li>
 *   <li>dk(L), nw(L): the Driscoll-Kraay and panel Newey-West meats of the linear models ({@link SerialMeat}), no
 *       small-sample factor and t on n - K - A (plm's vcovSCC / vcovNW with lmtest::coeftest).</li>
 * </ul>
 */
final class IvCovariance {
    private final Covariance.Kind kind;
    /** The cluster variables, then (two-way) their intersection: the meats summed with the signs of {@link #signs}. */
    private final List<Effect> groups = new ArrayList<>();
    private final List<Double> signs = new ArrayList<>();
    private final Effect time;
    private final Effect unit;
    private final int lag;
    private final int minClusters;

    IvCovariance(Covariance c) {
        kind = c.kind();
        time = c.time();
        unit = c.unit();
        List<Effect> cl = c.clusters();
        for (Effect g : cl) {
            if (g.levels() < 2) {
                throw new IvException("cluster variable " + g.name() + " has only " + g.levels()
                        + " level in the estimation sample; a cluster covariance needs at least 2 clusters");
            }
            groups.add(g);
            signs.add(1.0);
        }
        if (cl.size() == 2) {
            groups.add(Effects.intersection(cl));
            signs.add(-1.0);
        }
        minClusters = cl.stream().mapToInt(Effect::levels).min().orElse(0);
        if (serial()) {
            int l = c.lag() == Covariance.DEFAULT_LAG ? SerialMeat.defaultLag(unit) : c.lag();
            lag = Math.min(l, time.levels() - 1);
        } else {
            lag = Covariance.DEFAULT_LAG;
        }
    }

    boolean robust() {
        return kind != Covariance.Kind.IID;
    }

    boolean clustered() {
        return kind == Covariance.Kind.CLUSTER;
    }

    boolean serial() {
        return kind == Covariance.Kind.DRISCOLL_KRAAY || kind == Covariance.Kind.NEWEY_WEST;
    }

    /** The cluster variables (empty unless clustered). */
    List<Effect> clusters() {
        return clustered() ? groups.subList(0, groups.size() == 1 ? 1 : 2) : List.of();
    }

    /** G of the small-sample factor and of the t tests: the fewest clusters of any variable. */
    int minClusters() {
        return minClusters;
    }

    /** As results.json reports it, the lag resolved: {@code cluster(g1, g2)}, {@code dk(2)}. */
    String label() {
        List<String> names = clusters().stream().map(Effect::name).toList();
        return Covariance.label(kind, names, lag);
    }

    /** The meat of the scores z_i e_i (columns {@code z}); not for iid. */
    double[][] meat(List<double[]> z, double[] e) {
        return switch (kind) {
            case HC1 -> RobustMeat.meat(z, e, null);
            case DRISCOLL_KRAAY -> SerialMeat.driscollKraay(z, e, time, lag);
            case NEWEY_WEST -> SerialMeat.neweyWest(z, e, time, unit, lag);
            case CLUSTER -> {
                double[][] m = new double[z.size()][z.size()];
                for (int g = 0; g < groups.size(); g++) {
                    Dense.addScaled(m, RobustMeat.meat(z, e, groups.get(g)), signs.get(g));
                }
                yield m;
            }
            case IID -> throw new IllegalStateException("an iid covariance has no meat");
            case HAC -> throw new IllegalStateException("IV refuses hac at construction (IvProblem)");
        };
    }

    /**
     * The small-sample factor of a regression with {@code k} regressors, {@code absorbed} absorbed parameters and
     * {@code absorbedCluster} of them in effects not nested in a cluster variable.
     */
    double factor(int n, int k, int absorbed, int absorbedCluster) {
        return switch (kind) {
            case HC1 -> (double) n / (n - k - absorbed);
            case CLUSTER -> (n - 1.0) / (n - k - absorbedCluster) * minClusters / (minClusters - 1.0);
            default -> 1.0;
        };
    }

    /** Degrees of freedom of t and F tests: the residual ones, or at most G - 1 under a cluster covariance (Stata). */
    int dfTest(int dfResid) {
        return clustered() ? Math.min(dfResid, minClusters - 1) : dfResid;
    }
}
