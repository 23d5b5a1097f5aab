package dev.repro.data.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.InferredText;
import dev.repro.data.NumericColumn;
import dev.repro.data.TextColumn;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dataset written to the cache reads back bit for bit (every column type, NaN with any payload, -0.0, infinities,
 * missing cells, empty datasets, any Java string), and a file that is absent, of another key or version, truncated
 * or damaged anywhere is a miss with its reason, never an exception and never a different dataset.
 */
class DatasetFileTest {
    private static final String KEY = "raw plugin=1.0 file=abc entry={\"file\":\"data/panel.csv\"}";
    private static final double[] SPECIAL = {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, -Double.MAX_VALUE, Double.longBitsToDouble(0x7ff8000000000123L), Double.longBitsToDouble(0xfff0000000000001L),
        1e-310, 0.1, 1.0 / 3};
    private static final String[] TEXTS = {"", "a", "Zürich", "東京", "😀 emoji", "\uD800 lone surrogate", "tab\there",
        "line\nbreak", "\"quoted\"", "NA", "-0", "\u0000nul"};

    private static Dataset random(Random r, int rows) {
        List<Column> columns = new ArrayList<>();
        int count = r.nextInt(6);
        for (int c = 0; c < count; c++) {
            String name = "c" + c + (c % 3 == 0 ? "é" : "");
            if (r.nextBoolean()) {
                double[] v = new double[rows];
                for (int i = 0; i < rows; i++) {
                    v[i] = switch (r.nextInt(3)) {
                        case 0 -> SPECIAL[r.nextInt(SPECIAL.length)];
                        case 1 -> Double.longBitsToDouble(r.nextLong());
                        default -> r.nextInt(100);
                    };
                }
                columns.add(new NumericColumn(name, v));
            } else {
                int levels = r.nextInt(TEXTS.length + 1);
                String[] lv = Arrays.copyOf(TEXTS, levels);
                int[] codes = new int[rows];
                for (int i = 0; i < rows; i++) {
                    codes[i] = levels == 0 ? -1 : r.nextInt(levels + 1) - 1;
                }
                TextColumn t = new TextColumn(name, codes, lv);
                columns.add(r.nextBoolean() ? t : t.withInferredText(new InferredText("data/p.csv", 7, 3, "n/a", 2,
                        List.of(9, 12), new LinkedHashSet<>(List.of("n/a", "—")), List.of("", "NA"))));
            }
        }
        int[] lines = new int[rows];
        for (int i = 0; i < rows; i++) {
            lines[i] = i + 2 + r.nextInt(3);
        }
        boolean panel = columns.size() >= 2 && columns.get(1) instanceof NumericColumn;
        Dataset d = new Dataset("panel", r.nextBoolean() ? "data/panel.csv" : "target/repro/data/π.csv",
                r.nextBoolean() ? null : "ab".repeat(32), columns, lines, panel ? columns.get(0).name() : null,
                panel ? columns.get(1).name() : null);
        Map<String, String> labels = new LinkedHashMap<>();
        if (!columns.isEmpty() && r.nextBoolean()) {
            labels.put(columns.get(0).name(), "Label « " + r.nextInt(9) + " »");
        }
        return d.withVariableLabels(labels);
    }

    static void assertSame(Dataset want, Dataset got) {
        assertEquals(want.name(), got.name());
        assertEquals(want.source(), got.source());
        assertEquals(want.sha256(), got.sha256());
        assertEquals(want.idColumn(), got.idColumn());
        assertEquals(want.timeColumn(), got.timeColumn());
        assertEquals(want.variableLabels(), got.variableLabels());
        assertEquals(List.copyOf(want.variableLabels().keySet()), List.copyOf(got.variableLabels().keySet()));
        assertEquals(want.columnNames(), got.columnNames());
        assertArrayEquals(want.lines(), got.lines());
        for (String c : want.columnNames()) {
            if (want.column(c) instanceof NumericColumn n) {
                double[] g = got.numeric(c).values();
                assertEquals(n.values().length, g.length);
                for (int i = 0; i < g.length; i++) {
                    assertEquals(Double.doubleToRawLongBits(n.values()[i]), Double.doubleToRawLongBits(g[i]), c + " row " + i);
                }
            } else {
                TextColumn w = (TextColumn) want.column(c);
                TextColumn t = assertInstanceOf(TextColumn.class, got.column(c));
                assertArrayEquals(w.codes(), t.codes());
                assertArrayEquals(w.levels(), t.levels());
                assertEquals(w.inferredText(), t.inferredText());
            }
        }
    }

