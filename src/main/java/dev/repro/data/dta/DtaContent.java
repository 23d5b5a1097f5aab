package dev.repro.data.dta;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The values of a .dta file, one array per variable: numbers (NaN for a missing value, with how it was
 * written when it is one), texts, and the value-label sets by name.
 */
final class DtaContent {
    final DtaLayout layout;
    final double[][] numbers;
    final String[][] text;
    /** Per numeric variable, {@code .}/{@code .a}..{@code .z} where the value is missing; null while none is. */
    final String[][] missingShown;
    final boolean[] extended;
    final Map<String, Map<Integer, String>> valueLabels = new HashMap<>();

    private DtaContent(DtaLayout layout) {
        this.layout = layout;
        numbers = new double[layout.k][];
        text = new String[layout.k][];
        missingShown = new String[layout.k][];
        extended = new boolean[layout.k];
    }

    static DtaContent read(DtaInput in, Charset legacy) throws IOException {
        DtaLayout l = DtaLayout.read(in, legacy);
        if (l.n > DtaReader.MAX_ROWS) {
            throw new DtaException(in.offset(), "the file has " + l.n + " observations, more than the " + DtaReader.MAX_ROWS
                    + " one dataset can hold; split the file");
        }
        DtaContent c = new DtaContent(l);
        long[][] strls = c.readData(in);
        if (l.tagged()) {
            in.tag("</data>");
            Map<Long, String> gso = c.readStrls(in);
            c.resolve(strls, gso);
            in.tag("<value_labels>");
            while (in.at("<lbl>")) {
                in.tag("<lbl>");
                c.readLabelSet(in, l.release >= 118 ? 129 : 33);
                in.tag("</lbl>");
            }
            in.tag("</value_labels>");
            in.tag("</stata_dta>");
        } else {
            while (in.available(1)) {
                c.readLabelSet(in, 33);
            }
        }
        return c;
    }

    private long[][] readData(DtaInput in) throws IOException {
        DtaLayout l = layout;
        int rows = (int) l.n;
        int[] at = new int[l.k];
        int width = 0;
        long[][] strls = new long[l.k][];
        for (int v = 0; v < l.k; v++) {
            at[v] = width;
            width += DtaLayout.width(l.types[v]);
            switch (l.types[v]) {
                case DtaLayout.STRL -> strls[v] = new long[rows];
                case DtaLayout.BYTE, DtaLayout.INT, DtaLayout.LONG, DtaLayout.FLOAT, DtaLayout.DOUBLE -> numbers[v] = new double[rows];
                default -> text[v] = new String[rows];
            }
        }
        if (width == 0) {
            return strls;
        }
        boolean be = in.bigEndian;
        Charset cs = l.charset;
        int perBlock = Math.max(1, (1 << 16) / width);
        for (int r0 = 0; r0 < rows; r0 += perBlock) {
            int count = Math.min(perBlock, rows - r0);
            if (!in.available(count * width)) {
                throw truncated(in, r0, width, at);
            }
            byte[] b = in.block(count * width, "the data");
            int base = in.position();
            for (int v = 0; v < l.k; v++) {
                int type = l.types[v];
                int p = base + at[v];
                double[] out = numbers[v];
                for (int r = r0; r < r0 + count; r++, p += width) {
                    int code;
                    switch (type) {
                        case DtaLayout.BYTE -> {
                            int x = b[p];
                            code = StataValues.byteCode(x);
                            out[r] = x;
                        }
                        case DtaLayout.INT -> {
                            int x = (short) DtaInput.u16(b, p, be);
                            code = StataValues.intCode(x);
                            out[r] = x;
                        }
                        case DtaLayout.LONG -> {
                            int x = DtaInput.i32(b, p, be);
                            code = StataValues.longCode(x);
                            out[r] = x;
                        }
                        case DtaLayout.FLOAT -> {
                            int x = DtaInput.i32(b, p, be);
                            code = StataValues.floatCode(x);
                            out[r] = Float.intBitsToFloat(x);
                        }
                        case DtaLayout.DOUBLE -> {
                            long x = DtaInput.i64(b, p, be);
                            code = StataValues.doubleCode(x);
                            out[r] = Double.longBitsToDouble(x);
                        }
                        case DtaLayout.STRL -> {
                            strls[v][r] = strlKey(b, p, be);
                            code = StataValues.NOT_MISSING;
                        }
                        default -> {
                            // a panel sorted by unit repeats its id: the previous observation's text is reused
                            text[v][r] = r > r0 && Arrays.equals(b, p, p + type, b, p - width, p - width + type)
                                    ? text[v][r - 1] : DtaInput.text(b, p, type, cs);
                            code = StataValues.NOT_MISSING;
                        }
                    }
                    if (code != StataValues.NOT_MISSING) {
                        out[r] = Double.NaN;
                        if (missingShown[v] == null) {
                            missingShown[v] = new String[rows];
                        }
                        missingShown[v][r] = StataValues.shown(code);
                        extended[v] |= code > 0;
                    }
                }
            }
            in.skip(count * width);
        }
        return strls;
    }

