package dev.repro.pipeline;

import dev.repro.config.Fields;
import dev.repro.config.Node;
import dev.repro.diag.Problems;
import dev.repro.study.ModelSpec;
import dev.repro.study.Study;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of estimators: adding one is a core package under {@code estimate}, one class implementing
 * {@link EstimatorKind} and one line in {@link #KINDS}. The study keeps each model's positioned entry; the kind named by
 * its {@code estimator:} word parses the rest.
 */
public final class EstimatorKinds {
    /** Every estimator, in the order the study's messages list them; the first is the default. */
    static final List<EstimatorKind> KINDS = List.of(LinearKind.POOLED_OR_WITHIN, LinearKind.RANDOM_EFFECTS, new GmmKind(),
            new PpmlKind(), new IvKind());

    /** The keys every model has, read by the study. */
    private static final String[] COMMON_KEYS = {"dataset", "formula", "vcov", "sample", "estimator", "allowMissing"};

    private EstimatorKinds() {
    }

    static List<String> words() {
        return KINDS.stream().map(EstimatorKind::word).toList();
    }

    /** The kind registered for {@code word}, or null. */
    static EstimatorKind named(String word) {
        for (EstimatorKind k : KINDS) {
            if (k.word().equals(word)) {
                return k;
            }
        }
        return null;
    }

    /**
     * The study with every model's estimator word and own keys parsed (at validate), each mistake added with its
     * position. Every entry of the {@code models:} section is read, also one the study could not build (a missing
     * formula), so that all its mistakes are reported at once; a study built in code is returned as it is.
     */
    public static Study resolve(Study study, Problems problems) {
        Node section = study.root() == null ? null : study.root().get("models");
        if (section == null || !section.isMap()) {
            return study;
        }
        Map<String, ModelSpec> models = new LinkedHashMap<>(study.models());
        for (var e : section.entries().entrySet()) {
            if (!e.getValue().isMap()) {
                continue; // reported by the study
            }
            ModelSpec m = models.get(e.getKey());
            Map<String, Object> options = new LinkedHashMap<>(m == null ? Map.of() : m.options());
            String word = parse(e.getValue(), study.source(), options, problems);
            WildOptions.parse(e.getValue(), word, study.source(), study.seed(), options, problems);
            if (m != null && word != null) {
                models.put(m.name(), m.withOptions(word, options));
            }
        }
        return study.withModels(models);
    }

    /** Reads a model entry's estimator word and that kind's keys into {@code options}; the word, or null when unknown. */
    private static String parse(Node node, String source, Map<String, Object> options, Problems problems) {
        Fields f = new Fields(node, source, problems, COMMON_KEYS);
        String[] words = words().toArray(String[]::new);
        String word = f.choice("estimator", ModelSpec.DEFAULT_ESTIMATOR, words);
        EstimatorKind kind = named(word);
        if (kind != null) {
            kind.parse(f, options);
            refuseKeysOfOtherKinds(f, node, kind);
        }
        f.finish();
        return kind == null ? null : word;
    }

    /** "'gmm' applies to estimator: gmm only; remove it or set estimator: gmm", at the key's value. */
    private static void refuseKeysOfOtherKinds(Fields f, Node node, EstimatorKind kind) {
        Map<String, List<String>> owners = new LinkedHashMap<>();
        for (EstimatorKind other : KINDS) {
            for (String key : other.keys()) {
                if (!kind.keys().contains(key)) {
                    owners.computeIfAbsent(key, k -> new ArrayList<>()).add(other.word());
                }
            }
        }
        for (var e : owners.entrySet()) {
            Node n = node.get(e.getKey());
            if (n != null) {
                f.allow(e.getKey());
                List<String> words = e.getValue();
                f.problem(n, "'" + e.getKey() + "' applies to estimator: " + String.join(" or ", words) + " only; remove it or set estimator: "
                        + words.get(0));
            }
        }
    }
}
