package dev.repro.data;

import dev.repro.io.Sha256;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** RFC 4180 details, read back exactly, with every buffer size. */
class CsvReaderRoundTripTest {
    @TempDir
    Path dir;
    CsvFixture fx;

    /** byte buffer, char buffer: the default and tiny ones that split every record and every UTF-8 sequence. */
    private static final int[][] BUFFERS = {{1 << 18, 1 << 16}, {4, 2}, {5, 3}, {7, 4}, {16, 5}, {64, 17}};

    @BeforeEach
    void setUp() {
        fx = new CsvFixture(dir);
    }

    private Dataset readAllWays(String content, CsvOptions options) {
        return readAllWays(content.getBytes(StandardCharsets.UTF_8), options);
    }

    /** Reads with every buffer size; checks they agree; returns the default one. */
    private Dataset readAllWays(byte[] content, CsvOptions options) {
        Path f = fx.write(content);
        Dataset first = null;
        List<String> firstMessages = null;
        for (int[] b : BUFFERS) {
            Dataset d = fx.readSmall(f, options, b[0], b[1]);
            if (first == null) {
                first = d;
                firstMessages = fx.messages();
                continue;
            }
            assertEquals(firstMessages, fx.messages(), "buffers " + Arrays.toString(b));
            assertSameData(first, d, "buffers " + Arrays.toString(b));
        }
        if (first == null) {
            assertEquals(List.of(), firstMessages);
        }
        return first;
    }

    static void assertSameData(Dataset a, Dataset b, String what) {
        if (a == null || b == null) {
            assertEquals(a, b, what);
            return;
        }
        assertEquals(a.columnNames(), b.columnNames(), what);
        assertArrayEquals(a.lines(), b.lines(), what);
        assertEquals(a.sha256(), b.sha256(), what);
        for (String c : a.columnNames()) {
            Column x = a.column(c);
            Column y = b.column(c);
            assertEquals(x.getClass(), y.getClass(), what + " " + c);
            if (x instanceof NumericColumn n) {
                assertArrayEquals(n.values(), ((NumericColumn) y).values(), what + " " + c);
            } else {
                TextColumn t = (TextColumn) x;
                TextColumn u = (TextColumn) y;
                assertArrayEquals(t.codes(), u.codes(), what + " " + c);
                assertArrayEquals(t.levels(), u.levels(), what + " " + c);
            }
        }
    }

