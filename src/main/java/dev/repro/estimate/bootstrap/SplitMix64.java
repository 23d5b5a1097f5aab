package dev.repro.estimate.bootstrap;

/**
 * SplitMix64 (Steele, Lea and Flood 2014; the seeding generator of Java's SplittableRandom and of xoshiro):
 * state += 0x9E3779B97F4A7C15, output = mix(state). Replicate b of a bootstrap with seed s draws from its own
 * generator seeded with {@link #replicateSeed(long, long)}, so a replicate's draws depend only on (s, b), never
 * on the thread that runs it or on the other replicates.
 */
public final class SplitMix64 {
    static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** The SplitMix64 finaliser (Stafford's variant 13). */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The seed of replicate {@code index}: the (index + 1)-th output of SplitMix64 started at {@code seed}. */
    public static long replicateSeed(long seed, long index) {
        return mix(seed + GOLDEN * (index + 1));
    }

    public long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform on 0..bound-1 without modulo bias (rejection on the top 31 bits, as java.util.Random.nextInt). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        int bits;
        int val;
        do {
            bits = (int) (nextLong() >>> 33);
            val = bits % bound;
        } while (bits - val + (bound - 1) < 0);
        return val;
    }
}
