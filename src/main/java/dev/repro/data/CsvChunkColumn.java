package dev.repro.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One column of a file read in chunks ({@link CsvChunkedReader}). Its final array (values, or codes into one
 * dictionary) has exactly the file's rows, known before any cell is parsed; each chunk's builder writes its
 * cells straight into its slice of it ({@link CsvColumnBuilder#intoSlice}), and the chunks are then folded in
 * file order: text codes renumbered in place into the column's dictionary (order of first appearance), an
 * inferred type decided over the whole file (numeric in one chunk and text in another means: read again as
 * text), and the inference tallies and id spellings of the whole column gathered in {@code summary}.
 *
 * <p>The arrays are allocated when a chunk first stores a value or a code, so a text column never holds a
 * values array nor a numeric column a codes array.
 */
final class CsvChunkColumn {
    final CsvColumnBuilder summary; // the plan, and the inference tallies and id spellings of the whole column
    private final int rows;
    boolean text;
    boolean anyNumber;
    boolean reread; // inferred column with numbers in one chunk and text in another: read again as text
    boolean idTrouble;
    TextDict dict;
    private double[] values;
    private int[] codes;
    /** Slices [from, to) of chunks whose cells were all missing, left unwritten: NaN or -1 once the type is known. */
    private final List<int[]> missing = new ArrayList<>();

    CsvChunkColumn(CsvColumnBuilder summary, int rows) {
        this.summary = summary;
        this.rows = rows;
        if (summary.mode == CsvColumnBuilder.Mode.TEXT) {
            toText();
        }
    }

    /** The values of the whole column (allocated by the first chunk that stores one; chunks' threads share it). */
    synchronized double[] values() {
        if (values == null) {
            values = new double[rows];
        }
        return values;
    }

    /** The values array if a chunk allocated it already, else null (a chunk's builder takes it before its first cell). */
    synchronized double[] valuesIfAllocated() {
        return values;
    }

    /** The codes array if a chunk allocated it already, else null. */
    synchronized int[] codesIfAllocated() {
        return codes;
    }

    /** The codes of the whole column, as {@link #values}. */
    synchronized int[] codes() {
        if (codes == null) {
            codes = new int[rows];
        }
        return codes;
    }

    /** Turns a column of missing cells only (so far) into a text column. */
    void toText() {
        text = true;
        dict = new TextDict();
        values = null;
    }

    /** Adds one chunk's builder, whose cells are rows {@code base} on, to the column, in file order. */
    void fold(CsvColumnBuilder b, int base, int lineOffset) {
        if (b.inferred()) {
            summary.mergeTally(b, lineOffset);
            if (b.role == CsvColumnBuilder.Role.ID) {
                idTrouble |= !b.idProblems.isEmpty() | !summary.mergeSpellings(b, lineOffset);
            }
        }
        if (reread) {
            return;
        }
        int n = b.size();
        switch (b.mode) {
            case DEFERRED -> startReread();
            case TEXT -> {
                if (!text && anyNumber) {
                    startReread();
                } else {
                    if (!text) {
                        toText();
                    }
                    renumber(b, base, n);
                }
            }
            case SKIP -> {
            }
            default -> {
                boolean numbers = b.mode != CsvColumnBuilder.Mode.INFER || b.numbers() > 0;
                if (text && numbers) {
                    startReread();
                } else if (!numbers) {
                    missing.add(new int[] {base, base + n});
                } else {
                    anyNumber = true;
                }
            }
        }
    }

    private void startReread() {
        reread = true;
        values = null;
        codes = null;
        dict = null;
        missing.clear();
    }

    /** Turns the column that is read again into an empty text column, for its second pass. */
    void startSecondPass() {
        reread = false;
        anyNumber = false;
        toText();
    }

    /** A chunk's text codes (rows {@code base} on) renumbered in place into the column's dictionary. */
    void renumber(CsvColumnBuilder b, int base, int n) {
        TextDict local = b.dict();
        int[] map = new int[local.size()];
        for (int k = 0; k < map.length; k++) {
            map[k] = dict.code(local.level(k));
        }
        int[] c = codes();
        for (int r = base, end = base + n; r < end; r++) {
            int k = c[r];
            c[r] = k < 0 ? -1 : map[k];
        }
    }

    /** The finished values: unwritten slices (chunks of missing cells only) are NaN. */
    double[] finalValues() {
        double[] v = values();
        for (int[] m : missing) {
            Arrays.fill(v, m[0], m[1], Double.NaN);
        }
        values = null;
        return v;
    }

    /** The finished codes: unwritten slices (chunks of missing cells only) are -1. */
    int[] finalCodes() {
        int[] c = codes();
        for (int[] m : missing) {
            Arrays.fill(c, m[0], m[1], -1);
        }
        codes = null;
        return c;
    }
}
