package dev.repro.study;

import dev.repro.config.Fields;
import dev.repro.config.Node;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import dev.repro.diag.Suggest;
import dev.repro.data.ColumnRule;
import dev.repro.data.CsvOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** What the parsers of the study's sections share: the file's name, the problems, references and small helpers. */
abstract class SectionParser {
    /** Ids of datasets, models, tests and tables become file names: keep them simple. */
    static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    final String source;
    final Problems problems;

    SectionParser(String source, Problems problems) {
        this.source = source;
        this.problems = problems;
    }

    /** The entries of a top-level section, checking that it is a mapping of valid ids. */
    Map<String, Node> section(Fields f, String key, boolean required) {
        Node n = f.raw(key);
        if (n == null || n.isNull()) {
            if (required) {
                f.missing(key, "list the data files under 'datasets', e.g. datasets: {panel: {file: data/panel.csv, id: unit, time: year}}");
            }
            return Map.of();
        }
        if (!n.isMap()) {
            f.problem(n, "expected a mapping of names to entries, found " + n.describe());
            return Map.of();
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (var e : n.entries().entrySet()) {
            if (!key.equals("labels") && !ID.matcher(e.getKey()).matches()) {
                f.problem(e.getValue(), "the name '" + e.getKey() + "' is not a valid id; use letters, digits, '_' and '-', starting with a letter");
                continue;
            }
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    VcovSpec vcov(Fields f) {
        String text = f.string("vcov", false, null);
        if (text == null) {
            return f.has("vcov") ? null : VcovSpec.IID;
        }
        return VcovSpec.parse(text, detail -> f.problem(f.raw("vcov"), detail));
    }

    String datasetRef(Fields f, Map<String, DatasetSpec> datasets) {
        String d = f.string("dataset", true, "name one of the datasets: " + String.join(", ", datasets.keySet()));
        if (d != null && !datasets.containsKey(d)) {
            f.problem(f.raw("dataset"), "unknown dataset '" + d + "'" + orList(Suggest.didYouMean(d, datasets.keySet()), "datasets", datasets.keySet()));
            return null;
        }
        return d;
    }

    static String orList(String didYouMean, String what, Collection<String> names) {
        if (!didYouMean.isEmpty()) {
            return didYouMean;
        }
        return names.isEmpty() ? "; the study defines no " + what : "; the study's " + what + " are: " + String.join(", ", names);
    }

    Map<String, Located> locations(Node node) {
        Map<String, Located> out = new LinkedHashMap<>();
        for (var e : node.entries().entrySet()) {
            out.put(e.getKey(), e.getValue().at(source));
        }
        return out;
    }

    static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
