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

/** The {@code models:} section: dataset, formula, covariance, sample and the estimator with its options. */
final class ModelsParser extends SectionParser {
    static final String[] MODEL_KEYS = {"dataset", "formula", "vcov", "sample", "estimator", "dof", "singletons", "allowMissing"};
    static final String[] GMM_KEYS = {"gmm", "iv", "transformation", "effect", "steps", "collapse"};

    ModelsParser(String source, Problems problems) {
        super(source, problems);
    }

    ModelSpec model(String name, Node node, Map<String, DatasetSpec> datasets) {
        Fields f = Fields.of(node, source, problems, "a model with 'dataset' and 'formula'", MODEL_KEYS);
        if (f == null) {
            return null;
        }
        String dataset = datasetRef(f, datasets);
        String formula = f.string("formula", true, "write it as \"y ~ x1 + x2 | fe1 + fe2\"");
        VcovSpec vcov = vcov(f);
        String sample = f.string("sample", false, null);
        String estimator = f.choice("estimator", "linear", "linear", "re", "gmm");
        Map<String, Object> options = new LinkedHashMap<>();
        Map<String, Located> where = locations(node);
        put(options, "dof", f.choice("dof", "stata", "stata", "fixest", "plm", "none"));
        put(options, "singletons", f.choice("singletons", "keep", "keep", "drop"));
        put(options, "allowMissing", f.bool("allowMissing", null));
        if ("gmm".equals(estimator)) {
            f.allow(GMM_KEYS);
            String gmm = f.string("gmm", true, "name the GMM-style instruments, e.g. gmm: \"L(y, 2:99)\"");
            put(options, "gmm", gmm);
            put(options, "iv", f.string("iv", false, null));
            put(options, "transformation", f.choice("transformation", "d", "d", "ld"));
            put(options, "effect", f.choice("effect", "twoways", "twoways", "individual"));
            put(options, "steps", f.integer("steps", 2, 1, 2));
            put(options, "collapse", f.bool("collapse", false));
        } else {
            for (String k : GMM_KEYS) {
                Node n = node.get(k);
                if (n != null) {
                    f.allow(k);
                    f.problem(n, "'" + k + "' applies to estimator: gmm only; remove it or set estimator: gmm");
                }
            }
        }
        f.finish();
        if (dataset == null || formula == null || vcov == null || estimator == null) {
            return null;
        }
        return new ModelSpec(name, dataset, formula, vcov, sample, estimator, options, node.at(source), where);
    }
}
