package dev.repro.estimate.iv;

/** An IV model that cannot be estimated; the message is written for the user (what happened and the fix). */
public final class IvException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IvException(String message) {
        super(message);
    }
}
