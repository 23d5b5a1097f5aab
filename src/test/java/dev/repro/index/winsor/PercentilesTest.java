package dev.repro.index.winsor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Stata's percentile rule by hand: P = n p / 100; whole P averages x(P) and x(P+1), otherwise x(ceil P). */
class PercentilesTest {
    static final double[] TEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    @Test
    void wholePositionAverages() {
        // n = 10, p = 50: P = 5, (x5 + x6) / 2 = 5.5 (Stata's median of 1..10)
        assertEquals(5.5, Percentiles.of(TEN, 10, 50));
        // p = 10: P = 1, (x1 + x2) / 2
        assertEquals(1.5, Percentiles.of(TEN, 10, 10));
        // p = 90: P = 9, (x9 + x10) / 2
        assertEquals(9.5, Percentiles.of(TEN, 10, 90));
    }

    @Test
    void fractionalPositionTakesNextOrderStatistic() {
        // p = 1: P = 0.1, x1; p = 99: P = 9.9, x10; p = 25: P = 2.5, x3
        assertEquals(1, Percentiles.of(TEN, 10, 1));
        assertEquals(10, Percentiles.of(TEN, 10, 99));
        assertEquals(3, Percentiles.of(TEN, 10, 25));
    }

    @Test
    void exactDecimalPositions() {
        // 300 values, p = 7: P = 21 exactly (binary 300 * 0.07 = 21.000000000000004 would take x22)
        double[] x = new double[300];
        for (int i = 0; i < 300; i++) {
            x[i] = i + 1;
        }
        assertEquals(21.5, Percentiles.of(x, 300, 7));
        assertEquals(3.5, Percentiles.of(x, 300, 1));
    }

    @Test
    void edges() {
        assertEquals(1, Percentiles.of(TEN, 10, 0));
        assertEquals(10, Percentiles.of(TEN, 10, 100));
        assertEquals(4, Percentiles.of(new double[] {4}, 1, 50));
        assertTrue(Double.isNaN(Percentiles.of(new double[0], 0, 50)));
    }
}
