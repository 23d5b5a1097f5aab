package dev.repro.data;

import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import java.nio.charset.StandardCharsets;

/**
 * What a column builder needs from the read it belongs to, whatever the file format: the missing-value
 * texts, whether problems are still wanted, and where a cell is (a CSV line and column, a .dta observation,
 * an .xlsx cell such as {@code Sheet1!C17}).
 */
abstract class CellChecks {
    /** Added once Problems is full: it is counted there, never shown. */
    static final Problem COUNTED_ONLY = Problem.at("(not kept)", 0, 0, "(not kept)");

    final CsvOptions o;
    final Problems problems;
    private final char[][] missingTokens;
    /** The same tokens in UTF-8, to check a cell still held as bytes. */
    private final byte[][] missingBytes;
    /** First bytes of the non-empty tokens, and whether "" is one: most cells are told apart by their first byte. */
    private final boolean[] missingFirst = new boolean[256];
    private final boolean missingEmpty;
    private final String missingPhrase;
    boolean reporting = true;

    CellChecks(CsvOptions options, Problems problems) {
        this.o = options;
        this.problems = problems;
        this.missingTokens = new char[options.missing().size()][];
        for (int i = 0; i < missingTokens.length; i++) {
            missingTokens[i] = options.missing().get(i).toCharArray();
        }
        this.missingBytes = new byte[missingTokens.length][];
        for (int i = 0; i < missingBytes.length; i++) {
            missingBytes[i] = options.missing().get(i).getBytes(StandardCharsets.UTF_8);
            if (missingBytes[i].length > 0) {
                missingFirst[missingBytes[i][0] & 0xFF] = true;
            }
        }
        this.missingEmpty = options.missing().contains("");
        this.missingPhrase = CsvMessages.missingPhrase(options.missing());
    }

    String displayPath() {
        return o.displayPath();
    }

    String missingPhrase() {
        return missingPhrase;
    }

    boolean isMissing(char[] b, int s, int e) {
        int len = e - s;
        for (char[] t : missingTokens) {
            if (t.length == len) {
                int i = 0;
                while (i < len && t[i] == b[s + i]) {
                    i++;
                }
                if (i == len) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The same check on the bytes of a cell (valid UTF-8): equal bytes are equal text. */
    boolean isMissing(byte[] b, int s, int e) {
        int len = e - s;
        if (len == 0 || !missingFirst[b[s] & 0xFF]) {
            return len == 0 && missingEmpty;
        }
        for (byte[] t : missingBytes) {
            if (t.length == len) {
                int i = 0;
                while (i < len && t[i] == b[s + i]) {
                    i++;
                }
                if (i == len) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when Problems keeps no more: a further problem is only counted, so its text need not be built. */
    boolean full() {
        return problems.list().size() >= Problems.MAX_KEPT;
    }

    /**
     * Whether the caller should describe a cell problem it found: false in the second pass, and false
     * (counting the problem right here) once Problems keeps no more, so that a file with millions of
     * bad cells does not build millions of messages. A true answer must be followed by one
     * {@link #cellProblem}.
     */
    boolean wants() {
        if (!reporting) {
            return false;
        }
        if (full()) {
            problems.add(COUNTED_ONLY);
            return false;
        }
        return true;
    }

    /**
     * The problem of one cell: {@code line} is where the format numbers the row (a CSV line, a .dta
     * observation, a worksheet row), {@code column} the 0-based column index.
     */
    Problem cellAt(int line, int column, String message) {
        return Problem.at(o.displayPath(), line, column + 1, message);
    }

    void cellProblem(int line, CsvColumnBuilder c, String message) {
        problems.add(cellAt(line, c.index, "column " + CsvMessages.show(c.name) + ": " + message));
    }
}
