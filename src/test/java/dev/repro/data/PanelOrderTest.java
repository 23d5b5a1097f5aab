package dev.repro.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PanelOrderTest {
    private static long[] times(long... t) {
        return t;
    }

    @Test
    void shuffledRowsAreOrderedByUnitThenTime() {
        // rows: (unit code, time) = (1,2003) (0,2001) (1,2001) (0,2000) (1,2002)
        PanelOrder p = PanelOrder.of(new int[] {1, 0, 1, 0, 1}, times(2003, 2001, 2001, 2000, 2002));
        assertEquals(5, p.rows());
        assertEquals(5, p.size());
        assertEquals(2, p.units());
        assertArrayEquals(new int[] {3, 1, 2, 4, 0}, p.order());
        assertEquals(0, p.start(0));
        assertEquals(2, p.end(0));
        assertEquals(2, p.start(1));
        assertEquals(5, p.end(1));
        assertEquals(1, p.unit(0));
        assertEquals(0, p.unit(3));
        assertEquals(2003, p.time(0));
        assertEquals(4, p.row(3));
        assertTrue(p.consecutive(0));
        assertTrue(p.consecutive(1));
        assertEquals(4, p.find(1, 2002));
        assertEquals(-1, p.find(1, 2000));
        assertEquals(0, p.duplicateCount());
        assertEquals(List.of(), p.duplicates(5));
        p.order()[0] = 99; // a copy
        assertEquals(3, p.row(0));
    }

    @Test
    void gapsBreakLagsAndConsecutiveness() {
        // unit 0 observed 1990, 1991, 1993 (a gap at 1992); unit 1 at 1990 only
        PanelOrder p = PanelOrder.of(new int[] {0, 0, 0, 1}, times(1993, 1990, 1991, 1990));
        assertFalse(p.consecutive(0));
        assertTrue(p.consecutive(1));
        assertArrayEquals(new int[] {-1, -1, 1, -1}, p.lagRows(1)); // 1993 has no 1992; 1991 lags to 1990
        assertArrayEquals(new int[] {2, -1, -1, -1}, p.lagRows(2)); // 1993 reaches back to 1991 across the gap
        assertArrayEquals(new int[] {0, 1, 2, 3}, p.lagRows(0));
        assertThrows(IllegalArgumentException.class, () -> p.lagRows(-1));
    }

    @Test
    void rowsWithoutUnitTakeNoPartAndEmptyCodesAreNoUnits() {
        // code 1 has no row; rows 1 and 3 take no part (a missing id or time is code -1)
        PanelOrder p = PanelOrder.of(new int[] {2, -1, 0, -1, 2}, times(5, 0, 7, 0, 4));
        assertEquals(5, p.rows());
        assertEquals(3, p.size());
        assertEquals(2, p.units());
        assertEquals(0, p.code(0));
        assertEquals(2, p.code(1));
        assertEquals(-1, p.unit(1));
        assertEquals(1, p.unit(0));
        assertArrayEquals(new int[] {2, 4, 0}, p.order());
        assertArrayEquals(new int[] {4, -1, -1, -1, -1}, p.lagRows(1)); // time 5 of code 2 lags to its time 4
        assertArrayEquals(new int[] {0, -1, 2, -1, 4}, p.lagRows(0));
    }

    @Test
    void noRowsMakeAnEmptyOrder() {
        PanelOrder p = PanelOrder.of(new int[] {-1, -1}, times(1, 2));
        assertEquals(0, p.units());
        assertEquals(0, p.size());
        assertArrayEquals(new int[] {-1, -1}, p.lagRows(1));
        assertEquals(0, PanelOrder.of(new int[0], new long[0]).units());
    }

    @Test
    void repeatedUnitAndTimeAreListedInOrderAndTheFirstRowIsTheLagTarget() {
        // Dataset guarantees nothing here: the order reports repeats and its users decide (message or error)
        PanelOrder p = PanelOrder.of(new int[] {0, 1, 0, 0, 1, 1}, times(2, 1, 1, 1, 1, 1));
        assertEquals(3, p.duplicateCount());
        List<int[]> all = p.duplicates(10);
        assertEquals(3, all.size());
        assertArrayEquals(new int[] {2, 3}, all.get(0));
        assertArrayEquals(new int[] {1, 4}, all.get(1));
        assertArrayEquals(new int[] {4, 5}, all.get(2));
        assertEquals(1, p.duplicates(1).size());
        assertEquals(2, p.find(0, 1));
        assertArrayEquals(new int[] {2, -1, -1, -1, -1, -1}, p.lagRows(1));
        assertFalse(p.consecutive(0) && p.consecutive(1));
    }

    @Test
    void rowsOfEqualTimeKeepTheirRowOrderWhateverTheTimeRange() {
        int[] codes = {0, 0, 0, 0, 0, 0};
        long[] years = {3, 1, 3, 2, 1, 3};
        long[] wide = {3, 1, 3, -5_000_000_000L, 1, 3};
        assertArrayEquals(new int[] {1, 4, 3, 0, 2, 5}, PanelOrder.of(codes, years).order());
        assertArrayEquals(new int[] {3, 1, 4, 0, 2, 5}, PanelOrder.of(codes, wide).order());
        assertEquals(3, PanelOrder.of(codes, years).duplicateCount());
        assertEquals(3, PanelOrder.of(codes, wide).duplicateCount());
    }

    @Test
    void lengthsMustAgree() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PanelOrder.of(new int[] {0, 0}, times(1)));
        assertEquals("time has 1 values for 2 unit codes", e.getMessage());
    }

    /**
     * A large shuffled, gapped, unbalanced panel against a brute-force map: once with years (packed sort), once
     * with half the units shifted by 4e15 so that the times span more than 2^31 (merge sort of row numbers).
     */
    @Test
    void randomPanelAgainstBruteForce() {
        randomPanel(0);
        randomPanel(4_000_000_000_000_000L);
    }

    private static void randomPanel(long shift) {
        Random rnd = new Random(7);
        List<long[]> rows = new ArrayList<>();
        for (int unit = 0; unit < 200; unit++) {
            int len = 1 + rnd.nextInt(unit % 10 == 0 ? 120 : 12);
            for (int t = 0; t < len; t++) {
                if (rnd.nextDouble() > 0.2) {
                    rows.add(new long[] {unit * 7 % 211, -50 + t});
                }
            }
        }
        Collections.shuffle(rows, rnd);
        int n = rows.size();
        int[] codes = new int[n];
        long[] time = new long[n];
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < n; i++) {
            codes[i] = (int) rows.get(i)[0];
            time[i] = rows.get(i)[1] + (codes[i] % 2 == 1 ? shift : 0);
            at.put(codes[i] + "/" + time[i], i);
        }
        PanelOrder p = PanelOrder.of(codes, time.clone());
        assertEquals(n, p.size());
        assertEquals(0, p.duplicateCount());
        int[] order = p.order();
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < n; i++) {
            assertEquals(i, sorted[i]); // every row once
        }
        for (int i = 1; i < n; i++) {
            int a = order[i - 1];
            int b = order[i];
            assertTrue(codes[a] < codes[b] || (codes[a] == codes[b] && time[a] < time[b]), "position " + i + ", shift " + shift);
        }
        for (int u = 0; u < p.units(); u++) {
            for (int k = p.start(u); k < p.end(u); k++) {
                assertEquals(p.code(u), codes[p.row(k)]);
            }
        }
        for (int k = 0; k <= 3; k++) {
            int[] lag = p.lagRows(k);
            for (int i = 0; i < n; i++) {
                assertEquals(at.getOrDefault(codes[i] + "/" + (time[i] - k), -1), lag[i], "lag " + k + " of row " + i + ", shift " + shift);
            }
        }
    }
}
