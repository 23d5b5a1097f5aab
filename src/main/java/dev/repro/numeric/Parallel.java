package dev.repro.numeric;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
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

    /** A team of {@code threads} threads kept for many short runs (one per pass over the rows). */
    public static Team team(int threads) {
        return new Team(threads);
    }

    /**
     * A fixed team of worker threads for many short parallel runs in a row: starting threads once instead of
     * per run. {@link #run} has the contract of {@link #forEach(int, int, IntConsumer)}; the calling thread
     * takes part. Not for concurrent use by several callers; close it when done.
     */
    public static final class Team implements AutoCloseable {
        private final int size;
        private final Thread[] helpers;
        private final Phaser start = new Phaser(1);
        private final Phaser done = new Phaser(1);
        private volatile IntConsumer task;
        private volatile int tasks;
        private volatile boolean closed;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger firstFailure = new AtomicInteger(Integer.MAX_VALUE);
        private volatile Throwable failure;

        private Team(int threads) {
            this.size = Math.max(1, threads);
            this.helpers = new Thread[size - 1];
            for (int w = 0; w < helpers.length; w++) {
                start.register();
                done.register();
                Thread t = new Thread(this::serve, "repro-worker");
                t.setDaemon(true);
                helpers[w] = t;
                t.start();
            }
        }

        /** Threads of the team, the caller's included. */
        public int size() {
            return size;
        }

        /** Runs task(i) for i = 0..n-1 on the team; the failure of the lowest index is thrown. */
        public void run(int n, IntConsumer body) {
            if (closed) {
                throw new IllegalStateException("the team is closed");
            }
            if (size == 1 || n <= 1) {
                for (int i = 0; i < n; i++) {
                    body.accept(i);
                }
                return;
            }
            task = body;
            tasks = n;
            next.set(0);
            firstFailure.set(Integer.MAX_VALUE);
            failure = null;
            start.arriveAndAwaitAdvance(); // helpers start
            work();
            done.arriveAndAwaitAdvance(); // every helper finished its share
            task = null;
            Throwable f = failure;
            if (f instanceof RuntimeException re) {
                throw re;
            }
            if (f instanceof Error err) {
                throw err;
            }
        }

        private void serve() {
            while (true) {
                start.arriveAndAwaitAdvance();
                if (closed) {
                    return;
                }
                work();
                done.arriveAndAwaitAdvance();
            }
        }

        private void work() {
            IntConsumer body = task;
            int n = tasks;
            int i;
            while ((i = next.getAndIncrement()) < n) {
                if (i > firstFailure.get()) {
                    continue;
                }
                try {
                    body.accept(i);
                } catch (RuntimeException | Error e) {
                    synchronized (this) {
                        if (i < firstFailure.get()) {
                            firstFailure.set(i);
                            failure = e;
                        }
                    }
                }
            }
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (helpers.length > 0) {
                start.arriveAndAwaitAdvance(); // helpers see closed and return
                for (Thread t : helpers) {
                    try {
                        t.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }
}
