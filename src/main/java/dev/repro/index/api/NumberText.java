package dev.repro.index.api;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one number format of constructed datasets: the shortest decimal that reads back to the same double,
 * computed from the exact binary value with BigDecimal, so that the bytes do not depend on the JDK
 * ({@code Double.toString} changed its digits in JDK 19, JDK-4511638). Whole numbers below 1e15 print
 * without a decimal point ({@code 2012}); other numbers print plainly when their leading digit is between
 * the 1e-7 and 1e14 places ({@code 0.0123}, {@code 1234.5}), otherwise in scientific notation with a
 * capital E and no plus sign ({@code 1.5E-8}, {@code 2.5E20}). NaN is the empty string (a missing cell);
 * negative zero prints as {@code 0}.
 */
public final class NumberText {
    private NumberText() {
    }

    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            throw new IllegalArgumentException("infinite value cannot be written");
        }
        if (v == 0) {
            return "0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String fast = fast(v);
        return fast != null ? fast : layout(shortest(v));
    }

    /** The BigDecimal route alone (tests compare it with the fast path). */
    static String slow(double v) {
        return v == 0 ? "0" : layout(shortest(v));
    }

    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
        1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * The same text without BigDecimal for the common case of a number in plain layout with at most 15
     * significant digits: the fewest decimals k such that m = rint(|v| 10^k) gives m / 10^k == |v|. Both m
     * and 10^k are exact doubles, so the division is correctly rounded and equals parsing the decimal; with
     * m below 2^50 the decimal grid is finer than a quarter ulp, so the rounding of |v| 10^k cannot pick
     * another integer than the exact value's nearest one: the result is exactly {@link #shortest}'s.
     */
    private static String fast(double v) {
        double a = Math.abs(v);
        if (!(a >= 1e-7 && a < 1e14)) {
            return null;
        }
        for (int k = 1; k < POW10.length; k++) {
            double scaled = a * POW10[k];
            if (scaled >= 0x1p50) {
                return null;
            }
            double m = Math.rint(scaled);
            if (m / POW10[k] == a) {
                String digits = Long.toString((long) m);
                StringBuilder sb = new StringBuilder(digits.length() + k + 3);
                if (v < 0) {
                    sb.append('-');
                }
                if (digits.length() <= k) {
                    sb.append("0.");
                    for (int z = digits.length(); z < k; z++) {
                        sb.append('0');
                    }
                    sb.append(digits);
                } else {
                    sb.append(digits, 0, digits.length() - k).append('.').append(digits, digits.length() - k, digits.length());
                }
                return sb.toString();
            }
        }
        return null;
    }

    /** The decimal with the fewest significant digits that parses back to {@code v}, rounded half-even from the exact value. */
    public static BigDecimal shortest(double v) {
        BigDecimal exact = new BigDecimal(v);
        int p = Math.min(17, Math.max(1, significantDigits(Double.toString(v))));
        BigDecimal best = round(exact, p);
        while (best.doubleValue() != v && p < 17) {
            p++;
            best = round(exact, p);
        }
        if (best.doubleValue() != v) {
            // 17 significant digits always identify a double
            best = round(exact, 17);
        }
        while (p > 1) {
            BigDecimal shorter = round(exact, p - 1);
            if (shorter.doubleValue() != v) {
                break;
            }
            best = shorter;
            p--;
        }
        return best.stripTrailingZeros();
    }

    private static BigDecimal round(BigDecimal exact, int digits) {
        return exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
    }

    private static int significantDigits(String s) {
        int e = s.indexOf('E');
        String mantissa = e < 0 ? s : s.substring(0, e);
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < mantissa.length(); i++) {
            char c = mantissa.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        int start = 0;
        while (start < digits.length() && digits.charAt(start) == '0') {
            start++;
        }
        int end = digits.length();
        while (end > start && digits.charAt(end - 1) == '0') {
            end--;
        }
        return end - start;
    }

    private static String layout(BigDecimal d) {
        // exponent of the leading digit: d = 0.digits * 10^(precision - scale)
        int exponent = d.precision() - d.scale() - 1;
        if (exponent >= -7 && exponent < 15) {
            return d.toPlainString();
        }
        String digits = d.unscaledValue().abs().toString();
        StringBuilder sb = new StringBuilder();
        if (d.signum() < 0) {
            sb.append('-');
        }
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        return sb.append('E').append(exponent).toString();
    }
}
