package dev.repro.data;

import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import dev.repro.io.Sha256;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and validates one CSV file into a columnar {@link Dataset}.
 *
 * <p>The format is RFC 4180 with a header row: comma separator, fields optionally in double quotes
 * ({@code ""} for a quote inside; commas and line breaks allowed inside quotes), CRLF, LF or CR line
 * ends, last line with or without a line end, empty lines ignored, UTF-8 with an optional byte order
 * mark. Decoding is strict: invalid UTF-8 is reported with its line, never replaced silently.
 *
 * <p>Every user mistake becomes a {@link Problem} naming the file, the 1-based line and, for a cell,
 * the 1-based column index and the column name; all of them are collected (up to
 * {@link Problems#MAX_KEPT}) in one pass, nothing is thrown. The file is streamed once (a second pass
 * happens only when a column without a declared type turns out to be text after numeric cells, so
 * that its text is kept exactly as written).
 */
public final class CsvReader {
    static final int DEFAULT_BYTE_BUFFER = 1 << 18;
    static final int DEFAULT_CHAR_BUFFER = 1 << 16;
    /** Longest record (in chars) before reading stops: almost surely a missing closing quote. */
    static final int DEFAULT_MAX_RECORD = 1 << 24;
    /**
     * Most columns one file may have (the column limit of spreadsheets): every column costs a builder and
     * its arrays, so a file of 18 MB with 1.5 million columns would otherwise exhaust gigabytes of memory.
     */
    public static final int MAX_COLUMNS = 16_384;

    private final int byteBuffer;
    private final int charBuffer;
    private final int maxRecord;
    /** Nominal bytes per chunk of a parallel read; 0 reads sequentially only. */
    private final int chunkBytes;

    /** For tests: tiny buffers exercise every refill path of the sequential reader. */
    CsvReader(int byteBuffer, int charBuffer, int maxRecord) {
        this(byteBuffer, charBuffer, maxRecord, 0);
    }

    /** For tests: tiny chunks put chunk boundaries everywhere ({@link CsvChunkedReader}). */
    CsvReader(int byteBuffer, int charBuffer, int maxRecord, int chunkBytes) {
        this.byteBuffer = byteBuffer;
        this.charBuffer = charBuffer;
        this.maxRecord = maxRecord;
        this.chunkBytes = chunkBytes;
    }

    /**
     * Reads {@code file} as the dataset described by {@code options}.
     *
     * @return the dataset, or null when the file has any problem (every problem is added to
     *         {@code problems}; nothing is thrown for a mistake in the file or the study)
     */
    public static Dataset read(Path file, CsvOptions options, Problems problems) {
        return readDetailed(file, options, problems).dataset();
    }

    /** As {@link #read}, also returning the header and why inferred columns are text. */
    public static CsvResult readDetailed(Path file, CsvOptions options, Problems problems) {
        return new CsvReader(DEFAULT_BYTE_BUFFER, DEFAULT_CHAR_BUFFER, DEFAULT_MAX_RECORD, CsvChunkedReader.DEFAULT_CHUNK)
                .run(file, options, problems);
    }

    CsvResult run(Path file, CsvOptions options, Problems problems) {
        return new Session(options, problems).run(file);
    }

    /** The state of one read: options, problems, header and column builders. */
    final class Session extends CellChecks {
        private boolean bom;
        private List<String> header = List.of();
        private CsvColumnPlans columns;
        private String idColumn;
        private String timeColumn;

        Session(CsvOptions options, Problems problems) {
            super(options, problems);
        }

        private void fileProblem(int line, int column, String message) {
            problems.add(full() ? COUNTED_ONLY : Problem.at(o.displayPath(), line, column, message));
        }

        private void studyProblem(String key, String message) {
            problems.addKey(o.studyFile(), 0, 0, key, message);
        }

        private CsvResult fail() {
            return new CsvResult(null, header, Map.of());
        }

        CsvResult run(Path file) {
            int before = problems.size();
            columns = new CsvColumnPlans(o, problems);
            idColumn = columns.idColumn();
            timeColumn = columns.timeColumn();
            if (!Files.exists(file)) {
                studyProblem(o.fileKey(), CsvMessages.fileNotFound(o.displayPath(), file.toAbsolutePath().normalize().toString()));
                return fail();
            }
            if (Files.isDirectory(file)) {
                studyProblem(o.fileKey(), CsvMessages.isDirectory(o.displayPath()));
                return fail();
            }
            if (chunkBytes > 0 && problems.size() == before) {
                try {
                    CsvResult fast = CsvChunkedReader.read(file, o, problems, chunkBytes, maxRecord);
                    if (fast != null) {
                        return fast;
                    }
                } catch (IOException e) {
                    // read again below: the sequential reader names what went wrong
                }
            }
            try {
                return read(file, before);
            } catch (IOException e) {
                String reason = e instanceof AccessDeniedException ? "permission denied"
                        : e instanceof NoSuchFileException ? "no such file"
                        : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
                studyProblem(o.fileKey(), CsvMessages.cannotRead(o.displayPath(), reason));
                return fail();
            }
        }

        private CsvResult read(Path file, int before) throws IOException {
            Sha256 sha = new Sha256();
            CsvColumnBuilder[] builders;
            int[] lines = new int[1024];
            int rows = 0;
            int skipped = 0;
            try (Utf8Source src = new Utf8Source(file, byteBuffer, sha)) {
                if (src.fatal() == Utf8Source.Fatal.UTF16) {
                    fileProblem(1, 0, CsvMessages.utf16());
                    return fail();
                }
                if (src.fatal() == Utf8Source.Fatal.NUL) {
                    fileProblem(src.fatalLine(), 0, CsvMessages.nulByte(src.fatalOffset()));
                    return fail();
                }
                bom = src.bom();
                CsvParser p = new CsvParser(src, charBuffer, maxRecord);
                if (!p.next()) {
                    if (p.tooLong()) {
                        tooLong(p);
                    } else {
                        fileProblem(1, 0, CsvMessages.empty());
                    }
                    return fail();
                }
                int headerLine = p.recordLine();
                if (!usable(p, -1, true)) {
                    return fail();
                }
                if (p.count() > MAX_COLUMNS) {
                    fileProblem(headerLine, MAX_COLUMNS + 1, CsvMessages.tooManyColumns(p.count(), MAX_COLUMNS));
                    return fail();
                }
                List<String> names = new ArrayList<>(p.count());
                for (int i = 0; i < p.count(); i++) {
                    names.add(p.text(i));
                }
                header = List.copyOf(names);
                builders = checkHeader(headerLine);
                while (p.next()) {
                    if (!usable(p, builders.length, false)) {
                        skipped++;
                        continue;
                    }
                    for (CsvColumnBuilder b : builders) {
                        b.add(p, b.index, this);
                    }
                    if (rows == lines.length) {
                        lines = Arrays.copyOf(lines, rows + (rows >> 1) + 16);
                    }
                    lines[rows++] = p.recordLine();
                }
                if (p.tooLong()) {
                    tooLong(p);
                    return fail();
                }
                if (rows == 0 && skipped == 0) {
                    fileProblem(headerLine, 0, CsvMessages.headerOnly());
                }
            }
            String hash = sha.hex();
            boolean idsInexact = false;
            for (CsvColumnBuilder b : builders) {
                if (b.role == CsvColumnBuilder.Role.ID && b.mode == CsvColumnBuilder.Mode.INFER) {
                    idsInexact |= b.idProblems.size() > 0;
                    problems.addAll(b.idProblems);
                }
            }
            Map<String, CsvResult.Cell> textBecause = new LinkedHashMap<>();
            InferredText[] inferred = new InferredText[builders.length];
            boolean deferred = false;
            for (CsvColumnBuilder b : builders) {
                inferred[b.index] = b.inferredText(o.displayPath(), o.missing());
                deferred |= b.mode == CsvColumnBuilder.Mode.DEFERRED;
                if (b.firstText() != null && !textBecause.containsKey(b.name)) {
                    textBecause.put(b.name, b.firstText());
                }
            }
            if (deferred && !secondPass(file, builders, rows, hash)) {
                return new CsvResult(null, header, textBecause);
            }
            List<Column> columns = new ArrayList<>(builders.length);
            Map<String, Column> byName = new HashMap<>();
            for (CsvColumnBuilder b : builders) {
                Column c = b.build();
                if (c instanceof TextColumn t && inferred[b.index] != null) {
                    c = t.inferredFrom(inferred[b.index]);
                }
                columns.add(c);
                byName.putIfAbsent(c.name(), c);
            }
            int[] rowLines = lines.length == rows ? lines : Arrays.copyOf(lines, rows);
            Column id = idColumn == null ? null : byName.get(idColumn);
            Column time = timeColumn == null ? null : byName.get(timeColumn);
            // ids already reported as inexact or spelled twice would show up again as duplicates of each other
            if (id != null && time instanceof NumericColumn t && !idsInexact) {
                checkUnique(id, t, rowLines);
            }
            if (problems.size() > before) {
                return new CsvResult(null, header, textBecause);
            }
            Dataset d = new Dataset(o.datasetName(), o.displayPath(), hash, columns, rowLines, idColumn, timeColumn);
            return new CsvResult(d, header, textBecause);
        }

        /** Header names, declared columns, and a builder per column. */
        private CsvColumnBuilder[] checkHeader(int headerLine) {
            Map<String, Integer> seen = new HashMap<>();
            CsvColumnBuilder[] builders = new CsvColumnBuilder[header.size()];
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i);
                if (name.isEmpty()) {
                    fileProblem(headerLine, i + 1, CsvMessages.emptyHeaderName(i + 1));
                }
                Integer first = seen.putIfAbsent(name, i);
                if (first != null && !name.isEmpty()) {
                    fileProblem(headerLine, i + 1, CsvMessages.duplicateHeaderName(i + 1, name, first + 1));
                }
                builders[i] = columns.builder(i, name, first == null);
            }
            if (idColumn != null && !seen.containsKey(idColumn)) {
                problems.addKey(o.displayPath(), headerLine, 0, o.idKey(), CsvMessages.notInHeader(idColumn, header));
            }
            if (timeColumn != null && !seen.containsKey(timeColumn)) {
                problems.addKey(o.displayPath(), headerLine, 0, o.timeKey(), CsvMessages.notInHeader(timeColumn, header));
            }
            for (String name : o.schema().keySet()) {
                if (!seen.containsKey(name)) {
                    problems.addKey(o.displayPath(), headerLine, 0, o.columnKey(name), CsvMessages.notInHeader(name, header));
                }
            }
            return builders;
        }

        /**
         * Whether the parser's current record can be used: valid UTF-8, no quoting error and, unless
         * {@code expected} is negative, as many fields as the header. Reports why not.
         */
        private boolean usable(CsvParser p, int expected, boolean isHeader) {
            List<CsvParser.BadBytes> bad = p.encodingErrors(bom);
            if (!bad.isEmpty()) {
                if (reporting) {
                    for (CsvParser.BadBytes b : bad) {
                        fileProblem(b.line(), 0, CsvMessages.invalidUtf8(b.bytes(), b.byteColumn()));
                    }
                }
                return false;
            }
            int err = p.syntaxError();
            if (err != CsvParser.NO_ERROR) {
                if (reporting) {
                    int f = p.errorField();
                    String prefix = fieldPrefix(f, isHeader);
                    String msg = switch (err) {
                        case CsvParser.UNCLOSED_QUOTE -> CsvMessages.unclosedQuote();
                        case CsvParser.JUNK_AFTER_QUOTE -> CsvMessages.junkAfterQuote(p.errorChar());
                        default -> CsvMessages.bareQuote(p.text(f));
                    };
                    fileProblem(p.errorLine(), f + 1, prefix + msg);
                }
                return false;
            }
            if (expected >= 0 && p.count() != expected) {
                if (reporting) {
                    fileProblem(p.recordLine(), 0, p.count() > expected
                            ? CsvMessages.tooManyFields(p.count(), expected)
                            : CsvMessages.tooFewFields(p.count(), expected, missingPhrase()));
                }
                return false;
            }
            return true;
        }

        private String fieldPrefix(int field, boolean isHeader) {
            if (isHeader || header.isEmpty()) {
                return "header column " + (field + 1) + ": ";
            }
            return field < header.size() ? "column " + CsvMessages.show(header.get(field)) + ": " : "";
        }

        private void tooLong(CsvParser p) {
            if (p.tooLongQuoted()) {
                int f = p.tooLongField();
                fileProblem(p.tooLongFieldLine(), f + 1, fieldPrefix(f, header.isEmpty()) + CsvMessages.quotedTooLong(p.maxRecord()));
            } else {
                fileProblem(p.tooLongLine(), 0, CsvMessages.rowTooLong(p.maxRecord()));
            }
        }

        /**
         * Re-reads the columns that turned out to be text after numeric cells, so that every value is
         * kept as written ("1.50", "007"). Records are skipped exactly as in the first pass.
         */
        private boolean secondPass(Path file, CsvColumnBuilder[] builders, int rows, String hash) throws IOException {
            CsvColumnBuilder[] again = new CsvColumnBuilder[builders.length];
            for (int i = 0; i < builders.length; i++) {
                again[i] = builders[i].mode == CsvColumnBuilder.Mode.DEFERRED
                        ? CsvColumnBuilder.text(i, builders[i].name) : CsvColumnBuilder.skip(i, builders[i].name);
            }
            Sha256 sha = new Sha256();
            int n = 0;
            reporting = false;
            try (Utf8Source src = new Utf8Source(file, byteBuffer, sha)) {
                CsvParser p = new CsvParser(src, charBuffer, maxRecord);
                if (src.fatal() == Utf8Source.Fatal.NONE && p.next()) {
                    p.encodingErrors(bom);
                    while (p.next()) {
                        if (usable(p, again.length, false)) {
                            for (CsvColumnBuilder b : again) {
                                b.add(p, b.index, this);
                            }
                            n++;
                        }
                    }
                }
            } finally {
                reporting = true;
            }
            if (n != rows || !sha.hex().equals(hash)) {
                fileProblem(0, 0, "the file changed while it was being read; run the build again");
                return false;
            }
            for (int i = 0; i < builders.length; i++) {
                if (builders[i].mode == CsvColumnBuilder.Mode.DEFERRED) {
                    builders[i] = again[i];
                }
            }
            return true;
        }

        /** Reports every row whose (id, time) pair already occurred, naming the first occurrence. */
        private void checkUnique(Column id, NumericColumn time, int[] lines) {
            duplicateKeys(o.displayPath(), problems, id, time, lines);
        }
    }

    /** Adds a problem for every row whose (id, time) pair already occurred, naming the first occurrence. */
    static void duplicateKeys(String displayPath, Problems problems, Column id, NumericColumn time, int[] lines) {
        if (sortedByIdAndTime(id, time.values())) {
            return; // no pair can repeat, and no row array of the check is needed (a long per row otherwise)
        }
        int[] count = new int[1];
        int[] idCodes = id instanceof TextColumn t ? t.codes() : PanelKeys.codes(((NumericColumn) id).values(), count);
        for (long pair : PanelKeys.duplicates(idCodes, time.values())) {
            int row = (int) (pair >>> 32);
            int first = (int) pair;
            problems.add(problems.list().size() >= Problems.MAX_KEPT ? CellChecks.COUNTED_ONLY
                    : Problem.at(displayPath, lines[row], 0, CsvMessages.duplicateKey(id.name(), time.name(),
                    id.display(row), time.display(row), lines[first])));
        }
    }

    /**
     * Whether the rows (those with an id and a time) are in strictly increasing (id, time) order with each id in one
     * run, as a panel sorted by unit and period is: then no (id, time) pair repeats. Text ids are coded in order of
     * first appearance, so their runs are non-decreasing codes; numeric ids are compared as numbers.
     */
    static boolean sortedByIdAndTime(Column id, double[] time) {
        int[] codes = id instanceof TextColumn t ? t.codes() : null;
        double[] ids = codes == null ? ((NumericColumn) id).values() : null;
        double lastId = Double.NaN;
        double lastTime = Double.NaN;
        boolean any = false;
        for (int r = 0; r < time.length; r++) {
            double u = codes != null ? (codes[r] < 0 ? Double.NaN : codes[r]) : ids[r];
            double t = time[r];
            if (Double.isNaN(u) || Double.isNaN(t)) {
                continue;
            }
            if (any && (u < lastId || (u == lastId && t <= lastTime))) {
                return false;
            }
            any = true;
            lastId = u;
            lastTime = t;
        }
        return true;
    }
}
