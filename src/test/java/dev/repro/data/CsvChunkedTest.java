package dev.repro.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parallel chunked read ({@link CsvChunkedReader}) gives what the sequential reader gives, byte for byte:
 * the same columns, codes, lines, SHA-256, inferred-type explanations, and the same messages in the same order,
 * at any chunk size and thread count. Tiny chunks put a boundary inside nearly every record.
 */
class CsvChunkedTest {
    private static final int[] CHUNKS = {1, 2, 3, 5, 8, 13, 64, 1000};
    private static final int[] THREADS = {1, 2, 5};

    @TempDir
    Path dir;

    /** Everything a read produces, as comparable text. */
    private static String outcome(CsvResult r, Problems problems) {
        StringBuilder sb = new StringBuilder();
        for (Problem p : problems.list()) {
            sb.append("problem ").append(p.format()).append('\n');
        }
        sb.append("dropped ").append(problems.dropped()).append('\n');
        sb.append("header ").append(r.header()).append('\n');
        sb.append("textBecause ").append(r.textBecause()).append('\n');
        Dataset d = r.dataset();
        if (d == null) {
            return sb.append("no dataset\n").toString();
        }
        sb.append("sha ").append(d.sha256()).append(" rows ").append(d.rows()).append(" id ").append(d.idColumn())
                .append(" time ").append(d.timeColumn()).append('\n');
        sb.append("lines ").append(Arrays.toString(d.lines())).append('\n');
        for (Column c : d.columns()) {
            if (c instanceof NumericColumn n) {
                sb.append("numeric ").append(n.name()).append(' ');
                for (double v : n.values()) {
                    sb.append(Long.toHexString(Double.doubleToRawLongBits(v))).append(',');
                }
            } else {
                TextColumn t = (TextColumn) c;
                sb.append("text ").append(t.name()).append(' ').append(Arrays.toString(t.codes())).append(' ')
                        .append(Arrays.toString(t.levels()));
                if (t.inferredText() != null) {
                    sb.append(" because ").append(t.inferredText().message(t.name()));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private Path write(byte[] content) throws IOException {
        Path f = dir.resolve("x.csv");
        Files.write(f, content);
        return f;
    }

    private static String sequential(Path f, CsvOptions o) {
        Problems p = new Problems();
        CsvResult r = new CsvReader(CsvReader.DEFAULT_BYTE_BUFFER, CsvReader.DEFAULT_CHAR_BUFFER, CsvReader.DEFAULT_MAX_RECORD, 0)
                .run(f, o, p);
        return outcome(r, p);
    }

    private static String chunked(Path f, CsvOptions.Builder o, int chunk, int threads) {
        Problems p = new Problems();
        CsvResult r = new CsvReader(CsvReader.DEFAULT_BYTE_BUFFER, CsvReader.DEFAULT_CHAR_BUFFER, CsvReader.DEFAULT_MAX_RECORD, chunk)
                .run(f, o.threads(threads).build(), p);
        return outcome(r, p);
    }

    /**
     * Asserts that every chunk size and thread count reads {@code content} as the sequential reader does, and
     * whether the chunked path itself took the file ({@code fast}) or left it to the sequential reader.
     */
    private String assertSame(byte[] content, CsvOptions.Builder options, boolean fast) throws IOException {
        Path f = write(content);
        String expected = sequential(f, options.build());
        for (int chunk : CHUNKS) {
            for (int threads : THREADS) {
                assertEquals(expected, chunked(f, options, chunk, threads), "chunk " + chunk + ", threads " + threads);
            }
            Problems scratch = new Problems();
            CsvResult direct = CsvChunkedReader.read(f, options.threads(2).build(), scratch, chunk, CsvReader.DEFAULT_MAX_RECORD);
            if (fast) {
                assertNotNull(direct, "chunk " + chunk + ": the chunked path read the file");
            } else {
                assertNull(direct, "chunk " + chunk + ": left to the sequential reader");
                assertTrue(scratch.isEmpty());
            }
        }
        return expected;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static CsvOptions.Builder options() {
        return CsvOptions.builder("x", "data/x.csv");
    }

    @Test
    void quotedLineBreaksAcrossChunkBoundaries() throws IOException {
        StringBuilder sb = new StringBuilder("id,note,x\n");
        for (int i = 0; i < 60; i++) {
            sb.append(i).append(",\"line one\nline two,\r\nwith \"\"quotes\"\"\n\",").append(i * 0.5).append('\n');
        }
        String out = assertSame(utf8(sb.toString()), options(), true);
        assertTrue(out.contains("line one\\nline two") || out.contains("line one\nline two"), out);
    }

    @Test
    void crlfBomEmptyLinesAndNoFinalLineEnd() throws IOException {
        StringBuilder sb = new StringBuilder("\uFEFFcity,year,pop\r\n");
        for (int i = 0; i < 40; i++) {
            sb.append("\"Zürich ").append(i % 7).append("\",").append(2000 + i).append(',').append(i * 1.25).append("\r\n");
            if (i % 9 == 0) {
                sb.append("\r\n");
            }
        }
        sb.append("\"São Paulo\",2100,3");
        String out = assertSame(utf8(sb.toString()), options(), true);
        assertTrue(out.contains("São Paulo"), out);
    }

    @Test
    void quoteRightAtABoundaryAndLoneCarriageReturns() throws IOException {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 50; i++) {
            sb.append('"').append("\"\"").append(i).append("\"\"").append("\",\"").append(i % 3 == 0 ? "\n" : "").append("\"\r");
        }
        assertSame(utf8(sb.toString()), options(), true);
    }

    @Test
    void textAppearingInALaterChunkMakesTheColumnTextWithTheSameExplanation() throws IOException {
        StringBuilder sb = new StringBuilder("k,v,w\n");
        for (int i = 0; i < 80; i++) {
            String v = i == 61 ? "n/a" : i == 70 || i == 75 ? "?" : i % 10 == 0 ? "NA" : "0" + i + ".50";
            String w = i < 30 ? "" : i == 30 ? "x" : Integer.toString(i);
            sb.append(i).append(',').append(v).append(',').append(w).append('\n');
        }
        String out = assertSame(utf8(sb.toString()), options(), true);
        assertTrue(out.contains("is numeric except for 'n/a'"), out);
    }

    @Test
    void duplicateKeysAcrossChunksAreReportedAsSequentially() throws IOException {
        StringBuilder sb = new StringBuilder("firm,year,y\n");
        for (int i = 0; i < 40; i++) {
            sb.append("f").append(i % 4).append(',').append(2000 + i % 8).append(',').append(i).append('\n');
        }
        String out = assertSame(utf8(sb.toString()), options().id("firm").time("year"), true);
        assertTrue(out.contains("problem data/x.csv:"), out);
    }

    @Test
    void errorsInLaterChunksGiveTheSequentialMessagesInOrder() throws IOException {
        StringBuilder sb = new StringBuilder("firm,year,y,z\n");
        for (int i = 0; i < 90; i++) {
            String y = i == 50 ? "1,5" : i == 77 ? "abc" : Integer.toString(i);
            String z = i == 64 ? "-3" : "7";
            sb.append(i == 83 ? "\"bad\"x" : "f" + i).append(',').append(2000 + i).append(',').append(y).append(',')
                    .append(z).append('\n');
        }
        sb.append("f,2000,\"unclosed\n");
        String out = assertSame(utf8(sb.toString()), options().id("firm").time("year")
                .column("y", ColumnRule.of(ColumnRule.Type.NUMBER)).column("z", ColumnRule.any().withMin(0.0)), false);
        int at = -1;
        for (String line : new String[] {"x.csv:52:", "x.csv:66:4:", "x.csv:79:3:", "x.csv:85:1:", "x.csv:92:3:"}) {
            int next = out.indexOf(line);
            assertTrue(next > at, line + " after the one before in\n" + out);
            at = next;
        }
    }

    @Test
    void invalidUtf8AndNumericIdsSpelledTwiceAreLeftToTheSequentialReader() throws IOException {
        byte[] bad = utf8("a,b\n1,x\n2,y\n3,\u00e9\n4,z\n");
        bad[bad.length - 7] = (byte) 0xC3; // the second byte of é becomes a newline: malformed
        bad[bad.length - 6] = (byte) 0xFF;
        assertSame(bad, options(), false);
        StringBuilder sb = new StringBuilder("unit,t\n");
        for (int i = 0; i < 30; i++) {
            sb.append(i == 25 ? "03" : Integer.toString(i % 10)).append(',').append(i).append('\n');
        }
        String out = assertSame(utf8(sb.toString()), options().id("unit").time("t"), false);
        assertTrue(out.contains("'03'"), out);
    }

    @Test
    void headerOnlyAndHeaderProblemsAreLeftToTheSequentialReader() throws IOException {
        assertSame(utf8("a,b\n"), options(), false);
        assertSame(utf8("a,a\n1,2\n"), options(), false);
        assertSame(utf8(""), options(), false);
    }

    /**
     * The chunks are read as bytes: non-ASCII text, non-ASCII missing tokens, escaped and quoted numbers, numbers
     * at the edges of the fast decimal path, declared types and min/max rules, and now and then a malformed UTF-8
     * sequence or a broken rule, all read as the sequential reader reads them.
     */
    @Test
    void bytesReadTheSameAsDecodedText() throws IOException {
        SplittableRandom rnd = new SplittableRandom(1616);
        String[] numbers = {"0", "-0", "1e22", "1e23", "9007199254740993", "0.30000000000000004", "123456789012345",
            "1234567890123456", "12345678901234567", "4.9e-324", "007.50", ".5", "5.", "-1.5E-3", "2.2250738585072014E-308"};
        String[] texts = {"Z\u00fcrich", "\u65e5\u672c", "caf\u00e9", "\uD83D\uDE00", "plain", "\u00e9t\u00e9"};
        int fast = 0;
        for (int file = 0; file < 40; file++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(utf8("id,t,x,n,s,m\n"));
            int rows = 5 + rnd.nextInt(40);
            int trouble = rnd.nextInt(3) == 0 ? rnd.nextInt(rows) : -1;
            for (int i = 0; i < rows; i++) {
                String x = rnd.nextInt(10) == 0 ? "\u2014" : numbers[rnd.nextInt(numbers.length)];
                if (rnd.nextInt(6) == 0) {
                    x = "\"" + x + "\"";
                }
                String n = i == trouble && rnd.nextBoolean() ? "-3" : Integer.toString(rnd.nextInt(100));
                String t = texts[rnd.nextInt(texts.length)];
                String sCell = rnd.nextInt(4) == 0 ? "\"" + t + " \"\"q\"\"\"" : t;
                String m = rnd.nextInt(5) == 0 ? "NA" : rnd.nextInt(20) == 0 ? "n/a" : Double.toString(rnd.nextInt(1000) / 8.0);
                out.writeBytes(utf8("u" + rnd.nextInt(5) + "," + i + "," + x + "," + n + "," + sCell + ","));
                if (i == trouble && rnd.nextBoolean()) {
                    out.write(0xC3); // a lead byte without its continuation: malformed
                }
                out.writeBytes(utf8(m + (rnd.nextBoolean() ? "\n" : "\r\n")));
            }
            Path f = write(out.toByteArray());
            CsvOptions.Builder o = options().id("id").time("t").missing(List.of("NA", "\u2014"))
                    .column("n", ColumnRule.of(ColumnRule.Type.INTEGER).withMin(0.0).withMax(99.0))
                    .column("x", ColumnRule.of(ColumnRule.Type.NUMBER));
            String expected = sequential(f, o.build());
            for (int chunk : new int[] {1, 9, 60, 1 << 20}) {
                assertEquals(expected, chunked(f, o, chunk, 1 + rnd.nextInt(3)), "file " + file + ", chunk " + chunk);
            }
            fast += CsvChunkedReader.read(f, o.threads(2).build(), new Problems(), 9, CsvReader.DEFAULT_MAX_RECORD) != null ? 1 : 0;
        }
        assertTrue(fast >= 10, "the chunked path took " + fast + " of 40 files");
    }

    /** Random files: random quoting, line ends, missing cells, text among numbers, and a few broken records. */
    @Test
    void randomFilesReadTheSameAtEveryChunkSizeAndThreadCount() throws IOException {
        SplittableRandom rnd = new SplittableRandom(16);
        String[] ends = {"\n", "\r\n", "\r"};
        int fast = 0;
        for (int file = 0; file < 40; file++) {
            StringBuilder sb = new StringBuilder("id,t,x,s\n");
            int rows = 5 + rnd.nextInt(40);
            boolean broken = rnd.nextInt(4) == 0;
            for (int i = 0; i < rows; i++) {
                List<String> cells = new ArrayList<>();
                cells.add("u" + rnd.nextInt(6));
                cells.add(Integer.toString(i));
                cells.add(rnd.nextInt(8) == 0 ? "NA" : rnd.nextInt(30) == 0 ? "text" : Double.toString(rnd.nextInt(1000) / 8.0));
                String s = rnd.nextInt(5) == 0 ? "a\nb" : rnd.nextInt(5) == 0 ? "q\"uo\"te" : "s" + rnd.nextInt(4);
                cells.add(s.contains("\"") || s.contains("\n") || rnd.nextBoolean() ? "\"" + s.replace("\"", "\"\"") + "\"" : s);
                if (broken && i == rows / 2) {
                    cells.add("extra");
                }
                sb.append(String.join(",", cells)).append(ends[rnd.nextInt(ends.length)]);
            }
            Path f = write(utf8(sb.toString()));
            CsvOptions.Builder o = options().id("id").time("t");
            String expected = sequential(f, o.build());
            for (int chunk : new int[] {1, 4, 11, 50}) {
                assertEquals(expected, chunked(f, o, chunk, 1 + rnd.nextInt(4)), "file " + file + ", chunk " + chunk);
            }
            fast += CsvChunkedReader.read(f, o.threads(2).build(), new Problems(), 7, CsvReader.DEFAULT_MAX_RECORD) != null ? 1 : 0;
        }
        assertTrue(fast >= 10, "the chunked path took " + fast + " of 40 files");
    }

    /**
     * A chunk whose cells of an inferred column are all missing leaves its rows unwritten until the column's type
     * is known: NaN in a numeric column, -1 in a text one, whether the missing chunk comes before, between or
     * after the others; a column of missing cells only stays numeric.
     */
    @Test
    void inferredColumnsWithChunksOfMissingCellsOnly() throws IOException {
        StringBuilder sb = new StringBuilder("k,v,w,z,u\n");
        for (int i = 0; i < 120; i++) {
            String v = i < 30 || (i >= 60 && i < 90) ? "NA" : Double.toString(i / 4.0);
            String w = i < 40 || i >= 100 ? "" : i % 3 == 0 ? "NA" : "t" + (i % 7);
            String u = i < 50 ? "NA" : i == 50 ? "first" : i % 2 == 0 ? "" : "u" + (i % 5);
            sb.append(i).append(',').append(v).append(',').append(w).append(",NA,").append(u).append('\n');
        }
        String out = assertSame(utf8(sb.toString()), options(), true);
        assertTrue(out.contains("numeric v ") && out.contains("text w ") && out.contains("numeric z ") && out.contains("text u "), out);
        assertTrue(out.contains("7ff8000000000000"), out);
    }

    /** 1, 2 and 4 threads give the same columns (many chunks), and the same messages for a mistake in the second chunk. */
    @Test
    void threadCountsGiveIdenticalColumnsAndMessages() throws IOException {
        StringBuilder sb = new StringBuilder("firm,year,note,y\n");
        for (int i = 0; i < 400; i++) {
            String note = i % 37 == 0 ? "\"two\nlines, \"\"quoted\"\"\"" : "n" + (i % 11);
            sb.append("f").append(i / 10).append(',').append(2000 + i % 10).append(',').append(note).append(',')
                    .append(i * 0.25).append('\n');
        }
        byte[] good = utf8(sb.toString());
        Path f = write(good);
        CsvOptions.Builder o = options().id("firm").time("year").column("y", ColumnRule.of(ColumnRule.Type.NUMBER));
        String one = chunked(f, o, 256, 1);
        assertEquals(one, chunked(f, o, 256, 2));
        assertEquals(one, chunked(f, o, 256, 4));
        assertEquals(sequential(f, o.build()), one);
        assertNotNull(CsvChunkedReader.read(f, o.threads(4).build(), new Problems(), 256, CsvReader.DEFAULT_MAX_RECORD));
        // a mistake in the second 256-byte chunk (record 20, after a quoted line break on line 2): line 22, column 4
        String bad = sb.toString().replace("f1,2009,n8,4.75\n", "f1,2009,n8,4,75\n").replace("f2,2000,n9,5.0\n", "f2,2000,n9,five\n");
        Path g = write(utf8(bad));
        String expected = sequential(g, o.build());
        assertTrue(expected.contains("problem data/x.csv:22: ") && expected.contains("problem data/x.csv:23:4: "), expected);
        for (int threads : new int[] {1, 2, 4}) {
            assertEquals(expected, chunked(g, o, 256, threads), "threads " + threads);
        }
    }

    /**
     * A worker keeps one chunk buffer for the whole read: a range shorter than the one before it must not see the
     * older range's bytes past its own end. Records get shorter down the file (the first ones, with quoted commas,
     * quotes and line breaks, are longer than the small chunks, so the ranges shrink), and the last record has no
     * line end and ends in a quoted field: bytes read past it would change it or add a record.
     */
    @Test
    void reusedChunkBuffersNeverShowBytesOfAnEarlierLongerRange() throws IOException {
        StringBuilder sb = new StringBuilder("id,note,x\n");
        for (int i = 0; i < 40; i++) {
            int width = 40 - i;
            sb.append(i).append(",\"").append("ab,\"\"\n".repeat(width)).append("\",").append(width * 0.25).append('\n');
        }
        sb.append("40,\"z\",1");
        String out = assertSame(utf8(sb.toString()), options(), true);
        assertTrue(out.contains(" rows 41 "), out);
        for (int threads : THREADS) {
            assertEquals(out, chunked(write(utf8(sb.toString())), options(), 300, threads), "threads " + threads);
        }
    }

    /** Quotes that end right before a line break, pairs of quotes around one, and a stray quote (left to the sequential reader). */
    @Test
    void recordCountsFollowTheQuotes() throws IOException {
        StringBuilder sb = new StringBuilder("a,b,c\n");
        for (int i = 0; i < 70; i++) {
            sb.append("\"\"\"\",\"x\"\"\n\"\"\",").append(i).append(i % 5 == 0 ? "\r\n\n" : "\n");
        }
        assertSame(utf8(sb.toString()), options(), true);
        assertSame(utf8(sb + "ab\"c,1,2\nd,3,4\n"), options(), false);
    }

    /**
     * Long cells of non-ASCII text (bytes from 0x80 up, negative as Java bytes), quotes and line ends right after
     * them at every offset, and control characters below '"' are counted and read as the sequential reader reads them.
     */
    @Test
    void recordCountsOverLongAndNonAsciiCells() throws IOException {
        StringBuilder sb = new StringBuilder("a,b,c\n");
        String[] runs = {"\u00e9", "\u00ff\u00fe", "\u20ac", "x", " ", "!", "\t"};
        for (int i = 0; i < 90; i++) {
            String run = runs[i % runs.length].repeat(1 + i % 11);
            String quoted = "\"" + run + "\"\"" + run + "\n" + run + "\"";
            sb.append(run).append(',').append(quoted).append(',').append(i).append(i % 3 == 0 ? "\r\n" : "\n");
        }
        assertSame(utf8(sb.toString()), options(), true);
        assertSame(utf8(sb + "\u00e9\u00e9\u00e9\u00e9\u00e9\"\u00e9,1,2\n"), options(), false);
    }

    /** A panel sorted by (id, time) needs no array for its duplicate check; a repeat in it is still found. */
    @Test
    void sortedPanelsAndTheirDuplicates() throws IOException {
        TextColumn firms = new TextColumn("firm", new int[] {0, 0, -1, 1, 1}, new String[] {"a", "b"});
        assertTrue(CsvReader.sortedByIdAndTime(firms, new double[] {1, 2, 1, 1, Double.NaN}));
        assertTrue(!CsvReader.sortedByIdAndTime(firms, new double[] {1, 1, 5, 2, 3}));
        NumericColumn ids = new NumericColumn("id", new double[] {3, 3, 7, 5});
        assertTrue(!CsvReader.sortedByIdAndTime(ids, new double[] {1, 2, 1, 2}));
        assertTrue(CsvReader.sortedByIdAndTime(ids, new double[] {1, 2, 1, Double.NaN}));
        StringBuilder sb = new StringBuilder("firm,year,y\n");
        for (int i = 0; i < 60; i++) {
            sb.append("f").append(i / 6).append(',').append(i == 40 ? 2003 : 2000 + i % 6).append(',').append(i).append('\n');
        }
        String out = assertSame(utf8(sb.toString()), options().id("firm").time("year"), true);
        assertTrue(out.contains("problem data/x.csv:"), out);
        String sorted = assertSame(utf8(sb.toString().replace("f6,2003,40", "f6,2004,40")), options().id("firm").time("year"), true);
        assertTrue(!sorted.contains("problem") && sorted.contains("rows 60"), sorted);
    }
}
