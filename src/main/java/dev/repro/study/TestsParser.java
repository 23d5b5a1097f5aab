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

/** The {@code tests:} section: the test type, its dataset and the options of each type. */
final class TestsParser extends SectionParser {
    static final String[] TEST_COMMON_KEYS = {"type", "dataset", "sample"};

    TestsParser(String source, Problems problems) {
        super(source, problems);
    }

    TestSpec test(String name, Node node, Map<String, DatasetSpec> datasets) {
        Fields f = Fields.of(node, source, problems, "a test with 'type' and 'dataset'", TEST_COMMON_KEYS);
        if (f == null) {
            return null;
        }
        String type = f.choice("type", null, "hausman", "unitroot", "granger");
        if (type == null && !f.has("type")) {
            f.missing("type", "one of hausman, unitroot, granger");
        }
        String dataset = datasetRef(f, datasets);
        Map<String, Object> options = new LinkedHashMap<>();
        put(options, "sample", f.string("sample", false, null));
        if ("hausman".equals(type)) {
            put(options, "formula", f.string("formula", true, "write the slopes as \"y ~ x1 + x2\"; the panel id comes from the dataset"));
            put(options, "method", f.choice("method", "chisq", "chisq", "generalized", "regression"));
            put(options, "vcov", f.string("vcov", false, null));
        } else if ("unitroot".equals(type)) {
            put(options, "method", f.choice("method", null, "llc", "ips", "fisher-adf", "fisher-pp"));
            if (!f.has("method")) {
                f.missing("method", "one of llc, ips, fisher-adf, fisher-pp");
            }
            put(options, "variable", f.string("variable", true, "name the column to test"));
            Node lags = f.raw("lags");
            if (lags != null && lags.isScalar() && lags.scalarType() == Node.ScalarType.STRING) {
                put(options, "lags", f.choice("lags", null, "aic", "sic", "hall"));
            } else {
                put(options, "lags", f.integer("lags", 1, 0, 50));
            }
            put(options, "pmax", f.integer("pmax", null, 0, 50));
            put(options, "deterministic", f.choice("deterministic", "intercept", "none", "intercept", "trend"));
            put(options, "convention", f.choice("convention", null, "stata", "plm"));
            put(options, "demean", f.bool("demean", null));
        } else if ("granger".equals(type)) {
            put(options, "cause", f.string("cause", true, "name the column that may Granger-cause the effect"));
            put(options, "effect", f.string("effect", true, "name the column that may be caused"));
            put(options, "lags", f.integer("lags", 1, 1, 50));
        }
        f.finish();
        if (type == null || dataset == null) {
            return null;
        }
        return new TestSpec(name, type, dataset, options, node.at(source), locations(node));
    }
}
