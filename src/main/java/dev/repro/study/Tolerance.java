package dev.repro.study;

/**
 * How far a result may move from the baseline before {@code check} fails: |now - baseline| must be at most
 * {@code absolute + relative * |baseline|}. Defaults: relative 1e-6, absolute 1e-9.
 */
public record Tolerance(double relative, double absolute) {
    public static final Tolerance DEFAULT = new Tolerance(1e-6, 1e-9);

    public Tolerance {
        if (!(relative >= 0) || !(absolute >= 0) || Double.isInfinite(relative) || Double.isInfinite(absolute)) {
            throw new IllegalArgumentException("tolerances must be finite and >= 0");
        }
    }

    public boolean within(double baseline, double now) {
        if (Double.isNaN(baseline) || Double.isNaN(now)) {
            return Double.isNaN(baseline) && Double.isNaN(now);
        }
        return Math.abs(now - baseline) <= absolute + relative * Math.abs(baseline);
    }
}
