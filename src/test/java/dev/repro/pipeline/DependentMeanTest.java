package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The mean of the dependent variable over the estimation sample, as Stata's estadd ysumm (weighted by aweights). */
class DependentMeanTest {
    @Test
    void meanOverTheRowsUsedWeightedWhenTheModelIs() {
        double[] y = {1, 2, 3, 10};
        assertEquals(4.0, DependentMean.of(y, null, null));
        // singletons dropped: only rows 0-2 were used
        assertEquals(2.0, DependentMean.of(y, new int[] {0, 1, 2}, null));
        // R: weighted.mean(c(1, 2, 3), c(1, 1, 2)) = 2.25
        assertEquals(2.25, DependentMean.of(y, new int[] {0, 1, 2}, new double[] {1, 1, 2, 100}));
        assertNull(DependentMean.of(y, new int[0], null));
        // compensated: 1e16 + 1 + 1 - 1e16 summed naively loses the ones
        assertEquals(0.5, DependentMean.of(new double[] {1e16, 1, 1, -1e16}, null, null));
    }
}
