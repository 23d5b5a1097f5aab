package dev.repro.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A mostly numeric column without a declared type that some text cells made text names those cells. */
class CsvInferredTextTest {
    @TempDir
    Path dir;

    private InferredText why(String csv, String column) {
        CsvFixture fx = new CsvFixture(dir);
        Dataset d = fx.read(csv);
        assertEquals(List.of(), fx.messages());
        return ((TextColumn) d.column(column)).inferredText();
    }

    @Test
    void numbersThenTextNameTheFirstCellAndCountTheOthers() {
        String csv = "id,t,y\n1,1,0.5\n1,2,n/a\n1,3,0.7\n2,1,n/a\n2,2,0.1\n2,3,0.2\n3,1,-\n3,2,0.3\n";
        assertEquals("data/x.csv:3:3: column 'y' is numeric except for 'n/a' here (and 2 more cells: lines 5, 8);"
                + " declare the text as missing (missing: [\"\", \"NA\", \".\", \"n/a\", \"-\"]) or fix the cells",
                why(csv, "y").message("y"));
    }

    @Test
    void textFirstThenNumbersAlsoNamesTheCell() {
        assertEquals("data/x.csv:2:2: column 'y' is numeric except for 'n/a' here;"
                + " declare the text as missing (missing: [\"\", \"NA\", \".\", \"n/a\"]) or fix the cell",
                why("a,y\n1,n/a\n2,3\n3,4\n", "y").message("y"));
    }

    @Test
    void manyTextCellsAreCountedAndTheLinesCut() {
        StringBuilder csv = new StringBuilder("y\n");
        for (int i = 0; i < 20; i++) {
            csv.append(i < 8 ? "x\n" : i + "\n");
        }
        assertEquals("data/x.csv:2:1: column 'y' is numeric except for 'x' here (and 7 more cells: lines 3, 4, 5, 6, 7, ...);"
                + " declare the text as missing (missing: [\"\", \"NA\", \".\", \"x\"]) or fix the cells",
                why(csv.toString(), "y").message("y"));
    }

    @Test
    void aColumnOfMostlyTextIsTextByNature() {
        assertNull(why("y\nAL\nAK\n3\n", "y"));
    }

    @Test
    void aDeclaredTextColumnKeepsNoReason() {
        CsvFixture fx = new CsvFixture(dir);
        Dataset d = fx.read("y\n1\n2\nn/a\n", CsvFixture.options()
                .schema(Map.of("y", new ColumnRule(ColumnRule.Type.TEXT, null, null, List.of(), false))));
        assertNull(((TextColumn) d.column("y")).inferredText());
    }
}
