package dev.repro.data.dta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.repro.data.CsvOptions;
import dev.repro.data.Dataset;
import dev.repro.data.ReadOptions;
import dev.repro.diag.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The date rules on files written by R haven (src/test/golden/readers/dates/dates.R, formats 114, 117 and 118): every
 * %td, %tc, %tw, %tm, %tq, %th and %ty value becomes, with {@code dates: period}, the Stata count R reads back and, with
 * {@code dates: year} (the default), the calendar year R's calendar gives it; missing stays missing.
 */
class DtaDatesGoldenTest {
    static final Path DIR = Path.of("src", "test", "golden", "readers", "dates");

    private static Dataset read(Path file, ReadOptions.DateRule rule) {
        Problems problems = new Problems();
        Dataset d = DtaReader.read(file, CsvOptions.builder("d", file.getFileName().toString()).build(),
                new ReadOptions("dta", null, null, 0, false, rule, false), problems, w -> { });
        assertTrue(problems.isEmpty(), problems.list().toString());
        return d;
    }

    @Test
    void periodsAndYearsAreWhatRReads() throws IOException {
        List<String> lines = Files.readAllLines(DIR.resolve("dates.expected.tsv"), StandardCharsets.UTF_8);
        int compared = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            int row = Integer.parseInt(f[3]) - 1;
            Path file = DIR.resolve(f[0]);
            double period = read(file, ReadOptions.DateRule.PERIOD).numeric(f[1]).values()[row];
            double year = read(file, ReadOptions.DateRule.YEAR).numeric(f[1]).values()[row];
            String where = f[0] + " " + f[1] + " (" + f[2] + ") observation " + f[3];
            if (f[4].equals("NA")) {
                assertTrue(Double.isNaN(period) && Double.isNaN(year), where);
            } else {
                assertEquals(Double.parseDouble(f[4]), period, 0.0, where + " period");
                assertEquals(Double.parseDouble(f[5]), year, 0.0, where + " year");
            }
            compared++;
        }
        // 3 files x 7 formats x 5 observations
        assertEquals(105, compared);
    }
}
