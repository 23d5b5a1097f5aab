package dev.repro.data.dta;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A small .dta file written byte by byte from the format description, in either byte order, for formats 114
 * and 118: the big-endian files no R package writes, and the bytes that the message tests cut or break.
 * Variables: id (long), year (int), small (byte), f (float), d (double), s (str5), yn (byte, value labels
 * 0 no, 1 yes) and day (long, %td); three observations, d of the second is .a.
 */
final class DtaBytes {
    static final String[] NAMES = {"id", "year", "small", "f", "d", "s", "yn", "day"};
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean be;

    private DtaBytes(boolean bigEndian) {
        this.be = bigEndian;
    }

    static byte[] write(int release, boolean bigEndian) {
        DtaBytes w = new DtaBytes(bigEndian);
        return release == 114 ? w.old() : w.tagged();
    }

    private void n(long v, int width) {
        for (int i = 0; i < width; i++) {
            int shift = be ? 8 * (width - 1 - i) : 8 * i;
            out.write((int) (v >>> shift) & 0xff);
        }
    }

    private void text(String s, int width) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
        for (int i = b.length; i < width; i++) {
            out.write(0);
        }
    }

    private void ascii(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    private void data() {
        long[] id = {1, 1, 2};
        int[] year = {2015, 2016, 2015};
        int[] small = {-5, 100, 101};  // 101 is Stata's .
        float[] f = {1.5f, -0.25f, 1e10f};
        long aMissing = 0x7fe0010000000000L;  // .a
        long[] d = {Double.doubleToLongBits(0.1), aMissing, Double.doubleToLongBits(-3.0)};
        String[] s = {"ab", "", "hello"};
        int[] yn = {1, 0, 1};
        long[] day = {20151, 0, -1};  // 2015-03-04, 1960-01-01, 1959-12-31
        for (int r = 0; r < 3; r++) {
            n(id[r], 4);
            n(year[r], 2);
            n(small[r], 1);
            n(Float.floatToIntBits(f[r]), 4);
            n(d[r], 8);
            text(s[r], 5);
            n(yn[r], 1);
            n(day[r], 4);
        }
    }

    private byte[] labelTable() {
        DtaBytes t = new DtaBytes(be);
        t.n(2, 4);
        t.n(7, 4);
        t.n(0, 4);
        t.n(3, 4);
        t.n(0, 4);
        t.n(1, 4);
        t.text("no", 3);
        t.text("yes", 4);
        return t.out.toByteArray();
    }

    private static final String[] FORMATS = {"%9.0g", "%8.0g", "%8.0g", "%9.0g", "%10.0g", "%5s", "%8.0g", "%td"};

    private byte[] old() {
        out.write(114);
        out.write(be ? 1 : 2);
        out.write(1);
        out.write(0);
        n(NAMES.length, 2);
        n(3, 4);
        text("", 81);
        text("", 18);
        out.writeBytes(new byte[] {(byte) 253, (byte) 252, (byte) 251, (byte) 254, (byte) 255, 5, (byte) 251, (byte) 253});
        for (String name : NAMES) {
            text(name, 33);
        }
        n(0, 2 * (NAMES.length + 1));
        for (String f : FORMATS) {
            text(f, 49);
        }
        for (String name : NAMES) {
            text(name.equals("yn") ? "yn" : "", 33);
        }
        for (String name : NAMES) {
            text(name.equals("d") ? "The d variable" : "", 81);
        }
        out.write(0);
        n(0, 4);
        data();
        byte[] table = labelTable();
        n(table.length, 4);
        text("yn", 33);
        text("", 3);
        out.writeBytes(table);
        return out.toByteArray();
    }

    private byte[] tagged() {
        ascii("<stata_dta><header><release>118</release><byteorder>" + (be ? "MSF" : "LSF") + "</byteorder><K>");
        n(NAMES.length, 2);
        ascii("</K><N>");
        n(3, 8);
        ascii("</N><label>");
        n(0, 2);
        ascii("</label><timestamp>");
        out.write(0);
        ascii("</timestamp></header><map>");
        n(0, 14 * 8);
        ascii("</map><variable_types>");
        for (int t : new int[] {65528, 65529, 65530, 65527, 65526, 5, 65530, 65528}) {
            n(t, 2);
        }
        ascii("</variable_types><varnames>");
        for (String name : NAMES) {
            text(name, 129);
        }
        ascii("</varnames><sortlist>");
        n(0, 2 * (NAMES.length + 1));
        ascii("</sortlist><formats>");
        for (String f : FORMATS) {
            text(f, 57);
        }
        ascii("</formats><value_label_names>");
        for (String name : NAMES) {
            text(name.equals("yn") ? "yn" : "", 129);
        }
        ascii("</value_label_names><variable_labels>");
        for (String name : NAMES) {
            text(name.equals("d") ? "The d variable" : "", 321);
        }
        ascii("</variable_labels><characteristics></characteristics><data>");
        data();
        ascii("</data><strls></strls><value_labels><lbl>");
        byte[] table = labelTable();
        n(table.length, 4);
        text("yn", 129);
        text("", 3);
        out.writeBytes(table);
        ascii("</lbl></value_labels></stata_dta>");
        return out.toByteArray();
    }
}
