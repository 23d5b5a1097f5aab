package dev.repro.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecimalParserTest {

    private static void same(String text) {
        double expected = Double.parseDouble(text);
        double actual = DecimalParser.parse(text);
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), text);
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(fromBytes(text)), text + " (bytes)");
    }

    /** The cell's bytes parsed in the middle of a larger buffer, as a chunk holds them. */
    private static double fromBytes(String text) {
        byte[] cell = text.getBytes(StandardCharsets.UTF_8);
        byte[] chunk = new byte[cell.length + 6];
        Arrays.fill(chunk, (byte) '7');
        System.arraycopy(cell, 0, chunk, 3, cell.length);
        return DecimalParser.parse(chunk, 3, 3 + cell.length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "+0", "0.0", "-0.000", "1", "+2", "-1.5e3", "1.5E-3", ".5", "5.", "-.25", "1e0",
        "007", "0.1", "0.30000000000000004", "123456789012345678", "9007199254740993", "9007199254740992",
        "1e22", "1e23", "1e-22", "1e-23", "4.9e-324", "2.4703282292062327e-324", "1.7976931348623157e308",
        "2.2250738585072014E-308", "123.456", "100000000000000000000000000", "0.000000000000000000000000001",
        "1e+5", "3.14159265358979323846264338327950288", "1e-400", "-1e-400", "00000000000000000000001.5"})
    void agreesWithJavaBitForBit(String text) {
        same(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+", "-", ".", "e5", "1e", "1e+", "1e-", "1.2.3", "1,5", " 1", "1 ", "Inf", "-Inf", "NaN",
        "Infinity", "0x10", "1d", "1f", "1L", "--1", "+-1", "1e5.5", "\u0661\u0662", "1_000", "1e 5", "١", "e", "E5", ".e5",
        "1..2", "\t1", "unit0", "NA", "+e5", "-Inf5", "a.5", "-x"})
    void rejectsWhatIsNotACsvNumber(String text) {
        assertTrue(Double.isNaN(DecimalParser.parse(text)), text);
        assertTrue(Double.isNaN(fromBytes(text)), text + " (bytes)");
    }

    @Test
    void overflowIsInfiniteNotNaN() {
        assertEquals(Double.POSITIVE_INFINITY, DecimalParser.parse("1e999"));
        assertEquals(Double.NEGATIVE_INFINITY, DecimalParser.parse("-2e308"));
        assertEquals(Double.POSITIVE_INFINITY, DecimalParser.parse("1e99999999999999"));
        assertEquals(0.0, DecimalParser.parse("1e-99999999999999"));
    }

    @Test
    void fastPathEdgesAgreeWithJava() {
        SplittableRandom rnd = new SplittableRandom(16L);
        for (int k = 0; k < 200_000; k++) {
            // 14 to 19 significant digits, the fast path's border (15 digits, 2^53) on both sides
            int digits = rnd.nextInt(14, 20);
            StringBuilder m = new StringBuilder();
            m.append((char) ('1' + rnd.nextInt(9)));
            for (int i = 1; i < digits; i++) {
                m.append((char) ('0' + rnd.nextInt(10)));
            }
            String mant = m.toString();
            String lead = "0".repeat(rnd.nextInt(3));
            String sign = rnd.nextInt(4) == 0 ? "-" : rnd.nextInt(8) == 0 ? "+" : "";
            // the power of ten around the exact range 10^-22..10^22
            int exp = rnd.nextInt(-26, 27);
            same(sign + lead + mant + "e" + exp);
            int point = rnd.nextInt(0, digits + 1);
            same(sign + lead + mant.substring(0, point) + "." + mant.substring(point));
            same(sign + "0." + "0".repeat(rnd.nextInt(0, 25)) + mant);
            same(sign + mant + "0".repeat(rnd.nextInt(0, 10)));
        }
        // integers around 2^53 and beyond; powers of ten around 10^22; subnormals and the smallest normal
        for (long v = (1L << 53) - 50; v < (1L << 53) + 50; v++) {
            same(Long.toString(v));
            same("-" + v);
            same(v + ".0");
            same(v + "e-3");
        }
        for (int e = -330; e <= 330; e++) {
            same("1e" + e);
            same("-9.999999999999999e" + e);
            same("4.9406564584124654e" + e);
        }
        for (String t : new String[] {"1e22", "1e23", "-0", "-0.0e5", "9999999999999999e22", "999999999999999e22",
            "123456789012345e-22", "1234567890123456e-22", "2.2250738585072011e-308", "2.2250738585072012e-308",
            "4.9e-324", "2.5e-324", "2.4e-324", "9223372036854775807", "9223372036854775808", "18446744073709551616",
            "0.000000000000000000000000000001e30", "100000000000000000000000e-23"}) {
            same(t);
        }
    }

    @Test
    void randomDecimalsAgreeWithJava() {
        SplittableRandom rnd = new SplittableRandom(20250101L);
        for (int k = 0; k < 200_000; k++) {
            StringBuilder sb = new StringBuilder();
            if (rnd.nextInt(3) == 0) {
                sb.append(rnd.nextBoolean() ? '-' : '+');
            }
            int intDigits = rnd.nextInt(0, 21);
            int fracDigits = rnd.nextInt(0, 21);
            if (intDigits == 0 && fracDigits == 0) {
                intDigits = 1;
            }
            for (int i = 0; i < intDigits; i++) {
                sb.append((char) ('0' + rnd.nextInt(10)));
            }
            if (fracDigits > 0 || rnd.nextBoolean()) {
                sb.append('.');
                for (int i = 0; i < fracDigits; i++) {
                    sb.append((char) ('0' + rnd.nextInt(10)));
                }
            }
            if (rnd.nextInt(3) == 0) {
                sb.append(rnd.nextBoolean() ? 'e' : 'E');
                int bound = rnd.nextBoolean() ? 25 : 330;
                sb.append(rnd.nextInt(-bound, bound + 1));
            }
            same(sb.toString());
        }
        for (int k = 0; k < 100_000; k++) {
            double v = Double.longBitsToDouble(rnd.nextLong());
            if (Double.isFinite(v)) {
                same(Double.toString(v));
                same(String.format(Locale.ROOT, "%.6f", v / 1e300));
            }
        }
    }
}
