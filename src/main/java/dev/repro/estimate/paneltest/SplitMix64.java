package dev.repro.estimate.paneltest;

/**
 * Steele, Lea and Flood's SplitMix64 generator (OOPSLA 2014), fully specified here so that a seed gives the
 * same numbers on every JVM. Replicate b of a bootstrap starts from mix(seed + (b + 1) * golden gamma), which
 * makes each replicate's draws independent of the order and thread in which replicates run.
 */
final class SplitMix64 {
    private static final long GAMMA = 0x9E3779B97F4A7C15L;
    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    static SplitMix64 forReplicate(long seed, int replicate) {
        return new SplitMix64(mix(seed + GAMMA * (replicate + 1L)));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GAMMA;
        return mix(state);
    }

    /** Uniform on [0, 1) with 53 random bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
