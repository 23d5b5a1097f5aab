package dev.repro.study;

import dev.repro.config.Fields;
import dev.repro.config.Node;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import dev.repro.diag.Suggest;
import dev.repro.data.ColumnRule;
import dev.repro.data.CsvOptions;
import dev.repro.data.ReadOptions;
import dev.repro.data.readers.DataReaders;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The {@code datasets:} section: each data file (CSV, Stata .dta, Excel .xlsx) with its panel columns, missing-value texts and column rules. */
final class DatasetsParser extends SectionParser {
    static final String[] DATASET_KEYS = {"file", "id", "time", "missing", "columns", "source", "restricted", "sha256", "external",
            "format", "sheet", "range", "header", "labels", "dates", "missing_codes", "encoding"};
    static final String[] COLUMN_KEYS = {"type", "min", "max", "allowed", "required"};

    DatasetsParser(String source, Problems problems) {
        super(source, problems);
    }

    DatasetSpec dataset(String name, Node node) {
        Fields f = Fields.of(node, source, problems, "a dataset with a 'file'", DATASET_KEYS);
        if (f == null) {
            return null;
        }
        String file = f.string("file", true, "give the CSV file relative to the project, e.g. file: data/" + name + ".csv");
        String id = f.string("id", false, null);
        String time = f.string("time", false, null);
        List<String> missing = f.strings("missing", false, null);
        String provenance = f.string("source", false, null);
        Boolean restricted = f.bool("restricted", false);
        Boolean external = f.bool("external", false);
        String expectedSha = f.string("sha256", false, null);
        if (expectedSha != null && !expectedSha.matches("[0-9a-fA-F]{64}")) {
            f.problem(f.raw("sha256"), "expected the file's SHA-256 as 64 hexadecimal digits (sha256sum prints it), found '" + expectedSha + "'");
            expectedSha = null;
        }
        Map<String, ColumnRule> columns = new LinkedHashMap<>();
        Node cols = f.raw("columns");
        if (cols != null && !cols.isNull()) {
            if (!cols.isMap()) {
                f.problem(cols, "expected a mapping of column names to rules such as {type: number, min: 0}, found " + cols.describe());
            } else {
                for (var e : cols.entries().entrySet()) {
                    ColumnRule c = column(e.getValue());
                    if (c != null) {
                        columns.put(e.getKey(), c);
                    }
                }
            }
        }
        ReadOptions read = readOptions(f, file);
        f.finish();
        return file == null ? null : new DatasetSpec(name, file, id, time,
                missing == null ? CsvOptions.DEFAULT_MISSING : missing, columns, provenance, restricted != null && restricted,
                expectedSha == null ? null : expectedSha.toLowerCase(Locale.ROOT), external != null && external, node.at(source),
                positions(node, new LinkedHashMap<>()), read);
    }

    /** The keys of formats other than CSV ({@code format:}, {@code sheet:}, ...), each checked against the file's format. */
    private ReadOptions readOptions(Fields f, String file) {
        String format = f.choice("format", null, DataReaders.names().toArray(new String[0]));
        String sheet = f.string("sheet", false, null);
        String range = f.string("range", false, null);
        if (range != null && !range.matches("[A-Za-z]{1,3}[0-9]{1,7}:[A-Za-z]{1,3}[0-9]{1,7}")) {
            f.problem(f.raw("range"), "expected a range of cells such as A3:K33, found '" + range + "'");
            range = null;
        }
        Integer header = f.integer("header", 0, 1, 1_048_576);
        String labels = f.choice("labels", "text", "text", "code");
        String dates = f.choice("dates", "year", "year", "period");
        Boolean missingCodes = f.bool("missing_codes", false);
        String encoding = f.string("encoding", false, null);
        if (encoding != null && !supported(encoding)) {
            f.problem(f.raw("encoding"), "unknown encoding '" + encoding + "'; expected a character set name such as windows-1252, "
                    + "ISO-8859-1, GBK, Shift_JIS or UTF-8");
            encoding = null;
        }
        DataReaders.Kind kind = file == null ? null : DataReaders.of(file, format);
        if (kind != null) {
            for (String key : new String[] {"sheet", "range", "header", "labels", "dates", "missing_codes", "encoding"}) {
                Node n = f.raw(key);
                if (n != null && !n.isNull() && !kind.keys().contains(key)) {
                    f.problem(n, "'" + key + "' does not apply to " + kind.name() + " files; remove it"
                            + (format == null ? " (the format comes from the file's extension; set format: if it is wrong)" : ""));
                }
            }
        }
        return new ReadOptions(format, sheet, range, header == null ? 0 : header, "code".equals(labels),
                "period".equals(dates) ? ReadOptions.DateRule.PERIOD : ReadOptions.DateRule.YEAR, missingCodes != null && missingCodes, encoding);
    }

    private static boolean supported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    private ColumnRule column(Node node) {
        Fields f = Fields.of(node, source, problems, "column rules such as {type: number, min: 0}", COLUMN_KEYS);
        if (f == null) {
            return null;
        }
        String type = f.choice("type", null, "number", "integer", "text");
        Double min = f.number("min", null);
        Double max = f.number("max", null);
        List<String> values = f.strings("allowed", false, null);
        Boolean required = f.bool("required", false);
        f.finish();
        if (min != null && max != null && min > max) {
            f.problem(node, "min " + fmt(min) + " is larger than max " + fmt(max) + "; swap them");
            return null;
        }
        if ("text".equals(type) && (min != null || max != null)) {
            f.problem(node, "min and max apply to number and integer columns, not text");
            return null;
        }
        return new ColumnRule(ColumnRule.Type.parse(type), min, max, values, required != null && required);
    }

    /** The position of every key under a dataset, by its key path. */
    private Map<String, Located> positions(Node node, Map<String, Located> out) {
        out.put(node.path(), node.at(source));
        for (Node child : node.entries().values()) {
            positions(child, out);
        }
        return out;
    }
}
