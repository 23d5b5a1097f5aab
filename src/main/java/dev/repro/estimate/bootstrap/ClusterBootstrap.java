package dev.repro.estimate.bootstrap;

import dev.repro.numeric.Parallel;
import dev.repro.numeric.SplitMix64;
import java.util.function.Supplier;

/**
 * The cluster (block) bootstrap: each replicate draws G whole units with replacement out of G; a unit drawn
 * twice enters twice, as two distinct units (new ids), so its copies are separate fixed-effect groups
 * (Cameron, Gelbach and Miller 2008; Stata's {@code bootstrap, cluster() idcluster()}).
 *
 * <p>Determinism: replicate b uses its own generator seeded with SplitMix64(seed, b) and writes row b of the
 * result, so the output is the same at any thread count. Replicates run on {@link Parallel}; each worker has
 * its own {@link Replicate} (scratch space is reused within a worker).
 */
public final class ClusterBootstrap {
    private ClusterBootstrap() {
    }

    /** One replicate's statistics from the drawn units (unit indices 0..G-1, possibly repeated). */
    @FunctionalInterface
    public interface Replicate {
        double[] compute(int[] drawn);
    }

    /** The units drawn by replicate {@code index}. */
    public static int[] draw(long seed, int index, int units) {
        SplitMix64 rng = SplitMix64.forReplicate(seed, index);
        int[] out = new int[units];
        for (int g = 0; g < units; g++) {
            out[g] = rng.nextInt(units);
        }
        return out;
    }

    /**
     * Runs {@code replications} replicates on {@code threads} workers.
     *
     * @return {@code result[b]} the statistics of replicate b (NaN entries where a replicate could not be computed)
     */
    public static double[][] run(int replications, int units, long seed, int threads, Supplier<Replicate> perWorker) {
        if (replications < 1 || units < 1) {
            throw new IllegalArgumentException("need replications >= 1 and units >= 1");
        }
        double[][] out = new double[replications][];
        Parallel.forEach(replications, threads, perWorker, (r, b) -> out[b] = r.compute(draw(seed, b, units)));
        return out;
    }
}
