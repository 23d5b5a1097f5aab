package dev.repro.data.dta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.repro.data.ColumnRule;
import dev.repro.data.CsvOptions;
import dev.repro.data.Dataset;
import dev.repro.data.ReadOptions;
import dev.repro.data.TextColumn;
import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Both byte orders, the reading options, the CSV checks on a .dta file, and the exact messages for broken files. */
class DtaReaderTest {
    @TempDir
    Path dir;

    private static final ReadOptions DEFAULTS = new ReadOptions("dta", null, null, 0, false, ReadOptions.DateRule.YEAR, false);

    private Path file(byte[] bytes) throws IOException {
        Path f = dir.resolve("x.dta");
        Files.write(f, bytes);
        return f;
    }

    private List<String> problems(byte[] bytes, CsvOptions o, ReadOptions r) throws IOException {
        Problems p = new Problems();
        Dataset d = DtaReader.read(file(bytes), o, r, p, w -> { });
        assertNull(d);
        return p.list().stream().map(Problem::format).toList();
    }

    private static CsvOptions plain() {
        return CsvOptions.builder("x", "data/x.dta").build();
    }

    private Dataset read(byte[] bytes, CsvOptions o, ReadOptions r) throws IOException {
        Problems p = new Problems();
        Dataset d = DtaReader.read(file(bytes), o, r, p, w -> { });
        assertEquals(List.of(), p.list().stream().map(Problem::format).toList());
        assertNotNull(d);
        return d;
    }

    private static String[] texts(Dataset d, String column) {
        TextColumn t = (TextColumn) d.column(column);
        return Arrays.stream(t.codes()).mapToObj(c -> c < 0 ? null : t.levels()[c]).toArray(String[]::new);
    }

    @ParameterizedTest
    @CsvSource({"114, false", "114, true", "118, false", "118, true"})
    void bothByteOrdersReadTheSameValues(int release, boolean bigEndian) throws IOException {
        Dataset d = read(DtaBytes.write(release, bigEndian), plain(), DEFAULTS);
        assertEquals(List.of(DtaBytes.NAMES), d.columnNames());
        assertArrayEquals(new double[] {1, 1, 2}, d.numeric("id").values());
        assertArrayEquals(new double[] {2015, 2016, 2015}, d.numeric("year").values());
        assertArrayEquals(new double[] {-5, 100, Double.NaN}, d.numeric("small").values());
        assertArrayEquals(new double[] {1.5, -0.25, (double) 1e10f}, d.numeric("f").values());
        assertArrayEquals(new double[] {0.1, Double.NaN, -3.0}, d.numeric("d").values());
        assertArrayEquals(new String[] {"ab", null, "hello"}, texts(d, "s"));
        assertArrayEquals(new String[] {"yes", "no", "yes"}, texts(d, "yn"));
        // %td 20151 is 2015-03-04, 0 is 1960-01-01, -1 is 1959-12-31: their years
        assertArrayEquals(new double[] {2015, 1960, 1959}, d.numeric("day").values());
    }

    @Test
    void codesPeriodsAndMissingCodesByOption() throws IOException {
        Dataset d = read(DtaBytes.write(118, false), plain(), new ReadOptions("dta", null, null, 0, true, ReadOptions.DateRule.PERIOD, true));
        assertArrayEquals(new double[] {1, 0, 1}, d.numeric("yn").values());
        assertArrayEquals(new double[] {20151, 0, -1}, d.numeric("day").values());
        assertArrayEquals(new String[] {null, ".a", null}, texts(d, "d_missing"));
        // small has only the plain missing value: no companion column
        assertEquals(null, d.column("small_missing"));
    }

    @Test
    void theSchemaAndPanelChecksOfACsvFile() throws IOException {
        CsvOptions o = CsvOptions.builder("x", "data/x.dta").id("id").time("day")
                .column("d", ColumnRule.of(ColumnRule.Type.NUMBER).withRequired(true))
                .column("f", ColumnRule.any().withMin(0.0))
                .column("s", ColumnRule.of(ColumnRule.Type.NUMBER))
                .column("nope", ColumnRule.any()).build();
        assertEquals(List.of(
                "data/x.dta: datasets.x.columns.nope: column 'nope' is not in the header; the header has 'id', 'year', 'small', 'f', 'd', 's', 'yn', 'day'",
                "data/x.dta: observation 2, column 'f': '-0.25' is less than the minimum 0; correct the value, or lower min in datasets.x.columns.f",
                "data/x.dta: observation 2, column 'd': the value is missing ('.a') but the column is required; fill it in, or remove required from datasets.x.columns.d",
                "data/x.dta: observation 1, column 's': 'ab' is not a number; expected a number such as 1.5 (missing values are written as empty, NA or .)",
                "data/x.dta: observation 3, column 's': 'hello' is not a number; expected a number such as 1.5 (missing values are written as empty, NA or .)"),
                problems(DtaBytes.write(118, false), o, DEFAULTS));
        CsvOptions panel = CsvOptions.builder("x", "data/x.dta").id("id").time("year").build();
        byte[] b = DtaBytes.write(114, true);
        Problems p = new Problems();
        DtaReader.read(file(b), panel, DEFAULTS, p, w -> { });
        assertEquals(List.of(), p.list());
        CsvOptions dup = CsvOptions.builder("x", "data/x.dta").id("yn").time("year").build();
        assertEquals(List.of("data/x.dta: observation 3: duplicate (yn, year) = (yes, 2015), first seen in observation 1; keep one row per"
                + " (yn, year) or correct the yn or year of one of them"), problems(b, dup, DEFAULTS));
    }