    private static DatasetFile.Hit hit(Path file, String key) {
        return assertInstanceOf(DatasetFile.Hit.class, DatasetFile.read(file, key));
    }

    private static String miss(Path file, String key) {
        return assertInstanceOf(DatasetFile.Miss.class, DatasetFile.read(file, key)).reason();
    }

    @Test
    void everyRandomDatasetReadsBackBitForBit(@TempDir Path dir) throws Exception {
        Random r = new Random(20261207L);
        Path file = dir.resolve("panel" + DatasetFile.EXTENSION);
        for (int round = 0; round < 300; round++) {
            Dataset d = random(r, round % 10 == 0 ? 0 : r.nextInt(200));
            String payload = round % 3 == 0 ? null : "{\"warnings\":[\"ü " + round + "\"]}";
            DatasetFile.write(file, KEY, payload, d);
            DatasetFile.Hit h = hit(file, KEY);
            assertSame(d, h.dataset());
            assertEquals(payload, h.payload());
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void anEmptyDatasetAndOneAcrossManyBuffersReadBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.rcol");
        Dataset empty = new Dataset("empty", "data/empty.csv", null, List.of(), new int[0], null, null);
        DatasetFile.write(file, KEY, "", empty);
        assertSame(empty, hit(file, KEY).dataset());
        assertEquals("", hit(file, KEY).payload());

        int rows = 700_001; // several 1 MB buffers, the last one partial
        double[] v = new double[rows];
        int[] codes = new int[rows];
        int[] lines = new int[rows];
        for (int i = 0; i < rows; i++) {
            v[i] = i % 7 == 0 ? Double.NaN : i * 0.25 - 1000;
            codes[i] = i % 5 - 1;
            lines[i] = i + 2;
        }
        Dataset big = new Dataset("big", "data/big.csv", "f".repeat(64), List.of(new TextColumn("id", codes, new String[] {"a", "b", "c", "d"}),
                new NumericColumn("y", v)), lines, "id", "y");
        DatasetFile.write(file, KEY, null, big);
        assertSame(big, hit(file, KEY).dataset());
    }

    @Test
    void aFileOfOtherInputsOrOfAnotherVersionOrAbsentIsAMissWithItsReason(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("panel.rcol");
        assertEquals("not in the cache", miss(file, KEY));
        DatasetFile.write(file, KEY, null, random(new Random(1), 20));
        assertEquals("its inputs changed since it was cached", miss(file, KEY + " edited"));
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(8, DatasetFile.VERSION + 1);
        Files.write(file, bytes);
        assertEquals("the cached copy has format version 2, this plugin reads version 1", miss(file, KEY));
        Files.write(file, "date,value\n2020,1\n2021,2\n2022,3\n".getBytes());
        assertEquals("the cached copy is not a dataset cache file", miss(file, KEY));
    }

    @Test
    void aTruncatedFileIsAMissAtEveryLength(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("panel.rcol");
        Dataset d = random(new Random(2), 30);
        DatasetFile.write(file, KEY, "payload", d);
        byte[] whole = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.rcol");
        for (int length = 0; length < whole.length; length++) {
            Files.write(cut, Arrays.copyOf(whole, length));
            String why = miss(cut, KEY);
            assertTrue(why.startsWith("the cached copy is") || why.equals("its inputs changed since it was cached"), length + ": " + why);
        }
        Files.write(cut, Arrays.copyOf(whole, whole.length + 1));
        assertTrue(miss(cut, KEY).startsWith("the cached copy is truncated or damaged ("), miss(cut, KEY));
    }

    @Test
    void aDamagedByteAnywhereIsAMissNeverAnotherDataset(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("panel.rcol");
        Random r = new Random(3);
        Dataset d;
        do {
            d = random(r, 12);
        } while (d.columns().size() < 3);
        DatasetFile.write(file, KEY, "{}", d);
        byte[] whole = Files.readAllBytes(file);
        Path bad = dir.resolve("bad.rcol");
        for (int at = 0; at < whole.length; at++) {
            byte[] copy = whole.clone();
            copy[at] ^= (byte) (1 << (at % 8));
            Files.write(bad, copy);
            assertInstanceOf(DatasetFile.Miss.class, DatasetFile.read(bad, KEY), "a flipped bit at byte " + at);
        }
        assertEquals("the cached copy is damaged (its checksum does not match)", miss(flipLast(whole, bad, 40), KEY));
    }

    /** The file with a bit flipped in its last column, {@code back} bytes before the end. */
    private static Path flipLast(byte[] whole, Path to, int back) throws Exception {
        byte[] copy = whole.clone();
        copy[copy.length - back] ^= 1;
        Files.write(to, copy);
        return to;
    }
}
