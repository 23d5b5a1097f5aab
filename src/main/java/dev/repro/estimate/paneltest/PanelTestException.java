package dev.repro.estimate.paneltest;

/**
 * A panel test that cannot be computed on the data given (too few periods, an unbalanced panel where the
 * test needs a balanced one, a singular regression). The message is written for the user: it says what was
 * found, what the test needs and how to fix it; the study runner turns it into a {@code Problem}.
 */
public class PanelTestException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public PanelTestException(String message) {
        super(message);
    }
}
