package dev.repro.data;

import dev.repro.diag.Problems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** One test per validation rule, asserting the exact user-facing text. */
class CsvReaderMessagesTest {
    @TempDir
    Path dir;
    CsvFixture fx;

    @BeforeEach
    void setUp() {
        fx = new CsvFixture(dir);
    }

    private void expect(String csv, CsvOptions.Builder options, String... messages) {
        Dataset d = fx.read(csv, options);
        assertEquals(List.of(messages), fx.messages());
        assertNull(d, "a file with problems gives no dataset");
    }

    private void expect(String csv, String... messages) {
        expect(csv, CsvFixture.options(), messages);
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else {
                for (int b : (int[]) p) {
                    out.write(b);
                }
            }
        }
        return out.toByteArray();
    }

    // ---- the file as a whole ----

    @Test
    void missingFileNamesPathAndStudyKey() {
        Path missing = dir.resolve("nope.csv");
        fx.read(missing, CsvFixture.options().build());
        assertEquals(List.of("study.yaml: datasets.x.file: file 'data/x.csv' not found (looked for "
                + missing.toAbsolutePath().normalize() + "); check the path, which is relative to the project directory"),
                fx.messages());
        assertEquals(List.of(), fx.result.header());
    }

    @Test
    void directoryInsteadOfFile() {
        fx.read(dir, CsvOptions.builder("cigar", "data").studyFile("study.json").build());
        assertEquals(List.of("study.json: datasets.cigar.file: 'data' is a directory, not a file; name the CSV file inside it"),
                fx.messages());
    }

    @Test
    void utf16ByteOrderMark() {
        fx.read(fx.write(bytes(new int[] {0xFF, 0xFE, 'a', 0, ',', 0, 'b', 0})), CsvFixture.options().build());
        assertEquals(List.of("data/x.csv:1: the file is UTF-16 (it starts with a UTF-16 byte order mark);"
                + " save it as UTF-8 (in Excel: Save As > CSV UTF-8)"), fx.messages());
    }

    @Test
    void nulByte() {
        fx.read(fx.write(bytes("a,b\n1,", new int[] {0}, "\n")), CsvFixture.options().build());
        assertEquals(List.of("data/x.csv:2: the file contains a NUL byte (file offset 6), so it is not a text CSV file;"
                + " export it as CSV UTF-8 (a spreadsheet such as .xlsx or a UTF-16 file cannot be read)"), fx.messages());
    }

    @Test
    void invalidUtf8NamesLineAndByteOnceEachLine() {
        // Latin-1 u-umlaut (0xFC) on line 2; on line 4 a valid 2-byte char precedes the bad bytes
        fx.read(fx.write(bytes("city,pop\nZ", new int[] {0xFC}, "rich,1\nBern,2\n\"S\u00e3o\",", new int[] {0xE2, 0x82},
                "3", new int[] {0xFF}, "\n")), CsvFixture.options().build());
        assertEquals(List.of(
                "data/x.csv:2: invalid UTF-8: byte 0xFC at byte 2 of the line; save the file as UTF-8"
                        + " (in Excel: Save As > CSV UTF-8), not Windows-1252 or Latin-1",
                "data/x.csv:4: invalid UTF-8: bytes 0xE2 0x82 at byte 8 of the line; save the file as UTF-8"
                        + " (in Excel: Save As > CSV UTF-8), not Windows-1252 or Latin-1"), fx.messages());
    }

    @Test
    void invalidUtf8CountsTheByteOrderMarkOnLineOne() {
        fx.read(fx.write(bytes(new int[] {0xEF, 0xBB, 0xBF}, "a", new int[] {0xE9}, ",b\n1,2\n")), CsvFixture.options().build());
        assertEquals(List.of("data/x.csv:1: invalid UTF-8: byte 0xE9 at byte 5 of the line; save the file as UTF-8"
                + " (in Excel: Save As > CSV UTF-8), not Windows-1252 or Latin-1"), fx.messages());
    }

    @Test
    void emptyFile() {
        expect("", "data/x.csv:1: the file is empty; expected a header row with the column names, then one row per observation");
        expect("\r\n\n\r", "data/x.csv:1: the file is empty; expected a header row with the column names, then one row per observation");
        fx.read(fx.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}), CsvFixture.options().build());
        assertEquals(List.of("data/x.csv:1: the file is empty; expected a header row with the column names,"
                + " then one row per observation"), fx.messages());
    }

    @Test
    void headerOnly() {
        expect("\nstate,year\n\n", "data/x.csv:2: the file has a header but no data rows; add the data below the header row");
    }

    @Test
    void emptyHeaderName() {
        expect("a,b,\n1,2,3\n", "data/x.csv:1:3: header column 3 has no name; name every column"
                + " (a comma at the end of the header adds an unnamed column)");
    }

    @Test
    void duplicateHeaderName() {
        expect("price,year,price\n1,2,3\n", "data/x.csv:1:3: header column 3: the name 'price' is already used by column 1;"
                + " give every column a unique name");
    }

    @Test
    void rowWithTooManyFields() {
        expect("a,b\n1,2\n3,4,5\n", "data/x.csv:3: the row has 3 fields but the header has 2 columns;"
                + " quote a value that contains a comma (\"1,5\") or remove the extra fields");
    }

    @Test
    void rowWithTooFewFields() {
        expect("a,b\n1,2\n3\n", "data/x.csv:3: the row has 1 field but the header has 2 columns;"
                + " add the missing fields (missing values are written as empty, NA or .)");
    }

    @Test
    void unclosedQuoteNamesTheLineWhereItOpened() {
        expect("id,name\n1,\"abc\n2,def\n3,ghi\n", "data/x.csv:2:2: column 'name': the quoted value that starts on this line"
                + " is never closed; add the closing double quote (a double quote inside a quoted value is written as \"\")");
    }

    @Test
    void characterAfterClosingQuote() {
        expect("id,name\n1,ok\n2,\"say \"hi\" there\"\n", "data/x.csv:3:2: column 'name': unexpected character 'h' after"
                + " the closing double quote; write a double quote inside a quoted value as \"\" (e.g. \"say \"\"hi\"\"\")");
    }

    @Test
    void quoteInsideUnquotedValue() {
        expect("id,height\n1,5'11\"\n", "data/x.csv:2:2: column 'height': the unquoted value '5'11\"' contains a double quote;"
                + " quote the value and double the inner quotes: \"5'11\"\"\"");
    }

    @Test
    void quoteErrorInHeader() {
        expect("id,\"name\n1,2\n", "data/x.csv:1:2: header column 2: the quoted value that starts on this line is never"
                + " closed; add the closing double quote (a double quote inside a quoted value is written as \"\")");
    }

    @Test
    void recordLongerThanTheMaximum() {
        String quoted = "id,name\n1,\"" + "x".repeat(200) + "\n2,b\n";
        fx.problems = new Problems();
        new CsvReader(16, 8, 64).run(fx.write(quoted), CsvFixture.options().build(), fx.problems);
        assertEquals(List.of("data/x.csv:2:2: column 'name': the quoted value that starts on this line is longer than 64"
                + " characters; a closing double quote is probably missing"), fx.messages());

        fx.problems = new Problems();
        new CsvReader(16, 8, 64).run(fx.write("id,name\n1,a\n" + "y".repeat(300)), CsvFixture.options().build(), fx.problems);
        assertEquals(List.of("data/x.csv:3: the row that starts on this line is longer than 64 characters;"
                + " the file is probably not a CSV file or has no line breaks"), fx.messages());
    }

    // ---- declared columns ----

    @Test
    void declaredColumnsMissingFromHeader() {
        expect("state,year,price\nA,1,2\n", CsvFixture.options().id("stat").time("Year").column("sales", ColumnRule.any()),
                "data/x.csv:1: datasets.x.id: column 'stat' is not in the header; the header has 'state', 'year', 'price';"
                        + " did you mean 'state'?",
                "data/x.csv:1: datasets.x.time: column 'Year' is not in the header; the header has 'state', 'year', 'price';"
                        + " did you mean 'year'?",
                "data/x.csv:1: datasets.x.columns.sales: column 'sales' is not in the header; the header has 'state',"
                        + " 'year', 'price'");
    }

    @Test
    void timeColumnDeclaredText() {
        expect("s,year\na,1\n", CsvFixture.options().time("year").column("year", ColumnRule.of(ColumnRule.Type.TEXT)),
                "study.yaml: datasets.x.columns.year.type: the time column 'year' holds whole numbers, not text;"
                        + " use type: integer or leave type out");
    }

    @Test
    void idColumnDeclaredNumber() {
        expect("firm,year\n1,1\n", CsvFixture.options().id("firm").column("firm", ColumnRule.of(ColumnRule.Type.NUMBER)),
                "study.yaml: datasets.x.columns.firm.type: the id column 'firm' holds text or whole numbers, not any number;"
                        + " use type: integer or type: text");
    }

    @Test
    void idColumnIsAlsoTimeColumn() {
        expect("firm,year\n1,1\n", CsvFixture.options().id("firm").time("firm"),
                "study.yaml: datasets.x.time: 'firm' is also the id column; the time column must be another column");
    }

    @Test
    void minAboveMax() {
        expect("p\n1\n", CsvFixture.options().column("p", ColumnRule.any().withMin(5.0).withMax(1.0)),
                "study.yaml: datasets.x.columns.p: min 5 is greater than max 1; swap min and max");
    }

    @Test
    void boundOnTextColumn() {
        expect("p\n1\n", CsvFixture.options().column("p", ColumnRule.of(ColumnRule.Type.TEXT).withMin(0.0).withMax(2.5)),
                "study.yaml: datasets.x.columns.p.min: a text column has no minimum; remove min or use type: number",
                "study.yaml: datasets.x.columns.p.max: a text column has no maximum; remove max or use type: number");
    }

    @Test
    void boundIsNaN() {
        expect("p\n1\n", CsvFixture.options().column("p", ColumnRule.any().withMax(Double.NaN)),
                "study.yaml: datasets.x.columns.p.max: NaN is not a bound; write a number as max");
    }

    @Test
    void allowedValuesOfTheWrongType() {
        expect("p,year\n1,2\n", CsvFixture.options().time("year")
                        .column("p", ColumnRule.of(ColumnRule.Type.NUMBER).withAllowed("1", "high"))
                        .column("year", ColumnRule.any().withAllowed("2", "2.5")),
                "study.yaml: datasets.x.columns.p.allowed: 'high' is not a number, but column 'p' is numeric; list numbers only",
                "study.yaml: datasets.x.columns.year.allowed: '2.5' is not an integer, but column 'year' holds integers;"
                        + " list whole numbers only");
    }

    // ---- cells ----

    @Test
    void notANumber() {
        expect("state,year,price\nA,1,1.5\nA,2,abc\n", CsvFixture.options().column("price", ColumnRule.of(ColumnRule.Type.NUMBER)),
                "data/x.csv:3:3: column 'price': 'abc' is not a number; expected a number such as 1.5"
                        + " (missing values are written as empty, NA or .)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "'\"1,234\"'  | '1,234' is not a number; write it without thousands separators: 1234",
        "'\"-1,234,567.5\"' | '-1,234,567.5' is not a number; write it without thousands separators: -1234567.5",
        "'\"1,5\"'    | '1,5' is not a number; use a point as the decimal separator: 1.5",
        "' 2.5'       | ' 2.5' is not a number because of the spaces around it; write 2.5",
        "'Inf'        | 'Inf' is not a finite number; write a missing value (empty, NA or .) or fix the computation that produced it",
        "'-inf'       | '-inf' is not a finite number; write a missing value (empty, NA or .) or fix the computation that produced it",
        "'NaN'        | 'NaN' is not a finite number; write a missing value (empty, NA or .) or fix the computation that produced it",
        "'#DIV/0!'    | '#DIV/0!' is a spreadsheet error, not a number; fix the formula or write a missing value (empty, NA or .)",
        "'1e999'      | '1e999' is out of range for a number (at most about 1.8e308 in absolute value)",
        "'0x1F'       | '0x1F' is not a number; expected a number such as 1.5 (missing values are written as empty, NA or .)",
        "'1.5d'       | '1.5d' is not a number; expected a number such as 1.5 (missing values are written as empty, NA or .)",
    })
    void notANumberExplainsCommonCauses(String cell, String message) {
        String csv = "price\n" + cell.substring(1, cell.length() - 1) + "\n";
        expect(csv, CsvFixture.options().column("price", ColumnRule.of(ColumnRule.Type.NUMBER)),
                "data/x.csv:2:1: column 'price': " + message);
    }

    @Test
    void cellProblemsNameTheLineWhereTheFieldStarts() {
        expect("id,name,price\n1,\"two\nlines\",\"a\nb\"\n", CsvFixture.options().column("price", ColumnRule.of(ColumnRule.Type.NUMBER)),
                "data/x.csv:3:3: column 'price': 'a\\nb' is not a number; expected a number such as 1.5"
                        + " (missing values are written as empty, NA or .)");
    }

    @Test
    void notAnInteger() {
        expect("n\n3\n2.5\n", CsvFixture.options().column("n", ColumnRule.of(ColumnRule.Type.INTEGER)),
                "data/x.csv:3:1: column 'n': '2.5' is not an integer; expected a whole number such as 12"
                        + " (missing values are written as empty, NA or .)");
    }

    @Test
    void timeNotAnInteger() {
        expect("state,year\nAnhui,2015\nAnhui,2015.5\nAnhui,late\n", CsvFixture.options().id("state").time("year"),
                "data/x.csv:3:2: column 'year': '2015.5' is not an integer; the time column needs whole numbers such as 2015",
                "data/x.csv:4:2: column 'year': 'late' is not an integer; the time column needs whole numbers such as 2015");
    }

    @Test
    void belowMinimum() {
        expect("price\n0\n-1.5\n", CsvFixture.options().column("price", ColumnRule.any().withMin(0.0)),
                "data/x.csv:3:1: column 'price': '-1.5' is less than the minimum 0; correct the value,"
                        + " or lower min in datasets.x.columns.price");
    }

    @Test
    void aboveMaximum() {
        expect("share\n0.25\n1.5e2\n", CsvFixture.options().column("share", ColumnRule.any().withMin(0.0).withMax(100.0)),
                "data/x.csv:3:1: column 'share': '1.5e2' is greater than the maximum 100; correct the value,"
                        + " or raise max in datasets.x.columns.share");
    }

    @Test
    void notAnAllowedText() {
        expect("region\neast\nNort\n", CsvFixture.options().column("region", ColumnRule.any()
                        .withAllowed("east", "north", "south", "west")),
                "data/x.csv:3:1: column 'region': 'Nort' is not one of the allowed values 'east', 'north', 'south', 'west'"
                        + " (did you mean 'north'?); correct the value or add it to allowed in datasets.x.columns.region");
    }

    @Test
    void notAnAllowedNumber() {
        // numeric comparison: 1.0 is the allowed 1; "yes" and 2 are not allowed
        expect("d\n1.0\n0\nyes\n2\n", CsvFixture.options().column("d", ColumnRule.any().withAllowed("0", "1")),
                "data/x.csv:4:1: column 'd': 'yes' is not one of the allowed values '0', '1'; correct the value"
                        + " or add it to allowed in datasets.x.columns.d",
                "data/x.csv:5:1: column 'd': '2' is not one of the allowed values '0', '1'; correct the value"
                        + " or add it to allowed in datasets.x.columns.d");
    }

    @Test
    void requiredValueMissing() {
        expect("gdp,x\n1,2\n,3\nNA,4\n", CsvFixture.options().column("gdp", ColumnRule.any().withRequired(true)),
                "data/x.csv:3:1: column 'gdp': the value is missing (empty) but the column is required; fill it in,"
                        + " or remove required from datasets.x.columns.gdp",
                "data/x.csv:4:1: column 'gdp': the value is missing ('NA') but the column is required; fill it in,"
                        + " or remove required from datasets.x.columns.gdp");
    }

    @Test
    void idAndTimeMissing() {
        expect("state,year\nA,1\n,2\nB,.\n", CsvFixture.options().id("state").time("year"),
                "data/x.csv:3:1: column 'state': the id is missing (empty); every row needs an id: fill it in or delete the row",
                "data/x.csv:4:2: column 'year': the time is missing ('.'); every row needs a time: fill it in or delete the row");
    }

    @Test
    void numericIdMustBeWhole() {
        expect("firm,year\n1,1\n1.5,1\n12345678901234567890,1\n", CsvFixture.options().id("firm").time("year"),
                "data/x.csv:3:1: column 'firm': '1.5' is not a whole number, so it cannot be a panel id; use whole numbers"
                        + " or text (to read the ids as text, declare type: text for this column under datasets.x.columns)",
                "data/x.csv:4:1: column 'firm': '12345678901234567890' has too many digits to be kept exactly as a number;"
                        + " declare type: text for this column under datasets.x.columns");
    }

    @Test
    void fractionalIdsAreFineWhenTheIdColumnIsText() {
        Dataset d = fx.read("firm,year\n1,1\n1.5,1\nA7,1\n", CsvFixture.options().id("firm").time("year"));
        assertEquals(List.of(), fx.messages());
        assertNotNull(d);
        assertEquals(List.of("1", "1.5", "A7"), List.of(((TextColumn) d.column("firm")).levels()));
    }

    @Test
    void duplicateIdTime() {
        expect("state,year,v\nAnhui,2014,1\nAnhui,2015,1\nBeijing,2015,1\nAnhui,2015.0,2\nAnhui,2015,3\n",
                CsvFixture.options().id("state").time("year"),
                "data/x.csv:5: duplicate (state, year) = (Anhui, 2015), first seen on line 3; keep one row per (state, year)"
                        + " or correct the state or year of one of them",
                "data/x.csv:6: duplicate (state, year) = (Anhui, 2015), first seen on line 3; keep one row per (state, year)"
                        + " or correct the state or year of one of them");
    }

    @Test
    void duplicateNumericIdTime() {
        expect("firm,t\n7,1\n8,1\n7,1\n", CsvFixture.options().id("firm").time("t"),
                "data/x.csv:4: duplicate (firm, t) = (7, 1), first seen on line 2; keep one row per (firm, t)"
                        + " or correct the firm or t of one of them");
    }

    // ---- collecting ----

    @Test
    void collectsEveryProblemAndKeepsTheFirstOnes() {
        StringBuilder sb = new StringBuilder("v\n");
        for (int i = 0; i < 1000; i++) {
            sb.append("bad").append(i).append('\n');
        }
        Dataset d = fx.read(sb.toString(), CsvFixture.options().column("v", ColumnRule.of(ColumnRule.Type.NUMBER)));
        assertNull(d);
        assertEquals(1000, fx.problems.size());
        assertEquals(Problems.MAX_KEPT, fx.problems.list().size());
        assertEquals("data/x.csv:2:1: column 'v': 'bad0' is not a number; expected a number such as 1.5"
                + " (missing values are written as empty, NA or .)", fx.messages().get(0));
    }

    @Test
    void problemsOfDifferentKindsInOneRead() {
        expect("id,t,p\n1,1,2\n2,x,3\n3,3\n4,4,-1\n", CsvFixture.options().id("id").time("t")
                        .column("p", ColumnRule.any().withMin(0.0)),
                "data/x.csv:3:2: column 't': 'x' is not an integer; the time column needs whole numbers such as 2015",
                "data/x.csv:4: the row has 2 fields but the header has 3 columns; add the missing fields"
                        + " (missing values are written as empty, NA or .)",
                "data/x.csv:5:3: column 'p': '-1' is less than the minimum 0; correct the value, or lower min in datasets.x.columns.p");
    }

    @Test
    void customMissingTokens() {
        expect("a,b\n1,2\n-999,\n", CsvFixture.options().missing(List.of("-999"))
                        .column("b", ColumnRule.of(ColumnRule.Type.NUMBER)),
                "data/x.csv:3:2: column 'b': '' is not a number; expected a number such as 1.5 (missing values are written as -999)");
    }

    @Test
    void unreadableFileIsReportedNotThrown() throws Exception {
        Path f = fx.write("a\n1\n");
        Files.delete(f);
        Files.createSymbolicLink(f, dir.resolve("target-that-does-not-exist"));
        fx.read(f, CsvFixture.options().build());
        assertEquals(1, fx.problems.size());
        assertEquals("study.yaml: datasets.x.file: file 'data/x.csv' not found (looked for " + f.toAbsolutePath().normalize()
                + "); check the path, which is relative to the project directory", fx.messages().get(0));
    }
}