    /** The (v, o) of a strL cell as one key: v is the variable, o the observation (both 1-based) the text was first stored for. */
    private long strlKey(byte[] b, int p, boolean be) {
        return switch (layout.release) {
            case 117 -> DtaInput.unsigned(b, p, 4, be) << 40 | DtaInput.unsigned(b, p + 4, 4, be);
            // 118 and 119: v in 2 bytes, o in 6, in the file's byte order, v first (as ReadStat and so R haven read them)
            default -> DtaInput.unsigned(b, p, 2, be) << 40 | DtaInput.unsigned(b, p + 2, 6, be);
        };
    }

    private DtaException truncated(DtaInput in, int r0, int width, int[] at) {
        // the bytes that are there, from the first observation of this block
        int have = 0;
        try {
            while (in.available(have + 1)) {
                have++;
            }
        } catch (IOException e) {
            // fall through with what was counted
        }
        int row = r0 + have / width;
        int within = have % width;
        int v = 0;
        while (v + 1 < at.length && at[v + 1] <= within) {
            v++;
        }
        int type = layout.types[v];
        return new DtaException(in.offset() + have, "the file ends in observation " + (row + 1) + ", variable '" + layout.names[v]
                + "' (" + DtaLayout.typeName(type) + ", " + DtaLayout.width(type) + " bytes); expected " + layout.n
                + " observations of " + width + " bytes each: the file is truncated, copy or save it again");
    }

    private Map<Long, String> readStrls(DtaInput in) throws IOException {
        Map<Long, String> out = new HashMap<>();
        in.tag("<strls>");
        while (in.at("GSO")) {
            in.tag("GSO");
            long v = in.u32("a long string's variable");
            long o = layout.release == 117 ? in.u32("a long string's observation") : in.i64("a long string's observation");
            int t = in.u8("a long string's type");
            long len = in.u32("a long string's length");
            if (len > Integer.MAX_VALUE - 8) {
                throw new DtaException(in.offset() - 4, "a long string of " + len + " bytes is longer than one value can be; the file is corrupt");
            }
            byte[] bytes = in.bytes((int) len, "a long string");
            // type 130 is text stored with a terminating NUL, 129 binary
            int n = t == 130 && len > 0 && bytes[(int) len - 1] == 0 ? (int) len - 1 : (int) len;
            out.put(v << 40 | o, new String(bytes, 0, n, layout.charset));
        }
        in.tag("</strls>");
        return out;
    }

    private void resolve(long[][] strls, Map<Long, String> gso) throws DtaException {
        for (int v = 0; v < layout.k; v++) {
            if (strls[v] == null) {
                continue;
            }
            String[] out = new String[strls[v].length];
            for (int r = 0; r < out.length; r++) {
                long key = strls[v][r];
                if (key == 0) {
                    out[r] = "";
                    continue;
                }
                String s = gso.get(key);
                if (s == null) {
                    throw new DtaException(0, "variable '" + layout.names[v] + "', observation " + (r + 1) + " refers to the long string (v, o) = ("
                            + (key >>> 40) + ", " + (key & 0xffffffffffL) + "), which is not in the <strls> section; the file is corrupt: copy or save it again");
                }
                out[r] = s;
            }
            text[v] = out;
        }
    }

    private void readLabelSet(DtaInput in, int nameWidth) throws IOException {
        long len = in.u32("the length of a value-label table");
        String name = in.text(nameWidth, layout.charset, "the name of a value-label set");
        in.bytes(3, "the padding of a value-label set");
        long at = in.offset();
        if (len < 8 || len > Integer.MAX_VALUE - 8) {
            throw new DtaException(at - nameWidth - 7, "value-label set '" + name + "' has a table of " + len + " bytes, expected at least 8; the file is corrupt");
        }
        byte[] b = in.bytes((int) len, "value-label set '" + name + "'");
        boolean be = in.bigEndian;
        int n = DtaInput.i32(b, 0, be);
        int textLength = DtaInput.i32(b, 4, be);
        if (n < 0 || textLength < 0 || 8L + 8L * n + textLength > len) {
            throw new DtaException(at, "value-label set '" + name + "' says " + n + " labels and " + textLength
                    + " bytes of text, which do not fit its " + len + " bytes; the file is corrupt");
        }
        Map<Integer, String> set = new HashMap<>();
        int texts = 8 + 8 * n;
        for (int i = 0; i < n; i++) {
            int off = DtaInput.i32(b, 8 + 4 * i, be);
            int value = DtaInput.i32(b, 8 + 4 * n + 4 * i, be);
            if (off < 0 || off >= textLength) {
                throw new DtaException(at + 8 + 4L * i, "label " + (i + 1) + " of value-label set '" + name + "' starts at text offset "
                        + off + ", expected below " + textLength + "; the file is corrupt");
            }
            set.put(value, DtaInput.text(b, texts + off, textLength - off, layout.charset));
        }
        valueLabels.put(name, set);
    }
}
