package dev.repro.data;


/**
 * Locale-independent decimal numbers for CSV cells: {@code [+-]digits[.digits][(e|E)[+-]digits]}, also
 * {@code .5} and {@code 5.}; nothing else (no spaces, no thousands separators, no decimal comma, no
 * {@code Inf}/{@code NaN}, no hexadecimal, no Java suffixes such as {@code 1d}).
 *
 * <p>Why a parser of our own: {@link Double#parseDouble} needs a String per cell and accepts more than
 * a CSV number. The result is always the correctly rounded double, identical to
 * {@code Double.parseDouble} (and to R's reader): short mantissas use Clinger's exact fast path (an
 * integer below 2^53 times or divided by an exact power of ten 10^0..10^22 is one IEEE operation,
 * hence correctly rounded; W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990),
 * everything else falls back to {@code Double.parseDouble} on the already-validated text.
 */
final class DecimalParser {
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final long TWO_53 = 1L << 53;
    private static final int EXPONENT_CAP = 100_000;

    private DecimalParser() {
    }

    /**
     * The value of the number in {@code b[s..e)}; NaN when the text is not a number in the grammar
     * above; plus or minus infinity when it is one but too large for a double.
     */
    static double parse(char[] b, int s, int e) {
        int i = s;
        if (i >= e) {
            return Double.NaN;
        }
        boolean negative = false;
        char c = b[i];
        if (c == '+' || c == '-') {
            negative = c == '-';
            i++;
        }
        long m = 0;
        int significant = 0;
        int exp10 = 0;
        boolean anyDigit = false;
        while (i < e && (c = b[i]) >= '0' && c <= '9') {
            anyDigit = true;
            if (m != 0 || c != '0') {
                if (significant < 18) {
                    m = m * 10 + (c - '0');
                } else {
                    exp10++;
                }
                significant++;
            }
            i++;
        }
        if (i < e && b[i] == '.') {
            i++;
            while (i < e && (c = b[i]) >= '0' && c <= '9') {
                anyDigit = true;
                if (m != 0 || c != '0') {
                    if (significant < 18) {
                        m = m * 10 + (c - '0');
                        exp10--;
                    }
                    significant++;
                } else {
                    exp10--;
                }
                i++;
            }
        }
        if (!anyDigit) {
            return Double.NaN;
        }
        if (i < e && ((c = b[i]) == 'e' || c == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < e && ((c = b[i]) == '+' || c == '-')) {
                expNegative = c == '-';
                i++;
            }
            if (i >= e) {
                return Double.NaN;
            }
            int x = 0;
            while (i < e && (c = b[i]) >= '0' && c <= '9') {
                if (x < EXPONENT_CAP) {
                    x = x * 10 + (c - '0');
                }
                i++;
            }
            if (i < e || !(b[i - 1] >= '0' && b[i - 1] <= '9')) {
                return Double.NaN;
            }
            exp10 += expNegative ? -x : x;
        }
        if (i != e) {
            return Double.NaN;
        }
        if (m == 0) {
            return negative ? -0.0 : 0.0;
        }
        if (significant <= 18 && m <= TWO_53 && exp10 >= -22 && exp10 <= 22) {
            double v = (double) m;
            v = exp10 >= 0 ? v * POW10[exp10] : v / POW10[-exp10];
            return negative ? -v : v;
        }
        // the text matched the grammar above, a subset of what parseDouble accepts
        return Double.parseDouble(new String(b, s, e - s));
    }

    /**
     * The same for the bytes {@code b[s..e)} of a cell (a CSV chunk read as bytes): every accepted byte is ASCII, so
     * the result is the one of the decoded text, bit for bit; any other byte makes the cell not a number.
     */
    static double parse(byte[] b, int s, int e) {
        // the common cell, [+-]digits[.digits] with at most 18 digits (leading zeros counted), in one pass; the same
        // m and power of ten as below, hence the same double; anything else is left to the full grammar
        int i = s;
        boolean negative = false;
        if (i < e) {
            int c = b[i];
            if (c == '-' || c == '+') {
                negative = c == '-';
                i++;
            }
        }
        int first = i;
        long m = 0;
        int d;
        while (i < e && (d = b[i] - '0') >= 0 && d <= 9) {
            m = m * 10 + d;
            i++;
        }
        int fraction = 0;
        boolean point = i < e && b[i] == '.';
        if (i == first && !point) {
            // no digit and no point after the sign: no number of the grammar starts so (a text cell of an inferred
            // column, tried on every row, ends here)
            return Double.NaN;
        }
        if (point) {
            i++;
            int from = i;
            while (i < e && (d = b[i] - '0') >= 0 && d <= 9) {
                m = m * 10 + d;
                i++;
            }
            fraction = i - from;
        }
        int digits = i - first - (point ? 1 : 0);
        if (i == e && digits > 0 && digits <= 18 && m <= TWO_53 && fraction <= 22) {
            // no branch for zero (rare in a column, so a compiled parser would be thrown away at the first one):
            // 0 / 10^k is 0.0, and its negation -0.0, as the full grammar gives
            double v = fraction == 0 ? (double) m : (double) m / POW10[fraction];
            return negative ? -v : v;
        }
        return parseFull(b, s, e);
    }

    /**
     * Every other cell, through the text parser: each byte widened to the char of the same code (ISO-8859-1), so an
     * ASCII cell reads exactly as its decoded text and any byte above 0x7F is, as there, not part of a number.
     */
    private static double parseFull(byte[] b, int s, int e) {
        char[] text = new char[e - s];
        for (int k = 0; k < text.length; k++) {
            text[k] = (char) (b[s + k] & 0xFF);
        }
        return parse(text, 0, text.length);
    }

    static double parse(String s) {
        return parse(s.toCharArray(), 0, s.length());
    }
}
