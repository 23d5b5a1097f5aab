package dev.repro.data.dta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.data.Column;
import dev.repro.data.CsvOptions;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.data.ReadOptions;
import dev.repro.data.TextColumn;
import dev.repro.diag.Problems;
import dev.repro.io.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every golden .dta file of src/test/golden/readers (written by R haven::write_dta versions 8-15 and
 * readstata13::save.dta13, formats 113-119) reads to exactly the values R's haven::read_dta reads back.
 */
class DtaReaderGoldenTest {
    static final Path DIR = Path.of("src", "test", "golden", "readers");

    static Stream<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            List<Path> l = s.filter(p -> p.toString().endsWith(".dta")).sorted().toList();
            assertTrue(l.size() >= 13, "golden .dta files: " + l);
            return l.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void readsWhatHavenReads(Path file) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(file + ".expected.tsv"), StandardCharsets.UTF_8);
        String[] names = lines.get(0).split("\t", -1);
        Problems problems = new Problems();
        Dataset d = DtaReader.read(file, CsvOptions.builder("g", file.getFileName().toString()).build(),
                new ReadOptions("dta", null, null, 0, false, ReadOptions.DateRule.YEAR, true), problems, w -> { });
        assertTrue(problems.isEmpty(), problems.list().toString());
        assertNotNull(d);
        assertEquals(lines.size() - 2, d.rows());
        assertEquals(Sha256.of(file), d.sha256());
        // the variable labels R reads (line 2 of the expected file) are the dataset's display labels
        String[] labels = lines.get(1).split("\t", -1);
        Map<String, String> expectedLabels = new LinkedHashMap<>();
        for (int c = 0; c < names.length; c++) {
            if (!labels[c].isEmpty()) {
                expectedLabels.put(names[c], labels[c]);
            }
        }
        assertEquals(expectedLabels, d.variableLabels(), file.getFileName() + " variable labels");
        List<String> expectedNames = new ArrayList<>(List.of(names));
        for (int c = 0; c < names.length; c++) {
            Column col = d.column(names[c]);
            assertNotNull(col, names[c] + " in " + d.columnNames());
            for (int r = 0; r < d.rows(); r++) {
                String want = lines.get(r + 2).split("\t", -1)[c];
                String where = file.getFileName() + " " + names[c] + "[" + (r + 1) + "]";
                if (col instanceof NumericColumn n) {
                    double got = n.values()[r];
                    if (want.equals("NA") || want.startsWith(".")) {
                        assertTrue(Double.isNaN(got), where + ": " + got);
                        if (want.startsWith(".")) {
                            TextColumn codes = (TextColumn) d.column(names[c] + "_missing");
                            assertEquals(want, codes.levels()[codes.codes()[r]], where);
                        }
                    } else {
                        assertEquals(Double.parseDouble(want), got, 0.0, where);
                    }
                } else {
                    TextColumn t = (TextColumn) col;
                    int code = t.codes()[r];
                    // the default missing-value texts: an empty text and NA are missing, as in a CSV file
                    if (want.isEmpty() || want.equals("NA")) {
                        assertEquals(-1, code, where);
                    } else {
                        assertEquals(want, t.levels()[code], where);
                    }
                }
            }
        }
        for (String extra : d.columnNames()) {
            if (!expectedNames.contains(extra)) {
                assertTrue(extra.endsWith("_missing"), extra);
            }
        }
    }
}
