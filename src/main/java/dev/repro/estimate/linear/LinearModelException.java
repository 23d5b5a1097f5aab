package dev.repro.estimate.linear;

/**
 * A model that cannot be estimated because of the user's data or specification (too few observations,
 * a single cluster, a missing value). The message is meant for the build log as it is: the caller turns
 * it into a {@code Problem} at the model's study key.
 */
public class LinearModelException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public LinearModelException(String message) {
        super(message);
    }
}
