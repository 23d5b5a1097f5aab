package dev.repro.data.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.data.Column;
import dev.repro.data.ColumnRule;
import dev.repro.data.CsvOptions;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.data.ReadOptions;
import dev.repro.data.TextColumn;
import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import dev.repro.io.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden workbook of src/test/golden/readers (written by R openxlsx) reads to the values R readxl reads
 * back; sheets by name and number, ranges, formulas without cached values, and the messages naming Sheet!Cell.
 */
class XlsxReaderTest {
    static final Path DIR = Path.of("src", "test", "golden", "readers");
    static final Path BOOK = DIR.resolve("openxlsx.xlsx");

    @TempDir
    Path dir;

    private static ReadOptions sheet(String sheet, String range) {
        return new ReadOptions("xlsx", sheet, range, 0, false, ReadOptions.DateRule.YEAR, false);
    }

    private static Dataset read(CsvOptions o, ReadOptions r, List<String> warnings) {
        Problems p = new Problems();
        Dataset d = XlsxReader.read(BOOK, o, r, p, warnings::add);
        assertEquals(List.of(), p.list().stream().map(Problem::format).toList());
        assertNotNull(d);
        return d;
    }

    private static void sameAsReadxl(Dataset d, String expected) throws IOException {
        List<String> lines = Files.readAllLines(DIR.resolve(expected), StandardCharsets.UTF_8);
        String[] names = lines.get(0).split("\t", -1);
        assertEquals(lines.size() - 1, d.rows());
        for (int c = 0; c < names.length; c++) {
            Column col = d.column(names[c]);
            assertNotNull(col, names[c] + " in " + d.columnNames());
            for (int r = 0; r < d.rows(); r++) {
                String want = lines.get(r + 1).split("\t", -1)[c];
                String where = expected + " " + names[c] + "[" + (r + 1) + "]";
                if (col instanceof NumericColumn n) {
                    if (want.equals("NA")) {
                        assertTrue(Double.isNaN(n.values()[r]), where);
                    } else {
                        assertEquals(Double.parseDouble(want), n.values()[r], 0.0, where);
                    }
                } else {
                    TextColumn t = (TextColumn) col;
                    assertEquals(want.equals("NA") ? null : want, t.codes()[r] < 0 ? null : t.levels()[t.codes()[r]], where);
                }
            }
        }
    }

    @Test
    void readsWhatReadxlReads() throws IOException {
        List<String> warnings = new ArrayList<>();
        Dataset d = read(CsvOptions.builder("p", "data/book.xlsx").id("province").time("year").build(), sheet("Provinces", null), warnings);
        sameAsReadxl(d, "openxlsx.xlsx.Provinces.expected.tsv");
        assertEquals(Sha256.of(BOOK), d.sha256());
        assertEquals(List.of(), warnings);
        // the same sheet by its number; the rows are numbered as in the sheet (the header is row 1)
        Dataset byNumber = read(CsvOptions.builder("p", "data/book.xlsx").build(), sheet("1", null), warnings);
        assertEquals(2, byNumber.line(0));
        Dataset range = read(CsvOptions.builder("y", "data/book.xlsx").build(), sheet("Yearbook", "B3:D5"), warnings);
        sameAsReadxl(range, "openxlsx.xlsx.Yearbook.expected.tsv");
        assertEquals(List.of("region", "v2015", "v2016"), range.columnNames());
    }

    @Test
    void mergedHeaderCellsAreNamedByTheirText() throws IOException {
        // openxlsx-merged.xlsx: "province" merged over A1:A2, "GDP" merged over C2:E2, the header row is 2
        Problems p = new Problems();
        Dataset d = XlsxReader.read(DIR.resolve("openxlsx-merged.xlsx"), CsvOptions.builder("m", "data/merged.xlsx").id("province")
                .time("year").build(), new ReadOptions("xlsx", "Merged", null, 2, false, ReadOptions.DateRule.YEAR, false), p, w -> { });
        assertEquals(List.of(), p.list().stream().map(Problem::format).toList());
        assertEquals(List.of("province", "year", "GDP", "GDP_2", "GDP_3"), d.columnNames());
        sameAsReadxl(d, "openxlsx-merged.xlsx.Merged.expected.tsv");
        // a range that starts inside the merged area names its columns by their place in the area
        Dataset part = XlsxReader.read(DIR.resolve("openxlsx-merged.xlsx"), CsvOptions.builder("m", "data/merged.xlsx").build(),
                new ReadOptions("xlsx", "Merged", "D2:E4", 0, false, ReadOptions.DateRule.YEAR, false), p, w -> { });
        assertEquals(List.of("GDP_2", "GDP_3"), part.columnNames());
        assertEquals(List.of(), p.list().stream().map(Problem::format).toList());
    }

