package dev.repro.data.readers;

import dev.repro.data.CsvOptions;
import dev.repro.data.CsvReader;
import dev.repro.data.Dataset;
import dev.repro.data.ReadOptions;
import dev.repro.data.dta.DtaReader;
import dev.repro.data.xlsx.XlsxReader;
import dev.repro.diag.Problems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Every file format a dataset can be read from. A new format is one package with a reader and one
 * {@link Kind} in {@link #KINDS}: its name for {@code format:}, its file extensions and the study keys only it
 * knows. A file whose extension no format claims is read as CSV (which reports a binary file clearly).
 */
public final class DataReaders {

    /** Reads one file into a dataset with the checks of the study's schema; null when any problem was found. */
    @FunctionalInterface
    public interface Reader {
        Dataset read(Path file, CsvOptions options, ReadOptions read, Problems problems, Consumer<String> warn);
    }

    /**
     * A file format.
     *
     * @param name       its word for {@code format:}
     * @param extensions the file extensions (lower case, with the dot) that choose it
     * @param keys       the dataset keys only this format knows
     */
    public record Kind(String name, List<String> extensions, List<String> keys, Reader reader) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("csv", List.of(".csv", ".txt"), List.of(), (file, o, r, p, w) -> CsvReader.read(file, o, p)),
            new Kind("dta", List.of(".dta"), List.of("labels", "dates", "missing_codes", "encoding"), DtaReader::read),
            new Kind("xlsx", List.of(".xlsx", ".xlsm"), List.of("sheet", "range", "header", "dates"), XlsxReader::read));

    private DataReaders() {
    }

    public static List<Kind> kinds() {
        return KINDS;
    }

    /** The format names, for messages and {@code format:}. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (Kind k : KINDS) {
            out.add(k.name());
        }
        return out;
    }

    /** The declared format, else the one of the file's extension, else csv; null for a declared name no format has. */
    public static Kind of(String file, String declared) {
        if (declared != null) {
            for (Kind k : KINDS) {
                if (k.name().equals(declared.toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
            return null;
        }
        String lower = file.toLowerCase(Locale.ROOT);
        for (Kind k : KINDS) {
            for (String ext : k.extensions()) {
                if (lower.endsWith(ext)) {
                    return k;
                }
            }
        }
        return KINDS.get(0);
    }

    /** Reads {@code file} (warnings, such as a formula without a cached value, go to {@code warn}) with the reader of its format (declared in {@code read}, else by {@code options.displayPath()}). */
    public static Dataset read(Path file, CsvOptions options, ReadOptions read, Problems problems, Consumer<String> warn) {
        Kind k = of(options.displayPath(), read.format());
        if (k == null) {
            problems.addKey(options.studyFile(), 0, 0, options.datasetKey() + ".format", "unknown format '" + read.format()
                    + "'; expected one of " + String.join(", ", names()));
            return null;
        }
        return k.reader().read(file, options, read, problems, warn);
    }
}
