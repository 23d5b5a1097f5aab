package dev.repro.estimate.gmm;

/** A model that cannot be estimated with its data (too few periods, no usable rows); the message is for the user. */
public final class GmmException extends Exception {
    private static final long serialVersionUID = 1L;

    public GmmException(String message) {
        super(message);
    }
}
