package dev.repro.drift;

import java.util.Objects;

/**
 * One compared value. {@code baseline} or {@code now} is null when the value exists on one side only;
 * {@code status} says what happened.
 */
public record DriftItem(String item, Object baseline, Object now, Double difference, String tolerance, Status status) {
    public enum Status { SAME, DRIFTED, MISSING_NOW, NEW }

    public DriftItem {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(status, "status");
    }

    public boolean failed() {
        return status != Status.SAME;
    }
}
