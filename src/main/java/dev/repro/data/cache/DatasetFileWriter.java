package dev.repro.data.cache;

import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.InferredText;
import dev.repro.data.NumericColumn;
import dev.repro.data.TextColumn;
import dev.repro.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/** Writes the format of {@link DatasetFile}: the header built in memory, the columns streamed through one buffer. */
final class DatasetFileWriter {
    /** The buffer the columns pass through: large enough for the channel, small beside the data. */
    static final int CHUNK = 1 << 20;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C crc = new CRC32C();

    private DatasetFileWriter(FileChannel channel) {
        this.channel = channel;
    }

    static void write(Path file, String key, String payload, Dataset dataset) throws IOException {
        // private (rw-------) where the file system has permissions: the file is a copy of the data; not forced
        // to disk: a copy cut short by a crash fails its length or checksum and is rebuilt
        AtomicFiles.writePrivately(file, false, channel -> new DatasetFileWriter(channel).all(key, payload, dataset));
    }

    private void all(String key, String payload, Dataset d) throws IOException {
        byte[] header = header(key, payload, d);
        buffer.put(DatasetFile.MAGIC).putInt(DatasetFile.VERSION).putInt(header.length);
        flush(false);
        for (int off = 0; off < header.length; off += CHUNK) {
            buffer.put(header, off, Math.min(CHUNK, header.length - off));
            flush(true);
        }
        ints(d.lines());
        for (Column c : d.columns()) {
            if (c instanceof NumericColumn n) {
                doubles(n.values());
            } else {
                ints(((TextColumn) c).codes());
            }
        }
        buffer.putInt((int) crc.getValue()).put(DatasetFile.END);
        flush(false);
    }

    static byte[] header(String key, String payload, Dataset d) {
        HeaderOut h = new HeaderOut();
        h.string(key).string(d.name()).string(d.source()).string(d.sha256()).string(d.idColumn()).string(d.timeColumn())
                .string(payload).integer(d.rows());
        Map<String, String> labels = d.variableLabels();
        h.integer(labels.size());
        labels.forEach((column, label) -> h.string(column).string(label));
        List<Column> columns = d.columns();
        h.integer(columns.size());
        for (Column c : columns) {
            h.string(c.name());
            if (c instanceof NumericColumn) {
                h.type(DatasetFile.NUMERIC);
                continue;
            }
            TextColumn t = (TextColumn) c;
            h.type(DatasetFile.TEXT).strings(List.of(t.levels()));
            InferredText why = t.inferredText();
            h.type(why == null ? 0 : 1);
            if (why != null) {
                h.string(why.file()).integer(why.line()).integer(why.column()).string(why.value()).integer(why.others());
                h.integer(why.otherLines().size());
                why.otherLines().forEach(h::integer);
                h.strings(why.texts()).strings(why.missing());
            }
        }
        return h.bytes();
    }

    private void ints(int[] values) throws IOException {
        int per = CHUNK / Integer.BYTES;
        for (int off = 0; off < values.length; off += per) {
            int n = Math.min(per, values.length - off);
            buffer.asIntBuffer().put(values, off, n);
            buffer.position(n * Integer.BYTES);
            flush(true);
        }
    }

    private void doubles(double[] values) throws IOException {
        int per = CHUNK / Double.BYTES;
        for (int off = 0; off < values.length; off += per) {
            int n = Math.min(per, values.length - off);
            // a DoubleBuffer view stores the raw bits: NaN payloads and -0.0 are kept
            buffer.asDoubleBuffer().put(values, off, n);
            buffer.position(n * Double.BYTES);
            flush(true);
        }
    }

    /** Writes what the buffer holds, adding it to the checksum when {@code checked}. */
    private void flush(boolean checked) throws IOException {
        buffer.flip();
        if (checked) {
            crc.update(buffer.duplicate());
        }
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    /** The header's bytes, little-endian, in a buffer that grows. */
    private static final class HeaderOut {
        private ByteBuffer b = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);

        private void room(long more) {
            if (b.remaining() < more) {
                long size = Math.max((long) b.capacity() * 2, b.position() + more);
                if (size > Integer.MAX_VALUE - 16) {
                    throw new IllegalArgumentException("the dataset's header does not fit in 2 GB");
                }
                ByteBuffer bigger = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
                b.flip();
                bigger.put(b);
                b = bigger;
            }
        }

        HeaderOut integer(int v) {
            room(Integer.BYTES);
            b.putInt(v);
            return this;
        }

        HeaderOut type(int v) {
            room(1);
            b.put((byte) v);
            return this;
        }

        HeaderOut string(String s) {
            if (s == null) {
                return integer(-1);
            }
            integer(s.length());
            room(2L * s.length());
            for (int i = 0; i < s.length(); i++) {
                b.putChar(s.charAt(i));
            }
            return this;
        }

        HeaderOut strings(Collection<String> all) {
            integer(all.size());
            all.forEach(this::string);
            return this;
        }

        byte[] bytes() {
            byte[] out = new byte[b.position()];
            b.flip();
            b.get(out);
            return out;
        }
    }
}
