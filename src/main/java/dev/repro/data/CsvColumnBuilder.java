package dev.repro.data;

import dev.repro.diag.Problems;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects one CSV column into a growable primitive array while checking its cells against the
 * declared rule. Numbers are parsed straight from the parser's buffer (no String per numeric cell);
 * text goes through a {@link TextDict}.
 */
final class CsvColumnBuilder {

    enum Mode {
        /** No declared type: numeric while every cell is a number, then text. */
        INFER,
        NUMBER,
        INTEGER,
        TEXT,
        /** Was INFER, met text after numbers: the column is re-read as text in a second pass. */
        DEFERRED,
        /** Not collected (second pass, columns already complete). */
        SKIP
    }

    enum Role { PLAIN, ID, TIME }

    /**
     * Whole numbers are kept exactly below 2^53 in absolute value; from there on two integers can parse to
     * the same double (9007199254740993 reads as 9007199254740992), so ids and times merge silently.
     */
    static final double TWO_53 = 9007199254740992.0;
    /** Small first arrays that grow on demand: a file of a million columns must not reserve rows for each. */
    private static final int INITIAL = 16;

    final int index;
    final String name;
    final Role role;
    private final String key;
    private final String datasetKey;
    Mode mode;
    private final boolean required;
    private final boolean hasMin;
    private final boolean hasMax;
    private final double min;
    private final double max;
    private final List<String> allowed;
    private final double[] allowedNumbers;
    private final Set<String> allowedTexts;
    private BitSet levelNotAllowed;

    private double[] num;
    private int[] codes;
    private TextDict dict;
    private int size;
    /**
     * Of a chunk's builder ({@link CsvChunkedReader}): the column whose final arrays receive this chunk's cells,
     * at rows {@code base} on; null for a builder with arrays of its own (base 0).
     */
    private CsvChunkColumn slice;
    private int base;
    private int numbers;
    /** Leading missing cells of a chunk's inferred column, left unwritten until the column's type is known. */
    private int unwritten;
    /** Of a column whose type is inferred: number and text cells, for {@link #inferredText}. */
    private final boolean inferred;
    private final CsvInferenceTally tally = new CsvInferenceTally();
    /** The first spelling of each id of an inferred numeric id column, to catch "1" and "01" merging. */
    private CsvIdSpellings idSpellings;
    /** Problems of an inferred id column that only count if it stays numeric. */
    final Problems idProblems = new Problems();

    /**
     * @param allowedList allowed values (empty for any); must already be valid for the mode
     */
    CsvColumnBuilder(int index, String name, Role role, Mode mode, boolean required, Double min, Double max,
                     List<String> allowedList, String key, String datasetKey) {
        this.index = index;
        this.name = name;
        this.role = role;
        this.mode = mode;
        this.inferred = mode == Mode.INFER;
        this.key = key;
        this.datasetKey = datasetKey;
        this.required = required || role != Role.PLAIN;
        this.hasMin = min != null;
        this.hasMax = max != null;
        this.min = min == null ? Double.NEGATIVE_INFINITY : min;
        this.max = max == null ? Double.POSITIVE_INFINITY : max;
        this.allowed = List.copyOf(allowedList);
        if (allowed.isEmpty()) {
            allowedNumbers = null;
            allowedTexts = null;
        } else if (mode == Mode.TEXT) {
            allowedNumbers = null;
            allowedTexts = new HashSet<>(allowed);
            levelNotAllowed = new BitSet();
        } else {
            allowedNumbers = new double[allowed.size()];
            for (int i = 0; i < allowedNumbers.length; i++) {
                allowedNumbers[i] = DecimalParser.parse(allowed.get(i).strip());
            }
            allowedTexts = null;
        }
        switch (mode) {
            case TEXT -> {
                codes = new int[INITIAL];
                dict = new TextDict();
            }
            case SKIP, DEFERRED -> {
            }
            default -> num = new double[INITIAL];
        }
    }

    /** A builder that only gathers text (second pass of a deferred column). */
    static CsvColumnBuilder text(int index, String name) {
        return new CsvColumnBuilder(index, name, Role.PLAIN, Mode.TEXT, false, null, null, List.of(), null, null);
    }

    static CsvColumnBuilder skip(int index, String name) {
        return new CsvColumnBuilder(index, name, Role.PLAIN, Mode.SKIP, false, null, null, List.of(), null, null);
    }

    int size() {
        return size;
    }

    /** Adds field {@code field} of the parser's current record. */
    void add(CsvParser p, int field, CellChecks s) {
        if (mode == Mode.SKIP) {
            return;
        }
        p.value(field);
        addChars(p.va, p.vs, p.ve, p.fieldLine(field), s);
    }

