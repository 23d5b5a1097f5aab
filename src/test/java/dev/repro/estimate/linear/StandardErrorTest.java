package dev.repro.estimate.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A negative variance (possible under two-way clustering) gives no standard error, never 0. */
class StandardErrorTest {

    @Test
    void negativeVarianceHasNoStandardError() {
        assertTrue(Double.isNaN(Covariance.standardError(-1e-18)));
        assertTrue(Double.isNaN(Covariance.standardError(-4)));
        assertTrue(Double.isNaN(Covariance.standardError(Double.NaN)));
    }

    @Test
    void otherwiseTheSquareRoot() {
        assertEquals(0.0, Covariance.standardError(0.0));
        assertEquals(3.0, Covariance.standardError(9.0));
    }
}
