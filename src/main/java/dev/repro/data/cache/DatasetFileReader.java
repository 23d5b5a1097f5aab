package dev.repro.data.cache;

import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.InferredText;
import dev.repro.data.NumericColumn;
import dev.repro.data.TextColumn;
import java.io.EOFException;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Reads the format of {@link DatasetFile}: the header first (a key of other inputs stops there), then every column
 * straight into its array through one buffer, checking the length before and the CRC-32C after. Whatever is wrong
 * with the file becomes a {@link DatasetFile.Miss} with its reason, never an exception and never a partial dataset.
 */
final class DatasetFileReader {
    private static final int PREAMBLE = 16;
    private static final int TRAILER = 12;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(DatasetFileWriter.CHUNK).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C crc = new CRC32C();

    private DatasetFileReader(FileChannel channel) {
        this.channel = channel;
    }

    /** A failure of the file's structure, said in the miss's reason. */
    private static final class Damaged extends Exception {
        Damaged(String why) {
            super(why, null, false, false);
        }
    }

    static DatasetFile.Lookup read(Path file, String key) {
        if (!Files.isRegularFile(file)) {
            return new DatasetFile.Miss("not in the cache");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return new DatasetFileReader(ch).all(key);
        } catch (NoSuchFileException e) {
            return new DatasetFile.Miss("not in the cache");
        } catch (Damaged e) {
            return new DatasetFile.Miss(e.getMessage());
        } catch (IOException e) {
            return new DatasetFile.Miss("the cached copy cannot be read (" + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()) + ")");
        } catch (BufferUnderflowException | IllegalArgumentException | NegativeArraySizeException | OutOfMemoryError e) {
            return new DatasetFile.Miss("the cached copy is damaged (" + e.getClass().getSimpleName() + ")");
        }
    }

    private DatasetFile.Lookup all(String key) throws IOException, Damaged {
        long size = channel.size();
        if (size < PREAMBLE + TRAILER) {
            throw new Damaged("the cached copy is truncated (" + size + " bytes)");
        }
        ByteBuffer pre = fill(PREAMBLE, false);
        byte[] magic = new byte[DatasetFile.MAGIC.length];
        pre.get(magic);
        if (!Arrays.equals(magic, DatasetFile.MAGIC)) {
            throw new Damaged("the cached copy is not a dataset cache file");
        }
        int version = pre.getInt();
        if (version != DatasetFile.VERSION) {
            throw new Damaged("the cached copy has format version " + version + ", this plugin reads version " + DatasetFile.VERSION);
        }
        int headerLength = pre.getInt();
        if (headerLength < 0 || headerLength > size - PREAMBLE - TRAILER) {
            throw new Damaged("the cached copy is truncated or damaged (header of " + headerLength + " bytes in a file of " + size + ")");
        }
        ByteBuffer header = ByteBuffer.allocate(headerLength).order(ByteOrder.LITTLE_ENDIAN);
        while (header.hasRemaining()) {
            ByteBuffer part = fill(Math.min(header.remaining(), DatasetFileWriter.CHUNK), true);
            header.put(part);
        }
        header.flip();
        if (!key.equals(string(header))) {
            return new DatasetFile.Miss("its inputs changed since it was cached");
        }
        Head h = head(header);
        if (header.hasRemaining()) {
            throw new Damaged("the cached copy is damaged (" + header.remaining() + " bytes left in its header)");
        }
        long expected = PREAMBLE + (long) headerLength + (long) Integer.BYTES * h.rows + TRAILER;
        for (ColumnHead c : h.columns) {
            expected += (long) h.rows * (c.levels == null ? Double.BYTES : Integer.BYTES);
        }
        if (size != expected) {
            throw new Damaged("the cached copy is truncated or damaged (" + size + " bytes, expected " + expected + ")");
        }
        int[] lines = ints(h.rows);
        List<Column> columns = new ArrayList<>(h.columns.size());
        for (ColumnHead c : h.columns) {
            if (c.levels == null) {
                columns.add(new NumericColumn(c.name, doubles(h.rows)));
                continue;
            }
            int[] codes = ints(h.rows);
            for (int code : codes) {
                if (code < -1 || code >= c.levels.length) {
                    throw new Damaged("the cached copy is damaged (a code outside the levels of column " + c.name + ")");
                }
            }
            TextColumn t = new TextColumn(c.name, codes, c.levels);
            columns.add(c.inferred == null ? t : t.withInferredText(c.inferred));
        }
        int stored = fill(TRAILER, false).getInt();
        if (stored != (int) crc.getValue()) {
            throw new Damaged("the cached copy is damaged (its checksum does not match)");
        }
        byte[] end = new byte[DatasetFile.END.length];
        buffer.get(end);
        if (!Arrays.equals(end, DatasetFile.END)) {
            throw new Damaged("the cached copy is damaged (no end mark)");
        }
        Dataset d = new Dataset(h.name, h.source, h.sha256, columns, lines, h.id, h.time);
        return new DatasetFile.Hit(h.labels.isEmpty() ? d : d.withVariableLabels(h.labels), h.payload);
    }

    private record ColumnHead(String name, String[] levels, InferredText inferred) {
    }

    private record Head(String name, String source, String sha256, String id, String time, String payload, int rows,
                        Map<String, String> labels, List<ColumnHead> columns) {
    }

    private static Head head(ByteBuffer b) throws Damaged {
        String name = string(b);
        String source = string(b);
        String sha256 = string(b);
        String id = string(b);
        String time = string(b);
        String payload = string(b);
        int rows = count(b, 0);
        int labelCount = count(b, 8);
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < labelCount; i++) {
            labels.put(string(b), string(b));
        }
        int columnCount = count(b, 5);
        List<ColumnHead> columns = new ArrayList<>(columnCount);
        for (int i = 0; i < columnCount; i++) {
            String column = string(b);
            byte type = b.get();
            if (type == DatasetFile.NUMERIC) {
                columns.add(new ColumnHead(column, null, null));
            } else if (type == DatasetFile.TEXT) {
                String[] levels = strings(b).toArray(new String[0]);
                columns.add(new ColumnHead(column, levels, b.get() == 1 ? inferred(b) : null));
            } else {
                throw new Damaged("the cached copy is damaged (column type " + type + ")");
            }
        }
        if (name == null || source == null) {
            throw new Damaged("the cached copy is damaged (no dataset name)");
        }
        return new Head(name, source, sha256, id, time, payload, rows, labels, columns);
    }

    private static InferredText inferred(ByteBuffer b) throws Damaged {
        String file = string(b);
        int line = b.getInt();
        int column = b.getInt();
        String value = string(b);
        int others = b.getInt();
        int lineCount = count(b, 4);
        List<Integer> otherLines = new ArrayList<>(lineCount);
        for (int i = 0; i < lineCount; i++) {
            otherLines.add(b.getInt());
        }
        return new InferredText(file, line, column, value, others, otherLines, new LinkedHashSet<>(strings(b)), strings(b));
    }

    /** A count read from the header, refused when the header cannot hold that many items of {@code minBytes} each. */
    private static int count(ByteBuffer b, int minBytes) throws Damaged {
        int n = b.getInt();
        if (n < 0 || (long) n * minBytes > b.remaining()) {
            throw new Damaged("the cached copy is damaged (a count of " + n + " in its header)");
        }
        return n;
    }

    private static String string(ByteBuffer b) throws Damaged {
        int n = b.getInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || 2L * n > b.remaining()) {
            throw new Damaged("the cached copy is damaged (a string of " + n + " chars in its header)");
        }
        char[] chars = new char[n];
        b.asCharBuffer().get(chars);
        b.position(b.position() + 2 * n);
        return new String(chars);
    }

    private static List<String> strings(ByteBuffer b) throws Damaged {
        int n = count(b, 4);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(string(b));
        }
        return out;
    }

    private int[] ints(int n) throws IOException {
        int[] out = new int[n];
        int per = DatasetFileWriter.CHUNK / Integer.BYTES;
        for (int off = 0; off < n; off += per) {
            int k = Math.min(per, n - off);
            fill(k * Integer.BYTES, true).asIntBuffer().get(out, off, k);
        }
        return out;
    }

    private double[] doubles(int n) throws IOException {
        double[] out = new double[n];
        int per = DatasetFileWriter.CHUNK / Double.BYTES;
        for (int off = 0; off < n; off += per) {
            int k = Math.min(per, n - off);
            fill(k * Double.BYTES, true).asDoubleBuffer().get(out, off, k);
        }
        return out;
    }

    /** The next {@code bytes} of the file in the buffer (positioned at 0), added to the checksum when {@code checked}. */
    private ByteBuffer fill(int bytes, boolean checked) throws IOException {
        buffer.clear().limit(bytes);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("the file ends early");
            }
        }
        buffer.flip();
        if (checked) {
            crc.update(buffer.duplicate());
        }
        return buffer;
    }
}
