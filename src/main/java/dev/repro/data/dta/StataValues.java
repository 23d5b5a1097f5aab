package dev.repro.data.dta;

import dev.repro.data.ReadOptions;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Stata's missing values and dates. Each numeric type keeps its largest values for the 27 missing values
 * {@code .}, {@code .a} .. {@code .z} ({@code help missing}, {@code help dta}): a byte above 100, an int above
 * 32,740, a long above 2,147,483,620, a float from 2^127 (bits 0x7f000000, then steps of 0x800) and a double
 * from 2^1023 (bits 0x7fe0000000000000, then steps of 2^40).
 */
final class StataValues {
    private StataValues() {
    }

    static final int NOT_MISSING = -1;
    private static final int FLOAT_MISSING = 0x7f000000;
    private static final long DOUBLE_MISSING = 0x7fe0000000000000L;

    /** 0 for {@code .}, 1..26 for {@code .a}..{@code .z}, or {@link #NOT_MISSING}. */
    static int byteCode(int v) {
        return v > 100 ? Math.min(v - 101, 26) : NOT_MISSING;
    }

    static int intCode(int v) {
        return v > 32740 ? Math.min(v - 32741, 26) : NOT_MISSING;
    }

    static int longCode(int v) {
        return v > 2147483620 ? Math.min(v - 2147483621, 26) : NOT_MISSING;
    }

    static int floatCode(int bits) {
        if (bits >= FLOAT_MISSING) {
            return Math.min((bits - FLOAT_MISSING) >>> 11, 26);
        }
        // NaN and infinities are not Stata values: read them as the plain missing value
        return Float.isFinite(Float.intBitsToFloat(bits)) ? NOT_MISSING : 0;
    }

    static int doubleCode(long bits) {
        if (bits >= DOUBLE_MISSING) {
            return (int) Math.min((bits - DOUBLE_MISSING) >>> 40, 26);
        }
        return Double.isFinite(Double.longBitsToDouble(bits)) ? NOT_MISSING : 0;
    }

    /** How a missing value is written in Stata: {@code .} or {@code .a} .. {@code .z}. */
    static String shown(int code) {
        return code == 0 ? "." : "." + (char) ('a' + code - 1);
    }

    /** The date unit of a display format, or null when it is not a date format. */
    enum Unit { DAY, WEEK, MONTH, QUARTER, HALF, YEAR, MILLI }

    static Unit unit(String format) {
        String f = format.startsWith("%-") ? "%" + format.substring(2) : format;
        if (f.startsWith("%td") || f.startsWith("%d")) {
            return Unit.DAY;
        }
        if (f.startsWith("%tc") || f.startsWith("%tC")) {
            return Unit.MILLI;
        }
        if (f.startsWith("%tw")) {
            return Unit.WEEK;
        }
        if (f.startsWith("%tm")) {
            return Unit.MONTH;
        }
        if (f.startsWith("%tq")) {
            return Unit.QUARTER;
        }
        if (f.startsWith("%th")) {
            return Unit.HALF;
        }
        return f.startsWith("%ty") ? Unit.YEAR : null;
    }

    private static final LocalDate ORIGIN = LocalDate.of(1960, 1, 1);

    /**
     * The integer of a Stata date under the rule: {@code YEAR} its calendar year; {@code PERIOD} the count of its
     * own unit (days, weeks, months, quarters or half-years since 1960, the year for {@code %ty}; milliseconds
     * become days), whole so that consecutive periods differ by 1.
     */
    static double convert(double v, Unit unit, ReadOptions.DateRule rule) {
        long t = (long) Math.floor(v);
        if (rule == ReadOptions.DateRule.PERIOD) {
            return unit == Unit.MILLI ? Math.floorDiv(t, 86_400_000L) : t;
        }
        return switch (unit) {
            case DAY -> ORIGIN.plusDays(t).getYear();
            case MILLI -> ORIGIN.plus(Math.floorDiv(t, 86_400_000L), ChronoUnit.DAYS).getYear();
            case WEEK -> 1960 + Math.floorDiv(t, 52);
            case MONTH -> 1960 + Math.floorDiv(t, 12);
            case QUARTER -> 1960 + Math.floorDiv(t, 4);
            case HALF -> 1960 + Math.floorDiv(t, 2);
            case YEAR -> t;
        };
    }
}
