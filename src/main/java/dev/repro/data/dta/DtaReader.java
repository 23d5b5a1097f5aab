package dev.repro.data.dta;

import dev.repro.data.ColumnTable;
import dev.repro.data.CsvOptions;
import dev.repro.data.DataFiles;
import dev.repro.data.Dataset;
import dev.repro.data.ReadOptions;
import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import dev.repro.io.Sha256;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a Stata .dta file (formats 113-119, both byte orders) into a {@link Dataset} with the checks of a CSV
 * file. The data are streamed in blocks of observations and decoded straight into one array per variable;
 * long strings and value labels, which follow the data in the file, are resolved at the end. A file that
 * breaks the format fails with the byte offset and what was expected there.
 */
public final class DtaReader {
    /** The most observations one file may have: the columns are Java arrays. */
    static final long MAX_ROWS = Integer.MAX_VALUE - 8;
    /** The character set of formats 113-117 unless the study names another ({@code encoding:}). */
    static final Charset DEFAULT_ENCODING = Charset.forName("windows-1252");

    private DtaReader() {
    }

    public static Dataset read(Path file, CsvOptions options, ReadOptions read, Problems problems, Consumer<String> warn) {
        if (!DataFiles.present(file, options, problems)) {
            return null;
        }
        Sha256 sha = new Sha256();
        DtaContent content;
        try (InputStream raw = Files.newInputStream(file); DtaInput in = new DtaInput(new BufferedInputStream(raw, 1 << 16), sha)) {
            try {
                content = DtaContent.read(in, read.encoding() == null ? DEFAULT_ENCODING : Charset.forName(read.encoding()));
                in.drain();
            } catch (DtaException e) {
                problems.add(Problem.at(options.displayPath(), 0, 0, "at byte " + e.offset + ": " + e.getMessage()));
                return null;
            }
        } catch (IOException e) {
            DataFiles.cannotRead(e, options, problems);
            return null;
        }
        if (read.encoding() != null && content.layout.release >= 118) {
            warn.accept(options.displayPath() + ": encoding: " + read.encoding() + " is not used: format " + content.layout.release
                    + " files (Stata 14 and later) are UTF-8; remove the key");
        }
        Dataset d = table(content, options, read, problems).finish(sha.hex());
        return d == null ? null : d.withVariableLabels(variableLabels(content.layout));
    }

    /** Each variable's label (Stata's {@code label variable}), the default display label of its column in tables. */
    private static Map<String, String> variableLabels(DtaLayout l) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int v = 0; v < l.k; v++) {
            out.put(l.names[v], l.labels[v]);
        }
        return out;
    }

    /** Labels, dates and missing codes applied, each variable given to the checks of a CSV column. */
    private static ColumnTable table(DtaContent c, CsvOptions options, ReadOptions read, Problems problems) {
        DtaLayout l = c.layout;
        int rows = (int) l.n;
        List<String> names = new ArrayList<>(List.of(l.names));
        List<Integer> companions = new ArrayList<>();
        if (read.missingCodes()) {
            for (int v = 0; v < l.k; v++) {
                if (c.extended[v] && !List.of(l.names).contains(l.names[v] + "_missing")) {
                    companions.add(v);
                    names.add(l.names[v] + "_missing");
                }
            }
        }
        int[] observations = new int[rows];
        for (int r = 0; r < rows; r++) {
            observations[r] = r + 1;
        }
        ColumnTable t = new ColumnTable(options, problems, new ColumnTable.Place() {
            @Override
            public Problem cell(int row, int column, String message) {
                return Problem.at(options.displayPath(), 0, 0, (row > 0 ? "observation " + row + (column >= 0 ? ", " : ": ") : "") + message);
            }

            @Override
            public String row(int row) {
                return "in observation " + row;
            }
        });
        t.header(names, 0, observations);
        for (int v = 0; v < l.k; v++) {
            if (c.text[v] != null) {
                t.texts(v, c.text[v]);
                continue;
            }
            double[] values = c.numbers[v];
            StataValues.Unit unit = StataValues.unit(l.formats[v]);
            Map<Integer, String> labels = l.labelSets[v].isEmpty() || read.labelCodes() ? null : c.valueLabels.get(l.labelSets[v]);
            if (unit != null) {
                for (int r = 0; r < rows; r++) {
                    if (!Double.isNaN(values[r])) {
                        values[r] = StataValues.convert(values[r], unit, read.dates());
                    }
                }
                t.numbers(v, values, c.missingShown[v]);
            } else if (labels != null) {
                t.texts(v, labelled(values, labels));
            } else {
                t.numbers(v, values, c.missingShown[v]);
            }
        }
        for (int i = 0; i < companions.size(); i++) {
            t.texts(l.k + i, c.missingShown[companions.get(i)]);
        }
        return t;
    }

    /** The label of each value that has one; other values as numbers written out, missing stays missing. */
    private static String[] labelled(double[] values, Map<Integer, String> labels) {
        String[] out = new String[values.length];
        Map<Double, String> shown = new HashMap<>();
        for (int r = 0; r < values.length; r++) {
            double v = values[r];
            if (Double.isNaN(v)) {
                continue;
            }
            out[r] = shown.computeIfAbsent(v, x -> {
                String label = x == Math.rint(x) && Math.abs(x) <= Integer.MAX_VALUE ? labels.get((int) (double) x) : null;
                return label != null ? label : x == Math.rint(x) ? Long.toString((long) (double) x) : Double.toString(x);
            });
        }
        return out;
    }
}
