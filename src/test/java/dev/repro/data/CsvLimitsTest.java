package dev.repro.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;

/**
 * The resource and exactness limits of the CSV reader (docs/security-limits.md): too many columns, integers
 * beyond 2^53 in integer, id and time columns, and ids that would merge because they are spelled differently.
 */
class CsvLimitsTest {
    @TempDir
    Path dir;
    CsvFixture fx;

    @BeforeEach
    void setUp() {
        fx = new CsvFixture(dir);
    }

    @Test
    void millionAndAHalfColumnsAreRefusedAtTheHeader() {
        int n = 1_500_000;
        StringBuilder header = new StringBuilder(n * 8);
        StringBuilder row = new StringBuilder(n * 2);
        for (int i = 0; i < n; i++) {
            header.append(i == 0 ? "" : ",").append('c').append(i);
            row.append(i == 0 ? "" : ",").append('1');
        }
        byte[] bytes = (header + "\n" + row + "\n").getBytes(StandardCharsets.UTF_8);
        Path f = fx.write(bytes);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertNull(fx.read(f, CsvFixture.options().build())));
        assertEquals(List.of("data/x.csv:1:16385: the header has 1500000 columns; at most 16384 are read (the limit keeps"
                + " memory bounded); keep the columns the study uses, or reshape a wide table to long form (one row per id and time)"),
                fx.messages());
    }

    @Test
    void sixteenThousandColumnsAreRead() {
        int n = CsvReader.MAX_COLUMNS;
        StringBuilder header = new StringBuilder();
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < n; i++) {
            header.append(i == 0 ? "" : ",").append('c').append(i);
            row.append(i == 0 ? "" : ",").append(i);
        }
        Dataset d = fx.read(header + "\n" + row + "\n" + row + "\n", CsvFixture.options());
        assertEquals(List.of(), fx.messages());
        assertEquals(n, d.columns().size());
        assertEquals(2, d.rows());
    }

    @Test
    void timeBeyondTwoToTheFiftyThreeIsRefused() {
        Dataset d = fx.read("state,year\nA,9007199254740991\nA,9007199254740993\nB,-9007199254740992\n",
                CsvFixture.options().id("state").time("year"));
        assertNull(d);
        String why = " is too large to be kept exactly (whole numbers are exact up to 9007199254740991 in absolute value),"
                + " so two different values could merge; the time column needs whole numbers such as 2015";
        assertEquals(List.of("data/x.csv:3:2: column 'year': '9007199254740993'" + why,
                "data/x.csv:4:2: column 'year': '-9007199254740992'" + why), fx.messages());
    }

    @Test
    void integerColumnBeyondTwoToTheFiftyThreeIsRefused() {
        assertNull(fx.read("n\n9007199254740993\n", CsvFixture.options().column("n", ColumnRule.of(ColumnRule.Type.INTEGER))));
        assertEquals(List.of("data/x.csv:2:1: column 'n': '9007199254740993' is too large to be kept exactly (whole numbers"
                + " are exact up to 9007199254740991 in absolute value), so two different values could merge; declare type: text"
                + " (or type: number, if approximate values will do) for this column under datasets.x.columns"), fx.messages());
    }

    @Test
    void inferredIdsBeyondTwoToTheFiftyThreeCannotMerge() {
        assertNull(fx.read("firm,year\n9007199254740992,1\n9007199254740993,1\n", CsvFixture.options().id("firm").time("year")));
        String why = " has too many digits to be kept exactly as a number; declare type: text for this column under datasets.x.columns";
        assertEquals(List.of("data/x.csv:2:1: column 'firm': '9007199254740992'" + why,
                "data/x.csv:3:1: column 'firm': '9007199254740993'" + why), fx.messages());
    }

    @Test
    void idsOneAndZeroOneDoNotMergeSilently() {
        assertNull(fx.read("firm,year\n1,2000\n2,2000\n01,2001\n1,2002\n7.0,2000\n7,2001\n", CsvFixture.options().id("firm").time("year")));
        String fix = ", so the two would merge into one panel unit; write the ids the same way, or declare type: text for"
                + " this column under datasets.x.columns to keep them apart";
        assertEquals(List.of("data/x.csv:4:1: column 'firm': the id '01' reads as the same number as the id '1' on line 2" + fix,
                "data/x.csv:7:1: column 'firm': the id '7' reads as the same number as the id '7.0' on line 6" + fix), fx.messages());
    }

    @Test
    void idsDeclaredTextKeepOneAndZeroOneApart() {
        Dataset d = fx.read("firm,year\n1,2000\n01,2000\n", CsvFixture.options().id("firm").time("year")
                .column("firm", ColumnRule.of(ColumnRule.Type.TEXT)));
        assertEquals(List.of(), fx.messages());
        assertNotNull(d);
        assertEquals(List.of("1", "01"), List.of(((TextColumn) d.column("firm")).levels()));
    }

    @Test
    void idsThatTurnOutTextAreNotCheckedForSpelling() {
        Dataset d = fx.read("firm,year\n1,2000\n01,2000\nA,2000\n", CsvFixture.options().id("firm").time("year"));
        assertEquals(List.of(), fx.messages());
        assertEquals(List.of("1", "01", "A"), List.of(((TextColumn) d.column("firm")).levels()));
    }
}
