package dev.repro.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The one generator of the bootstraps: Java's SplittableRandom stream, replicate seeds, uniform doubles. */
class SplitMix64Test {
    @Test
    void splitMix64IsJavasSplittableRandomStream() {
        // SplittableRandom(seed).nextLong() is SplitMix64 with the same golden gamma and finaliser
        for (long seed : new long[] {0L, 1L, 20250521L, -7L, Long.MAX_VALUE}) {
            SplitMix64 ours = new SplitMix64(seed);
            SplittableRandom ref = new SplittableRandom(seed);
            for (int i = 0; i < 1000; i++) {
                assertEquals(ref.nextLong(), ours.nextLong(), "seed " + seed + " draw " + i);
            }
        }
        assertEquals(new SplitMix64(42 + SplitMix64.GOLDEN * 3).nextLong(), SplitMix64.replicateSeed(42, 3));
    }

    @Test
    void replicateGeneratorStartsFromTheReplicateSeed() {
        SplitMix64 a = SplitMix64.forReplicate(7, 5);
        SplitMix64 b = new SplitMix64(SplitMix64.replicateSeed(7, 5));
        for (int i = 0; i < 100; i++) {
            assertEquals(b.nextLong(), a.nextLong());
        }
    }

    @Test
    void nextDoubleUsesTheTop53Bits() {
        SplitMix64 a = new SplitMix64(3);
        SplitMix64 b = new SplitMix64(3);
        for (int i = 0; i < 100; i++) {
            assertEquals((b.nextLong() >>> 11) * 0x1.0p-53, a.nextDouble());
        }
    }
}
