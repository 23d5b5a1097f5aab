package dev.repro.numeric;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;

/**
 * The one thread helper: runs independent tasks 0..n-1 on at most {@code threads} threads. Each task must
 * write only its own slot of a result array (and use worker state only as scratch space), so that the outcome
 * does not depend on the thread count or the scheduling; any reduction over the slots is done by the caller,
 * in index order, after the run. When several tasks fail, the failure of the lowest index is thrown, as a
 * serial run would.
 */
public final class Parallel {
    private Parallel() {
    }

    /** Runs task(i) for i = 0..n-1. */
    public static void forEach(int n, int threads, IntConsumer task) {
        forEach(n, threads, () -> null, (ignored, i) -> task.accept(i));
    }

    /**
     * Runs task(state, i) for i = 0..n-1, where each worker thread gets its own {@code state} from
     * {@code perWorker} (scratch space reused across the tasks that worker runs).
     */
    public static <S> void forEach(int n, int threads, Supplier<S> perWorker, ObjIntConsumer<S> task) {
        int workers = Math.max(1, Math.min(threads, n));
        if (workers == 1) {
            S state = perWorker.get();
            for (int i = 0; i < n; i++) {
                task.accept(state, i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger firstFailure = new AtomicInteger(Integer.MAX_VALUE);
        RuntimeException[] failures = new RuntimeException[n];
        Error[] errors = new Error[n];
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "repro-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>(workers);
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    S state = perWorker.get();
                    int i;
                    // tasks above a failed index are skipped; those below still run, so the lowest failure wins
                    while ((i = next.getAndIncrement()) < n) {
                        if (i > firstFailure.get()) {
                            continue;
                        }
                        try {
                            task.accept(state, i);
                        } catch (RuntimeException e) {
                            failures[i] = e;
                            firstFailure.accumulateAndGet(i, Math::min);
                        } catch (Error e) {
                            errors[i] = e;
                            firstFailure.accumulateAndGet(i, Math::min);
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            // only perWorker can fail here: task failures are caught above
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
        int failed = firstFailure.get();
        if (failed < n) {
            if (errors[failed] != null) {
                throw errors[failed];
            }
            throw failures[failed];
        }
    }
}