    @Test
    void aFormulaWithoutACachedValueIsMissingWithAWarning() {
        List<String> warnings = new ArrayList<>();
        Dataset d = read(CsvOptions.builder("y", "data/book.xlsx").build(), sheet("Yearbook", "B3:E5"), warnings);
        assertTrue(Double.isNaN(d.numeric("total").values()[0]));
        assertEquals(List.of(
                "data/book.xlsx: Yearbook!E4: the formula =C4+D4 has no cached value, so it is read as missing; open the workbook in Excel (or LibreOffice) and save it, which stores the computed values",
                "data/book.xlsx: Yearbook!E5: the formula =C5+D5 has no cached value, so it is read as missing; open the workbook in Excel (or LibreOffice) and save it, which stores the computed values"),
                warnings);
    }

    private List<String> problems(Path file, CsvOptions o, ReadOptions r) {
        Problems p = new Problems();
        assertNull(XlsxReader.read(file, o, r, p, w -> { }));
        return p.list().stream().map(Problem::format).toList();
    }

    @Test
    void messagesNameTheSheetAndTheCell() throws IOException {
        CsvOptions o = CsvOptions.builder("p", "data/book.xlsx").id("year").time("day")
                .column("province", ColumnRule.of(ColumnRule.Type.NUMBER))
                .column("gdp", ColumnRule.any().withMax(1000.0)).build();
        assertEquals(List.of(
                "data/book.xlsx: Provinces!A2: column 'province': 'Anhui' is not a number; expected a number such as 1.5 (missing values are written as empty, NA or .)",
                "data/book.xlsx: Provinces!A3: column 'province': 'Beijing' is not a number; expected a number such as 1.5 (missing values are written as empty, NA or .)",
                "data/book.xlsx: Provinces!A4: column 'province': 'Chongqing' is not a number; expected a number such as 1.5 (missing values are written as empty, NA or .)",
                "data/book.xlsx: Provinces!A5: column 'province': 'Fujian' is not a number; expected a number such as 1.5 (missing values are written as empty, NA or .)",
                "data/book.xlsx: Provinces!C2: column 'gdp': '22005.6' is greater than the maximum 1000; correct the value, or raise max in datasets.p.columns.gdp",
                "data/book.xlsx: Provinces!C3: column 'gdp': '23014.59' is greater than the maximum 1000; correct the value, or raise max in datasets.p.columns.gdp",
                "data/book.xlsx: Provinces row 3: duplicate (year, day) = (2015, 2015), first seen in Provinces row 2; keep one row per (year, day) or correct the year or day of one of them"),
                problems(BOOK, o, sheet(null, null)));
        assertEquals(List.of("study.yaml: datasets.p.sheet: data/book.xlsx has no sheet 'Data'; its sheets are 'Provinces', 'Yearbook' (give sheet: a name or a number from 1)"),
                problems(BOOK, CsvOptions.builder("p", "data/book.xlsx").build(), sheet("Data", null)));
        Path csv = dir.resolve("x.xlsx");
        Files.writeString(csv, "a,b\n1,2\n");
        assertEquals(List.of("data/book.xlsx: the file is not an .xlsx workbook (it does not start as a ZIP archive); save it from Excel as .xlsx, or give the dataset a format: that fits the file"),
                problems(csv, CsvOptions.builder("p", "data/book.xlsx").build(), sheet(null, null)));
        Path cut = dir.resolve("cut.xlsx");
        byte[] all = Files.readAllBytes(BOOK);
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        List<String> broken = problems(cut, CsvOptions.builder("p", "data/book.xlsx").build(), sheet(null, null));
        assertEquals(1, broken.size());
        assertTrue(broken.get(0).startsWith("data/book.xlsx: the workbook cannot be read ("), broken.get(0));
        assertTrue(broken.get(0).endsWith("); the file is damaged or not an Excel workbook: open it in Excel and save it again as .xlsx"), broken.get(0));
    }
}