    /**
     * Adds field {@code field} of a chunk read as bytes; false when the field is not valid UTF-8. A plain (ASCII,
     * unescaped) cell of a numeric column that is a number needing no message is stored straight from its bytes;
     * every other cell goes through {@link #addChars}, so that each rule and message has one copy.
     */
    boolean add(CsvByteRecords p, int field, CellChecks s) {
        if (p.plain(field)) {
            if (mode == Mode.SKIP) {
                return true;
            }
            if ((mode == Mode.NUMBER || mode == Mode.INTEGER || (mode == Mode.INFER && role != Role.ID))
                    && addPlainNumber(p.bytes(), p.start(field), p.end(field), s)) {
                return true;
            }
            if (mode == Mode.TEXT && addPlainText(p.bytes(), p.start(field), p.end(field), s)) {
                return true;
            }
        }
        if (!p.value(field)) {
            return false;
        }
        if (mode != Mode.SKIP) {
            addChars(p.va, p.vs, p.ve, p.fieldLine(field), s);
        }
        return true;
    }

    /**
     * Stores the ASCII cell {@code b[vs..ve)} of a text column when nothing about it needs its text as a String:
     * not missing, no allowed list, and (inferred column) not a number and past the few texts kept for the message.
     */
    private boolean addPlainText(byte[] b, int vs, int ve, CellChecks s) {
        if (allowedTexts != null || s.isMissing(b, vs, ve)) {
            return false;
        }
        if (inferred) {
            if (tally.keepsText() || Double.isFinite(DecimalParser.parse(b, vs, ve))) {
                return false;
            }
            tally.countText();
        }
        ensureCodes();
        codes[base + size++] = dict.code(b, vs, ve);
        return true;
    }

    /** Stores the cell {@code b[vs..ve)} when it is a number that passes every rule; false (nothing done) otherwise. */
    private boolean addPlainNumber(byte[] b, int vs, int ve, CellChecks s) {
        if (s.isMissing(b, vs, ve)) {
            return false;
        }
        double v = DecimalParser.parse(b, vs, ve);
        if (!Double.isFinite(v)) {
            return false;
        }
        if (mode == Mode.INFER) {
            beforeNumber();
            tally.number();
            numbers++;
        } else if ((mode == Mode.INTEGER && !(v == Math.rint(v) && Math.abs(v) < TWO_53))
                || (hasMin && v < min) || (hasMax && v > max) || allowedNumbers != null) {
            return false;
        }
        ensureNum();
        num[base + size++] = v;
        return true;
    }

    /** Adds a cell that is a number already (a binary file's number): NaN is missing, shown as {@code missingText}. */
    void addNumber(double v, String missingText, int line, CellChecks s) {
        if (Double.isNaN(v)) {
            addMissing(missingText, line, s);
            return;
        }
        switch (mode) {
            case SKIP, DEFERRED -> {
            }
            case TEXT -> {
                char[] t = NumberText.of(v).toCharArray();
                addText(t, 0, t.length, line, s);
            }
            case INFER -> {
                beforeNumber();
                ensureNum();
                num[base + size] = v;
                numbers++;
                if (role == Role.ID && s.reporting && !(v == Math.rint(v) && Math.abs(v) < TWO_53)) {
                    String t = NumberText.of(v);
                    String msg = v == Math.rint(v) ? CsvMessages.idTooLong(t, datasetKey) : CsvMessages.idNotWhole(t, datasetKey);
                    idProblems.add(s.cellAt(line, index, "column " + CsvMessages.show(name) + ": " + msg));
                }
            }
            default -> checkNumber(v, null, 0, 0, line, s);
        }
        size++;
    }

    private void addMissing(String v, int line, CellChecks s) {
        if (mode == Mode.SKIP) {
            return;
        }
        if (required && s.wants()) {
            String msg = switch (role) {
                case ID -> CsvMessages.idMissing(v);
                case TIME -> CsvMessages.timeMissing(v);
                default -> CsvMessages.requiredMissing(v, key);
            };
            s.cellProblem(line, this, msg);
        }
        switch (mode) {
            case TEXT -> {
                ensureCodes();
                codes[base + size] = -1;
            }
            case DEFERRED -> {
            }
            default -> {
                // a chunk's inferred column leaves its leading missing cells unwritten until it knows its type
                if (slice == null || mode != Mode.INFER || numbers > 0) {
                    ensureNum();
                    num[base + size] = Double.NaN;
                } else {
                    unwritten++;
                }
            }
        }
        size++;
    }

