package dev.repro.data;

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
        "1..2", "\t1"})
    void rejectsWhatIsNotACsvNumber(String text) {
        assertTrue(Double.isNaN(DecimalParser.parse(text)), text);
    }

    @Test
    void overflowIsInfiniteNotNaN() {
        assertEquals(Double.POSITIVE_INFINITY, DecimalParser.parse("1e999"));
        assertEquals(Double.NEGATIVE_INFINITY, DecimalParser.parse("-2e308"));
        assertEquals(Double.POSITIVE_INFINITY, DecimalParser.parse("1e99999999999999"));
        assertEquals(0.0, DecimalParser.parse("1e-99999999999999"));
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
