package dev.repro.data;

/**
 * One column of a file read in chunks ({@link CsvChunkedReader}), folded from the chunks' builders in file
 * order: values or text codes (renumbered into one dictionary in order of first appearance), an inferred
 * type decided over the whole file (numeric in one chunk and text in another means: read again as text), and
 * the inference tallies and id spellings of the whole column in {@code summary}.
 */
final class CsvChunkColumn {
    final CsvColumnBuilder summary; // the plan, and the inference tallies and id spellings of the whole column
    boolean text;
    boolean anyNumber;
    boolean reread; // inferred column with numbers in one chunk and text in another: read again as text
    boolean idTrouble;
    /** In file order: the values, or the codes in this column's dictionary, and runs of missing cells. */
    final Pieces pieces = new Pieces();
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
        pieces.valuesToMissing();
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
                    pieces.addMissing(n);
                } else {
                    anyNumber |= numbers;
                    pieces.add(b.valueArray(), n);
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
        pieces.add(c, n);
    }
}
