package dev.repro.numeric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Slots filled the same at any thread count, per-worker state, and the lowest failure thrown. */
class ParallelTest {
    @Test
    void sameSlotsAtAnyThreadCount() {
        double[] one = new double[1000];
        Parallel.forEach(one.length, 1, i -> one[i] = Math.sqrt(i) * 3.1);
        for (int threads : new int[] {2, 3, 8, 2000}) {
            double[] many = new double[one.length];
            Parallel.forEach(many.length, threads, i -> many[i] = Math.sqrt(i) * 3.1);
            assertArrayEquals(one, many, threads + " threads");
        }
    }

    @Test
    void eachWorkerGetsItsOwnState() {
        AtomicInteger created = new AtomicInteger();
        int[][] out = new int[500][];
        Parallel.forEach(out.length, 4, () -> {
            created.incrementAndGet();
            return new int[1];
        }, (scratch, i) -> {
            scratch[0] = i;
            out[i] = new int[] {scratch[0]};
        });
        for (int i = 0; i < out.length; i++) {
            assertEquals(i, out[i][0]);
        }
        assertEquals(true, created.get() >= 1 && created.get() <= 4);
    }

    @Test
    void theLowestFailingIndexIsThrown() {
        for (int threads : new int[] {1, 2, 5}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Parallel.forEach(200, threads, i -> {
                        if (i % 37 == 36) {
                            throw new IllegalArgumentException("task " + i);
                        }
                    }));
            assertEquals("task 36", e.getMessage(), threads + " threads");
        }
    }
}
