package dev.repro.estimate.ppml;

/** A PPML model that cannot be estimated; the message is written for the user (what happened and the fix). */
public final class PpmlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PpmlException(String message) {
        super(message);
    }
}
