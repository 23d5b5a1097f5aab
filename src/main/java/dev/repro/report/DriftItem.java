package dev.repro.report;

import java.util.Objects;

/**
 * One compared quantity of the drift check, as the report lists it.
 *
 * @param item       what is compared, e.g. {@code models.twfe.coefficients.price.estimate}
 * @param baseline   the committed value, or null when the item is new
 * @param now        the value of this build, or null when the item disappeared
 * @param difference now minus baseline (null when either is missing)
 * @param tolerance  the tolerance applied (null when not applicable)
 * @param status     the verdict
 */
public record DriftItem(String item, Double baseline, Double now, Double difference, Double tolerance, Status status) {
    /** OK: within tolerance; DRIFT: outside; NEW: not in the baseline; MISSING: in the baseline only. */
    public enum Status { OK, DRIFT, NEW, MISSING }

    public DriftItem {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(status, "status");
    }
}
