package dev.repro.drift;

import java.util.Objects;

/**
 * One compared quantity of the drift check.
 *
 * @param item       what is compared, e.g. {@code models.twfe.coefficients.price.estimate}
 * @param baseline   the committed number, or null when the item is new or not a number
 * @param now        this build's number, or null when the item disappeared or is not a number
 * @param difference now minus baseline (null when either is missing)
 * @param tolerance  the largest difference allowed, absolute + relative * |baseline| (null when not applicable)
 * @param status     the verdict
 * @param note       why, in words, when the status needs more than the numbers (a changed text, sign or star level)
 */
public record DriftItem(String item, Double baseline, Double now, Double difference, Double tolerance, Status status,
                        String note) {
    /**
     * OK: within tolerance; DRIFT: outside it (or a text changed); SIGN: the sign of an estimate flipped;
     * STARS: the significance level changed; NEW: not in the baseline; MISSING: in the baseline only.
     */
    public enum Status {
        OK, DRIFT, SIGN, STARS, NEW, MISSING;

        /** Every status but OK fails the check. */
        public boolean failed() {
            return this != OK;
        }
    }

    public DriftItem {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(status, "status");
    }

    public DriftItem(String item, Double baseline, Double now, Double difference, Double tolerance, Status status) {
        this(item, baseline, now, difference, tolerance, status, null);
    }

    public boolean failed() {
        return status.failed();
    }
}