    /** Adds a cell given as text, exactly as a CSV field is read. */
    void addChars(char[] b, int vs, int ve, int line, CellChecks s) {
        if (mode == Mode.SKIP) {
            return;
        }
        if (s.isMissing(b, vs, ve)) {
            // the cell's text is only needed for a message: no String per missing cell otherwise
            addMissing(required && s.wants() ? new String(b, vs, ve - vs) : null, line, s);
            return;
        }
        switch (mode) {
            case TEXT -> {
                if (inferred) {
                    tally.cell(Double.isFinite(DecimalParser.parse(b, vs, ve)), line, b, vs, ve);
                }
                addText(b, vs, ve, line, s);
            }
            case INFER -> {
                double v = DecimalParser.parse(b, vs, ve);
                tally.cell(Double.isFinite(v), line, b, vs, ve);
                if (Double.isFinite(v)) {
                    beforeNumber();
                    ensureNum();
                    num[base + size] = v;
                    numbers++;
                    if (role == Role.ID && s.reporting && !(v == Math.rint(v) && Math.abs(v) < TWO_53)) {
                        String t = new String(b, vs, ve - vs);
                        String msg = v == Math.rint(v) ? CsvMessages.idTooLong(t, datasetKey)
                                : CsvMessages.idNotWhole(t, datasetKey);
                        idProblems.add(s.cellAt(line, index, "column " + CsvMessages.show(name) + ": " + msg));
                    } else if (role == Role.ID && s.reporting) {
                        checkIdSpelling(v, line, s, b, vs, ve);
                    }
                } else {
                    tally.first = new CsvResult.Cell(line, index + 1, new String(b, vs, ve - vs));
                    if (numbers == 0) {
                        // only missing cells so far: turn text right here
                        mode = Mode.TEXT;
                        codes = slice != null ? slice.codes() : new int[Math.max(num.length, INITIAL)];
                        Arrays.fill(codes, base, base + size, -1);
                        unwritten = 0;
                        num = null;
                        dict = new TextDict();
                        addText(b, vs, ve, line, s);
                    } else {
                        mode = Mode.DEFERRED;
                        num = null;
                    }
                }
            }
            case DEFERRED -> tally.cell(Double.isFinite(DecimalParser.parse(b, vs, ve)), line, b, vs, ve);
            default -> addNumber(b, vs, ve, line, s);
        }
        size++;
    }

    /**
     * Why this inferred column is text although most of its cells are numbers; null when its type was
     * declared, when it is numeric, or when text cells are as many as numbers (then it is text by nature).
     */
    InferredText inferredText(String file, List<String> missing) {
        return inferred ? tally.explain(file, missing) : null;
    }

    /** The first cell that made an inferred column text (line, 1-based column, value), or null. */
    CsvResult.Cell firstText() {
        return tally.first;
    }

    private void addText(char[] b, int vs, int ve, int line, CellChecks s) {
        ensureCodes();
        int before = dict.size();
        int c = dict.code(b, vs, ve);
        codes[base + size] = c;
        if (allowedTexts != null) {
            if (c == before && !allowedTexts.contains(dict.level(c))) {
                levelNotAllowed.set(c);
            }
            if (levelNotAllowed.get(c) && s.wants()) {
                s.cellProblem(line, this, CsvMessages.notAllowed(dict.level(c), allowed, key, true));
            }
        }
    }

    private void addNumber(char[] b, int vs, int ve, int line, CellChecks s) {
        ensureNum();
        double v = DecimalParser.parse(b, vs, ve);
        num[base + size] = Double.NaN;
        if (!Double.isFinite(v)) {
            if (s.wants()) {
                String t = new String(b, vs, ve - vs);
                String msg = allowedNumbers != null && !Double.isInfinite(v) ? CsvMessages.notAllowed(t, allowed, key, false)
                        : CsvMessages.notANumber(t, role == Role.TIME ? 't' : mode == Mode.INTEGER ? 'i' : 'n',
                        required ? null : s.missingPhrase());
                s.cellProblem(line, this, msg);
            }
            return;
        }
        checkNumber(v, b, vs, ve, line, s);
    }

