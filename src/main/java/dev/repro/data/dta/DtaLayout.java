package dev.repro.data.dta;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The header and variable descriptors of a .dta file: release, byte order, sizes, and per variable its type,
 * name, display format, value-label set and variable label. Formats 113-115 have a fixed binary header,
 * 117-119 a tagged one; both end up here. Types are kept as {@code > 0}: a str# of that width, else one of the
 * constants below.
 */
final class DtaLayout {
    static final int STRL = -1;
    static final int BYTE = -2;
    static final int INT = -3;
    static final int LONG = -4;
    static final int FLOAT = -5;
    static final int DOUBLE = -6;

    int release;
    int k;
    long n;
    int[] types;
    String[] names;
    String[] formats;
    String[] labelSets;
    String[] labels;
    Charset charset;

    boolean tagged() {
        return release >= 117;
    }

    static int width(int type) {
        return switch (type) {
            case STRL -> 8;
            case BYTE -> 1;
            case INT -> 2;
            case LONG, FLOAT -> 4;
            case DOUBLE -> 8;
            default -> type;
        };
    }

    static String typeName(int type) {
        return switch (type) {
            case STRL -> "strL";
            case BYTE -> "byte";
            case INT -> "int";
            case LONG -> "long";
            case FLOAT -> "float";
            case DOUBLE -> "double";
            default -> "str" + type;
        };
    }

    /** Reads everything up to the start of the data (after {@code <data>} in 117-119). */
    /** Reads the header; {@code legacy} is the character set of formats 113-117 (118-119 are UTF-8). */
    static DtaLayout read(DtaInput in, Charset legacy) throws IOException {
        DtaLayout l = new DtaLayout();
        l.charset = legacy;
        if (!in.available(1)) {
            throw new DtaException(0, "the file is empty; expected a Stata .dta file");
        }
        int first = in.u8("the format byte");
        if (first == '<') {
            l.readTagged(in);
        } else {
            l.readOld(in, first);
        }
        return l;
    }

    private static DtaException unsupported(long at, String found) {
        return new DtaException(at, "expected a Stata .dta file of format 113, 114, 115, 117, 118 or 119 (Stata 8 to 18), found "
                + found + "; save it again from Stata (or R haven::write_dta), or give the dataset a format: that fits the file");
    }

    private void readOld(DtaInput in, int first) throws IOException {
        int order = in.peek();
        if (first < 113 || first > 115 || order != 1 && order != 2) {
            throw unsupported(0, first >= 102 && first <= 112 && (order == 1 || order == 2) ? "format " + first + " (older than Stata 8)"
                    : "a file that starts with byte 0x" + Integer.toHexString(first));
        }
        release = first;
        in.u8("the byte order");
        in.bigEndian = order == 1;
        in.u8("the file type");
        in.u8("an unused byte");
        k = in.u16("the number of variables");
        n = in.u32("the number of observations");
        in.text(81, charset, "the dataset label");
        in.text(18, charset, "the time stamp");
        types = new int[k];
        for (int i = 0; i < k; i++) {
            long t = in.offset();
            int code = in.u8("the type of variable " + (i + 1));
            types[i] = switch (code) {
                case 251 -> BYTE;
                case 252 -> INT;
                case 253 -> LONG;
                case 254 -> FLOAT;
                case 255 -> DOUBLE;
                default -> {
                    if (code >= 1 && code <= 244) {
                        yield code;
                    }
                    throw badType(t, i, code, "1-244 (str#) or 251-255 (byte, int, long, float, double)");
                }
            };
        }
        names = texts(in, 33, "the name of variable ");
        for (int i = 0; i <= k; i++) {
            in.u16("the sort order");
        }
        formats = texts(in, release == 113 ? 12 : 49, "the display format of variable ");
        labelSets = texts(in, 33, "the value-label name of variable ");
        labels = texts(in, 81, "the label of variable ");
        // expansion fields (characteristics): type byte and length, until a zero type with zero length
        for (;;) {
            int type = in.u8("an expansion field's type");
            long len = in.u32("an expansion field's length");
            if (type == 0 && len == 0) {
                break;
            }
            skip(in, len, "an expansion field");
        }
    }

