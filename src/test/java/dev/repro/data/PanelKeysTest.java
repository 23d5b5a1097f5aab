package dev.repro.data;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PanelKeysTest {

    @Test
    void duplicatesMatchAHashMapReference() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int round = 0; round < 200; round++) {
            int n = rnd.nextInt(0, 300);
            int groups = rnd.nextInt(1, 20);
            int times = rnd.nextInt(1, 30);
            int[] id = new int[n];
            int[] time = new int[n];
            for (int r = 0; r < n; r++) {
                id[r] = rnd.nextInt(12) == 0 ? -1 : rnd.nextInt(groups);
                time[r] = rnd.nextInt(12) == 0 ? -1 : rnd.nextInt(times);
            }
            Map<Long, Integer> first = new HashMap<>();
            List<Long> expected = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                if (id[r] < 0 || time[r] < 0) {
                    continue;
                }
                Integer f = first.putIfAbsent(((long) id[r] << 32) | time[r], r);
                if (f != null) {
                    expected.add(((long) r << 32) | f);
                }
            }
            long[] actual = PanelKeys.duplicates(id, time);
            assertArrayEquals(expected.stream().mapToLong(Long::longValue).toArray(), actual);
        }
    }

    @Test
    void duplicatesFromTimeValuesMatchTheCodedCheck() {
        SplittableRandom rnd = new SplittableRandom(11);
        // whole years; a span beyond 2^31; fractions; -0.0 and 0.0 as one time
        double[][] scales = {{1990, 1}, {-5e12, 1e12}, {0, 0.25}, {-0.0, 0}};
        for (int round = 0; round < 400; round++) {
            int n = rnd.nextInt(0, 300);
            int groups = rnd.nextInt(1, 20);
            int times = rnd.nextInt(1, 30);
            double[] scale = scales[round % scales.length];
            int[] id = new int[n];
            double[] time = new double[n];
            for (int r = 0; r < n; r++) {
                id[r] = rnd.nextInt(12) == 0 ? -1 : rnd.nextInt(groups);
                int k = rnd.nextInt(times);
                double t = scale[1] == 0 ? (k % 2 == 0 ? -0.0 : 0.0) : scale[0] + k * scale[1];
                time[r] = rnd.nextInt(12) == 0 ? Double.NaN : t;
            }
            long[] expected = PanelKeys.duplicates(id, PanelKeys.codes(time, new int[1]));
            assertArrayEquals(expected, PanelKeys.duplicates(id, time), "round " + round);
        }
    }

    @Test
    void numericCodesInOrderOfFirstAppearance() {
        int[] count = new int[1];
        int[] codes = PanelKeys.codes(new double[] {2015, Double.NaN, 2014, 2015, -0.0, 0.0, 1e300}, count);
        assertArrayEquals(new int[] {0, -1, 1, 0, 2, 2, 3}, codes);
        assertEquals(4, count[0]);
        double[] many = new double[10_000];
        for (int i = 0; i < many.length; i++) {
            many[i] = i % 997;
        }
        PanelKeys.codes(many, count);
        assertEquals(997, count[0]);
    }
}