    @Test
    void encodingNamesTheCharacterSetOfOldFormats() throws IOException {
        // a format 114 file whose str5 value "hello" is replaced by the GBK bytes of 中国 (Stata 13 and older wrote the
        // system code page: GBK on a Chinese Windows)
        byte[] b = DtaBytes.write(114, false);
        byte[] gbk = "中国".getBytes(Charset.forName("GBK"));
        int at = indexOf(b, "hello");
        System.arraycopy(gbk, 0, b, at, gbk.length);
        b[at + gbk.length] = 0;
        ReadOptions chinese = new ReadOptions("dta", null, null, 0, false, ReadOptions.DateRule.YEAR, false, "GBK");
        assertArrayEquals(new String[] {"ab", null, "中国"}, texts(read(b, plain(), chinese), "s"));
        // the default, windows-1252, reads the same bytes as four Latin letters
        assertArrayEquals(new String[] {"ab", null, "ÖÐ¹ú"}, texts(read(b, plain(), DEFAULTS), "s"));
        // formats 118 and 119 are UTF-8 by definition: the key is not used, and the log says so
        List<String> warnings = new ArrayList<>();
        Problems p = new Problems();
        Dataset d = DtaReader.read(file(DtaBytes.write(118, false)), plain(), chinese, p, warnings::add);
        assertArrayEquals(new String[] {"ab", null, "hello"}, texts(d, "s"));
        assertEquals(List.of("data/x.dta: encoding: GBK is not used: format 118 files (Stata 14 and later) are UTF-8; remove the key"),
                warnings);
    }

    private static int indexOf(byte[] b, String s) {
        byte[] t = s.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + t.length <= b.length; i++) {
            for (int j = 0; j < t.length; j++) {
                if (b[i + j] != t[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(s);
    }

    @Test
    void truncatedInTheData() throws IOException {
        byte[] full = DtaBytes.write(118, false);
        int data = indexOf(full, "<data>") + 6;
        // row width 4+2+1+4+8+5+1+4 = 29; cut 2 bytes into variable 'd' of observation 2 (offset 29 + 11 + 2)
        byte[] cut = Arrays.copyOf(full, data + 29 + 11 + 2);
        assertEquals(List.of("data/x.dta: at byte " + (data + 29 + 11 + 2) + ": the file ends in observation 2, variable 'd' (double, 8 bytes);"
                + " expected 3 observations of 29 bytes each: the file is truncated, copy or save it again"), problems(cut, plain(), DEFAULTS));
    }

    @Test
    void truncatedInTheHeaderAndTheLabels() throws IOException {
        byte[] full = DtaBytes.write(114, false);
        assertEquals(List.of("data/x.dta: at byte 6: the file ends after 2 of the 4 bytes of the number of observations; the file is truncated: copy or save it again"),
                problems(Arrays.copyOf(full, 8), plain(), DEFAULTS));
        byte[] tagged = DtaBytes.write(118, true);
        int lbl = indexOf(tagged, "<lbl>") + 5 + 4 + 129 + 3;
        assertEquals(List.of("data/x.dta: at byte " + lbl + ": the file ends after 10 of the 31 bytes of value-label set 'yn'; the file is truncated: copy or save it again"),
                problems(Arrays.copyOf(tagged, lbl + 10), plain(), DEFAULTS));
        assertEquals(List.of("data/x.dta: at byte " + (tagged.length - 12) + ": expected the tag </stata_dta>, found '</stata'; the file is truncated: copy or save it again"),
                problems(Arrays.copyOf(tagged, tagged.length - 5), plain(), DEFAULTS));
    }

    @Test
    void corruptFiles() throws IOException {
        byte[] tagged = DtaBytes.write(118, false);
        int names = indexOf(tagged, "<varnames>");
        byte[] badTag = tagged.clone();
        badTag[names + 8] = 'x';
        assertEquals(List.of("data/x.dta: at byte " + names + ": expected the tag <varnames>, found '<varnamex>'; the file is corrupt: copy or save it again"),
                problems(badTag, plain(), DEFAULTS));
        byte[] badType = tagged.clone();
        int types = indexOf(tagged, "<variable_types>") + 16;
        badType[types + 2] = (byte) 0xb8;
        badType[types + 3] = 0x0b;
        assertEquals(List.of("data/x.dta: at byte " + (types + 2) + ": variable 2 has the type code 3000, expected 1-2045 (str#), 32768 (strL)"
                + " or 65526-65530 (double, float, long, int, byte); the file is corrupt: copy or save it again"), problems(badType, plain(), DEFAULTS));
        assertEquals(List.of("data/x.dta: at byte 0: expected a Stata .dta file of format 113, 114, 115, 117, 118 or 119 (Stata 8 to 18), found a file"
                + " that starts with byte 0x69; save it again from Stata (or R haven::write_dta), or give the dataset a format: that fits the file"),
                problems("id,year\n1,2\n".getBytes(StandardCharsets.US_ASCII), plain(), DEFAULTS));
        byte[] old = DtaBytes.write(114, false);
        old[0] = 110;
        assertEquals(List.of("data/x.dta: at byte 0: expected a Stata .dta file of format 113, 114, 115, 117, 118 or 119 (Stata 8 to 18), found format 110"
                + " (older than Stata 8); save it again from Stata (or R haven::write_dta), or give the dataset a format: that fits the file"),
                problems(old, plain(), DEFAULTS));
        assertEquals(List.of("data/x.dta: at byte 0: the file is empty; expected a Stata .dta file"), problems(new byte[0], plain(), DEFAULTS));
    }
}
