package dev.repro.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One column of a file read in chunks ({@link CsvChunkedReader}), folded from the chunks' builders in file
 * order: values or text codes (renumbered into one dictionary in order of first appearance), an inferred
 * type decided over the whole file (numeric in one chunk and text in another means: read again as text), and
 * the inference tallies and id spellings of the whole column in {@code summary}.
 */
final class CsvChunkColumn {
    /**
     * Elements per piece of a column kept until the end: 256 KB of doubles, below half of G1's smallest region,
     * so that pieces are ordinary objects the collector can compact (a "humongous" array per chunk would
     * fragment the heap and leave no room for the final columns).
     */
    static final int BLOCK = 1 << 15;

    final CsvColumnBuilder summary; // the plan, and the inference tallies and id spellings of the whole column
    boolean text;
    boolean anyNumber;
    boolean reread; // inferred column with numbers in one chunk and text in another: read again as text
    boolean idTrouble;
    /** Per chunk, in file order: its values (double[]), its codes in this column's dictionary (int[]), or the count of its rows, all missing (Integer). */
    final List<Object> pieces = new ArrayList<>();
    TextDict dict;

    CsvChunkColumn(CsvColumnBuilder summary) {
        this.summary = summary;
        if (summary.mode == CsvColumnBuilder.Mode.TEXT) {
            toText();
        }
    }

    /** Turns a column of missing cells only (so far) into a text column. */
    void toText() {
        text = true;
        dict = new TextDict();
        for (int i = 0; i < pieces.size(); i++) {
            if (pieces.get(i) instanceof double[] d) {
                pieces.set(i, d.length);
            }
        }
    }

    /** Adds one chunk's builder of a column to the column, in file order. */
    void fold(CsvColumnBuilder b, int lineOffset) {
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
                    addCodes(b, n);
                }
            }
            case SKIP -> {
            }
            default -> {
                boolean numbers = b.mode != CsvColumnBuilder.Mode.INFER || b.numbers() > 0;
                if (text && numbers) {
                    startReread();
                } else if (text) {
                    pieces.add(n);
                } else {
                    anyNumber |= numbers;
                    double[] v = b.valueArray();
                    for (int from = 0; from < n; from += BLOCK) {
                        pieces.add(Arrays.copyOfRange(v, from, Math.min(n, from + BLOCK)));
                    }
                }
            }
        }
    }

    private void startReread() {
        reread = true;
        pieces.clear();
        dict = null;
    }

    /** A chunk's text codes renumbered into the column's dictionary (order of first appearance), in blocks. */
    void addCodes(CsvColumnBuilder b, int n) {
        TextDict local = b.dict();
        int[] map = new int[local.size()];
        for (int k = 0; k < map.length; k++) {
            map[k] = dict.code(local.level(k));
        }
        int[] c = b.codeArray();
        for (int r = 0; r < n; r++) {
            c[r] = c[r] < 0 ? -1 : map[c[r]];
        }
        addBlocks(pieces, c, n);
    }

    static void addBlocks(List<Object> pieces, int[] c, int n) {
        for (int from = 0; from < n; from += BLOCK) {
            pieces.add(Arrays.copyOfRange(c, from, Math.min(n, from + BLOCK)));
        }
    }

    /** One array of the pieces in order, each piece dropped once copied (so the peak is one column more). */
    static double[] joinValues(List<Object> pieces, int rows) {
        double[] out = new double[rows];
        int at = 0;
        for (int i = 0; i < pieces.size(); i++) {
            Object p = pieces.set(i, null);
            if (p instanceof double[] d) {
                System.arraycopy(d, 0, out, at, d.length);
                at += d.length;
            } else {
                int n = (Integer) p;
                Arrays.fill(out, at, at + n, Double.NaN);
                at += n;
            }
        }
        pieces.clear();
        return out;
    }

    /** As {@link #joinValues}, for codes (an all-missing piece is -1s). */
    static int[] joinCodes(List<Object> pieces, int rows) {
        int[] out = new int[rows];
        int at = 0;
        for (int i = 0; i < pieces.size(); i++) {
            Object p = pieces.set(i, null);
            if (p instanceof int[] c) {
                System.arraycopy(c, 0, out, at, c.length);
                at += c.length;
            } else {
                int n = (Integer) p;
                Arrays.fill(out, at, at + n, -1);
                at += n;
            }
        }
        pieces.clear();
        return out;
    }
}
