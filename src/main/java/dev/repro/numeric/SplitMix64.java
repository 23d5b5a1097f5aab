package dev.repro.numeric;

/**
 * SplitMix64 (Steele, Lea and Flood, OOPSLA 2014; the seeding generator of Java's SplittableRandom and of
 * xoshiro), fully specified here so that a seed gives the same numbers on every JVM: state += 0x9E3779B97F4A7C15,
 * output = mix(state). Replicate b of a bootstrap with seed s draws from its own generator seeded with
 * {@link #replicateSeed(long, long)}, so a replicate's draws depend only on (s, b), never on the thread that runs
 * it or on the other replicates.
 */
public final class SplitMix64 {
    /** The golden gamma: the state increment. */
    public static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** The generator of replicate {@code index}: seeded with {@link #replicateSeed(long, long)}. */
    public static SplitMix64 forReplicate(long seed, long index) {
        return new SplitMix64(replicateSeed(seed, index));
    }

    /** The seed of replicate {@code index}: the (index + 1)-th output of SplitMix64 started at {@code seed}. */
    public static long replicateSeed(long seed, long index) {
        return mix(seed + GOLDEN * (index + 1));
    }

    /** The SplitMix64 finaliser (Stafford's variant 13). */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform on [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
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
