package dev.repro.study;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number as a journal printed it: {@code -4,937.897**}, {@code (-2.43)}, {@code [0.001]}, {@code 270}.
 * Keeps the value, the number of decimals printed and the stars, so that a result can be compared at the
 * printed precision: it reproduces the cell when it lies within half a unit of the last printed digit.
 */
public record Printed(String text, BigDecimal value, int decimals, int stars) {
    private static final Pattern FORMAT = Pattern.compile(
            "\\s*[(\\[]?\\s*([-+\u2212]?)\\s*(\\d{1,3}(?:,\\d{3})+|\\d+)?(?:\\.(\\d+))?\\s*[)\\]]?\\s*(\\**)\\s*[)\\]]?\\s*");

    /** Parses a printed cell, or returns null when it is not a number in a journal's notation. */
    public static Printed parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches() || (m.group(2) == null && m.group(3) == null)) {
            return null;
        }
        String sign = m.group(1).equals("-") || m.group(1).equals("\u2212") ? "-" : "";
        String whole = m.group(2) == null ? "0" : m.group(2).replace(",", "");
        String frac = m.group(3) == null ? "" : m.group(3);
        BigDecimal v = new BigDecimal(sign + whole + (frac.isEmpty() ? "" : "." + frac));
        return new Printed(text, v, frac.length(), m.group(4).length());
    }

    /** Half a unit of the last printed digit. */
    public double halfUnit() {
        return 0.5 * Math.pow(10, -decimals);
    }

    /**
     * True when {@code x} prints as this cell at its precision, allowing for the binary representation
     * of a value exactly on the rounding edge (-4937.8965 printed as -4,937.897, whichever way a program
     * rounds the tie).
     */
    public boolean matches(double x) {
        double diff = Math.abs(x - value.doubleValue());
        return diff <= halfUnit() * (1 + 1e-9) + 1e-12 * Math.abs(x);
    }
}
