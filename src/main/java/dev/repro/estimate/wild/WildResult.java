package dev.repro.estimate.wild;

/**
 * The bootstrap inference on one coefficient.
 *
 * @param p the symmetric p-value: the share of bootstrap |t*| at least |t|
 * @param pEqualTailed 2 min(share of t* at most t, share of t* at least t), at most 1
 * @param ciLow lower bound of the interval by test inversion; NaN when the p-value stays above 1 - level (unbounded)
 * @param ciHigh upper bound, likewise
 * @param draws bootstrap draws used
 * @param enumerated whether every Rademacher sign vector was used (then the result is exact and seed-free)
 */
public record WildResult(double p, double pEqualTailed, double ciLow, double ciHigh, int draws, boolean enumerated) {
}