    private void readTagged(DtaInput in) throws IOException {
        // the '<' is read: the rest of "<stata_dta>"
        in.tag("stata_dta>");
        in.tag("<header>");
        in.tag("<release>");
        long at = in.offset();
        String rel = new String(in.bytes(3, "the release"), StandardCharsets.US_ASCII);
        release = switch (rel) {
            case "117" -> 117;
            case "118" -> 118;
            case "119" -> 119;
            default -> throw unsupported(at, "release '" + DtaInput.printable(rel.getBytes(StandardCharsets.ISO_8859_1), 0, 3) + "'");
        };
        in.tag("</release>");
        in.tag("<byteorder>");
        at = in.offset();
        String order = new String(in.bytes(3, "the byte order"), StandardCharsets.ISO_8859_1);
        if (!order.equals("MSF") && !order.equals("LSF")) {
            throw new DtaException(at, "expected the byte order MSF or LSF, found '" + DtaInput.printable(order.getBytes(StandardCharsets.ISO_8859_1), 0, 3)
                    + "'; the file is corrupt: copy or save it again");
        }
        in.bigEndian = order.equals("MSF");
        in.tag("</byteorder>");
        in.tag("<K>");
        k = (int) in.unsigned(release == 119 ? 4 : 2, "the number of variables");
        in.tag("</K>");
        in.tag("<N>");
        n = in.unsigned(release == 117 ? 4 : 8, "the number of observations");
        in.tag("</N>");
        charset = release == 117 ? charset : StandardCharsets.UTF_8;
        in.tag("<label>");
        int labelLength = (int) in.unsigned(release == 117 ? 1 : 2, "the length of the dataset label");
        in.bytes(labelLength, "the dataset label");
        in.tag("</label>");
        in.tag("<timestamp>");
        in.bytes(in.u8("the length of the time stamp"), "the time stamp");
        in.tag("</timestamp>");
        in.tag("</header>");
        in.tag("<map>");
        in.bytes(14 * 8, "the map of section offsets");
        in.tag("</map>");
        in.tag("<variable_types>");
        types = new int[k];
        for (int i = 0; i < k; i++) {
            long t = in.offset();
            int code = in.u16("the type of variable " + (i + 1));
            types[i] = switch (code) {
                case 32768 -> STRL;
                case 65530 -> BYTE;
                case 65529 -> INT;
                case 65528 -> LONG;
                case 65527 -> FLOAT;
                case 65526 -> DOUBLE;
                default -> {
                    if (code >= 1 && code <= 2045) {
                        yield code;
                    }
                    throw badType(t, i, code, "1-2045 (str#), 32768 (strL) or 65526-65530 (double, float, long, int, byte)");
                }
            };
        }
        in.tag("</variable_types>");
        boolean wide = release >= 118;
        in.tag("<varnames>");
        names = texts(in, wide ? 129 : 33, "the name of variable ");
        in.tag("</varnames>");
        in.tag("<sortlist>");
        in.bytes((k + 1) * (release == 119 ? 4 : 2), "the sort order");
        in.tag("</sortlist>");
        in.tag("<formats>");
        formats = texts(in, wide ? 57 : 49, "the display format of variable ");
        in.tag("</formats>");
        in.tag("<value_label_names>");
        labelSets = texts(in, wide ? 129 : 33, "the value-label name of variable ");
        in.tag("</value_label_names>");
        in.tag("<variable_labels>");
        labels = texts(in, wide ? 321 : 81, "the label of variable ");
        in.tag("</variable_labels>");
        in.tag("<characteristics>");
        while (in.at("<ch>")) {
            in.tag("<ch>");
            skip(in, in.u32("a characteristic's length"), "a characteristic");
            in.tag("</ch>");
        }
        in.tag("</characteristics>");
        in.tag("<data>");
    }

    private DtaException badType(long at, int i, int code, String expected) {
        return new DtaException(at, "variable " + (i + 1) + " has the type code " + code + ", expected " + expected
                + "; the file is corrupt: copy or save it again");
    }

    private String[] texts(DtaInput in, int width, String what) throws IOException {
        String[] out = new String[k];
        for (int i = 0; i < k; i++) {
            out[i] = in.text(width, charset, what + (i + 1));
        }
        return out;
    }

    static void skip(DtaInput in, long len, String what) throws IOException {
        for (long left = len; left > 0; ) {
            int step = (int) Math.min(left, 1 << 16);
            in.block(step, what);
            in.skip(step);
            left -= step;
        }
    }
}
