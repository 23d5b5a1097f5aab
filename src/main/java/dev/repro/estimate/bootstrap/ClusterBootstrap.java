package dev.repro.estimate.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The cluster (block) bootstrap: each replicate draws G whole units with replacement out of G; a unit drawn
 * twice enters twice, as two distinct units (new ids), so its copies are separate fixed-effect groups
 * (Cameron, Gelbach and Miller 2008; Stata's {@code bootstrap, cluster() idcluster()}).
 *
 * <p>Determinism: replicate b uses its own generator seeded with SplitMix64(seed, b) and writes row b of the
 * result, so the output is the same at any thread count. Workers take replicates in blocks from a shared
 * counter; each worker has its own {@link Replicate} (scratch space is reused within a worker).
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
        SplitMix64 rng = new SplitMix64(SplitMix64.replicateSeed(seed, index));
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
        int workers = Math.max(1, Math.min(threads, replications));
        if (workers == 1) {
            Replicate r = perWorker.get();
            for (int b = 0; b < replications; b++) {
                out[b] = r.compute(draw(seed, b, units));
            }
            return out;
        }
        final int block = 64;
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
            Thread t = new Thread(task, "repro-bootstrap");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                fs.add(pool.submit(() -> {
                    Replicate r = perWorker.get();
                    int start;
                    while ((start = next.getAndAdd(block)) < replications) {
                        int end = Math.min(replications, start + block);
                        for (int b = start; b < end; b++) {
                            out[b] = r.compute(draw(seed, b, units));
                        }
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bootstrap interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
        return out;
    }
}