    private static List<String> texts(Dataset d, String column) {
        TextColumn t = (TextColumn) d.column(column);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(t.get(i));
        }
        return out;
    }

    @Test
    void quotingEscapesAndEmbeddedSeparators() {
        Dataset d = readAllWays("name,note,v\r\n"
                + "\"Smith, John\",\"said \"\"hi\"\"\",1\r\n"
                + "plain,\"two\r\nlines\",2\r\n"
                + "\"\",\"\"\"\",3\r\n"
                + "\"x\",\"a\nb\rc\",4", CsvFixture.options().build());
        assertNotNull(d, () -> fx.messages().toString());
        assertEquals(Arrays.asList("Smith, John", "plain", null, "x"), texts(d, "name"));
        assertEquals(List.of("said \"hi\"", "two\r\nlines", "\"", "a\nb\rc"), texts(d, "note"));
        assertArrayEquals(new double[] {1, 2, 3, 4}, d.numeric("v").values());
        // record starts: line 3 holds "two", line 4 "lines" (CRLF inside quotes is one line break)
        assertArrayEquals(new int[] {2, 3, 5, 6}, d.lines());
    }

    @ParameterizedTest
    @CsvSource({"LF", "CRLF", "CR"})
    void lineEndingsWithAndWithoutFinalNewline(String ending) {
        String nl = switch (ending) {
            case "LF" -> "\n";
            case "CRLF" -> "\r\n";
            default -> "\r";
        };
        for (String last : new String[] {"", nl}) {
            Dataset d = readAllWays("a,b" + nl + "1,x" + nl + "2,y" + nl + nl + "3,z" + last, CsvFixture.options().build());
            assertNotNull(d, () -> fx.messages().toString());
            assertArrayEquals(new double[] {1, 2, 3}, d.numeric("a").values());
            assertEquals(List.of("x", "y", "z"), texts(d, "b"));
            assertArrayEquals(new int[] {2, 3, 5}, d.lines(), "an empty line is skipped but counted");
        }
    }

    @Test
    void trailingEmptyFieldAtEndOfFile() {
        Dataset d = readAllWays("a,b\n1,", CsvFixture.options().build());
        assertNotNull(d, () -> fx.messages().toString());
        assertEquals(1, d.rows());
        assertEquals(true, d.column("b").isMissing(0));
    }

    @Test
    void byteOrderMarkIsNotPartOfTheFirstName() {
        byte[] body = "\u5dde,year\n\u5b89\u5fbd,2015\n\u5317\u4eac,2016\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Dataset d = readAllWays(withBom, CsvFixture.options().id("\u5dde").time("year").build());
        assertNotNull(d, () -> fx.messages().toString());
        assertEquals(List.of("\u5dde", "year"), d.columnNames());
        assertEquals(List.of("\u5b89\u5fbd", "\u5317\u4eac"), texts(d, "\u5dde"));
        assertEquals(Sha256.of(withBom), d.sha256(), "the fingerprint covers the raw bytes, BOM included");
    }

    @Test
    void supplementaryCharactersSurviveTinyBuffers() {
        String emoji = "\uD83D\uDE00";
        Dataset d = readAllWays("t\n" + emoji + "\n\"" + emoji + "," + emoji + "\"\n", CsvFixture.options().build());
        assertNotNull(d, () -> fx.messages().toString());
        assertEquals(List.of(emoji, emoji + "," + emoji), texts(d, "t"));
    }

    @Test
    void missingTokensInTextAndNumbers() {
        Dataset d = readAllWays("n,t\n1,a\n,NA\nNA,.\n.,\"\"\n\"NA\",b\n", CsvFixture.options().build());
        assertNotNull(d, () -> fx.messages().toString());
        double[] n = d.numeric("n").values();
        assertEquals(1.0, n[0]);
        for (int i = 1; i < 5; i++) {
            assertEquals(true, Double.isNaN(n[i]));
        }
        assertEquals(Arrays.asList("a", null, null, null, "b"), texts(d, "t"));
    }

    @Test
    void sha256OfRawBytes() {
        String csv = "a\r\n1\r\n";
        Dataset d = readAllWays(csv, CsvFixture.options().build());
        assertNotNull(d);
        assertEquals(Sha256.of(csv.getBytes(StandardCharsets.US_ASCII)), d.sha256());
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Sha256.of("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    /** Random tables written with random quoting and line endings read back exactly. */
    @Test
    void randomTablesRoundTrip() {
        SplittableRandom rnd = new SplittableRandom(4180);
        String[] pieces = {"a", "b", "Z", " ", ",", "\"", "\n", "\r\n", "\r", "\u00e9", "\u4e2d", "\uD83D\uDE00", "x1", "-", "."};
        for (int round = 0; round < 200; round++) {
            int cols = rnd.nextInt(1, 5);
            int rows = rnd.nextInt(1, 40);
            boolean[] numeric = new boolean[cols];
            StringBuilder sb = new StringBuilder();
            List<Integer> starts = new ArrayList<>();
            String[][] textCells = new String[rows][cols];
            double[][] numCells = new double[rows][cols];
            CsvOptions.Builder opts = CsvFixture.options();
            for (int c = 0; c < cols; c++) {
                numeric[c] = rnd.nextBoolean();
                if (!numeric[c]) {
                    opts.column("c" + c, ColumnRule.of(ColumnRule.Type.TEXT));
                }
                sb.append(c > 0 ? "," : "").append("c").append(c);
            }
            sb.append(rnd.nextBoolean() ? "\n" : "\r\n");
            for (int r = 0; r < rows; r++) {
                starts.add(sb.length());
                for (int c = 0; c < cols; c++) {
                    String cell;
                    if (numeric[c]) {
                        int kind = rnd.nextInt(5);
                        double v = rnd.nextDouble(-1e6, 1e6);
                        cell = switch (kind) {
                            case 0 -> "";
                            case 1 -> Double.toString(v);
                            case 2 -> String.format(Locale.ROOT, "%.3f", v);
                            case 3 -> String.format(Locale.ROOT, "%.4e", v);
                            default -> Long.toString((long) v);
                        };
                        numCells[r][c] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
                    } else {
                        StringBuilder t = new StringBuilder("t");
                        int len = rnd.nextInt(0, 6);
                        for (int i = 0; i < len; i++) {
                            t.append(pieces[rnd.nextInt(pieces.length)]);
                        }
                        cell = t.toString();
                        textCells[r][c] = cell;
                    }
                    boolean mustQuote = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r");
                    if (mustQuote || (cols == 1 && cell.isEmpty()) || rnd.nextInt(4) == 0) {
                        cell = "\"" + cell.replace("\"", "\"\"") + "\"";
                    }
                    sb.append(c > 0 ? "," : "").append(cell);
                }
                boolean last = r == rows - 1;
                if (!last || rnd.nextBoolean()) {
                    sb.append(switch (rnd.nextInt(3)) {
                        case 0 -> "\n";
                        case 1 -> "\r\n";
                        default -> "\r";
                    });
                }
                if (!last && rnd.nextInt(8) == 0) {
                    sb.append("\n"); // an empty line between records
                }
            }
            String csv = sb.toString();
            Dataset d = readAllWays(csv, opts.build());
            assertNotNull(d, () -> fx.messages() + " in " + csv);
            assertEquals(rows, d.rows());
            for (int r = 0; r < rows; r++) {
                assertEquals(1 + lineBreaks(csv, starts.get(r)), d.line(r), "line of row " + r);
                for (int c = 0; c < cols; c++) {
                    Column col = d.column("c" + c);
                    if (numeric[c]) {
                        assertEquals(numCells[r][c], ((NumericColumn) col).get(r), 0.0, csv);
                    } else {
                        assertEquals(textCells[r][c], ((TextColumn) col).get(r), csv);
                    }
                }
            }
        }
    }

    private static int lineBreaks(String s, int upTo) {
        int n = 0;
        for (int i = 0; i < upTo; i++) {
            char c = s.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n'))) {
                n++;
            }
        }
        return n;
    }

    /** Random bytes never make the reader throw or hang: every outcome is a dataset or problems, the same for all buffers. */
    @Test
    void garbageNeverThrows() {
        SplittableRandom rnd = new SplittableRandom(99);
        byte[][] tokens = {{'a'}, {'1'}, {'.'}, {','}, {','}, {'"'}, {'"'}, {'\n'}, {'\r'}, {' '}, {'-'}, {'e'},
            {(byte) 0xC3, (byte) 0xA9}, {(byte) 0xE9}, {(byte) 0xFF}, {(byte) 0xC3},
            {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80}, {(byte) 0xE4, (byte) 0xB8, (byte) 0xAD}};
        for (int round = 0; round < 1500; round++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int n = rnd.nextInt(0, 200);
            for (int i = 0; i < n; i++) {
                out.writeBytes(tokens[rnd.nextInt(tokens.length)]);
            }
            byte[] content = out.toByteArray();
            CsvOptions options = CsvFixture.options().build();
            Path f = fx.write(content);
            Dataset reference = fx.readSmall(f, options, 1 << 18, 1 << 16);
            List<String> messages = fx.messages();
            assertEquals(reference == null, !messages.isEmpty(), messages::toString);
            for (int[] b : BUFFERS) {
                Dataset d = fx.readSmall(f, options, b[0], b[1]);
                assertEquals(messages, fx.messages(), "buffers " + Arrays.toString(b));
                assertSameData(reference, d, "buffers " + Arrays.toString(b));
            }
        }
    }

    /** Regression: a surrogate pair arriving when one char of buffer is left must not stall the reader. */
    @Test
    void surrogatePairAtEveryBufferOffset() {
        String emoji = "\uD83D\uDE00";
        for (int k = 0; k < 12; k++) {
            String csv = "t\n" + "a".repeat(k) + emoji + "\n" + emoji + emoji + "b\n";
            Path f = fx.write(csv.getBytes(StandardCharsets.UTF_8));
            for (int chars = 2; chars <= 9; chars++) {
                Dataset d = fx.readSmall(f, CsvFixture.options().build(), 4 + k % 5, chars);
                assertNotNull(d, () -> fx.messages().toString());
                assertEquals(List.of("a".repeat(k) + emoji, emoji + emoji + "b"), texts(d, "t"));
            }
        }
    }

    @Test
    void numericColumnThatTurnsTextKeepsEveryValueAsWritten() {
        StringBuilder sb = new StringBuilder("code,v\n");
        for (int i = 0; i < 50; i++) {
            sb.append(i % 2 == 0 ? "007" : "1.50").append(',').append(i).append('\n');
        }
        sb.append("A12,50\n");
        Dataset d = readAllWays(sb.toString(), CsvFixture.options().build());
        assertNotNull(d, () -> fx.messages().toString());
        TextColumn code = (TextColumn) d.column("code");
        assertEquals(List.of("007", "1.50", "A12"), List.of(code.levels()));
        assertEquals("A12", code.get(50));
        assertEquals(new CsvResult.Cell(52, 1, "A12"), fx.result.textBecause().get("code"));
        assertNull(fx.result.textBecause().get("v"));
    }

    @Test
    void columnOfOnlyMissingValuesIsNumeric() {
        Dataset d = readAllWays("a,b\n1,\n2,NA\n", CsvFixture.options().build());
        assertNotNull(d);
        assertEquals(true, d.column("b") instanceof NumericColumn);
    }

    @Test
    void schemaFixesTheType() {
        Dataset d = readAllWays("zip,n,x\n01001,3,1\n02002,4,2.5\n", CsvFixture.options()
                .column("zip", ColumnRule.of(ColumnRule.Type.TEXT))
                .column("n", ColumnRule.of(ColumnRule.Type.INTEGER))
                .column("x", ColumnRule.of(ColumnRule.Type.NUMBER)).build());
        assertNotNull(d, () -> fx.messages().toString());
        assertEquals(List.of("01001", "02002"), texts(d, "zip"));
        assertArrayEquals(new double[] {3, 4}, d.numeric("n").values());
        assertArrayEquals(new double[] {1, 2.5}, d.numeric("x").values());
    }

    @Test
    void panelColumnsAreRecorded() {
        Dataset d = readAllWays("state,year,v\nAnhui,2015,1\nAnhui,2016,2\nBeijing,2015,3\n",
                CsvFixture.options().id("state").time("year").build());
        assertNotNull(d, () -> fx.messages().toString());
        assertEquals("state", d.idColumn());
        assertEquals("year", d.timeColumn());
        assertEquals(true, d.isPanel());
        assertEquals("x", d.name());
        assertEquals("data/x.csv", d.source());
    }

    @Test
    void textColumnHeldAsCodesInFirstAppearanceOrder() {
        Dataset d = readAllWays("s\nb\na\nb\n\nc\na\n", CsvFixture.options().build());
        assertNotNull(d);
        TextColumn s = (TextColumn) d.column("s");
        assertArrayEquals(new int[] {0, 1, 0, 2, 1}, s.codes());
        assertArrayEquals(new String[] {"b", "a", "c"}, s.levels());
    }
}
