package dev.repro.study;

import dev.repro.config.Fields;
import dev.repro.config.Node;
import dev.repro.diag.Problems;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code models:} section as the study knows it: dataset, formula, covariance, sample and
 * {@code allowMissing}. The {@code estimator:} word and that estimator's own keys are parsed, with their
 * positions, by the estimator kind registered for the word (at validate, from the study's positioned tree), so
 * that a new estimator needs no change here.
 */
final class ModelsParser extends SectionParser {
    static final String[] MODEL_COMMON_KEYS = {"dataset", "formula", "vcov", "sample", "estimator", "allowMissing"};

    ModelsParser(String source, Problems problems) {
        super(source, problems);
    }

    ModelSpec model(String name, Node node, Map<String, DatasetSpec> datasets) {
        Fields f = Fields.of(node, source, problems, "a model with 'dataset' and 'formula'", MODEL_COMMON_KEYS);
        if (f == null) {
            return null;
        }
        String dataset = datasetRef(f, datasets);
        String formula = f.string("formula", true, "write it as \"y ~ x1 + x2 | fe1 + fe2\"");
        VcovSpec vcov = vcov(f);
        String sample = f.string("sample", false, null);
        // the kind registry checks the word (its type, a misspelling) and the kind's keys; unknown keys are reported there
        Node word = node.get("estimator");
        String estimator = word != null && word.isScalar() && !word.isNull() ? word.text() : ModelSpec.DEFAULT_ESTIMATOR;
        Map<String, Object> options = new LinkedHashMap<>();
        put(options, "allowMissing", f.bool("allowMissing", null));
        if (dataset == null || formula == null || vcov == null) {
            return null;
        }
        return new ModelSpec(name, dataset, formula, vcov, sample, estimator, options, node.at(source), locations(node));
    }
}
