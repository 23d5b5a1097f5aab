import dev.repro.data.ColumnRule;
import dev.repro.data.CsvOptions;
import dev.repro.data.CsvReader;
import dev.repro.data.Dataset;
import dev.repro.data.ReadOptions;
import dev.repro.data.dta.DtaReader;
import dev.repro.diag.Problems;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The .dta reader against the CSV reader on the same 5-million-row panel (made by bench/readers/make.R,
 * which also times R's haven::read_dta on the .dta file). Same schema for both: (unit, year) panel keys
 * checked unique, x1 >= 0, n an integer.
 *
 * Run from the repository root (see docs/data.md):
 *   Rscript bench/readers/make.R 5000000
 *   mvn -B -o -q compile -Dinvoker.skip && java -Xmx3g -cp "target/classes" bench/readers/ReadersBench.java [rows] [repeats]
 */
public final class ReadersBench {
    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dta = Path.of("bench", "out", "readers-" + rows + ".dta");
        Path csv = Path.of("bench", "out", "readers-" + rows + ".csv");
        ReadOptions read = ReadOptions.defaults();
        for (int r = 0; r < repeats; r++) {
            for (Path file : new Path[] {dta, csv}) {
                CsvOptions o = CsvOptions.builder("bench", file.toString()).id("unit").time("year")
                        .column("x1", ColumnRule.any().withMin(0.0))
                        .column("n", ColumnRule.of(ColumnRule.Type.INTEGER)).build();
                System.gc();
                Problems problems = new Problems();
                long t0 = System.nanoTime();
                Dataset d = file == dta ? DtaReader.read(file, o, read, problems, System.err::println) : CsvReader.read(file, o, problems);
                double s = (System.nanoTime() - t0) / 1e9;
                if (d == null) {
                    throw new IllegalStateException(problems.list().toString());
                }
                System.out.printf(Locale.ROOT, "%-4s %s (%.0f MB): %d rows in %.2f s (%.2f M rows/s)%n",
                        file == dta ? "dta" : "csv", file, Files.size(file) / 1e6, d.rows(), s, d.rows() / s / 1e6);
            }
        }
    }
}
