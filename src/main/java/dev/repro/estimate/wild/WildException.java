package dev.repro.estimate.wild;

/** A bootstrap that cannot be run; the message is written for the user. */
public final class WildException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WildException(String message) {
        super(message);
    }
}
