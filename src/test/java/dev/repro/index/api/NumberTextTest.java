package dev.repro.index.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The number format of written datasets: shortest round trip, JDK-independent layout. */
class NumberTextTest {
    @Test
    void layouts() {
        assertEquals("", NumberText.format(Double.NaN));
        assertEquals("0", NumberText.format(-0.0));
        assertEquals("2012", NumberText.format(2012));
        assertEquals("-3", NumberText.format(-3));
        assertEquals("0.1", NumberText.format(0.1));
        assertEquals("0.30000000000000004", NumberText.format(0.1 + 0.2));
        assertEquals("1234.5", NumberText.format(1234.5));
        assertEquals("0.0000001", NumberText.format(1e-7));
        assertEquals("1.5E-8", NumberText.format(1.5e-8));
        assertEquals("1E15", NumberText.format(1e15));
        assertEquals("2.5E20", NumberText.format(2.5e20));
        assertEquals("123456789012345.6", NumberText.format(123456789012345.6));
        assertEquals("-0.0443", NumberText.format(-0.0443));
        assertEquals("1.7053025658242404E-13", NumberText.format(0x1.8p-43));
        // JDK 17's Double.toString writes these as 2.82879384806159008E17 and 9.999999999999999E22 (JDK-4511638,
        // fixed in JDK 19): our bytes must not depend on the JDK
        assertEquals("2.82879384806159E17", NumberText.format(2.82879384806159E17));
        assertEquals("1E23", NumberText.format(1.0E23));
        // the shortest decimal that reads back as the smallest subnormal (Double.toString says 4.9E-324)
        assertEquals("5E-324", NumberText.format(Double.MIN_VALUE));
        assertEquals("1.7976931348623157E308", NumberText.format(Double.MAX_VALUE));
    }

    @Test
    void fastPathEqualsTheExactRoute() {
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 300_000; i++) {
            double v = switch (i % 4) {
                case 0 -> Math.round(r.nextDouble() * 1e7) / 1e3;
                case 1 -> r.nextDouble() * Math.pow(10, r.nextInt(-8, 15));
                case 2 -> -Math.round(r.nextDouble() * 1e12) / Math.pow(10, r.nextInt(0, 12));
                default -> Double.longBitsToDouble(r.nextLong());
            };
            if (Double.isNaN(v) || Double.isInfinite(v) || v == Math.rint(v) && Math.abs(v) < 1e15) {
                continue;
            }
            assertEquals(NumberText.slow(v), NumberText.format(v), Double.toString(v));
        }
    }

    @Test
    void everyValueReadsBackExactly() {
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 200_000; i++) {
            double v = Double.longBitsToDouble(r.nextLong());
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                continue;
            }
            String s = NumberText.format(v);
            assertEquals(v == 0 ? 0.0 : v, Double.parseDouble(s), s);
            // never longer than Double.toString's digits
            assertEquals(true, NumberText.shortest(v).precision() <= 17, s);
        }
        for (int i = 0; i < 100_000; i++) {
            double v = Math.round(r.nextDouble() * 1e6) / 1e4;
            assertEquals(v, Double.parseDouble(NumberText.format(v)));
            assertEquals(true, NumberText.format(v).length() <= 12, NumberText.format(v));
        }
    }
}
