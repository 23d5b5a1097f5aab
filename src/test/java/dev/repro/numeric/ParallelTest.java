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

    /** A team serves many runs in a row (as a projector's passes use it), each filling every slot once. */
    @Test
    void aTeamRunsManyPassesLikeForEach() {
        for (int threads : new int[] {1, 2, 3, 8}) {
            long[] slots = new long[64];
            try (Parallel.Team team = Parallel.team(threads)) {
                assertEquals(threads, team.size());
                for (int pass = 0; pass < 500; pass++) {
                    int width = 1 + pass % slots.length;
                    team.run(width, i -> slots[i] += i + 1);
                }
            }
            long[] expected = new long[slots.length];
            for (int pass = 0; pass < 500; pass++) {
                for (int i = 0; i < 1 + pass % slots.length; i++) {
                    expected[i] += i + 1;
                }
            }
            assertArrayEquals(expected, slots, threads + " threads");
        }
    }

    @Test
    void aTeamThrowsTheLowestFailureAndStaysUsable() {
        for (int threads : new int[] {1, 2, 5}) {
            try (Parallel.Team team = Parallel.team(threads)) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> team.run(200, i -> {
                    if (i % 37 == 36) {
                        throw new IllegalArgumentException("task " + i);
                    }
                }));
                assertEquals("task 36", e.getMessage(), threads + " threads");
                int[] after = new int[10];
                team.run(after.length, i -> after[i] = i);
                assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, after);
            }
            Parallel.Team closed = Parallel.team(threads);
            closed.close();
            assertThrows(IllegalStateException.class, () -> closed.run(2, i -> { }));
        }
    }
}