    /** Checks and stores a finite number; {@code b} holds its text, or is null for a binary file's number. */
    private void checkNumber(double v, char[] b, int vs, int ve, int line, CellChecks s) {
        ensureNum();
        num[base + size] = Double.NaN;
        if (mode == Mode.INTEGER && !(v == Math.rint(v) && Math.abs(v) < TWO_53)) {
            if (s.wants()) {
                String t = shown(v, b, vs, ve);
                s.cellProblem(line, this, v == Math.rint(v)
                        ? CsvMessages.integerTooLarge(t, role == Role.TIME ? 't' : role == Role.ID ? 'd' : 'i', datasetKey)
                        : CsvMessages.notANumber(t, role == Role.TIME ? 't' : 'i', required ? null : s.missingPhrase()));
            }
            return;
        }
        num[base + size] = v;
        if (hasMin && v < min && s.wants()) {
            s.cellProblem(line, this, CsvMessages.belowMin(shown(v, b, vs, ve), min, key));
        }
        if (hasMax && v > max && s.wants()) {
            s.cellProblem(line, this, CsvMessages.aboveMax(shown(v, b, vs, ve), max, key));
        }
        if (allowedNumbers != null) {
            boolean ok = false;
            for (double a : allowedNumbers) {
                if (a == v) {
                    ok = true;
                    break;
                }
            }
            if (!ok && s.wants()) {
                s.cellProblem(line, this, CsvMessages.notAllowed(shown(v, b, vs, ve), allowed, key, false));
            }
        }
    }

    private static String shown(double v, char[] b, int vs, int ve) {
        return b == null ? NumberText.of(v) : new String(b, vs, ve - vs);
    }

    /**
     * In an inferred numeric id column, ids written differently that read as the same number ("1" and "01",
     * "7" and "7.0") would merge into one panel unit: the second spelling is a problem naming the first.
     */
    private void checkIdSpelling(double v, int line, CellChecks s, char[] b, int vs, int ve) {
        if (idSpellings == null) {
            idSpellings = new CsvIdSpellings();
        }
        CsvResult.Cell first = idSpellings.conflict(v, line, index + 1, b, vs, ve);
        if (first != null) {
            idProblems.add(s.cellAt(line, index, "column " + CsvMessages.show(name) + ": "
                    + CsvMessages.idSpelledTwice(new String(b, vs, ve - vs), first.value(), first.line(), datasetKey)));
        }
    }

    /**
     * Makes this chunk's builder store its cells straight into the final arrays of {@code target}, from row
     * {@code base} on ({@link CsvChunkedReader} counted the rows of every chunk before): no array of its own.
     */
    void intoSlice(CsvChunkColumn target, int base) {
        this.slice = target;
        this.base = base;
        // the column's arrays as far as earlier chunks allocated them: then no cell of this chunk meets a null array,
        // a branch that the profile of a chunk's first cells would not show and its compiled code not expect
        num = mode == Mode.TEXT ? null : target.valuesIfAllocated();
        codes = mode == Mode.TEXT ? target.codesIfAllocated() : null;
    }

    /**
     * An inferred chunk column's first number: its leading missing cells, not written so far, become NaN. Tested on
     * their count, not on the first number of each chunk (a branch taken once per chunk, which compiled code drops).
     */
    private void beforeNumber() {
        if (unwritten > 0) {
            ensureNum();
            Arrays.fill(num, base, base + size, Double.NaN);
            unwritten = 0;
        }
    }

    private void ensureNum() {
        if (num == null) {
            num = slice.values();
        } else if (base + size >= num.length) {
            num = Arrays.copyOf(num, grow(base + size));
        }
    }

    private void ensureCodes() {
        if (codes == null) {
            codes = slice.codes();
        } else if (base + size >= codes.length) {
            codes = Arrays.copyOf(codes, grow(base + size));
        }
    }

    private static int grow(int n) {
        long m = n + (n >> 1) + 16L;
        if (m > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("more than 2^31 rows in one CSV file");
        }
        return (int) m;
    }

    // For a file read in chunks (CsvChunkedReader): one builder per chunk, folded together in file order.

    /** Whether this column's type is inferred (no declared type). */
    boolean inferred() {
        return inferred;
    }

    /** Numbers read so far by an inferred column (0: only missing cells). */
    int numbers() {
        return numbers;
    }

    TextDict dict() {
        return dict;
    }

    /** Folds the inference tally of the same column in the next chunk into this one ({@link CsvInferenceTally#merge}). */
    void mergeTally(CsvColumnBuilder next, int lineOffset) {
        tally.merge(next.tally, lineOffset);
    }

    /** Folds the first spelling of each id in the next chunk into this one; false when one was written otherwise here. */
    boolean mergeSpellings(CsvColumnBuilder next, int lineOffset) {
        if (next.idSpellings == null) {
            return true;
        }
        if (idSpellings == null) {
            idSpellings = new CsvIdSpellings();
        }
        return idSpellings.merge(next.idSpellings, lineOffset);
    }

    /** The finished column (trims the array). */
    Column build() {
        if (mode == Mode.TEXT) {
            int[] c = codes.length == size ? codes : Arrays.copyOf(codes, size);
            codes = null;
            return new TextColumn(name, c, dict.levels());
        }
        double[] v = num.length == size ? num : Arrays.copyOf(num, size);
        num = null;
        return new NumericColumn(name, v);
    }
}
