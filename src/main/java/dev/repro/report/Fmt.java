package dev.repro.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Number formatting for tables and figures, independent of the JVM's default locale.
 *
 * <p>Rounding is of the exact binary value of the double, half to even, which is what C's printf and
 * therefore Stata's {@code %9.3f} and R's {@code sprintf}/{@code formatC} print: 2.675 (stored as
 * 2.67499999...) becomes 2.67, as in those tools. A result that rounds to zero never keeps a minus sign
 * (-0.0004 at 3 decimals prints 0.000). Thousands are grouped with a comma, as the seed paper prints
 * them (-4,937.897). NaN prints as an empty string (a missing cell), infinities as {@code Inf}/{@code -Inf}.
 */
public final class Fmt {
    private Fmt() {
    }

    /** {@code decimals} digits after the point, grouped thousands when {@code group}. */
    public static String fixed(double v, int decimals, boolean group) {
        if (decimals < 0 || decimals > 15) {
            throw new IllegalArgumentException("decimals must be 0..15, got " + decimals);
        }
        String special = special(v);
        if (special != null) {
            return special;
        }
        BigDecimal r = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN);
        return layout(r, group);
    }

    /**
     * {@code digits} significant digits with trailing zeros after the point removed (as Stata's {@code %9.4g}
     * and the seed paper's Table 3: 0.0443, 72.86, 121.4), but never rounding inside the integer part:
     * 25823.6 prints as 25,824, not 2.582e4.
     */
    public static String significant(double v, int digits, boolean group) {
        if (digits < 1 || digits > 17) {
            throw new IllegalArgumentException("digits must be 1..17, got " + digits);
        }
        String special = special(v);
        if (special != null) {
            return special;
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(v);
        BigDecimal r = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
        if (r.scale() < 0) {
            // more integer digits than significant digits: keep the integer, rounded to units
            r = exact.setScale(0, RoundingMode.HALF_EVEN);
        } else {
            r = r.stripTrailingZeros();
            if (r.scale() < 0) {
                r = r.setScale(0, RoundingMode.UNNECESSARY);
            }
        }
        return layout(r, group);
    }

    /** A count such as N: an integer with grouped thousands. */
    public static String integer(long v, boolean group) {
        return layout(BigDecimal.valueOf(v), group);
    }

    /** A coordinate for SVG: at most 2 decimals, no grouping, trailing zeros removed. */
    public static String coord(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("coordinate must be finite, got " + v);
        }
        BigDecimal r = new BigDecimal(v).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (r.signum() == 0) {
            return "0";
        }
        return r.scale() < 0 ? r.setScale(0, RoundingMode.UNNECESSARY).toPlainString() : r.toPlainString();
    }

    private static String special(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Double.POSITIVE_INFINITY) {
            return "Inf";
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return "-Inf";
        }
        return null;
    }

    private static String layout(BigDecimal r, boolean group) {
        boolean negative = r.signum() < 0;
        String plain = r.abs().toPlainString();
        int dot = plain.indexOf('.');
        String intPart = dot < 0 ? plain : plain.substring(0, dot);
        String frac = dot < 0 ? "" : plain.substring(dot);
        StringBuilder sb = new StringBuilder(plain.length() + 8);
        if (negative) {
            sb.append('-');
        }
        if (group && intPart.length() > 3) {
            int first = intPart.length() % 3;
            if (first > 0) {
                sb.append(intPart, 0, first);
            }
            for (int i = first; i < intPart.length(); i += 3) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(intPart, i, i + 3);
            }
        } else {
            sb.append(intPart);
        }
        return sb.append(frac).toString();
    }
}
