package dev.repro.data.cache;

import dev.repro.data.Dataset;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A dataset stored as primitive columns with the key it was built from, so that a later build whose key is the same
 * loads the columns (arrays filled straight from the file, no parsing) instead of reading the source file again.
 *
 * <p>The format (version {@value #VERSION}), every number little-endian, every string as its UTF-16 char count
 * ({@code -1} for null) and its chars, so that any Java string comes back exactly:
 * <pre>
 * "RCOLDATA"                        8 bytes
 * int     format version
 * int     header length in bytes
 * header  key, name, source, sha256, id column, time column, payload (the caller's metadata, such as
 *         the reader's warnings or an index step's summary), int rows,
 *         int label count and (column, label) pairs,
 *         int column count and per column: name, byte type (1 = double, 2 = text as dictionary codes); a text
 *         column then has int level count, its levels, byte 1 and the {@link dev.repro.data.InferredText}
 *         (file, int line, int column, value, int others, ints other lines, strings texts, strings missing) or byte 0
 * body    int[rows] source lines; then per column double[rows] (raw bits: NaN payloads and -0.0 kept) or
 *         int[rows] codes (-1 = missing)
 * int     CRC-32C of header and body
 * "RCOLEND\n"                       8 bytes
 * </pre>
 * The file is written only after the dataset was validated (a raw file) or built (an index step), so no row-level
 * message is ever needed from it.
 */
public final class DatasetFile {
    /** Raised when the layout of the file changes: an older or newer file is rebuilt, never misread. */
    public static final int VERSION = 1;
    /** The file extension of a cached dataset. */
    public static final String EXTENSION = ".rcol";
    static final byte[] MAGIC = {'R', 'C', 'O', 'L', 'D', 'A', 'T', 'A'};
    static final byte[] END = {'R', 'C', 'O', 'L', 'E', 'N', 'D', '\n'};
    static final byte NUMERIC = 1;
    static final byte TEXT = 2;

    private DatasetFile() {
    }

    /** What a lookup found: the dataset with its payload, or why there is none. */
    public sealed interface Lookup permits Hit, Miss {
    }

    /** The stored dataset, bit for bit as it was written, and the caller's payload. */
    public record Hit(Dataset dataset, String payload) implements Lookup {
    }

    /** Why the file cannot serve: absent, built from another key, another format version, truncated or damaged. */
    public record Miss(String reason) implements Lookup {
    }

    /**
     * Writes {@code dataset} with {@code key} and {@code payload} to {@code file}: to a temporary file beside it
     * (readable by its owner only: it is a copy of the data), then moved over it, so a reader sees the whole old
     * file or the whole new one.
     */
    public static void write(Path file, String key, String payload, Dataset dataset) throws IOException {
        DatasetFileWriter.write(file, key, payload, dataset);
    }

    /** The dataset stored in {@code file} when it was stored under {@code key} and reads back whole; never throws. */
    public static Lookup read(Path file, String key) {
        return DatasetFileReader.read(file, key);
    }
}
